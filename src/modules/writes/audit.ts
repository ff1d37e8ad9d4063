import type { Actor } from './actor.js';
import type { Tx } from './transaction.js';

/** One change to record: the row's model and id and its values before and after. */
export interface AuditChange {
  entityType: string;
  entityId: number | string;
  before: unknown;
  after: unknown;
}

/**
 * Appends one AuditEvent in the caller's transaction, so the trail holds exactly the changes
 * that committed. Values are stored as JSON (decimals as strings, dates as ISO strings).
 * Returns the event's id.
 */
export async function appendAuditEvent(
  tx: Tx,
  actor: Actor,
  operation: string,
  requestId: string | undefined,
  change: AuditChange,
): Promise<number> {
  const event = await tx.auditEvent.create({
    select: { id: true },
    data: {
      actorId: actor.id,
      actorRole: actor.role,
      actorOrgUnitId: actor.orgUnitId ?? null,
      operation,
      entityType: change.entityType,
      entityId: String(change.entityId),
      before: toJson(change.before),
      after: toJson(change.after),
      requestId: requestId ?? null,
    },
  });
  return event.id;
}

function toJson(value: unknown) {
  // Prisma's Json input takes no undefined; JSON round-trip turns Decimal and Date into strings.
  return value === null || value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
