import type { Tx } from './transaction.js';
import { fail, UserInputError } from './userError.js';

/** Tables whose rows carry an optimistic-concurrency `version`. */
export type VersionedTable = 'Village' | 'Initiative' | 'Campaign' | 'Enterprise' | 'EnterpriseLoan';

/**
 * Locks the row (SELECT … FOR UPDATE, held to the end of the transaction) and checks the
 * caller's `expectedVersion` against it. Because of the lock, two writers of one row queue: the
 * second reads the version the first committed and gets CONFLICT. Callers then write with
 * `where: { id, version }` and `version: { increment: 1 }`, the compare-and-set
 * UPDATE … WHERE id = $1 AND version = $2. Without an expected version (lifecycle operations,
 * where it is optional) only the lock is taken.
 * @returns the row's current version.
 * @throws UserInputError NOT_FOUND on `path` when there is no such row, or CONFLICT on
 *   `expectedVersion` carrying the current version when the caller's is stale.
 */
export async function lockVersion(
  tx: Tx,
  table: VersionedTable,
  id: number,
  expectedVersion: number | null | undefined,
  path: Array<string | number>,
): Promise<number> {
  const rows = await tx.$queryRawUnsafe<Array<{ version: number }>>(
    `SELECT "version" FROM "${table}" WHERE "id" = $1 FOR UPDATE`,
    id,
  );
  if (rows.length === 0) fail(path, 'NOT_FOUND', `No ${table} has id ${id}.`);
  const currentVersion = rows[0]!.version;
  if (expectedVersion !== null && expectedVersion !== undefined && expectedVersion !== currentVersion) {
    throw new UserInputError([
      {
        field: ['input', 'expectedVersion'],
        code: 'CONFLICT',
        message: `The ${table} changed since version ${expectedVersion}: it is now at version ${currentVersion}. Reload it and apply your change again.`,
        currentVersion,
      },
    ]);
  }
  return currentVersion;
}
