import type { Database } from '../../db/client.js';
import type { AuditEvent, Prisma } from '../../generated/prisma/client.js';
import { badInput } from '../../engine/badInput.js';

/** Which audit events to list; every given field must match. */
export interface AuditEventWhere {
  entityType?: string | null;
  entityId?: string | number | null;
  actorId?: string | null;
  operation?: string | null;
  requestId?: string | null;
  /** Events at or after this instant. */
  since?: Date | null;
  /** Events before this instant. */
  until?: Date | null;
}

/** Arguments of the auditEvents connection. */
export interface AuditEventsArgs {
  where?: AuditEventWhere | null;
  first?: number | null;
  after?: string | null;
  /** Newest first instead of the default oldest first. */
  newestFirst?: boolean | null;
}

/** A page of audit events as a Relay connection. */
export interface AuditEventPage {
  edges: Array<{ cursor: string; node: AuditEvent }>;
  nodes: AuditEvent[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const maxPage = 100;

/**
 * Lists audit events matching `where`, `first` at a time (default 20, at most 100), after the
 * cursor `after`, by keyset pagination on the event id (ids grow with time, so pages are stable
 * while events keep being appended).
 * @throws GraphQLError BAD_USER_INPUT when `first` is out of range or `after` is not a cursor
 *   this function made.
 */
export async function listAuditEvents(db: Database, args: AuditEventsArgs = {}): Promise<AuditEventPage> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > maxPage)
    throw badInput('first', `takes 0 to ${maxPage}; got ${first}.`);
  const afterId = args.after ? cursorId(args.after) : undefined;
  const newestFirst = args.newestFirst === true;
  const where: Prisma.AuditEventWhereInput = {
    ...(args.where?.entityType ? { entityType: args.where.entityType } : {}),
    ...(args.where?.entityId !== undefined && args.where?.entityId !== null
      ? { entityId: String(args.where.entityId) }
      : {}),
    ...(args.where?.actorId ? { actorId: args.where.actorId } : {}),
    ...(args.where?.operation ? { operation: args.where.operation } : {}),
    ...(args.where?.requestId ? { requestId: args.where.requestId } : {}),
    ...(args.where?.since || args.where?.until
      ? {
          createdAt: {
            ...(args.where.since ? { gte: args.where.since } : {}),
            ...(args.where.until ? { lt: args.where.until } : {}),
          },
        }
      : {}),
    ...(afterId !== undefined ? { id: newestFirst ? { lt: afterId } : { gt: afterId } } : {}),
  };
  // One row more than asked tells whether another page follows.
  const rows = await db.prisma.auditEvent.findMany({
    where,
    orderBy: { id: newestFirst ? 'desc' : 'asc' },
    take: first + 1,
  });
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: toCursor(node.id), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: afterId !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

function toCursor(id: number): string {
  return Buffer.from(`AuditEvent:${id}`, 'utf8').toString('base64url');
}

function cursorId(cursor: string): number {
  const match = /^AuditEvent:([1-9]\d{0,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput('after', `"${cursor}" is not a cursor of this connection.`);
  return Number(match[1]);
}
