import type { Database } from '../../db/client.js';

/** Resolves an org unit code to its id, or null when no org unit has that code. */
export type OrgUnitIdLookup = (code: string) => Promise<number | null>;

/**
 * Returns a lookup of org unit ids by code that remembers each answer for `ttlMs`: every
 * authenticated request needs one, and the bank's tree changes far less often than once a minute.
 * Misses are not remembered, so a newly created org unit is usable at once.
 */
export function createOrgUnitIdLookup(db: Database, ttlMs = 60_000, now: () => number = Date.now): OrgUnitIdLookup {
  const known = new Map<string, { id: number; until: number }>();
  return async (code) => {
    const hit = known.get(code);
    if (hit && hit.until > now()) return hit.id;
    const row = await db.prisma.orgUnit.findUnique({ where: { code }, select: { id: true } });
    if (!row) {
      known.delete(code);
      return null;
    }
    if (known.size > 10_000) known.clear();
    known.set(code, { id: row.id, until: now() + ttlMs });
    return row.id;
  };
}
