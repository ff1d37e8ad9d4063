import type { Database, SqlConnection } from '../../client.js';
import { seedLprRates } from './lprHistory.js';
import { seedCampaigns } from './seedCampaigns.js';
import { seedEnterprises } from './seedEnterprises.js';
import { seedInitiatives } from './seedInitiatives.js';
import { refreshLoanRollups, seedLoans } from './seedLoans.js';
import { seedOrgUnits } from './seedOrgUnits.js';
import { seedRegions } from './seedRegions.js';
import { seedVillages } from './seedVillages.js';
import { removeSyntheticData } from './removeSyntheticData.js';
import {
  scratchSchema,
  SyntheticRun,
  type BackendCpuProbe,
  type StageTiming,
  type SyntheticPlan,
  type SyntheticTable,
} from './syntheticRun.js';

/** What `seedSynthetic` is asked for. */
export interface SyntheticSeedOptions {
  /** Number of loans, 1..50,000,000 (the other tables scale with it). */
  loans: number;
  /** Any integer 0..2^31-1: the same (loans, seed) always gives the same rows. */
  seed: number;
  /** Called after every statement with its stage name and the rows it wrote. */
  onProgress?: (stage: string, rows: number) => void;
  /** Connections writing loan chunks at once on PostgreSQL, 1..8 (default 2); PGlite has one. */
  concurrency?: number;
  /**
   * CPU milliseconds of a database backend by process id (benchmarks read /proc when the server
   * runs on the same machine): given, every stage reports its backends' CPU time as `cpuMs`.
   */
  backendCpuMs?: BackendCpuProbe;
  /**
   * Extra statements run at the start of every loan chunk's transaction, e.g.
   * `SET LOCAL session_replication_role = replica` for a benchmark's run without triggers.
   * Never for real data.
   */
  chunkSettings?: string;
  /**
   * How the BI rollups learn the new loans: `rebuild` (default) writes the chunks with the
   * rollup triggers off and rebuilds the rollups once at the end; `triggers` leaves the triggers
   * on in every chunk (slower; tests compare the two).
   */
  rollups?: 'rebuild' | 'triggers';
}

/** What a run wrote, and how long each stage took. */
export interface SyntheticSeedResult {
  loans: number;
  seed: number;
  /** Rows inserted per table (regions and LPR rows that already existed are not counted). */
  rows: Record<SyntheticTable, number>;
  /** Stages in the order they first ran, with rows and milliseconds (summed over workers). */
  stages: StageTiming[];
  /** Wall-clock time of the whole run. */
  totalMs: number;
}

/** Thrown when the options are out of range; nothing was written. */
export class SyntheticSeedOptionsError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'SyntheticSeedOptionsError';
  }
}

/** Thrown when the database already holds synthetic data; nothing was written. */
export class SyntheticDataExistsError extends Error {
  constructor(readonly existingLoans: number) {
    super(
      `The database already holds synthetic data (${existingLoans} synthetic loans). ` +
        'Synthetic data is seeded once per database: seed a fresh database, or remove the synthetic rows first ' +
        '(removeSyntheticData in src/db/seeds/synthetic).',
    );
    this.name = 'SyntheticDataExistsError';
  }
}

/** Upper bound of `loans`: contract numbers carry an 8-digit ordinal. */
export const maxSyntheticLoans = 50_000_000;

/** Lock key: a second seeding of the same database waits for the first's setup, then refuses. */
const SYNTHETIC_LOCK_KEY = 7_346_002_001;

/**
 * Generates a deterministic, realistic data set over Henan's real counties inside the database
 * (INSERT … SELECT with seeded hashes, 100,000 loans per statement): regions, the bank's tree,
 * villages, campaigns, initiatives, enterprises with valid credit codes and sites, `loans`
 * loans with schedules, repayments, month-end snapshots of the last 24 months, impact records
 * and campaign links. Every row it writes has dataSource SYNTHETIC; Henan regions and LPR rows
 * that exist already (e.g. the article seed's) are kept as they are.
 *
 * Seeding is once per database: a second call refuses, whatever its seed, because a second set
 * would double every figure the analytics show (remove the first with `removeSyntheticData`).
 * The reference data is written in one transaction, then each chunk of loans in its own, by
 * `concurrency` connections on PostgreSQL (one on PGlite), with the rollup triggers off; the
 * BI rollups are then rebuilt once, set-based (`dishui_refresh_loan_rollups`), to what the
 * triggers would have kept. Until that last step, readers of the rollups do not see the new
 * loans. If any chunk fails, the rows already written are removed again (and the rollups
 * rebuilt) before the error is rethrown.
 * @throws SyntheticSeedOptionsError when `loans`, `seed` or `concurrency` is out of range.
 * @throws SyntheticDataExistsError when synthetic rows exist already.
 */
export async function seedSynthetic(db: Database, options: SyntheticSeedOptions): Promise<SyntheticSeedResult> {
  const plan = syntheticPlan(options);
  const concurrency = db.kind === 'pglite' ? 1 : (options.concurrency ?? 2);
  if (!Number.isSafeInteger(concurrency) || concurrency < 1 || concurrency > 8) {
    throw new SyntheticSeedOptionsError(`concurrency must be an integer from 1 to 8, got ${concurrency}`);
  }
  const started = performance.now();
  const run = await db.sql.withConnection(async (connection) => {
    await connection.exec('BEGIN');
    try {
      await connection.query('SELECT pg_advisory_xact_lock($1)', [SYNTHETIC_LOCK_KEY]);
      await refuseWhenSeeded(connection);
      await connection.exec(
        `DROP SCHEMA IF EXISTS ${scratchSchema} CASCADE; CREATE SCHEMA ${scratchSchema};
         SET LOCAL search_path = ${scratchSchema}, public`,
      );
      if (db.kind === 'postgres') await connection.exec(`SET LOCAL jit = off; SET LOCAL work_mem = '64MB'`);
      const run = new SyntheticRun(connection, plan, options.onProgress, undefined, undefined, options.backendCpuMs);
      await run.probeBackend();
      await seedRegions(run);
      await seedLprRates(run);
      await seedOrgUnits(run);
      await seedVillages(run);
      await seedCampaigns(run);
      await seedInitiatives(run);
      await seedEnterprises(run);
      await run.timed('commit', () => connection.exec('COMMIT'));
      return run;
    } catch (error) {
      await connection.exec('ROLLBACK').catch(() => {});
      throw error;
    }
  });
  try {
    const rebuild = (options.rollups ?? 'rebuild') === 'rebuild';
    await seedLoans(run, db, concurrency, { deferRollups: rebuild, settings: options.chunkSettings });
    if (rebuild) {
      await db.sql.withConnection(async (connection) => {
        const own = await run.on(connection);
        await own.timed('rollups', () => refreshLoanRollups(connection, db.kind));
      });
    }
  } catch (error) {
    await removeSyntheticData(db).catch(() => {});
    throw error;
  }
  // On a connection of their own, whose backend the stage's CPU time is read from (the first
  // connection's backend has ended by now).
  await db.sql.withConnection(async (connection) => {
    const own = await run.on(connection);
    await own.timed('cleanup', () => connection.exec(`DROP SCHEMA IF EXISTS ${scratchSchema} CASCADE`));
    // Autovacuum analyses millions of new rows only minutes later; until then the planner believes
    // the tables are nearly empty and sorts on disk where it should hash (a 2x slower BI query).
    await own.timed('analyze', () => connection.exec('ANALYZE'));
  });
  return {
    loans: plan.loans,
    seed: plan.seed,
    rows: Object.fromEntries(run.rows) as Record<SyntheticTable, number>,
    stages: [...run.stages.values()],
    totalMs: performance.now() - started,
  };
}

/**
 * The sizes a run of `loans` loans uses: a borrower per six loans, 2–60 villages per county
 * (about 9,400 in Henan at a million loans, near its 9,237 registered poor villages), a
 * township per ten villages, 100,000 loans per statement.
 * @throws SyntheticSeedOptionsError when `loans` or `seed` is out of range.
 */
export function syntheticPlan(options: Pick<SyntheticSeedOptions, 'loans' | 'seed'>): SyntheticPlan {
  const { loans, seed } = options;
  if (!Number.isSafeInteger(loans) || loans < 1 || loans > maxSyntheticLoans) {
    throw new SyntheticSeedOptionsError(`loans must be an integer from 1 to ${maxSyntheticLoans}, got ${loans}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
    throw new SyntheticSeedOptionsError(`seed must be an integer from 0 to ${2 ** 31 - 1}, got ${seed}`);
  }
  const villagesPerCounty = Math.min(60, Math.max(2, Math.round(loans / 16_000)));
  return {
    loans,
    seed,
    enterprises: Math.max(10, Math.ceil(loans / 6)),
    villagesPerCounty,
    townshipsPerCounty: Math.ceil(villagesPerCounty / 10),
    chunkSize: 100_000,
  };
}

async function refuseWhenSeeded(connection: SqlConnection): Promise<void> {
  const [row] = await connection.query<{ loans: number; others: boolean }>(
    `SELECT (SELECT count(*)::int FROM "EnterpriseLoan" WHERE "dataSource" = 'SYNTHETIC') AS loans,
            EXISTS (SELECT 1 FROM "OrgUnit" WHERE "dataSource" = 'SYNTHETIC')
            OR EXISTS (SELECT 1 FROM "Enterprise" WHERE "dataSource" = 'SYNTHETIC')
            OR EXISTS (SELECT 1 FROM "Village" WHERE "dataSource" = 'SYNTHETIC') AS others`,
  );
  if (row && (Number(row.loans) > 0 || row.others)) throw new SyntheticDataExistsError(Number(row.loans));
}
