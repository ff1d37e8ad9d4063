// BI benchmark on PostgreSQL: grouped loan statistics, a portfolio series and the streaming CSV
// export of every loan fact, on the synthetic data set. Prints medians, rows/s and peak memory.
// Targets (1,000,000 loans, 2 cores): statistics by county × disbursement month < 500 ms, by
// province < 200 ms, 24-month series by prefecture < 500 ms, CSV export ≥ 100,000 rows/s with
// the server's peak RSS < 250 MB and flat as rows grow (printed after each quarter of the rows).
// Statistics and series print the rollup path and the path reading loans/snapshots. The export
// also prints the CPU seconds of the PostgreSQL process serving it: on a loaded machine
// rows ÷ (CPU seconds) bounds what an idle one would reach.
//
//   node --import tsx bench/bi.ts --loans 1000000 [--runs 7] [--keep] [--url postgresql://…]
//
// Without --url a database is created on DISHUI_BENCH_POSTGRES_URL (default
// postgresql://postgres@127.0.0.1:5432/postgres), seeded, measured and dropped (unless --keep).
// With --url an already seeded database is measured as it is. The export runs in a child process
// so that its RSS is the server's alone.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrator.js';
import { seedSynthetic } from '../src/db/seeds/synthetic/index.js';
import { loanMeasures } from '../src/modules/analytics/loanMeasures.js';
import { loanStatistics } from '../src/modules/analytics/loanStatistics.service.js';
import { portfolioSeries } from '../src/modules/analytics/portfolioSeries.service.js';
import { exportRoutes } from '../src/modules/exports/exports.routes.js';
import { unrestrictedScope } from '../src/modules/auth/accessScope.js';
import { measureStatisticsOverHttp } from './support/biHttp.js';
import { measureScopedCallers } from './support/biScoped.js';

const { values } = parseArgs({
  options: {
    loans: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
    url: { type: 'string' },
    serve: { type: 'string' },
  },
});
const settings = {
  DISHUI_DATA_DIR: 'memory://',
  DATABASE_POOL_MAX: 4,
  DATABASE_POOL_IDLE_MS: 10_000,
  DATABASE_CONNECT_TIMEOUT_MS: 5_000,
};
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

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

if (values.serve) {
  // Child: serve the export route and report its peak RSS to the parent when asked.
  const db = await openDatabase({ ...settings, DATABASE_URL: values.serve });
  const app = Fastify();
  // A bank-wide ADMIN, as the authentication plugin would set it for an admin token.
  app.addHook('onRequest', async (request) => {
    request.viewer = { kind: 'user', id: 'user:bench', roles: ['ADMIN'], orgUnitId: null };
  });
  await app.register(exportRoutes, { db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  process.send!({ port: (app.server.address() as { port: number }).port, rss: peak });
  process.on('message', async (message) => {
    if (message === 'peak') {
      const cpu = process.cpuUsage();
      process.send!({
        peak: Math.max(peak, process.resourceUsage().maxRSS * 1024),
        baseline: start,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
      });
    }
    if (message === 'stop') {
      clearInterval(sampler);
      await app.close();
      await db.close();
      process.exit(0);
    }
  });
} else {
  await main();
}

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

// CPU seconds of PostgreSQL processes (the COPY's backend and its parallel workers), from /proc:
// the server runs on this machine.
function backendCpuSampler(db: Database): { stop: () => Promise<number> } {
  const seen = new Map<number, number>();
  const sample = async () => {
    const rows = await db.sql.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND (query LIKE 'COPY (%' OR backend_type = 'parallel worker')`,
    );
    for (const { pid } of rows) {
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        seen.set(pid, Math.max(seen.get(pid) ?? 0, (Number(fields[11]) + Number(fields[12])) / 100));
      } catch {
        // Ended between the query and the read: its last sample stays.
      }
    }
  };
  const timer = setInterval(() => void sample().catch(() => {}), 100);
  return {
    stop: async () => {
      clearInterval(timer);
      return [...seen.values()].reduce((a, b) => a + b, 0);
    },
  };
}

async function exportAll(db: Database, url: string, expected: number): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', url], { execArgv: ['--import', 'tsx'] });
  const ask = <T>(message?: string) =>
    new Promise<T>((resolve) => {
      child.once('message', (m) => resolve(m as T));
      if (message) child.send(message);
    });
  const { port } = await ask<{ port: number }>();
  const cpu = backendCpuSampler(db);
  const start = performance.now();
  let bytes = 0;
  let records = 0;
  // The server's peak RSS after each quarter of the rows: flat memory keeps it level as rows grow.
  const quarters: string[] = [];
  let nextQuarter = expected / 4;
  const sampleQuarter = (label: string) =>
    ask<{ peak: number }>('peak').then(({ peak }) => {
      quarters.push(`${label} ${mb(peak)}`);
    });
  const sampled: Promise<void>[] = [];
  await new Promise<void>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/export/loan-facts.csv' }, (response) => {
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) records += 1;
          if (records >= nextQuarter && sampled.length < 3) {
            sampled.push(sampleQuarter(`${Math.round((records / expected) * 100)}%`));
            nextQuarter += expected / 4;
          }
        });
        response.on('end', resolve);
        response.on('error', reject);
      })
      .on('error', reject);
  });
  const seconds = (performance.now() - start) / 1000;
  const backendSeconds = await cpu.stop();
  await Promise.all(sampled);
  const { peak, baseline, cpuSeconds } = await ask<{ peak: number; baseline: number; cpuSeconds: number }>('peak');
  child.send('stop');
  const rows = records - 1;
  console.log(
    `CSV export of every loan fact: ${rows.toLocaleString('en')} rows, ${mb(bytes)} in ${seconds.toFixed(1)} s = ` +
      `${Math.round(rows / seconds).toLocaleString('en')} rows/s; server RSS at start ${mb(baseline)}, peak ${mb(peak)}`,
  );
  console.log(`  server peak RSS as rows grow: ${[...quarters, `100% ${mb(peak)}`].join(', ')}`);
  console.log(
    `  CPU: PostgreSQL ${backendSeconds.toFixed(1)} s, Node server ${cpuSeconds.toFixed(1)} s (whole process life); ` +
      `rows ÷ the busier one's CPU seconds = ${Math.round(rows / Math.max(backendSeconds, cpuSeconds)).toLocaleString('en')} rows/s`,
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
  await exportAll(db, url, n);
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
    console.log(
      `seeded ${Number(values.loans).toLocaleString('en')} loans in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    await measure(db, url.toString(), runs);
  } finally {
    await db.close();
    if (values.keep) console.log(`kept the database: ${url.toString()}`);
    else await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, adminUrl);
  }
}
