// Cost of the branch-tree scope on reads, on PostgreSQL over the synthetic data set: the same
// statements for a bank-wide ADMIN (no scope condition) and for an ANALYST bound to one tier-1
// branch (a recursive subtree query ANDed into every statement). Prints medians in ms.
//
//   node --import tsx bench/scope.ts [--loans 100000] [--runs 5]
//
// A database is created on DISHUI_BENCH_POSTGRES_URL (default
// postgresql://postgres@127.0.0.1:5432/postgres), seeded, measured and dropped.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrator.js';
import { seedSynthetic } from '../src/db/seeds/synthetic/index.js';
import { loanStatistics } from '../src/modules/analytics/loanStatistics.service.js';
import { unrestrictedScope, type AccessScope } from '../src/modules/auth/accessScope.js';
import { rootConnection } from '../src/engine/rootConnection.js';

const { values } = parseArgs({
  options: { loans: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' } },
});
const adminUrl = process.env.DISHUI_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const name = `dishui_bench_scope_${randomBytes(4).toString('hex')}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

await admin(`CREATE DATABASE ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const db = await openDatabase({
  DATABASE_URL: url.toString(),
  DATABASE_POOL_MAX: 4,
  DATABASE_POOL_IDLE_MS: 1000,
  DATABASE_CONNECT_TIMEOUT_MS: 5000,
  DISHUI_DATA_DIR: 'memory://',
});
try {
  await migrate(db);
  const loans = Number(values.loans);
  await seedSynthetic(db, { loans, seed: 1 });
  const [branch] = await db.sql.query<{ id: number; code: string }>(
    `SELECT "id", "code" FROM "OrgUnit" WHERE "kind" = 'TIER1_BRANCH' ORDER BY "code" LIMIT 1`,
  );
  const scoped: AccessScope = { roles: ['ANALYST'], orgUnitId: branch!.id };
  const [share] = await db.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "EnterpriseLoan" l JOIN "OrgUnit" o ON o."id" = l."orgUnitId" WHERE o."id" = $1 OR o."parentId" = $1 OR o."parentId" IN (SELECT "id" FROM "OrgUnit" WHERE "parentId" = $1)`,
    [branch!.id],
  );
  console.log(
    `${loans.toLocaleString('en')} loans; scoped caller: ANALYST of ${branch!.code} (${share!.n.toLocaleString('en')} loans in its subtree)`,
  );
  const runs = Number(values.runs);
  const cases: Array<[string, (scope: AccessScope) => Promise<unknown>]> = [
    ['loanStatistics by COUNTY', (scope) => loanStatistics(db, { groupBy: ['COUNTY'], first: 1000 }, scope)],
    [
      'enterpriseLoans first 50 + totalCount',
      async (scope) => (await rootConnection(db, 'EnterpriseLoan', { first: 50 }, scope)).totalCount(),
    ],
    [
      'enterprises first 50 + totalCount',
      async (scope) => (await rootConnection(db, 'Enterprise', { first: 50 }, scope)).totalCount(),
    ],
    [
      'impactRecords first 50 + totalCount',
      async (scope) => (await rootConnection(db, 'ImpactRecord', { first: 50 }, scope)).totalCount(),
    ],
  ];
  for (const [label, work] of cases) {
    const whole = await median(runs, () => work(unrestrictedScope));
    const branchOnly = await median(runs, () => work(scoped));
    console.log(
      `${label.padEnd(40)} bank-wide ${whole.toFixed(1).padStart(8)} ms   one branch ${branchOnly.toFixed(1).padStart(8)} ms`,
    );
  }
} finally {
  await db.close();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
