// Change-feed benchmark on PostgreSQL: what keeping "FactChange" costs writers, and whether a page
// of the feed reads only its own index entries. Prints, per 1,000 rows, the median time of each
// write with the fact triggers enabled and disabled (the same statement, interleaved, each in a
// transaction that is rolled back), and EXPLAIN ANALYZE figures of a 5,000-row page of
// `loanFactChanges` at the start, the middle and the end of the feed.
//
//   node --import tsx bench/bi-changes.ts [--loans 50000] [--runs 7] [--pages-only] [--url postgresql://…]
//
// Without --url a database is created on DISHUI_BENCH_POSTGRES_URL (default
// postgresql://postgres@127.0.0.1:5432/postgres), seeded with the synthetic set, measured and dropped.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrator.js';
import { seedSynthetic } from '../src/db/seeds/synthetic/index.js';
import { factChangePageSql, factSources } from '../src/modules/analytics/index.js';
import { unrestrictedScope } from '../src/modules/auth/accessScope.js';

const { values } = parseArgs({
  options: {
    loans: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '7' },
    url: { type: 'string' },
    'pages-only': { type: 'boolean', default: false },
  },
});
const settings = {
  DISHUI_DATA_DIR: 'memory://',
  DATABASE_POOL_MAX: 2,
  DATABASE_POOL_IDLE_MS: 10_000,
  DATABASE_CONNECT_TIMEOUT_MS: 5_000,
};

const factTriggers = {
  EnterpriseLoan: ['EnterpriseLoan_facts_insert', 'EnterpriseLoan_facts_update', 'EnterpriseLoan_facts_delete'],
  Enterprise: ['Enterprise_facts_update'],
  Region: ['Region_facts_update'],
  OrgUnit: ['OrgUnit_facts_update'],
};

/** A write to time: the statement, the table whose fact triggers to switch off, and how many fact rows it moves. */
interface Write {
  label: string;
  table: keyof typeof factTriggers;
  sql: string;
  /** Fact rows the write touches (loans written or shown), for the per-1,000 figure. */
  rows: string;
}

const writes: Write[] = [
  {
    label: 'insert 1,000 loans',
    table: 'EnterpriseLoan',
    sql: `INSERT INTO "EnterpriseLoan" ("contractNo", "enterpriseId", "orgUnitId", "regionId", product, "regulatoryClass", "policyRegime",
      "effectiveRate", "contractAmount", "disbursedAmount", "outstandingBalance", "contractDate", "firstDisbursementDate", "maturityDate", status,
      "riskClass", "dataSource", "updatedAt")
    SELECT 'BENCH-' || id, "enterpriseId", "orgUnitId", "regionId", product, "regulatoryClass", "policyRegime", "effectiveRate", "contractAmount",
      "disbursedAmount", "outstandingBalance", "contractDate", "firstDisbursementDate", "maturityDate", status, "riskClass", "dataSource", now()
    FROM "EnterpriseLoan" ORDER BY id LIMIT 1000`,
    rows: '1000',
  },
  {
    label: 'update 1,000 loans (note)',
    table: 'EnterpriseLoan',
    sql: `UPDATE "EnterpriseLoan" SET note = coalesce(note, '') || '.' WHERE id IN (SELECT id FROM "EnterpriseLoan" ORDER BY id LIMIT 1000)`,
    rows: '1000',
  },
  {
    label: 'delete 1,000 loans',
    table: 'EnterpriseLoan',
    sql: `DELETE FROM "EnterpriseLoan" WHERE id IN (SELECT id FROM "EnterpriseLoan" ORDER BY id DESC LIMIT 1000)`,
    rows: '1000',
  },
  {
    label: 'rename the prefecture with most loans',
    table: 'Region',
    sql: `UPDATE "Region" SET name = name || '·' WHERE code = (SELECT left(r.code, 4) FROM "EnterpriseLoan" l JOIN "Region" r ON r.id = l."regionId"
      GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)`,
    rows: `SELECT count(*) AS n FROM "EnterpriseLoan" l JOIN "Region" r ON r.id = l."regionId" WHERE r.code LIKE (SELECT left(r.code, 4) FROM "EnterpriseLoan" l
      JOIN "Region" r ON r.id = l."regionId" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) || '%'`,
  },
  {
    label: 'rename the 100 busiest borrowers',
    table: 'Enterprise',
    sql: `UPDATE "Enterprise" SET name = name || '·' WHERE id IN (SELECT "enterpriseId" FROM "EnterpriseLoan" GROUP BY 1 ORDER BY count(*) DESC LIMIT 100)`,
    rows: `SELECT sum(n) AS n FROM (SELECT count(*) AS n FROM "EnterpriseLoan" GROUP BY "enterpriseId" ORDER BY 1 DESC LIMIT 100) x`,
  },
  {
    label: 'rename every sub-branch',
    table: 'OrgUnit',
    sql: `UPDATE "OrgUnit" SET name = name || '·' WHERE kind = 'SUB_BRANCH'`,
    rows: `SELECT count(*) AS n FROM "EnterpriseLoan" l JOIN "OrgUnit" o ON o.id = l."orgUnitId" WHERE o.kind = 'SUB_BRANCH'`,
  },
];

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;

async function timeWrite(client: pg.Client, write: Write, withTriggers: boolean): Promise<number> {
  await client.query('BEGIN');
  try {
    if (!withTriggers)
      for (const name of factTriggers[write.table])
        await client.query(`ALTER TABLE "${write.table}" DISABLE TRIGGER "${name}"`);
    const start = performance.now();
    await client.query(write.sql);
    return performance.now() - start;
  } finally {
    await client.query('ROLLBACK');
  }
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

function indexScans(node: PlanNode, found: PlanNode[] = []): PlanNode[] {
  if (node['Index Name'] === 'FactChange_kind_deleted_changedAt_factId_idx') found.push(node);
  for (const child of node.Plans ?? []) indexScans(child, found);
  return found;
}

async function explainPages(client: pg.Client): Promise<void> {
  const source = factSources['loan-facts'];
  const counted = await client.query(
    `SELECT count(*)::int AS n FROM "FactChange" WHERE kind = 'loan-facts' AND NOT deleted`,
  );
  const n = Number(counted.rows[0]?.n ?? 0);
  for (const [label, offset] of [
    ['first page', 0],
    ['middle page', Math.floor(n / 2)],
    ['last page', Math.max(0, n - 5_000)],
  ] as const) {
    const { rows } = await client.query(
      `SELECT to_char("changedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, "factId" AS id FROM "FactChange"
       WHERE kind = 'loan-facts' AND NOT deleted ORDER BY "changedAt", "factId" OFFSET $1 LIMIT 1`,
      [Math.max(0, offset - 1)],
    );
    const position: [string, number] = offset === 0 ? ['-infinity', 0] : [rows[0].at, rows[0].id];
    const sql = factChangePageSql(source, null, unrestrictedScope, position, 5_001);
    const start = performance.now();
    const result = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, sql.values);
    const elapsed = performance.now() - start;
    const plan = (result.rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode; 'Execution Time': number }>)[0]!;
    const scans = indexScans(plan.Plan);
    const read = scans.reduce((sum, scan) => sum + scan['Actual Rows'] * scan['Actual Loops'], 0);
    console.log(
      `${label.padEnd(12)} after ${String(offset).padStart(8)}: ${scans.length ? `index ${scans[0]!['Node Type']}` : 'NO FEED INDEX'}, ` +
        `${read.toLocaleString('en')} index entries read for 5,001 rows of ${n.toLocaleString('en')}; ` +
        `execution ${plan['Execution Time'].toFixed(0)} ms (round trip ${elapsed.toFixed(0)} ms)`,
    );
  }
}

async function measure(url: string, runs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ loans }] = (await client.query(`SELECT count(*)::int AS loans FROM "EnterpriseLoan"`)).rows;
    console.log(
      `\n${loans.toLocaleString('en')} loans; ${os.cpus().length} cores, load ${os
        .loadavg()
        .map((v) => v.toFixed(2))
        .join(' ')}; median of ${runs} interleaved runs, each rolled back\n`,
    );
    console.log(
      `${'write'.padEnd(40)} ${'fact rows'.padStart(9)} ${'with'.padStart(9)} ${'without'.padStart(9)} ${'cost /1,000 rows'.padStart(17)}`,
    );
    for (const write of values['pages-only'] ? [] : writes) {
      const rows = write.rows.startsWith('SELECT')
        ? Number((await client.query(write.rows)).rows[0].n)
        : Number(write.rows);
      await timeWrite(client, write, true); // warm
      const on: number[] = [];
      const off: number[] = [];
      for (let i = 0; i < runs; i++) {
        on.push(await timeWrite(client, write, true));
        off.push(await timeWrite(client, write, false));
      }
      const cost = ((median(on) - median(off)) * 1_000) / Math.max(rows, 1);
      console.log(
        `${write.label.padEnd(40)} ${rows.toLocaleString('en').padStart(9)} ${`${median(on).toFixed(1)} ms`.padStart(9)} ${`${median(off).toFixed(1)} ms`.padStart(9)} ${`${cost.toFixed(1)} ms`.padStart(17)}`,
      );
    }
    console.log('\nloanFactChanges, first: 5,000 (EXPLAIN ANALYZE):');
    await explainPages(client);
  } finally {
    await client.end();
  }
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

const runs = Number(values.runs);
if (values.url) {
  await measure(values.url, runs);
} else {
  const adminUrl = process.env.DISHUI_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `dishui_bi_changes_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await admin(`CREATE DATABASE ${name}`, adminUrl);
  try {
    const db = await openDatabase({ ...settings, DATABASE_URL: url.toString() });
    try {
      await migrate(db);
      const started = performance.now();
      await seedSynthetic(db, { loans: Number(values.loans), seed: 42 });
      await db.sql.exec('ANALYZE');
      console.log(
        `seeded ${Number(values.loans).toLocaleString('en')} loans in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    } finally {
      await db.close();
    }
    await measure(url.toString(), runs);
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, adminUrl);
  }
}
