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
 * its schedules, repayments, classification snapshots, impact records and campaign links, the
 * rollup triggers off (the caller rebuilds the rollups after the last chunk with
 * `refreshLoanRollups`; the fact-change triggers stay on).
 * `workers` connections take chunks in turn (PostgreSQL runs each statement on one core,
 * and the foreign-key checks of some 15 million rows are most of the work), so chunks commit in
 * no fixed order; a chunk's rows depend only on its ordinals, never on which worker wrote it.
 * Nothing in Node grows with the number of loans: each statement returns one row of counts.
 * @throws the first error of any worker, after the other workers have stopped; chunks that
 *   were committed stay (the caller removes them).
 */
export async function seedLoans(run: SyntheticRun, db: Database, workers: number, chunks: ChunkOptions): Promise<void> {
  const { plan } = run;
  const todo: Chunk[] = [];
  for (let from = 1; from <= plan.loans; from += plan.chunkSize) {
    todo.push({ from, to: Math.min(plan.loans, from + plan.chunkSize - 1) });
  }
  let next = 0;
  let failed = false;
  const worker = () =>
    db.sql.withConnection(async (connection) => {
      const own = await run.on(connection);
      while (!failed && next < todo.length) {
        const chunk = todo[next++]!;
        try {
          await inChunkTransaction(connection, db.kind, chunks, async () => {
            const ids = await insertLoans(own, chunk);
            if (ids.lo !== null) {
              await insertChildren(own, connection, db.kind, chunk, ids);
            }
          });
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    });
  const results = await Promise.allSettled(Array.from({ length: Math.min(workers, todo.length) }, worker));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}

/** How chunk transactions are set up. */
export interface ChunkOptions {
  /** Rollup triggers off (`dishui.defer_rollups`): the caller rebuilds the rollups afterwards. */
  deferRollups: boolean;
  /** Extra statements at the start of every chunk (benchmarks only). */
  settings?: string;
}

interface Chunk {
  from: number;
  to: number;
}

interface ChunkIds {
  lo: number | null;
  hi: number | null;
}

/** Session lock the workers take in turn for their loan INSERT statements. */
const LOAN_INSERT_LOCK_KEY = 7_346_002_002;

/**
 * Inserts the chunk's loans. Workers take turns for this one statement (a session-level
 * advisory lock, released right after it, not at the commit): two loan inserts at once would
 * draw ids from the sequence alternately, so each chunk's id range would span both chunks'
 * loans and every child statement of both would scan twice the loans it writes for. Measured on
 * 200,000 loans and two workers, that cost a third more database CPU than one worker.
 */
async function insertLoans(run: SyntheticRun, chunk: Chunk): Promise<ChunkIds> {
  await run.connection.query('SELECT pg_advisory_lock($1)', [LOAN_INSERT_LOCK_KEY]);
  let ids: { n: number; lo: number | null; hi: number | null } | undefined;
  try {
    [ids] = await run.run<{ n: number; lo: number | null; hi: number | null }>(
      'loans',
      `WITH inserted AS (${loanInsertSql(run.random, run.plan.enterprises)}) SELECT count(*)::int AS n, min(id) AS lo, max(id) AS hi FROM inserted`,
      [chunk.from, chunk.to],
    );
  } finally {
    await run.connection.query('SELECT pg_advisory_unlock($1)', [LOAN_INSERT_LOCK_KEY]).catch(() => {});
  }
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

async function inChunkTransaction<T>(
  connection: SqlConnection,
  kind: Database['kind'],
  options: ChunkOptions,
  work: () => Promise<T>,
): Promise<T> {
  await connection.exec('BEGIN');
  try {
    await connection.exec(`SET LOCAL search_path = ${scratchSchema}, public`);
    // The rollups are rebuilt once after the last chunk (refreshLoanRollups): adding each chunk
    // here cost more than the rebuild, and two workers upserting the same rollup rows from their
    // first statement on would run one after the other.
    if (options.deferRollups) await connection.exec(`SET LOCAL dishui.defer_rollups = 'on'`);
    // Big generated statements: JIT compilation costs more than it saves, hash joins want memory.
    if (kind === 'postgres') await connection.exec(`SET LOCAL jit = off; SET LOCAL work_mem = '64MB'`);
    if (options.settings) await connection.exec(options.settings);
    const result = await work();
    await connection.exec('COMMIT');
    return result;
  } catch (error) {
    await connection.exec('ROLLBACK').catch(() => {});
    throw error;
  }
}

/**
 * Rebuilds the loan rollups from the loans and snapshots, set-based, in a transaction of its own
 * (`dishui_refresh_loan_rollups`, which locks the loans and snapshots against writes until the
 * commit): what the seeder runs once after writing its chunks with the rollup triggers off.
 */
export async function refreshLoanRollups(connection: SqlConnection, kind: Database['kind']): Promise<void> {
  await connection.exec('BEGIN');
  try {
    if (kind === 'postgres') await connection.exec(`SET LOCAL jit = off; SET LOCAL work_mem = '64MB'`);
    await connection.query('SELECT "dishui_refresh_loan_rollups"()');
    await connection.exec('COMMIT');
  } catch (error) {
    await connection.exec('ROLLBACK').catch(() => {});
    throw error;
  }
}
