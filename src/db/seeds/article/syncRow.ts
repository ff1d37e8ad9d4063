import { Prisma } from '../../../generated/prisma/client.js';

/** What `syncRow` did to one row. */
export type SyncOutcome = 'created' | 'updated' | 'unchanged';

/** A row as it stands after `syncRow`, and what was done to get it there. */
export interface Synced<Row> {
  row: Row;
  outcome: SyncOutcome;
}

/** How `syncRow` writes one model: a create and an update of only the changed fields. */
export interface RowWriter<Row, Data> {
  create(data: Data): Promise<Row>;
  update(row: Row, changes: Partial<Data>): Promise<Row>;
}

/**
 * Makes one row hold `desired`: creates it when `existing` is null, updates only the fields
 * that differ, and leaves an equal row alone so that a second seed run moves no `updatedAt`.
 * Returns the row and what was done; rethrows whatever the create or update throws.
 */
export async function syncRow<Row extends object, Data extends object>(
  existing: Row | null,
  desired: Data,
  writer: RowWriter<Row, Data>,
): Promise<Synced<Row>> {
  if (existing === null) return { row: await writer.create(desired), outcome: 'created' };
  const changes = changedFields(existing, desired);
  if (Object.keys(changes).length === 0) return { row: existing, outcome: 'unchanged' };
  return { row: await writer.update(existing, changes), outcome: 'updated' };
}

/** The fields of `desired` whose value differs from the stored row's (undefined means "leave"). */
export function changedFields<Data extends object>(stored: object, desired: Data): Partial<Data> {
  const changes: Partial<Data> = {};
  for (const key of Object.keys(desired) as (keyof Data & string)[]) {
    const wanted = desired[key];
    if (wanted === undefined) continue;
    if (!sameValue(wanted, (stored as Record<string, unknown>)[key])) changes[key] = wanted;
  }
  return changes;
}

// Prisma hands back Date and Decimal objects, while seed data is written as Dates and decimal
// strings: compare by value, or every run would look like a change.
function sameValue(wanted: unknown, stored: unknown): boolean {
  if (wanted === null || stored === null || stored === undefined) return wanted === (stored ?? null);
  if (wanted instanceof Date) return stored instanceof Date && wanted.getTime() === stored.getTime();
  if (Prisma.Decimal.isDecimal(stored)) {
    return new Prisma.Decimal(wanted as string | number | Prisma.Decimal).equals(stored);
  }
  if (Array.isArray(wanted)) {
    return (
      Array.isArray(stored) &&
      wanted.length === stored.length &&
      wanted.every((item, index) => sameValue(item, stored[index]))
    );
  }
  return wanted === stored;
}
