import type { GraphQLContext } from '../context.js';
import type { Row } from './connection.js';
import { resolvePageRequest, type ConnectionArgs } from './connectionArgs.js';
import type { EntitySpec } from './entitySpec.js';
import { toGlobalId } from './globalId.js';
import { rootConnection } from './rootConnection.js';

type FieldResolver = (row: Row, args: ConnectionArgs, ctx: GraphQLContext) => unknown;

/**
 * Resolvers every entity of `entitySpecs` gets from its spec: `id` as a global ID, to-one relations
 * through the per-request id loader, to-many relations as batched connections.
 */
export function entityResolvers(
  entitySpecs: Readonly<Record<string, EntitySpec>>,
): Record<string, Record<string, FieldResolver>> {
  const result: Record<string, Record<string, FieldResolver>> = {};
  for (const spec of Object.values(entitySpecs)) {
    const fields: Record<string, FieldResolver> = { id: (row) => toGlobalId(spec.typeName, row.id) };
    for (const [name, relation] of Object.entries(spec.relations)) {
      if (relation.cardinality === 'one') {
        fields[name] = (row, _args, ctx) => {
          const id = row[relation.column];
          return id == null ? null : ctx.loaders.relay.byColumn(relation.target, 'id').load(id as number);
        };
      } else {
        const target = entitySpecs[relation.target]!;
        fields[name] = (row, args, ctx) =>
          ctx.loaders.relay
            .nested(spec.typeName, name)
            .load({ parentId: row.id, request: resolvePageRequest(target, args) });
      }
    }
    result[spec.typeName] = fields;
  }
  return result;
}

/** Root connection resolvers, one per field name of Query, for the given type names. */
export function rootConnectionResolvers(
  fields: Record<string, string>,
): Record<string, (parent: unknown, args: ConnectionArgs, ctx: GraphQLContext) => unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([field, typeName]) => [
      field,
      (_parent: unknown, args: ConnectionArgs, ctx: GraphQLContext) =>
        rootConnection(ctx.db, typeName, args, ctx.scope),
    ]),
  );
}
