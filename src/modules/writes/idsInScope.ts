import { Prisma } from '../../generated/prisma/client.js';
import type { AccessScope } from '../auth/index.js';
import { scopeCondition, seesEverything } from '../../engine/scopeCondition.js';
import { entitySpec } from '../entities.js';
import type { Tx } from './transaction.js';
import type { UserError } from './userError.js';

/** A row id a mutation's input names, with its type and input path. */
export interface NamedId {
  typeName: string;
  id: number;
  path: string[];
}

/**
 * The NOT_FOUND user errors of the ids the caller may not see: every row a mutation targets or
 * links a new row to (its loan, initiative, booking or owner unit, borrower…) must be within the
 * caller's scope, by the same rule as reads (scopeCondition.ts), so a change can neither touch
 * nor attach to another branch's rows. A hidden row is reported exactly like a missing one.
 * One statement for every type named (none when the scope sees them all whole), run on `client`:
 * the server's client before the write, the write's transaction to check again inside it.
 */
export async function idsOutOfScope(
  client: Pick<Tx, '$queryRaw'>,
  scope: AccessScope,
  ids: readonly NamedId[],
): Promise<UserError[]> {
  const byType = new Map<string, NamedId[]>();
  for (const named of ids) byType.set(named.typeName, [...(byType.get(named.typeName) ?? []), named]);
  const checked = [...byType].filter(([typeName]) => !seesEverything(entitySpec(typeName), scope));
  if (checked.length === 0) return [];
  const selects = checked.map(([typeName, list]) => {
    const spec = entitySpec(typeName);
    return Prisma.sql`SELECT ${typeName}::text AS "typeName", "t1"."id" FROM ${Prisma.raw(`"${spec.table}" "t1"`)}
      WHERE "t1"."id" = ANY(CAST(${list.map((named) => named.id)} AS int[])) AND ${scopeCondition(spec, 't1', scope)}`;
  });
  const rows = await client.$queryRaw<{ typeName: string; id: number }[]>(Prisma.join(selects, ' UNION ALL '));
  const visible = new Set(rows.map((row) => `${row.typeName}:${row.id}`));
  const errors: UserError[] = [];
  for (const [typeName, list] of checked) {
    for (const named of list) {
      if (!visible.has(`${typeName}:${named.id}`))
        errors.push({
          field: ['input', ...named.path],
          code: 'NOT_FOUND',
          message: `No ${typeName} has id ${named.id}.`,
        });
    }
  }
  return errors;
}
