import DataLoader from 'dataloader';
import type { Database } from '../../db/client.js';
import type { LprRate } from '../../generated/prisma/client.js';
import { reportLoaderBatch } from '../../observability/telemetry.js';

/** Per-request loaders of loan pricing. */
export function createLoanLoaders(db: Database) {
  return {
    /** Every LPR fixing, newest first, read once per request (the table holds a few dozen rows). */
    lprRates: new DataLoader<'all', LprRate[]>(async (keys) => {
      reportLoaderBatch('lprRates', keys.length);
      const rates = await db.prisma.lprRate.findMany({ orderBy: { effectiveDate: 'desc' } });
      return keys.map(() => rates);
    }),
  };
}
