import type { Prisma } from '../../../generated/prisma/client.js';
import type { SeedTally } from './seedTally.js';

/** What every step of the article seed works with: the open transaction and the tally. */
export interface SeedContext {
  tx: Prisma.TransactionClient;
  tally: SeedTally;
}

/** Ids of rows already seeded, by their natural key (region code, org-unit code, ...). */
export type IdsByKey = ReadonlyMap<string, number>;

/**
 * The id stored under `key`.
 * @throws Error when an earlier step did not seed `key`: a mistake in the seed data itself.
 */
export function idOf(ids: IdsByKey, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`Article seed data refers to ${key}, which no earlier step seeded`);
  return id;
}

/** The UTC midnight of an ISO day (`2017-12-01`), as Prisma stores `@db.Date` columns. */
export function day(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}
