import type { Database } from '../../db/client.js';
import type { AuditChange } from './audit.js';
import type { Tx } from './transaction.js';

/** The PostgreSQL channel committed changes are announced on (docs/live.md). */
export const changeChannel = 'dishui_changes';

/** One changed row: its Prisma model and id. The payload is read again by whoever is told. */
export interface ChangeNotice {
  type: string;
  id: number;
}

/** What one NOTIFY carries: the changes, and the instance whose write made them (for Redis relays). */
export interface ChangeBatch {
  origin: string | null;
  changes: ChangeNotice[];
}

// NOTIFY payloads stop at 8000 bytes; 200 short pairs stay well under.
const perNotify = 200;
const origins = new WeakMap<Database, string>();

/** Names the instance writing through `db`, so a relay can tell its own writes from others'. */
export function setChangeOrigin(db: Database, origin: string): void {
  origins.set(db, origin);
}

/** Reads one NOTIFY payload; null for one this version did not write. */
export function parseChangeBatch(payload: string): ChangeBatch | null {
  try {
    const parsed = JSON.parse(payload) as { o?: unknown; c?: unknown };
    if (!Array.isArray(parsed.c)) return null;
    const changes = parsed.c
      .filter(
        (pair): pair is [string, number] =>
          Array.isArray(pair) && typeof pair[0] === 'string' && Number.isInteger(pair[1]),
      )
      .map(([type, id]) => ({ type, id }));
    return { origin: typeof parsed.o === 'string' ? parsed.o : null, changes };
  } catch {
    return null;
  }
}

function payloads(origin: string | null, changes: ChangeNotice[]): string[] {
  const result: string[] = [];
  for (let start = 0; start < changes.length; start += perNotify) {
    const slice = changes.slice(start, start + perNotify).map((change) => [change.type, change.id]);
    result.push(JSON.stringify({ o: origin, c: slice }));
  }
  return result;
}

/**
 * The changes of one mutation, announced inside its transaction: PostgreSQL delivers a NOTIFY at
 * commit and drops it on rollback, so listeners hear of committed writes only.
 */
export class ChangeNotices {
  readonly #changes = new Map<string, ChangeNotice>();

  /** Records one changed row (link rows with composite ids are left out: nothing subscribes to them). */
  add(type: string, id: number | string): void {
    const numeric = typeof id === 'number' ? id : Number(id);
    if (!Number.isSafeInteger(numeric)) return;
    this.#changes.set(`${type}:${numeric}`, { type, id: numeric });
  }

  /** Records an audited change and the audit event that recorded it. */
  audited(change: AuditChange, auditEventId: number): void {
    this.add(change.entityType, change.entityId);
    this.add('AuditEvent', auditEventId);
  }

  /** Sends the NOTIFYs in `tx`, with the mutation's own row added; nothing when nothing changed. */
  async send(tx: Tx, db: Database, type: string, id: number): Promise<void> {
    this.add(type, id);
    for (const payload of payloads(origins.get(db) ?? null, [...this.#changes.values()]))
      await tx.$executeRaw`SELECT pg_notify(${changeChannel}, ${payload})`;
  }
}

/** Announces one change outside any transaction (an export job's progress): it commits at once. */
export async function notifyChange(db: Database, change: ChangeNotice): Promise<void> {
  const [payload] = payloads(origins.get(db) ?? null, [change]);
  await db.prisma.$executeRaw`SELECT pg_notify(${changeChannel}, ${payload})`;
}
