import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { buildSchema, isEnumType } from 'graphql';
import { userErrorCodes } from '../../../src/modules/writes/userErrorCodes.js';
import { typeDefs } from '../../../src/schema/typeDefs.js';

const table = Object.entries(userErrorCodes);

// Markdown code spans are the one formatting the README and the table may use and the SDL may not.
const plain = (text: string) => text.replaceAll('`', '');

/** The rows of docs/writes.md's "## User error codes" table, in order. */
function readmeRows(): Array<[string, string]> {
  const writes = fs.readFileSync(new URL('../../../docs/writes.md', import.meta.url), 'utf8');
  const section = writes.split('\n## User error codes\n')[1]?.split('\n## ')[0];
  assert.ok(section, 'docs/writes.md has a "## User error codes" table');
  return [...section.matchAll(/^\| `([A-Z_]+)` \| (.+) \|$/gm)].map((match) => [match[1]!, match[2]!]);
}

test("docs/writes.md's user error codes are userErrorCodes.ts's, in order and with the same meaning", () => {
  assert.deepEqual(readmeRows(), table);
});

test("schema.graphql's UserErrorCode enum has userErrorCodes.ts's values, in order, described by their meaning", () => {
  const enumType = buildSchema(typeDefs).getType('UserErrorCode');
  assert.ok(isEnumType(enumType), 'schema.graphql declares enum UserErrorCode');
  assert.deepEqual(
    enumType.getValues().map((value) => [value.name, value.description]),
    table.map(([code, meaning]) => [code, plain(meaning)]),
  );
});

test('every code is SCREAMING_SNAKE_CASE with a one-sentence meaning', () => {
  for (const [code, meaning] of table) {
    assert.match(code, /^[A-Z]+(_[A-Z]+)*$/);
    assert.match(meaning, /^[A-Z].*\.$/, code);
  }
});
