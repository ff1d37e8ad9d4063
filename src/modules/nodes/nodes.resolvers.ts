import type { GraphQLContext } from '../../context.js';
import { badInput } from '../../engine/badInput.js';
import type { Row } from '../../engine/connection.js';
import { fromGlobalId } from '../../engine/globalId.js';
import { MAX_PAGE_SIZE } from '../../engine/connectionArgs.js';
import { baseNodeLoaders, type NodeLoaderTable } from './nodeLoaders.js';

/**
 * The row of a global ID, or null when there is none or the caller may not see it (Relay's
 * convention, as the natural-key lookups: a plain null, no error).
 * @throws GraphQLError BAD_USER_INPUT on `argument` when the ID is malformed or of no node type.
 */
async function loadNode(
  table: NodeLoaderTable,
  ctx: GraphQLContext,
  id: string,
  argument: string,
): Promise<Row | null> {
  const { typeName, id: rowId } = fromGlobalId(id, argument);
  const loader = Object.hasOwn(table, typeName) ? table[typeName] : undefined;
  if (!loader) throw badInput(argument, `"${id}" is not a valid ID.`);
  return loader(ctx, rowId);
}

const byKey = (typeName: string, column: string) => (_: unknown, args: Record<string, string>, ctx: GraphQLContext) =>
  ctx.loaders.relay.byColumn(typeName, column).load(args[column]!);

/** The natural-key lookups of Query: the entity type and the unique column its one argument names. */
export const naturalKeyLookups: Readonly<Record<string, { typeName: string; column: string }>> = Object.freeze({
  region: { typeName: 'Region', column: 'code' },
  village: { typeName: 'Village', column: 'code' },
  orgUnit: { typeName: 'OrgUnit', column: 'code' },
  initiative: { typeName: 'Initiative', column: 'code' },
  campaign: { typeName: 'Campaign', column: 'code' },
  enterpriseLoan: { typeName: 'EnterpriseLoan', column: 'contractNo' },
});

/**
 * Global object identification (`node`, `nodes`) over one table of node loaders, and the
 * natural-key lookups of Query. Every lookup reads within the request's scope.
 */
export function createNodeResolvers(table: NodeLoaderTable) {
  return {
    Query: {
      node: (_: unknown, args: { id: string }, ctx: GraphQLContext) => loadNode(table, ctx, args.id, 'id'),
      nodes: (_: unknown, args: { ids: string[] }, ctx: GraphQLContext) => {
        if (args.ids.length > MAX_PAGE_SIZE)
          throw badInput('ids', `at most ${MAX_PAGE_SIZE} IDs; got ${args.ids.length}.`);
        // A missing ID nulls its own entry; a malformed one nulls it with its error, not the whole list.
        return args.ids.map((id, i) => loadNode(table, ctx, id, `ids[${i}]`).catch((error: unknown) => error));
      },
      ...Object.fromEntries(
        Object.entries(naturalKeyLookups).map(([field, { typeName, column }]) => [field, byKey(typeName, column)]),
      ),
    },
    Node: {
      __resolveType: (row: Row) => row.__typename,
    },
  };
}

/** The node resolvers over the base table (entities and audit events), without export jobs. */
export const nodeResolvers = createNodeResolvers(baseNodeLoaders);
