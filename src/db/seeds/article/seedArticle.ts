import type { Database } from '../../client.js';
import { seedCadreAssignments } from './cadreAssignments.js';
import { seedCampaigns } from './campaigns.js';
import { seedEnterpriseSites } from './enterpriseSites.js';
import { seedEnterprises } from './enterprises.js';
import { seedImpactRecords } from './impactRecords.js';
import { seedInitiativeMetrics } from './initiativeMetrics.js';
import { seedInitiatives } from './initiatives.js';
import { seedInitiativeVillages } from './initiativeVillages.js';
import { seedLoans } from './loans.js';
import { seedLprRates } from './lprRates.js';
import { seedOrgUnits } from './orgUnits.js';
import { seedRegions } from './regions.js';
import type { SeedContext } from './seedContext.js';
import { type ArticleSeedResult, SeedTally } from './seedTally.js';
import { seedVillages } from './villages.js';

/** Two processes seeding one database at once take turns on this lock, so neither adds twins. */
const ARTICLE_SEED_LOCK_KEY = 7_346_002_001;

/** How long the whole seed may take; generous because a busy CI machine is slow. */
const TRANSACTION_TIMEOUT_MS = 120_000;

/**
 * Loads every fact of the source article (shared/seed/facts.md) into `db`, all rows marked
 * `dataSource: 'ARTICLE'`, in one transaction: either all of it is written or none.
 * Idempotent: rows are found by natural key (code, contract number, tenor and day, ...) and
 * only fields that differ are written, so a second run changes no row and no `updatedAt`.
 * Returns per table the rows the data set holds and what this run created, updated or deleted.
 * @throws whatever the database raises (for example a check constraint); nothing is then written.
 */
export async function seedArticle(db: Database): Promise<ArticleSeedResult> {
  return db.prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ARTICLE_SEED_LOCK_KEY})`);
      const context: SeedContext = { tx, tally: new SeedTally() };
      const regions = await seedRegions(context);
      const villages = await seedVillages(context, regions);
      const orgUnits = await seedOrgUnits(context, regions);
      const initiatives = await seedInitiatives(context, orgUnits);
      await seedInitiativeMetrics(context, initiatives);
      await seedInitiativeVillages(context, initiatives, villages);
      await seedCadreAssignments(context, initiatives, villages);
      await seedCampaigns(context, initiatives);
      const enterprises = await seedEnterprises(context, regions);
      const sites = await seedEnterpriseSites(context, regions, enterprises);
      const loans = await seedLoans(context, { regions, orgUnits, enterprises, sites });
      await seedImpactRecords(context, regions, loans);
      await seedLprRates(context);
      return context.tally.result();
    },
    { maxWait: 30_000, timeout: TRANSACTION_TIMEOUT_MS },
  );
}
