import assert from 'node:assert/strict';
import type { Database } from '../../../src/db/client.js';
import type { MutationResult } from '../../../src/modules/writes/mutationResult.js';
import { fingerprint } from './writeFixture.js';

/**
 * Runs `call` and asserts it was refused with `code` on `input.<field>`, with a message, and
 * that no row of any table a mutation writes changed.
 */
export async function assertRefusedWithoutWrites(
  db: Database,
  call: () => Promise<MutationResult<unknown>>,
  code: string,
  field: string,
): Promise<void> {
  const before = await fingerprint(db);
  const result = await call();
  assert.equal(result.record, null);
  assert.ok(
    result.userErrors.some((error) => error.code === code && error.field.join('.') === `input.${field}`),
    `expected ${code} on input.${field}, got ${JSON.stringify(result.userErrors)}`,
  );
  assert.ok(result.userErrors.every((error) => error.message.length > 0));
  assert.deepEqual(await fingerprint(db), before, 'nothing was written');
}
