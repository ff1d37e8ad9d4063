import type { Database, SqlConnection } from '../../client.js';
import {
  impactInsertSql,
  loanCampaignInsertSql,
  repaymentInsertSql,
  scheduleInsertSql,
  snapshotInsertSql,
} from './loanChildrenSql.js';
import { loanInsertSql } from './loanInsertSql.js';
import { scratchSchema, type SyntheticRun, type SyntheticTable } from './syntheticRun.js';

/**
 * Writes the loans in chunks of `plan.chunkSize`, each chunk in a transaction of its own with
 * its schedules, repayments, classification snapshots, impact records and campaign links.
 * `workers` connections take chunks in turn (PostgreSQL runs each statement on one core,
 * and the foreign-key checks of some 15 million rows are most of the work), so chunks commit in
 * no fixed order; a chunk's rows depend only on its ordinals, never on which worker wrote it.
 * Nothing in Node grows with the number of loans: each statement returns one row of counts.
 * @throws the first error of any worker, after the other workers have stopped; chunks that
 *   were committed stay (the caller removes them).
 */
export async function seedLoans(run: SyntheticRun, db: Database, workers: number): Promise<void> {
  const { plan } = run;
  const chunks: Chunk[] = [];
  for (let from = 1; from <= plan.loans; from += plan.chunkSize) {
    chunks.push({ from, to: Math.min(plan.loans, from + plan.chunkSize - 1) });
  }
  let next = 0;
  let failed = false;
  const worker = () =>
    db.sql.withConnection(async (connection) => {
      const own = run.on(connection);
      while (!failed && next < chunks.length) {
        const chunk = chunks[next++]!;
        try {
          await inChunkTransaction(connection, db.kind, async () => {
            const ids = await insertLoans(own, chunk);
            if (ids.lo !== null) {
              await insertChildren(own, connection, db.kind, chunk, ids);
              await addToRollups(connection, chunk, ids, run.random.seed);
            }
          });
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    });
  const results = await Promise.allSettled(Array.from({ length: Math.min(workers, chunks.length) }, worker));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}

interface Chunk {
  from: number;
  to: number;
}

interface ChunkIds {
  lo: number | null;
  hi: number | null;
}

async function insertLoans(run: SyntheticRun, chunk: Chunk): Promise<ChunkIds> {
  const [ids] = await run.run<{ n: number; lo: number | null; hi: number | null }>(
    'loans',
    `WITH inserted AS (${loanInsertSql(run.random, run.plan.enterprises)}) SELECT count(*)::int AS n, min(id) AS lo, max(id) AS hi FROM inserted`,
    [chunk.from, chunk.to],
  );
  run.count('loans', 'EnterpriseLoan', Number(ids?.n ?? 0));
  return { lo: ids?.lo ?? null, hi: ids?.hi ?? null };
}

async function insertChildren(
  run: SyntheticRun,
  connection: SqlConnection,
  kind: Database['kind'],
  chunk: Chunk,
  ids: ChunkIds,
): Promise<void> {
  const { random } = run;
  const contractNo = (ordinal: number) => `SYN-${random.seed}-${String(ordinal).padStart(8, '0')}`;
  const children: [stage: string, table: SyntheticTable, sql: string][] = [
    ['schedules', 'RepaymentScheduleItem', scheduleInsertSql(random)],
    ['repayments', 'Repayment', repaymentInsertSql(random)],
    ['snapshots', 'LoanClassificationSnapshot', snapshotInsertSql(random)],
    ['impact', 'ImpactRecord', impactInsertSql(random)],
    ['loan campaigns', 'LoanCampaign', loanCampaignInsertSql(random)],
  ];
  for (const [stage, table, sql] of children) {
    // Repayments join the chunk's instalments to its loans. With the loan table's statistics
    // lagging behind a run that fills it, the planner has been seen to nest a range scan of the
    // loans inside a loop over the instalments (hours, not seconds): a hash join is always
    // right here, so nested loops are ruled out for this one statement.
    const hashJoin = table === 'Repayment' && kind === 'postgres';
    if (hashJoin) await connection.exec('SET LOCAL enable_nestloop = off');
    await run.insert(stage, table, sql, [ids.lo, ids.hi, contractNo(chunk.from), contractNo(chunk.to)]);
    if (hashJoin) await connection.exec('SET LOCAL enable_nestloop = on');
  }
}

/**
 * Adds the chunk's loans and snapshots to the BI rollups, last thing before the commit. The
 * rollup triggers are off in chunk transactions: two workers upserting the same rollup rows from
 * their first statement on would run one after the other.
 */
async function addToRollups(connection: SqlConnection, chunk: Chunk, ids: ChunkIds, seed: number): Promise<void> {
  const contractNo = (ordinal: number) => `SYN-${seed}-${String(ordinal).padStart(8, '0')}`;
  await connection.query('SELECT "dishui_rollup_loans"($1, $2, $3, $4)', [
    ids.lo,
    ids.hi,
    contractNo(chunk.from),
    contractNo(chunk.to),
  ]);
}

async function inChunkTransaction<T>(
  connection: SqlConnection,
  kind: Database['kind'],
  work: () => Promise<T>,
): Promise<T> {
  await connection.exec('BEGIN');
  try {
    await connection.exec(`SET LOCAL search_path = ${scratchSchema}, public`);
    await connection.exec(`SET LOCAL dishui.defer_rollups = 'on'`);
    // Big generated statements: JIT compilation costs more than it saves, hash joins want memory.
    if (kind === 'postgres') await connection.exec(`SET LOCAL jit = off; SET LOCAL work_mem = '64MB'`);
    const result = await work();
    await connection.exec('COMMIT');
    return result;
  } catch (error) {
    await connection.exec('ROLLBACK').catch(() => {});
    throw error;
  }
}
