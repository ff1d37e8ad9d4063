import { GraphQLError } from 'graphql';
import { createLoaders, type GraphQLContext } from '../../context.js';
import { rowIdOf, toGlobalId } from '../../engine/globalId.js';
import { rootConnection } from '../../engine/rootConnection.js';
import type { AuditEvent, ExportJob } from '../../generated/prisma/client.js';
import { forbidden, mayReadAuditTrail } from '../auth/index.js';
import type { ChangeFeed } from './changeFeed.js';
import { EventStream, type StreamLimits } from './eventStream.js';

/** A subscription's context: the request context plus what the socket tells its streams. */
export interface LiveContext extends GraphQLContext {
  live?: StreamLimits & {
    /** Loads one export job the caller may see, or null (the exportJob query's rule). */
    exportJob(context: GraphQLContext, rowId: number): Promise<ExportJob | null>;
  };
}

type Where = Record<string, unknown> | null | undefined;

const finalJobStatuses = new Set(['SUCCEEDED', 'FAILED', 'EXPIRED']);

/**
 * One subscription's stream of changes of `type`: each change's row is loaded by `load` with a
 * fresh set of loaders (one event never reads another's cache) and sent only when found.
 */
function watch<T>(
  feed: ChangeFeed,
  context: LiveContext,
  type: string,
  load: (id: number) => Promise<T | null>,
): EventStream<number, T> {
  const limits = context.live ?? { maxQueued: 100, onOverflow: () => {} };
  let unsubscribe = () => {};
  const stream = new EventStream<number, T>(
    (id) => {
      context.loaders = createLoaders(context.db, context.scope);
      return load(id);
    },
    limits,
    () => unsubscribe(),
  );
  const stop = feed.subscribe((change) => {
    if (change.type === type) stream.push(change.id);
  });
  unsubscribe = () => {
    stop();
  };
  return stream;
}

/** The row of `typeName` with this id if it is in the caller's scope and matches `where`. */
async function scopedRow(context: GraphQLContext, typeName: string, id: number, where: Where) {
  const idFilter = { id: { eq: toGlobalId(typeName, id) } };
  const connection = await rootConnection(
    context.db,
    typeName,
    { first: 1, where: where ? { AND: [where, idFilter] } : idFilter },
    context.scope,
  );
  return connection.nodes[0] ?? null;
}

function matchesAuditWhere(event: AuditEvent, where: Where): boolean {
  if (!where) return true;
  for (const key of ['entityType', 'entityId', 'actorId', 'operation', 'requestId'] as const) {
    const wanted = where[key];
    if (wanted !== undefined && wanted !== null && String(wanted) !== String(event[key])) return false;
  }
  if (where.since instanceof Date && event.createdAt < where.since) return false;
  if (where.until instanceof Date && event.createdAt >= where.until) return false;
  return true;
}

/**
 * The Subscription resolvers over one instance's change feed. Each event names a row; the row is
 * read again through the same scoped path as the queries, so a subscriber sees only what it could
 * query (a loan outside its branch's subtree is never sent), and its fields pass the same @access
 * rules. Filters are checked when subscribing, so a bad `where` fails at once.
 */
export function subscriptionResolvers(feed: ChangeFeed) {
  const identity = (payload: unknown) => payload;
  const rowSubscription = (typeName: string) => ({
    subscribe: async (_parent: unknown, args: { where?: Where }, context: LiveContext) => {
      await rootConnection(context.db, typeName, { first: 0, where: args.where ?? undefined }, context.scope);
      await feed.ready();
      return watch(feed, context, typeName, (id) => scopedRow(context, typeName, id, args.where));
    },
    resolve: identity,
  });
  return {
    Subscription: {
      loanChanged: rowSubscription('EnterpriseLoan'),
      initiativeChanged: rowSubscription('Initiative'),
      auditEventAdded: {
        subscribe: async (_parent: unknown, args: { where?: Where }, context: LiveContext) => {
          if (!mayReadAuditTrail(context.scope))
            throw forbidden('Subscription.auditEventAdded (the bank-wide audit trail)', ['ADMIN']);
          await feed.ready();
          return watch(feed, context, 'AuditEvent', async (id) => {
            const event = await context.db.prisma.auditEvent.findUnique({ where: { id } });
            return event && matchesAuditWhere(event, args.where) ? event : null;
          });
        },
        resolve: identity,
      },
      exportJobUpdated: {
        subscribe: async (_parent: unknown, args: { id: string }, context: LiveContext) => {
          const rowId = rowIdOf(args.id, 'ExportJob', 'id');
          const loadJob = (id: number) => (context.live ? context.live.exportJob(context, id) : Promise.resolve(null));
          if (!(await loadJob(rowId))) {
            throw new GraphQLError(`No export job has the id ${args.id}.`, {
              extensions: { code: 'NOT_FOUND', argument: 'id' },
            });
          }
          await feed.ready();
          // The job's state now comes first: it may have moved on before the subscription began.
          let stream: EventStream<number, ExportJob> | undefined;
          stream = watch(feed, context, 'ExportJob', async (id) => {
            if (id !== rowId) return null;
            const job = await loadJob(id);
            if (job && finalJobStatuses.has(job.status)) stream?.end();
            return job;
          });
          stream.push(rowId);
          return stream;
        },
        resolve: identity,
      },
    },
  };
}
