// What the triggers cost per 1,000 inserted loans, trigger by trigger: copies 1,000 loans of a
// seeded database (with their schedules, repayments and snapshots) under new contract numbers,
// each INSERT under EXPLAIN ANALYZE, whose trigger lines give the time of every trigger (the
// foreign keys' checks, the rollups', the change feed's), then rolls back. Twice: with the rollup
// triggers on (as an API write) and off (dishui.defer_rollups, as the synthetic seeder's chunks).
//
//   node --import tsx bench/seed-triggers.ts --url postgresql://postgres@127.0.0.1:5432/<seeded db> [--loans 1000] [--runs 3]
//
// Seed a database first: node --import tsx bench/seed-synthetic.ts --loans 100000 --keep
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    loans: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
  },
});
if (!values.url) throw new Error('--url of a seeded database is required');
const loans = Number(values.loans);
const runs = Number(values.runs);

interface Plan {
  'Execution Time': number;
  Triggers?: { 'Trigger Name': string; Relation: string; Time: number; Calls: number }[];
}

async function columns(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND column_name <> 'id' ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => `"${row.name}"`);
}

/** The copied loans with the id of the loan each copies (children are found through their loanId index). */
const copies = `(SELECT l.id, substr(l."contractNo", 7)::int AS source FROM "EnterpriseLoan" l WHERE l."contractNo" LIKE 'BENCH-%' OFFSET 0) c`;

/** Copies of `table`'s rows for the copied loans, `loanId` (and `scheduleItemId`) mapped to the copies. */
function copySql(table: string, cols: string[], mapped: Record<string, string>, from: string): string {
  const select = cols.map((col) => mapped[col] ?? `t.${col}`).join(', ');
  return `INSERT INTO "${table}" (${cols.join(', ')}) SELECT ${select} ${from}`;
}

async function measure(client: pg.Client, deferRollups: boolean): Promise<Map<string, number>> {
  const loanCols = await columns(client, 'EnterpriseLoan');
  const scheduleCols = await columns(client, 'RepaymentScheduleItem');
  const repaymentCols = await columns(client, 'Repayment');
  const snapshotCols = await columns(client, 'LoanClassificationSnapshot');
  const statements: [string, string][] = [
    [
      'loans',
      copySql(
        'EnterpriseLoan',
        loanCols,
        { '"contractNo"': `'BENCH-' || t.id` },
        `FROM "EnterpriseLoan" t WHERE t."contractNo" NOT LIKE 'BENCH-%' ORDER BY t.id LIMIT ${loans}`,
      ),
    ],
    [
      'schedules',
      copySql(
        'RepaymentScheduleItem',
        scheduleCols,
        { '"loanId"': 'c.id' },
        `FROM ${copies} JOIN "RepaymentScheduleItem" t ON t."loanId" = c.source`,
      ),
    ],
    [
      'repayments',
      copySql(
        'Repayment',
        repaymentCols,
        { '"loanId"': 'c.id', '"scheduleItemId"': 'ci.id' },
        `FROM ${copies} JOIN "Repayment" t ON t."loanId" = c.source
         JOIN "RepaymentScheduleItem" si ON si.id = t."scheduleItemId"
         JOIN "RepaymentScheduleItem" ci ON ci."loanId" = c.id AND ci.seq = si.seq`,
      ),
    ],
    [
      'snapshots',
      copySql(
        'LoanClassificationSnapshot',
        snapshotCols,
        { '"loanId"': 'c.id' },
        `FROM ${copies} JOIN "LoanClassificationSnapshot" t ON t."loanId" = c.source`,
      ),
    ],
  ];
  const times = new Map<string, number>();
  const add = (key: string, ms: number) => times.set(key, (times.get(key) ?? 0) + ms / runs);
  for (let run = 0; run < runs; run++) {
    await client.query('BEGIN');
    try {
      await client.query(`SET LOCAL jit = off; SET LOCAL dishui.defer_rollups = '${deferRollups ? 'on' : 'off'}'`);
      for (const [stage, sql] of statements) {
        const { rows } = await client.query<{ 'QUERY PLAN': Plan[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
        const plan = rows[0]?.['QUERY PLAN'][0];
        if (!plan) continue;
        let triggers = 0;
        for (const trigger of plan.Triggers ?? []) {
          const kind = trigger['Trigger Name'].startsWith('RI_ConstraintTrigger')
            ? 'foreign-key checks'
            : trigger['Trigger Name'];
          add(`${stage.padEnd(11)} ${kind}`, trigger.Time);
          triggers += trigger.Time;
        }
        add(`${stage.padEnd(11)} (statement without triggers)`, plan['Execution Time'] - triggers);
      }
    } finally {
      await client.query('ROLLBACK');
    }
  }
  return times;
}

const client = new pg.Client({ connectionString: values.url });
await client.connect();
try {
  for (const defer of [false, true]) {
    const times = await measure(client, defer);
    const total = [...times.values()].reduce((a, b) => a + b, 0);
    const triggers = [...times.entries()].filter(([key]) => !key.includes('without triggers'));
    const triggerTotal = triggers.reduce((sum, [, ms]) => sum + ms, 0);
    console.log(
      `\n${loans.toLocaleString('en')} loans with their children copied, mean of ${runs} runs, rollup triggers ${defer ? 'OFF (dishui.defer_rollups, as the seeder)' : 'on (as an API write)'}`,
    );
    for (const [key, ms] of [...times.entries()].sort())
      console.log(`  ${key.padEnd(62)} ${ms.toFixed(0).padStart(6)} ms`);
    console.log(`  ${'all statements'.padEnd(62)} ${total.toFixed(0).padStart(6)} ms`);
    console.log(
      `  ${'all triggers, per 1,000 loans'.padEnd(62)} ${((triggerTotal * 1000) / loans).toFixed(0).padStart(6)} ms`,
    );
  }
} finally {
  await client.end();
}
