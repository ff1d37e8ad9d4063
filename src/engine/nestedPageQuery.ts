import { Prisma } from '../generated/prisma/client.js';
import type { PageRequest } from './connectionArgs.js';
import { aliasSource, compileWhere } from './compileWhere.js';
import type { EntitySpec, RelationSpec } from './entitySpec.js';
import type { AccessScope } from './accessScope.js';
import { fetchOrder, pageConditions } from './pageQuery.js';
import { col } from './specHelpers.js';

type ManyRelation = Extract<RelationSpec, { cardinality: 'many' }>;

function source(target: EntitySpec, relation: ManyRelation, alias: string, link: string) {
  if ('foreignKey' in relation) {
    return { from: Prisma.raw(`"${target.table}" "${alias}"`), parent: col(alias, relation.foreignKey) };
  }
  return {
    from: Prisma.sql`${Prisma.raw(`"${target.table}" "${alias}"`)} JOIN (${relation.link}) ${Prisma.raw(`"${link}"`)} ON ${col(link, 'child')} = ${col(alias, 'id')}`,
    parent: col(link, 'parent'),
  };
}

/**
 * One statement selecting, for every parent id, its first limit + 1 related rows in the page's
 * order, each with its parent id in "__parent": a window per parent keeps page sizes per parent.
 * Only related rows within `scope` are selected.
 */
export function nestedPageSql(
  target: EntitySpec,
  relation: ManyRelation,
  parentIds: number[],
  request: PageRequest,
  scope: AccessScope,
): Prisma.Sql {
  const aliases = aliasSource(scope);
  const alias = aliases.next();
  const { from, parent } = source(target, relation, alias, aliases.next());
  return Prisma.sql`SELECT * FROM (
      SELECT ${Prisma.raw(`"${alias}".*`)}, ${parent} AS "__parent",
        row_number() OVER (PARTITION BY ${parent} ORDER BY ${fetchOrder(request, alias)}) AS "__rank"
      FROM ${from}
      WHERE ${parent} = ANY(CAST(${parentIds} AS int[])) AND ${pageConditions(target, request, alias, aliases)}
    ) ${Prisma.raw('"page"')} WHERE "__rank" <= ${request.limit + 1} ORDER BY "__parent", "__rank"`;
}

/** One statement counting, per parent id, the related rows within `scope` the filter matches. */
export function nestedCountSql(
  target: EntitySpec,
  relation: ManyRelation,
  parentIds: number[],
  request: PageRequest,
  scope: AccessScope,
): Prisma.Sql {
  const aliases = aliasSource(scope);
  const alias = aliases.next();
  const { from, parent } = source(target, relation, alias, aliases.next());
  return Prisma.sql`SELECT ${parent} AS "__parent", CAST(count(*) AS int) AS "count" FROM ${from}
    WHERE ${parent} = ANY(CAST(${parentIds} AS int[])) AND ${compileWhere(target, request.where, alias, 'where', aliases)}
    GROUP BY ${parent}`;
}
