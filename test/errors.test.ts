import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { errorTable } from '../src/errors.js';

test("docs/errors.md's error list matches the error table, code for code and status for status", () => {
  const errorsDoc = fs.readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
  const rows = [...errorsDoc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \| (.+) \|$/gm)].map((m) => [m[1], Number(m[2])]);
  const expected = Object.entries(errorTable).map(([code, entry]) => [code, entry.status]);
  assert.deepEqual(rows, expected);
});
