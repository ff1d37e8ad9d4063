import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../../context.js';
import { badInput } from '../relay/badInput.js';
import type { Row } from '../relay/connection.js';
import { entitySpecs } from '../entitySpecs.js';
import { fromGlobalId } from '../relay/globalId.js';
import { MAX_PAGE_SIZE } from '../relay/connectionArgs.js';

async function loadNode(ctx: GraphQLContext, id: string, argument: string): Promise<Row> {
  const { typeName, id: rowId } = fromGlobalId(id, argument);
  if (typeName === 'AuditEvent') return loadAuditEvent(ctx, id, rowId, argument);
  if (!entitySpecs[typeName]) throw badInput(argument, `"${id}" is not a valid ID.`);
  const row = await ctx.loaders.relay.byColumn(typeName, 'id').load(rowId);
  if (!row) {
    throw new GraphQLError(`Argument "${argument}": no ${typeName} has the ID "${id}".`, {
      extensions: { code: 'NOT_FOUND', argument },
    });
  }
  return row;
}

// Audit events are not a filterable entity of the read API, so they are looked up directly.
async function loadAuditEvent(ctx: GraphQLContext, id: string, rowId: number, argument: string): Promise<Row> {
  const event = await ctx.db.prisma.auditEvent.findUnique({ where: { id: rowId } });
  if (!event) {
    throw new GraphQLError(`Argument "${argument}": no AuditEvent has the ID "${id}".`, {
      extensions: { code: 'NOT_FOUND', argument },
    });
  }
  return { ...event, __typename: 'AuditEvent' };
}

const byKey = (typeName: string, column: string) => (_: unknown, args: Record<string, string>, ctx: GraphQLContext) =>
  ctx.loaders.relay.byColumn(typeName, column).load(args[column]!);

/** Global object identification (`node`, `nodes`) and the natural-key lookups of Query. */
export const nodeResolvers = {
  Query: {
    node: (_: unknown, args: { id: string }, ctx: GraphQLContext) => loadNode(ctx, args.id, 'id'),
    nodes: (_: unknown, args: { ids: string[] }, ctx: GraphQLContext) => {
      if (args.ids.length > MAX_PAGE_SIZE) throw badInput('ids', `at most ${MAX_PAGE_SIZE} IDs; got ${args.ids.length}.`);
      // A missing or malformed ID nulls its own entry (with its error), not the whole list.
      return args.ids.map((id, i) => loadNode(ctx, id, `ids[${i}]`).catch((error: unknown) => error));
    },
    region: byKey('Region', 'code'),
    village: byKey('Village', 'code'),
    orgUnit: byKey('OrgUnit', 'code'),
    initiative: byKey('Initiative', 'code'),
    campaign: byKey('Campaign', 'code'),
    enterpriseLoan: byKey('EnterpriseLoan', 'contractNo'),
  },
  Node: {
    __resolveType: (row: Row) => row.__typename,
  },
};
