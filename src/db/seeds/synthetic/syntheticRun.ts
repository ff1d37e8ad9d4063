import type { SqlConnection } from '../../client.js';
import { SqlRandom } from './sqlRandom.js';

/** The tables the synthetic seed writes, in the order it fills them. */
export const syntheticTables = [
  'Region',
  'LprRate',
  'OrgUnit',
  'Village',
  'Campaign',
  'Initiative',
  'InitiativeVillage',
  'InitiativeMetric',
  'InitiativeCampaign',
  'CadreAssignment',
  'Enterprise',
  'EnterpriseSite',
  'EnterpriseLoan',
  'RepaymentScheduleItem',
  'Repayment',
  'LoanClassificationSnapshot',
  'ImpactRecord',
  'LoanCampaign',
] as const;

/** One table the synthetic seed writes. */
export type SyntheticTable = (typeof syntheticTables)[number];

/** Sizes derived from the requested number of loans. */
export interface SyntheticPlan {
  loans: number;
  seed: number;
  enterprises: number;
  villagesPerCounty: number;
  townshipsPerCounty: number;
  /** Loans per INSERT statement; their child rows are written per chunk too. */
  chunkSize: number;
}

/** Time and rows of one stage of a run. */
export interface StageTiming {
  stage: string;
  rows: number;
  ms: number;
  /** CPU milliseconds of the database backends, when the caller gave a `backendCpuMs` probe. */
  cpuMs?: number;
}

/** CPU milliseconds a database backend (by process id) has used so far; benchmarks read /proc. */
export type BackendCpuProbe = (pid: number) => number;

/**
 * Schema of the run's scratch tables (county picker, id maps): ordinary unlogged tables rather
 * than temp tables, because the loan workers read them from connections of their own.
 */
export const scratchSchema = 'dishui_synthetic_scratch';

/**
 * State of one seeding run: the random source, the plan, rows written per table and time spent
 * per stage (stages of the same name, such as one per chunk or worker, add up), and the
 * connection its statements go to.
 */
export class SyntheticRun {
  readonly random: SqlRandom;

  constructor(
    readonly connection: SqlConnection,
    readonly plan: SyntheticPlan,
    private readonly onProgress?: (stage: string, rows: number) => void,
    readonly rows: Map<SyntheticTable, number> = new Map(syntheticTables.map((table) => [table, 0])),
    readonly stages: Map<string, StageTiming> = new Map(),
    private readonly backendCpuMs?: BackendCpuProbe,
    private backendPid?: number,
  ) {
    this.random = new SqlRandom(plan.seed);
  }

  /** The same run on another connection, adding to the same counts. */
  async on(connection: SqlConnection): Promise<SyntheticRun> {
    const run = new SyntheticRun(connection, this.plan, this.onProgress, this.rows, this.stages, this.backendCpuMs);
    await run.probeBackend();
    return run;
  }

  /** Learns the connection's backend process id, when stages are to be given CPU times. */
  async probeBackend(): Promise<void> {
    if (!this.backendCpuMs) return;
    const [row] = await this.connection.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    this.backendPid = row?.pid;
  }

  /** Runs `sql` (an INSERT without RETURNING) and returns the rows it inserted. */
  async insert(stage: string, table: SyntheticTable, sql: string, params: unknown[] = []): Promise<number> {
    const [row] = await this.timed(stage, () =>
      this.connection.query<{ n: number }>(
        `WITH inserted AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM inserted`,
        params,
      ),
    );
    return this.count(stage, table, Number(row?.n ?? 0));
  }

  /** Runs a statement that is not an insert (scratch tables, path updates), timed under `stage`. */
  async run<Row = Record<string, unknown>>(stage: string, sql: string, params: unknown[] = []): Promise<Row[]> {
    return this.timed(stage, () => this.connection.query<Row>(sql, params));
  }

  /** Adds `rows` to the table's count and the stage's, and reports progress. */
  count(stage: string, table: SyntheticTable, rows: number): number {
    this.rows.set(table, (this.rows.get(table) ?? 0) + rows);
    this.stageTiming(stage).rows += rows;
    this.onProgress?.(stage, rows);
    return rows;
  }

  /** Runs `work`, adding its duration to the stage. */
  async timed<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const cpu = () => (this.backendCpuMs && this.backendPid !== undefined ? this.backendCpuMs(this.backendPid) : 0);
    const cpuStarted = cpu();
    try {
      return await work();
    } finally {
      const timing = this.stageTiming(stage);
      timing.ms += performance.now() - started;
      if (this.backendCpuMs) timing.cpuMs = (timing.cpuMs ?? 0) + cpu() - cpuStarted;
    }
  }

  private stageTiming(stage: string): StageTiming {
    let timing = this.stages.get(stage);
    if (!timing) {
      timing = { stage, rows: 0, ms: 0 };
      this.stages.set(stage, timing);
    }
    return timing;
  }
}
