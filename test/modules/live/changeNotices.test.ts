import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Database } from '../../../src/db/client.js';
import {
  maxNotifyBytes,
  parseChangeBatch,
  rowChangePayloads,
  setChangeOrigin,
} from '../../../src/modules/writes/index.js';

test("a bulk write's ids are chunked into NOTIFY payloads under PostgreSQL's 8000 bytes, read back in full and in order", () => {
  // The database only names the writer here (its origin); nothing is read or written.
  const db = {} as Database;
  setChangeOrigin(db, 'instance-a');
  const ids = Array.from({ length: 10_000 }, (_, index) => 2 ** 40 + index);
  const payloads = rowChangePayloads(db, 'EnterpriseLoan', ids);
  assert.ok(payloads.length > 1, 'more ids than one payload holds');
  for (const payload of payloads) assert.ok(Buffer.byteLength(payload) <= maxNotifyBytes, `${payload.length} bytes`);
  // As few payloads as fit: each but the last is nearly full.
  for (const payload of payloads.slice(0, -1)) assert.ok(Buffer.byteLength(payload) > maxNotifyBytes - 20);
  const batches = payloads.map((payload) => parseChangeBatch(payload));
  assert.ok(batches.every((batch) => batch?.origin === 'instance-a'));
  const read = batches.flatMap((batch) => batch?.changes ?? []);
  assert.deepEqual(
    read,
    ids.map((id) => ({ type: 'EnterpriseLoan', id })),
  );
  assert.deepEqual(rowChangePayloads(db, 'EnterpriseLoan', []), []);
});
