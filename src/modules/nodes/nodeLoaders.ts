import type { GraphQLContext } from '../../context.js';
import type { Row } from '../../engine/connection.js';
import { mayReadAuditTrail } from '../auth/index.js';
import { entitySpecs } from '../entities.js';

/**
 * Loads the row of one global ID's type for the caller, or null when there is none or the caller
 * may not see it (the two look the same, so an ID reveals nothing about another branch).
 */
export type NodeLoader = (context: GraphQLContext, rowId: number) => Promise<Row | null>;

/** Node loaders by GraphQL type name: the one table `node` and `nodes` consult. */
export type NodeLoaderTable = Readonly<Record<string, NodeLoader>>;

const audit: NodeLoader = async (context, rowId) => {
  if (!mayReadAuditTrail(context.scope)) return null;
  const event = await context.db.prisma.auditEvent.findUnique({ where: { id: rowId } });
  return event ? { ...event, __typename: 'AuditEvent' } : null;
};

/**
 * The loaders of every entity of the read API (through the request's scoped relay loaders) and of
 * audit events. The server adds ExportJob's, which needs the export options it is built with.
 */
export const baseNodeLoaders: NodeLoaderTable = Object.freeze({
  ...Object.fromEntries(
    Object.keys(entitySpecs).map((typeName): [string, NodeLoader] => [
      typeName,
      (context, rowId) => context.loaders.relay.byColumn(typeName, 'id').load(rowId),
    ]),
  ),
  AuditEvent: audit,
});
