import type { Database } from '../db/client.js';
import type { AccessScope } from './accessScope.js';
import { buildConnection, type Connection, type Row } from './connection.js';
import { resolvePageRequest, type ConnectionArgs } from './connectionArgs.js';
import { rootCountSql, rootPageSql } from './pageQuery.js';
import { asRows } from './relayLoaders.js';
import { entitySpec } from './specRegistry.js';

/**
 * One page of every row of `typeName` within `scope` matching `args.where`, in `args.orderBy` order: one
 * statement, plus one more only when `totalCount` is asked for.
 * @throws GraphQLError BAD_USER_INPUT naming the argument when an argument breaks a rule.
 */
export async function rootConnection(
  db: Database,
  typeName: string,
  args: ConnectionArgs,
  scope: AccessScope,
): Promise<Connection<Row>> {
  const spec = entitySpec(typeName);
  const request = resolvePageRequest(spec, args);
  const rows = asRows(
    typeName,
    await db.prisma.$queryRaw<Record<string, unknown>[]>(rootPageSql(spec, request, scope)),
  );
  return buildConnection(request, rows, async () => {
    const [result] = await db.prisma.$queryRaw<{ count: number }[]>(rootCountSql(spec, request, scope));
    return result?.count ?? 0;
  });
}
