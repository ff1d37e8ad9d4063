// BI benchmark on PostgreSQL, on the synthetic data set (issue 14's targets, 1,000,000 loans, 2 cores),
// each printed beside a yardstick measured in the same run:
// - seeding (without --url): 1,000,000 loans in < 5 min;
// - statistics in the service (rollups and raw loans) and the write cost of the rollups;
// - statistics over HTTP (bench/support/biHttp.ts, a real `dishui serve`): every county ×
//   disbursement month group (two pages of 10,000) < 500 ms, every province group < 200 ms, beside
//   the same statements from a bare pg client;
// - a 24-month portfolio series by prefecture < 500 ms;
// - scoped callers (bench/support/biScoped.ts): a branch analyst's series and statistics within
//   1.5× a DBA's hand-written query for the same figures;
// - exports (bench/support/biExports.ts): the CSV export ≥ 0.9× PostgreSQL's COPY of the same
//   statement, its server's peak RSS < 250 MB and flat as rows grow, XLSX rows/s beside CSV's with
//   flat memory, export jobs ≥ 0.8× the streaming export of their format, a CSV job's
//   `dishui serve` (as `npm start` runs it) under 250 MB and an XLSX job's memory flat.
// Medians, rows/s, ratios, PASS/FAIL and the load average are printed.
//
//   node --import tsx bench/bi.ts --loans 1000000 [--runs 7] [--keep] [--url postgresql://…]
//     [--only statistics|exports|csv-exports] [--export-rounds 3] [--jobs-url postgresql://…]
//
// Without --url a database is created on DISHUI_BENCH_POSTGRES_URL (default
// postgresql://postgres@127.0.0.1:5432/postgres), seeded, measured and dropped (unless --keep).
// With --url an already seeded database is measured as it is, and written to only in transactions
// rolled back; export jobs (they write an ExportJob row) then run on --jobs-url, a writable copy
// (`CREATE DATABASE … TEMPLATE …`), or are skipped.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrator.js';
import { seedSynthetic } from '../src/db/seeds/synthetic/index.js';
import { loanMeasures } from '../src/modules/analytics/loanMeasures.js';
import { loanStatistics } from '../src/modules/analytics/loanStatistics.service.js';
import { portfolioSeries } from '../src/modules/analytics/portfolioSeries.service.js';
import { unrestrictedScope } from '../src/modules/auth/accessScope.js';
import { type ExportBenchOptions, measureExports } from './support/biExports.js';
import { measureStatisticsOverHttp } from './support/biHttp.js';
import { measureScopedCallers } from './support/biScoped.js';

const { values } = parseArgs({
  options: {
    loans: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
    url: { type: 'string' },
    only: { type: 'string' },
    'export-rounds': { type: 'string', default: '3' },
    'jobs-url': { type: 'string' },
  },
});
if (values.only !== undefined && !['statistics', 'exports', 'csv-exports'].includes(values.only))
  throw new Error(`--only: use statistics, exports or csv-exports, not "${values.only}"`);
const settings = {
  DISHUI_DATA_DIR: 'memory://',
  DATABASE_POOL_MAX: 4,
  DATABASE_POOL_IDLE_MS: 10_000,
  DATABASE_CONNECT_TIMEOUT_MS: 5_000,
};

// Writes whose cost bench measures (see rolledBack).
const rateChangeSql = () =>
  `UPDATE "EnterpriseLoan" SET "effectiveRate" = 0.123456 WHERE id = (SELECT min(id) + 4242 FROM "EnterpriseLoan")`;
// 1,000 copies of existing loans (so, existing cells and borrowers) in one statement.
const thousandLoansSql =
  () => `INSERT INTO "EnterpriseLoan" ("contractNo", "enterpriseId", "orgUnitId", "regionId", product, "regulatoryClass", "policyRegime",
    "effectiveRate", "contractAmount", "disbursedAmount", "outstandingBalance", "contractDate", "firstDisbursementDate", "maturityDate", status,
    "riskClass", "dataSource", "updatedAt")
  SELECT 'BENCH-' || id, "enterpriseId", "orgUnitId", "regionId", product, "regulatoryClass", "policyRegime", "effectiveRate", "contractAmount",
    "disbursedAmount", "outstandingBalance", "contractDate", "firstDisbursementDate", "maturityDate", status, "riskClass", "dataSource", now()
  FROM "EnterpriseLoan" WHERE id % 1000 = 7`;

await main();

async function admin(sql: string, adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function timed(label: string, runs: number, work: () => Promise<unknown>): Promise<void> {
  await work(); // warm the cache and the plan
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `${label.padEnd(48)} median ${median.toFixed(0).padStart(6)} ms   min ${times[0]!.toFixed(0)}  max ${times.at(-1)!.toFixed(0)}`,
  );
}

// The write cost of exact extremes and borrowers, in a transaction rolled back: an update recounts
// the loan's cell; an insert merges its loans into their cells.
async function rolledBack(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(sql);
    await client.query('ROLLBACK');
  } finally {
    await client.end();
  }
}

async function measure(db: Database, url: string, runs: number): Promise<void> {
  const n = (await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM "EnterpriseLoan"'))[0]?.n ?? 0;
  const [range] = await db.sql.query<{ last: string }>(
    `SELECT to_char(max("monthEnd"), 'YYYY-MM-DD') AS last FROM "LoanClassificationSnapshot"`,
  );
  console.log(
    `\n${n.toLocaleString('en')} loans; ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
  if (values.only === 'exports' || values.only === 'csv-exports')
    return measureExports(db, n, exportOptions(url)).then(() => undefined);
  // Additive measures (what a dashboard asks for) and rate extremes are read from the monthly
  // rollup; so are borrowers when every group is one cell (county × disbursement month, every
  // cell's region a county) and, from the borrower rollup, when grouped by region alone.
  const additive = [
    'loanCount',
    'contractAmount',
    'outstandingBalance',
    'weightedAverageRate',
    'nonPerformingBalance',
    'nplRatio',
  ];
  const countyMonth = { groupBy: ['COUNTY', 'DISBURSEMENT_MONTH'], first: 10_000 };
  await timed('loanStatistics by COUNTY × DISBURSEMENT_MONTH (rollup)', runs, () =>
    loanStatistics(db, { ...countyMonth, measures: additive }, unrestrictedScope),
  );
  await timed('  same, every measure incl. borrowerCount (rollup)', runs, () =>
    loanStatistics(db, countyMonth, unrestrictedScope),
  );
  await timed('  same, every measure, read from the loans', runs, () =>
    loanStatistics(db, { ...countyMonth, rollups: false }, unrestrictedScope),
  );
  await timed('loanStatistics by PROVINCE (rollup)', runs, () =>
    loanStatistics(db, { groupBy: ['PROVINCE'], measures: additive }, unrestrictedScope),
  );
  const allButBorrowers = Object.keys(loanMeasures).filter((m) => m !== 'borrowerCount');
  await timed('  same, every measure but borrowerCount (rollup)', runs, () =>
    loanStatistics(db, { groupBy: ['PROVINCE'], measures: allButBorrowers }, unrestrictedScope),
  );
  await timed('  same, every measure incl. borrowerCount (rollups)', runs, () =>
    loanStatistics(db, { groupBy: ['PROVINCE'] }, unrestrictedScope),
  );
  await timed('  same, every measure, read from the loans', runs, () =>
    loanStatistics(db, { groupBy: ['PROVINCE'], rollups: false }, unrestrictedScope),
  );
  await timed("one loan's rate changed, its cell recounted (rolled back)", runs, () =>
    rolledBack(url, rateChangeSql()),
  );
  await timed('1,000 loans inserted in one statement (rolled back)', runs, () => rolledBack(url, thousandLoansSql()));
  await timed('  same, rollup triggers off (the rest of the cost)', runs, () =>
    rolledBack(url, `SET LOCAL dishui.defer_rollups = 'on'; ${thousandLoansSql()}`),
  );
  await timed('loanStatistics by PRODUCT, inRegion 4104', runs, () =>
    loanStatistics(db, { groupBy: ['PRODUCT'], where: { inRegion: '4104' } }, unrestrictedScope),
  );
  await measureStatisticsOverHttp(url, runs);
  const last = new Date(`${range?.last ?? '2025-12-31'}T00:00:00Z`);
  const from = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - 23, 1));
  await timed(`portfolioSeries 24 months by PREFECTURE (rollup)`, runs, () =>
    portfolioSeries(db, { groupBy: ['PREFECTURE'], from, to: last, first: 1_000 }, unrestrictedScope),
  );
  await timed(`  same, read from the snapshots`, Math.min(runs, 3), () =>
    portfolioSeries(db, { groupBy: ['PREFECTURE'], from, to: last, first: 1_000, rollups: false }, unrestrictedScope),
  );
  await measureScopedCallers(db, runs);
  if (values.only !== 'statistics') await measureExports(db, n, exportOptions(url));
}

// Jobs write an ExportJob row: on a database this run seeded, or on --jobs-url only.
function exportOptions(url: string): ExportBenchOptions {
  const jobsUrl = values['jobs-url'] ?? (values.url ? undefined : url);
  return { url, jobsUrl, rounds: Number(values['export-rounds']), xlsx: values.only !== 'csv-exports' };
}

async function main(): Promise<void> {
  const runs = Number(values.runs);
  if (values.url) {
    const db = await openDatabase({ ...settings, DATABASE_URL: values.url });
    try {
      await measure(db, values.url, runs);
    } finally {
      await db.close();
    }
    return;
  }
  const adminUrl = process.env.DISHUI_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `dishui_bi_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await admin(`CREATE DATABASE ${name}`, adminUrl);
  const db = await openDatabase({ ...settings, DATABASE_URL: url.toString() });
  try {
    await migrate(db);
    const started = performance.now();
    await seedSynthetic(db, { loans: Number(values.loans), seed: 42 });
    await db.sql.exec('ANALYZE');
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `seeded ${Number(values.loans).toLocaleString('en')} loans in ${seconds.toFixed(0)} s (load ${os
        .loadavg()
        .map((v) => v.toFixed(2))
        .join(' ')}); target for 1,000,000 < 300 s: ${seconds < 300 ? 'PASS' : 'FAIL'}`,
    );
    await measure(db, url.toString(), runs);
  } finally {
    await db.close();
    if (values.keep) console.log(`kept the database: ${url.toString()}`);
    else await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, adminUrl);
  }
}
