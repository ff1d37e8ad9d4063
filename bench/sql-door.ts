// Cost of the SQL door's row security on a BI tool's folded query: a Power BI-style DirectQuery
// (sum by county and month over a date range) through reporting.loan_facts as a SQL login, against
// the same query written on the base tables as the database owner, for a bank-wide login and a
// branch analyst. Rounds are interleaved (door, base, door, base …) so load on the shared machine
// falls on both alike; prints medians in ms, their ratio and the load average. Aim: ratio <= 1.5.
//
//   node --import tsx bench/sql-door.ts --url postgresql://postgres@127.0.0.1:5432/DB \
//     [--branch SYN-B4113] [--runs 7] [--from 2019-01-01] [--to 2021-01-01] [--explain] [--serial]
//
// --serial sets max_parallel_workers_per_gather = 0 on every session: the planner gives the base
// query parallel workers and the door's scan none, so this separates the scope's own cost from
// lost parallelism.
//
// DB is a database seeded by `bench/seed-synthetic.ts --keep` (migrated, superuser access). The
// logins the bench makes are dropped at the end (roles are cluster-wide).
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { createSqlLogin, listSqlLogins } from '../src/modules/reporting/index.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    branch: { type: 'string', default: 'SYN-B4113' },
    runs: { type: 'string', default: '7' },
    from: { type: 'string', default: '2019-01-01' },
    to: { type: 'string', default: '2021-01-01' },
    explain: { type: 'boolean', default: false },
    serial: { type: 'boolean', default: false },
  },
});
if (!values.url) throw new Error('--url postgresql://…/DB of a seeded database is required');
const runs = Number(values.runs);
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const iso = (text: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error(`not a date: ${text}`);
  return text;
};
const range = { from: iso(values.from), to: iso(values.to) };
if (!/^[A-Z0-9-]+$/.test(values.branch)) throw new Error(`not an org unit code: ${values.branch}`);

// What Power BI folds a "sum by county and month, date slicer" visual into: a subselect of the
// table with the slicer's range, grouped outside, with its row cap.
const doorQuery = `SELECT "_"."countyCode" AS "c0", date_trunc('month', "_"."firstDisbursementDate")::date AS "c1",
       sum("_"."disbursedAmount") AS "a0", sum("_"."outstandingBalance") AS "a1", count(1) AS "a2"
FROM (SELECT "countyCode", "firstDisbursementDate", "disbursedAmount", "outstandingBalance"
      FROM "reporting"."loan_facts"
      WHERE "firstDisbursementDate" >= DATE '${range.from}' AND "firstDisbursementDate" < DATE '${range.to}') "_"
GROUP BY 1, 2 LIMIT 1000001`;

/** The same figures from the base tables, limited to `subtree` (an OrgUnit path prefix) or not at all. */
const baseQuery = (
  subtree: string | null,
) => `SELECT CASE WHEN length(r."code") >= 6 THEN left(r."code", 6) END AS "c0",
       date_trunc('month', l."firstDisbursementDate")::date AS "c1",
       sum(l."disbursedAmount") AS "a0", sum(l."outstandingBalance") AS "a1", count(1) AS "a2"
FROM "EnterpriseLoan" l LEFT JOIN "Region" r ON r."id" = l."regionId"
WHERE l."firstDisbursementDate" >= DATE '${range.from}' AND l."firstDisbursementDate" < DATE '${range.to}'
${subtree === null ? '' : `AND l."orgUnitId" IN (SELECT o."id" FROM "OrgUnit" o WHERE o."path" LIKE '${subtree}%')`}
GROUP BY 1, 2 LIMIT 1000001`;

const db = await openDatabase({
  DATABASE_URL: values.url,
  DATABASE_POOL_MAX: 2,
  DATABASE_POOL_IDLE_MS: 1000,
  DATABASE_CONNECT_TIMEOUT_MS: 5000,
  DISHUI_DATA_DIR: 'memory://',
});
const made: string[] = [];
const clients: pg.Client[] = [];
async function connect(user?: string): Promise<pg.Client> {
  const target = new URL(values.url as string);
  if (user) target.username = user;
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  // The logins' own timeout (60 s) would cut a cold first run on a loaded machine.
  if (user) await client.query('SET statement_timeout = 0');
  if (values.serial) await client.query('SET max_parallel_workers_per_gather = 0');
  clients.push(client);
  return client;
}

try {
  const [count] = await db.sql.query<{ loans: number }>('SELECT count(*)::int AS loans FROM "EnterpriseLoan"');
  const loans = count?.loans ?? 0;
  const [branch] = await db.sql.query<{ path: string }>('SELECT "path" FROM "OrgUnit" WHERE "code" = $1', [
    values.branch,
  ]);
  if (!branch) throw new Error(`no org unit ${values.branch}`);
  const bank = await createSqlLogin(db, { label: 'bench sql-door bank', role: 'ADMIN', orgUnitCode: null });
  made.push(bank.login.login);
  const analyst = await createSqlLogin(db, {
    label: 'bench sql-door branch',
    role: 'ANALYST',
    orgUnitCode: values.branch,
  });
  made.push(analyst.login.login);
  const owner = await connect();
  const callers = [
    { name: 'bank-wide (ADMIN login)', door: await connect(bank.login.login), base: baseQuery(null) },
    { name: `branch ANALYST ${values.branch}`, door: await connect(analyst.login.login), base: baseQuery(branch.path) },
  ];
  // Where one head office is the root of every unit (SYN-HO in newer seeds), an ANALYST bound to it
  // is bank-wide through the subtree: the largest scope set the views build.
  const roots = await db.sql.query<{ code: string }>('SELECT "code" FROM "OrgUnit" WHERE "parentId" IS NULL');
  if (roots.length === 1 && roots[0]) {
    const root = await createSqlLogin(db, {
      label: 'bench sql-door root',
      role: 'ANALYST',
      orgUnitCode: roots[0].code,
    });
    made.push(root.login.login);
    callers.push({
      name: `root ANALYST ${roots[0].code}`,
      door: await connect(root.login.login),
      base: baseQuery(null),
    });
  }
  console.log(
    `sql-door: ${loans.toLocaleString('en')} loans, range ${range.from} .. ${range.to}, ${runs} interleaved rounds${values.serial ? ', no parallel workers' : ''}, ` +
      `${os.cpus().length} cores, load ${load()} at the start`,
  );

  for (const caller of callers) {
    // Same answer both ways, or the comparison means nothing.
    const door = await caller.door.query(doorQuery);
    const base = await owner.query(caller.base);
    const total = (rows: Array<Record<string, string>>) =>
      rows.reduce((sum, row) => sum + Number(row.a2), 0) + rows.reduce((sum, row) => sum + Number(row.a0), 0);
    if (door.rowCount !== base.rowCount || total(door.rows) !== total(base.rows))
      throw new Error(
        `${caller.name}: the door and the base query disagree (${door.rowCount} vs ${base.rowCount} rows)`,
      );
    console.log(`  ${caller.name}: ${door.rowCount} groups, ${door.rows.reduce((n, r) => n + Number(r.a2), 0)} loans`);
    if (values.explain) {
      for (const [label, client, sql] of [
        ['door', caller.door, doorQuery],
        ['base', owner, caller.base],
      ] as const) {
        const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
        console.log(`--- ${caller.name}, ${label}:\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}`);
      }
    }
  }

  const times = callers.map(() => ({ door: [] as number[], base: [] as number[] }));
  const loads: string[] = [];
  for (let round = 0; round < runs; round++) {
    for (const [n, caller] of callers.entries()) {
      // Alternate which goes first, so neither always meets the warmer cache.
      const order = round % 2 === 0 ? (['door', 'base'] as const) : (['base', 'door'] as const);
      for (const side of order) {
        const start = performance.now();
        if (side === 'door') await caller.door.query(doorQuery);
        else await owner.query(caller.base);
        times[n]![side].push(performance.now() - start);
      }
    }
    loads.push(os.loadavg()[0]!.toFixed(1));
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  console.log('caller                          door ms   base ms   door/base');
  for (const [n, caller] of callers.entries()) {
    const door = median(times[n]!.door);
    const base = median(times[n]!.base);
    console.log(
      `${caller.name.padEnd(30)} ${door.toFixed(1).padStart(8)} ${base.toFixed(1).padStart(9)} ${(door / base).toFixed(2).padStart(10)}`,
    );
  }
  console.log(`1-minute load average after each round: ${loads.join(' ')}; at the end ${load()}`);
} finally {
  for (const client of clients) await client.end().catch(() => undefined);
  for (const login of made) {
    await db.sql.exec(`DROP OWNED BY "${login}"; DROP ROLE IF EXISTS "${login}"`).catch(() => undefined);
    await db.sql.query('DELETE FROM "ReportingLogin" WHERE "login" = $1', [login]);
  }
  if ((await listSqlLogins(db)).some((row) => made.includes(row.login))) console.error('a bench login was left behind');
  await db.close();
}
