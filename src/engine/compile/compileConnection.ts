import { type FieldNode, type GraphQLField, type GraphQLObjectType, getNamedType, isObjectType } from 'graphql';
import { Prisma } from '../../generated/prisma/client.js';
import { compileWhere } from '../compileWhere.js';
import { type ConnectionArgs, type PageRequest, resolvePageRequest } from '../connectionArgs.js';
import type { EntitySpec, RelationSpec } from '../entitySpec.js';
import { fetchOrder, pageConditions } from '../pageQuery.js';
import { col } from '../specHelpers.js';
import { argumentsOf, type CompileContext, NotCompilable, type ObjectCompiler, subfields } from './compileContext.js';
import { cursorSql, literal } from './render.js';

type ManyRelation = Extract<RelationSpec, { cardinality: 'many' }>;

/** Where a nested connection hangs: the relation and the alias of the parent row. */
export interface ConnectionParent {
  relation: ManyRelation;
  parentAlias: string;
}

// FROM and the condition tying rows aliased `alias` to the parent row (none at the root).
function source(target: EntitySpec, alias: string, context: CompileContext, parent?: ConnectionParent) {
  const table = Prisma.raw(`"${target.table}" "${alias}"`);
  if (!parent) return { from: table, link: Prisma.sql`TRUE` };
  const { relation, parentAlias } = parent;
  if ('foreignKey' in relation) {
    return { from: table, link: Prisma.sql`${col(alias, relation.foreignKey)} = ${col(parentAlias, 'id')}` };
  }
  const linkAlias = context.aliases.next();
  return {
    from: Prisma.sql`${table} JOIN (${relation.link}) ${Prisma.raw(`"${linkAlias}"`)} ON ${col(linkAlias, 'child')} = ${col(alias, 'id')}`,
    link: Prisma.sql`${col(linkAlias, 'parent')} = ${col(parentAlias, 'id')}`,
  };
}

function cursorOfPage(request: PageRequest, page: string): Prisma.Sql {
  return cursorSql(
    request.signature,
    request.keys.map((key) => ({ kind: key.spec.kind, value: col(page, key.spec.column) })),
  );
}

/**
 * A scalar subquery building the whole connection (edges, nodes, pageInfo, totalCount as selected)
 * of `target` as JSON: limit + 1 rows in the page's order (the extra one tells whether more
 * exist; `GROUP BY ()` makes one row of an empty page), within the caller's scope, at the root or under `parent`. The limit is an integer
 * literal, so PostgreSQL plans the statement for it.
 * @throws GraphQLError from the argument checks (the executed path reports them), NotCompilable.
 */
export function compileConnection(
  context: CompileContext,
  target: EntitySpec,
  field: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  compileObject: ObjectCompiler,
  parent?: ConnectionParent,
): Prisma.Sql {
  const request = resolvePageRequest(target, argumentsOf(context, field, nodes[0]!) as ConnectionArgs);
  const connectionType = getNamedType(field.type);
  if (!isObjectType(connectionType)) throw new NotCompilable(`${field.name} is not a connection`);
  const limit = request.limit;
  if (!Number.isInteger(limit) || limit < 0) throw new NotCompilable('bad limit');
  const alias = context.aliases.next();
  const page = context.aliases.next();
  const { from, link } = source(target, alias, context, parent);
  const conditions = pageConditions(target, request, alias, context.aliases);
  const displayOrder = Prisma.raw(`"${page}"."__rn" ${request.backward ? 'DESC' : 'ASC'}`);
  const inPage = Prisma.raw(`"${page}"."__rn" <= ${limit}`);
  const more = Prisma.raw(`count(*) > ${limit}`);
  const cursors = () =>
    Prisma.sql`(array_agg(${cursorOfPage(request, page)} ORDER BY "${Prisma.raw(page)}"."__rn") FILTER (WHERE ${inPage}))`;
  const last = Prisma.raw(`least(count(*), ${limit})`);
  const pairs: Prisma.Sql[] = [];
  for (const [key, fieldNodes] of subfields(context, connectionType, nodes)) {
    const name = fieldNodes[0]!.name.value;
    let value: Prisma.Sql;
    if (name === '__typename') value = literal(connectionType.name);
    else if (name === 'nodes' || name === 'edges') {
      const listType = getNamedType(connectionType.getFields()[name]!.type);
      if (!isObjectType(listType)) throw new NotCompilable(`${name} is abstract`);
      const item =
        name === 'nodes'
          ? compileObject(context, target, listType, subfields(context, listType, fieldNodes), page)
          : compileEdge(context, target, request, listType, fieldNodes, page, compileObject);
      value = Prisma.sql`COALESCE(json_agg(${item} ORDER BY ${displayOrder}) FILTER (WHERE ${inPage}), '[]')`;
    } else if (name === 'pageInfo') {
      const infoType = getNamedType(connectionType.getFields().pageInfo!.type);
      if (!isObjectType(infoType)) throw new NotCompilable('pageInfo is abstract');
      const info: Prisma.Sql[] = [];
      for (const [infoKey, infoNodes] of subfields(context, infoType, fieldNodes)) {
        const infoName = infoNodes[0]!.name.value;
        const forward = !request.backward;
        const sql =
          infoName === '__typename'
            ? literal(infoType.name)
            : infoName === 'hasNextPage'
              ? forward
                ? more
                : Prisma.raw(String(request.before !== null))
              : infoName === 'hasPreviousPage'
                ? forward
                  ? Prisma.raw(String(request.after !== null))
                  : more
                : infoName === 'startCursor'
                  ? Prisma.sql`${cursors()}[${forward ? Prisma.raw('1') : last}]`
                  : infoName === 'endCursor'
                    ? Prisma.sql`${cursors()}[${forward ? last : Prisma.raw('1')}]`
                    : null;
        if (!sql) throw new NotCompilable(`PageInfo.${infoName}`);
        info.push(Prisma.sql`${literal(infoKey)}, ${sql}`);
      }
      value = Prisma.sql`json_build_object(${Prisma.join(info, ', ')})`;
    } else if (name === 'totalCount') {
      const countAlias = context.aliases.next();
      const counted = source(target, countAlias, context, parent);
      value = Prisma.sql`(SELECT CAST(count(*) AS int) FROM ${counted.from} WHERE ${counted.link}
        AND ${compileWhere(target, request.where, countAlias, 'where', context.aliases)})`;
    } else throw new NotCompilable(`${connectionType.name}.${name}`);
    pairs.push(Prisma.sql`${literal(key)}, ${value}`);
  }
  const order = fetchOrder(request, alias);
  return Prisma.sql`(SELECT json_build_object(${Prisma.join(pairs, ', ')}) FROM (
      SELECT ${Prisma.raw(`"${alias}".*`)}, row_number() OVER (ORDER BY ${order}) AS "__rn"
      FROM ${from} WHERE ${link} AND ${conditions} ORDER BY ${order} LIMIT ${Prisma.raw(String(limit + 1))}
    ) ${Prisma.raw(`"${page}"`)} GROUP BY ())`;
}

function compileEdge(
  context: CompileContext,
  target: EntitySpec,
  request: PageRequest,
  edgeType: GraphQLObjectType,
  nodes: readonly FieldNode[],
  page: string,
  compileObject: ObjectCompiler,
): Prisma.Sql {
  const pairs: Prisma.Sql[] = [];
  for (const [key, fieldNodes] of subfields(context, edgeType, nodes)) {
    const name = fieldNodes[0]!.name.value;
    let value: Prisma.Sql;
    if (name === '__typename') value = literal(edgeType.name);
    else if (name === 'cursor') value = cursorOfPage(request, page);
    else if (name === 'node') {
      const nodeType = getNamedType(edgeType.getFields().node!.type);
      if (!isObjectType(nodeType)) throw new NotCompilable('node is abstract');
      value = compileObject(context, target, nodeType, subfields(context, nodeType, fieldNodes), page);
    } else throw new NotCompilable(`${edgeType.name}.${name}`);
    pairs.push(Prisma.sql`${literal(key)}, ${value}`);
  }
  return Prisma.sql`json_build_object(${Prisma.join(pairs, ', ')})`;
}
