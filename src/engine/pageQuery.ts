import { Prisma } from '../generated/prisma/client.js';
import type { PageRequest } from './connectionArgs.js';
import { aliasSource, compileWhere, type AliasSource } from './compileWhere.js';
import type { EntitySpec } from './entitySpec.js';
import type { AccessScope } from './accessScope.js';
import { afterCursor, orderByClause, reversed } from './keyset.js';
import { assertMayUseField } from './fieldAccess.js';

/**
 * The filter and cursor conditions of a page over alias `alias`, without the paging itself.
 * @throws GraphQLError FORBIDDEN when the page is ordered by a field the caller may not read.
 */
export function pageConditions(
  spec: EntitySpec,
  request: PageRequest,
  alias: string,
  aliases: AliasSource,
): Prisma.Sql {
  request.keys.forEach((key, i) => {
    if (key.field !== 'id') assertMayUseField(spec.typeName, key.field, aliases.scope, `orderBy[${i}].field`);
  });
  const parts = [compileWhere(spec, request.where, alias, 'where', aliases)];
  if (request.after) parts.push(afterCursor(request.keys, request.after, alias));
  if (request.before) parts.push(afterCursor(reversed(request.keys), request.before, alias));
  return Prisma.join(parts, ' AND ');
}

/** ORDER BY for fetching the page in its direction (reversed when paging backwards). */
export function fetchOrder(request: PageRequest, alias: string): Prisma.Sql {
  return orderByClause(request.backward ? reversed(request.keys) : request.keys, alias);
}

/** One statement selecting limit + 1 rows of a root connection, within `scope`. */
export function rootPageSql(spec: EntitySpec, request: PageRequest, scope: AccessScope): Prisma.Sql {
  const aliases = aliasSource(scope);
  const alias = aliases.next();
  return Prisma.sql`SELECT ${Prisma.raw(`"${alias}".*`)} FROM ${Prisma.raw(`"${spec.table}" "${alias}"`)}
    WHERE ${pageConditions(spec, request, alias, aliases)}
    ORDER BY ${fetchOrder(request, alias)} LIMIT ${request.limit + 1}`;
}

/** One statement counting the rows within `scope` a root connection's filter matches. */
export function rootCountSql(spec: EntitySpec, request: PageRequest, scope: AccessScope): Prisma.Sql {
  const aliases = aliasSource(scope);
  const alias = aliases.next();
  return Prisma.sql`SELECT CAST(count(*) AS int) AS "count" FROM ${Prisma.raw(`"${spec.table}" "${alias}"`)}
    WHERE ${compileWhere(spec, request.where, alias, 'where', aliases)}`;
}
