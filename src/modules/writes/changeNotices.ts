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

// A NOTIFY payload must be shorter than 8000 bytes: every payload written here stays under this.
export const maxNotifyBytes = 7_900;
const origins = new WeakMap<Database, string>();

/** Names the instance writing through `db`, so a relay can tell its own writes from others'. */
export function setChangeOrigin(db: Database, origin: string): void {
  origins.set(db, origin);
}

/**
 * Reads one NOTIFY payload: `{o, c: [[type, id], …]}` (a mutation's changes) or `{o, t: type,
 * i: [id, …]}` (one type's rows, a bulk import's); null for one this version did not write.
 */
export function parseChangeBatch(payload: string): ChangeBatch | null {
  try {
    const parsed = JSON.parse(payload) as { o?: unknown; c?: unknown; t?: unknown; i?: unknown };
    const origin = typeof parsed.o === 'string' ? parsed.o : null;
    if (typeof parsed.t === 'string' && Array.isArray(parsed.i)) {
      const type = parsed.t;
      const ids = parsed.i.filter((id): id is number => Number.isSafeInteger(id));
      return { origin, changes: ids.map((id) => ({ type, id })) };
    }
    if (!Array.isArray(parsed.c)) return null;
    const changes = parsed.c
      .filter(
        (pair): pair is [string, number] =>
          Array.isArray(pair) && typeof pair[0] === 'string' && Number.isInteger(pair[1]),
      )
      .map(([type, id]) => ({ type, id }));
    return { origin, changes };
  } catch {
    return null;
  }
}

/**
 * JSON payloads of `{...head, [key]: [items]}`, as few as fit under {@link maxNotifyBytes} each
 * (the items are short: an id, or a type name and an id).
 */
function chunked(head: Record<string, unknown>, key: string, items: unknown[]): string[] {
  const prefix = JSON.stringify(head).slice(0, -1);
  const open = `${prefix}${prefix.length > 1 ? ',' : ''}${JSON.stringify(key)}:[`;
  const result: string[] = [];
  let parts: string[] = [];
  let bytes = Buffer.byteLength(open) + 2;
  for (const item of items) {
    const text = JSON.stringify(item);
    const size = Buffer.byteLength(text) + 1;
    if (parts.length > 0 && bytes + size > maxNotifyBytes) {
      result.push(`${open}${parts.join(',')}]}`);
      parts = [];
      bytes = Buffer.byteLength(open) + 2;
    }
    parts.push(text);
    bytes += size;
  }
  if (parts.length > 0) result.push(`${open}${parts.join(',')}]}`);
  return result;
}

function payloads(origin: string | null, changes: ChangeNotice[]): string[] {
  return chunked(
    { o: origin },
    'c',
    changes.map((change) => [change.type, change.id]),
  );
}

/**
 * The NOTIFY payloads announcing rows `ids` of `type` written through `db` (a bulk import): ids
 * only, chunked under PostgreSQL's 8000-byte limit (about 900 ids each). Send each with
 * `SELECT pg_notify('dishui_changes', $1)` inside the writing transaction, so it is delivered at
 * commit and dropped on rollback.
 */
export function rowChangePayloads(db: Database, type: string, ids: readonly number[]): string[] {
  return chunked({ o: origins.get(db) ?? null, t: type }, 'i', [...ids]);
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
