import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../../db/client.js';
import type { ExportJob } from '../../generated/prisma/client.js';
import { type Viewer, scopeOf } from '../auth/index.js';
import { notifyChange } from '../writes/index.js';
import { factExportChunks } from './factExportChunks.js';
import { planFactExport, type FactExportPlan } from './planFactExport.js';

/** Options of the export jobs, fixed when the server is built. */
export interface ExportJobOptions {
  /** Folder of the files; made when missing. Defaults to {@link defaultExportDirectory}. */
  directory?: string;
  /** How long a finished file stays downloadable, in milliseconds. Defaults to 24 hours. */
  ttlMs?: number;
  /** Rows read per statement. Defaults to 5,000. */
  pageSize?: number;
  /** The clock; tests move it to expire files. */
  now?: () => Date;
  /** Opens the file's stream; tests pass one that fails. Defaults to `fs.createWriteStream`. */
  openWriter?: (filePath: string) => Writable;
  /** Jobs still running; the server awaits them before closing the database. */
  running?: Set<Promise<void>>;
  /** Where a job's masked failure is logged in full. */
  log?: (message: string, error: unknown) => void;
  /**
   * A RUNNING (or QUEUED) job whose `updatedAt` (its heartbeat) is older than this, in milliseconds, is taken
   * for one whose instance died, and marked FAILED when read or when a server starts. Defaults to 60 s.
   */
  staleMs?: number;
  /** How often a running job touches `updatedAt`. Defaults to a third of `staleMs`, at most 5 s. */
  heartbeatMs?: number;
  /**
   * On PostgreSQL, a job reads its rows by one COPY bounded by this (DISHUI_EXPORT_TIMEOUT_MS;
   * 0 = no limit) rather than by the interactive statement timeout. Unset: keyset pages.
   */
  exportTimeoutMs?: number;
}

/** What `createExport` asks for. */
export interface ExportJobInput {
  kind: string;
  format: string;
  where?: unknown;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_STALE_MS = 60_000;

/** The reason recorded on a job whose instance stopped writing it. */
export const staleJobReason = 'The instance running this export stopped before it finished; create the export again.';

/**
 * The folder export files go to: `<dataDir>/exports` when the data folder is on disk, else
 * `<os.tmpdir()>/dishui-exports` (an in-memory database has no folder of its own).
 */
export function defaultExportDirectory(dataDir?: string): string {
  if (dataDir && !/^[a-z]+:\/\//i.test(dataDir)) return path.join(dataDir, 'exports');
  return path.join(os.tmpdir(), 'dishui-exports');
}

/**
 * Checks the request like `GET /export/…`, records a QUEUED job owned by `viewer` and starts
 * writing its file on the next turn of the event loop. The query is compiled now, with the
 * viewer's scope, so the job writes only the rows its creator may read. Returns the job as recorded.
 * @throws GraphQLError BAD_USER_INPUT naming `kind`, `format` or `where…`; nothing is recorded then.
 */
export async function createExportJob(
  db: Database,
  viewer: Viewer,
  input: ExportJobInput,
  options: ExportJobOptions = {},
  requestId?: string,
): Promise<ExportJob> {
  const plan = planFactExport({ kind: input.kind, format: input.format, where: input.where }, scopeOf(viewer));
  const job = await db.prisma.exportJob.create({
    data: {
      kind: plan.source.kind,
      format: plan.format,
      where:
        input.where === undefined || input.where === null
          ? undefined
          : typeof input.where === 'string'
            ? JSON.parse(input.where)
            : input.where,
      requestId: requestId ?? null,
      createdBy: viewer.id,
    },
  });
  const work = new Promise<void>((resolve) => {
    setImmediate(() => {
      void runExportJob(db, job.id, plan, options).finally(resolve);
    });
  });
  options.running?.add(work);
  void work.then(() => options.running?.delete(work));
  return job;
}

/** Writes the job's file; ends SUCCEEDED with its expiry or FAILED with a reason. Never rejects. */
async function runExportJob(db: Database, id: number, plan: FactExportPlan, options: ExportJobOptions): Promise<void> {
  const directory = options.directory ?? defaultExportDirectory();
  const filePath = path.join(directory, `export-${id}.${plan.format}`);
  const now = options.now ?? (() => new Date());
  const heartbeatMs = options.heartbeatMs ?? Math.min(5_000, Math.floor((options.staleMs ?? DEFAULT_STALE_MS) / 3));
  // Pages touch updatedAt too, but one page can wait on a slow disk or a busy database: the
  // timer keeps the job alive in the table for as long as this process is.
  const heartbeat = setInterval(() => {
    void db.prisma.exportJob
      .updateMany({ where: { id, status: 'RUNNING' }, data: { updatedAt: new Date() } })
      .catch((error: unknown) => options.log?.(`export job ${id}: heartbeat failed`, error));
  }, heartbeatMs);
  heartbeat.unref();
  // Tells exportJobUpdated's subscribers (docs/live.md); a lost notice never fails the job.
  const announce = () =>
    notifyChange(db, { type: 'ExportJob', id }).catch((error: unknown) =>
      options.log?.(`export job ${id}: could not announce its progress`, error),
    );
  try {
    await db.prisma.exportJob.update({ where: { id }, data: { status: 'RUNNING', filePath } });
    await announce();
    await fs.promises.mkdir(directory, { recursive: true });
    const writer = (options.openWriter ?? ((file) => fs.createWriteStream(file)))(filePath);
    let rowsWritten = 0;
    let recordedAt = 0;
    const chunks = factExportChunks(db, plan, {
      pageSize: options.pageSize ?? 5_000,
      copyTimeoutMs: options.exportTimeoutMs,
      onPage: async (rowsSoFar) => {
        rowsWritten = rowsSoFar;
        // A COPY hands over a chunk every few kilobytes: the progress is recorded once a second.
        if (options.exportTimeoutMs !== undefined && Date.now() - recordedAt < 1_000) return;
        recordedAt = Date.now();
        await db.prisma.exportJob.update({ where: { id }, data: { rowsWritten } });
        await announce();
      },
    });
    // Tags the reading's failures, so the reason names the database rather than the file.
    async function* tracked(): AsyncGenerator<string | Buffer> {
      try {
        yield* chunks;
      } catch (error) {
        throw new RowReadError(error);
      }
    }
    await pipeline(Readable.from(tracked(), { objectMode: false }), writer);
    const expiresAt = new Date(now().getTime() + (options.ttlMs ?? DAY_MS));
    // Only from RUNNING: a job another instance has meanwhile declared stale stays FAILED.
    const finished = await db.prisma.exportJob.updateMany({
      where: { id, status: 'RUNNING' },
      data: { status: 'SUCCEEDED', expiresAt, rowsWritten },
    });
    if (finished.count === 0) await fs.promises.rm(filePath, { force: true });
    else await announce();
  } catch (error) {
    options.log?.(`export job ${id} failed`, error);
    await fs.promises.rm(filePath, { force: true }).catch(() => undefined);
    await db.prisma.exportJob
      .update({ where: { id }, data: { status: 'FAILED', filePath: null, error: failureReason(error) } })
      .catch((secondError: unknown) => options.log?.(`export job ${id}: could not record its failure`, secondError));
    await announce();
  } finally {
    clearInterval(heartbeat);
  }
}

class RowReadError extends Error {
  constructor(cause: unknown) {
    super('reading the rows failed', { cause });
  }
}

// The caller sees what went wrong in words, never the SQL or the driver's text.
function failureReason(error: unknown): string {
  if (error instanceof RowReadError)
    return 'Reading the rows from the database failed; the server log has the details.';
  const code = (error as { code?: unknown } | null)?.code;
  return `Could not write the export file${typeof code === 'string' && /^E[A-Z]+$/.test(code) ? ` (${code})` : ''}.`;
}

/**
 * The job with this row id, or null. A SUCCEEDED job past its `expiresAt` is marked EXPIRED and its
 * file deleted first, so an expired file is never served; a RUNNING job whose heartbeat is older
 * than `staleMs` (or a QUEUED one that old) is marked FAILED first (see {@link failStaleExportJobs}).
 */
export async function getExportJob(
  db: Database,
  id: number,
  options: ExportJobOptions = {},
): Promise<ExportJob | null> {
  const job = await db.prisma.exportJob.findUnique({ where: { id } });
  if (!job) return null;
  const now = (options.now ?? (() => new Date()))();
  if (
    (job.status === 'RUNNING' || job.status === 'QUEUED') &&
    job.updatedAt.getTime() < staleBefore(now, options).getTime()
  ) {
    await failStaleExportJobs(db, options, id);
    return db.prisma.exportJob.findUnique({ where: { id } });
  }
  if (job.status !== 'SUCCEEDED' || !job.expiresAt || job.expiresAt.getTime() > now.getTime()) return job;
  if (job.filePath) await fs.promises.rm(job.filePath, { force: true });
  return db.prisma.exportJob.update({ where: { id }, data: { status: 'EXPIRED', filePath: null } });
}

function staleBefore(now: Date, options: ExportJobOptions): Date {
  return new Date(now.getTime() - (options.staleMs ?? DEFAULT_STALE_MS));
}

/**
 * Marks FAILED, with {@link staleJobReason}, every RUNNING job (or only job `id`) whose heartbeat
 * (`updatedAt`) is older than `staleMs`: its instance stopped, and nothing else will finish it. A
 * QUEUED job that old is one whose instance stopped before starting it, and is marked the same.
 * One statement, conditional on the heartbeat, so a job whose writer is alive is never touched and
 * two instances sweeping at once mark each job once. Its partial file, if any, is deleted.
 * Returns the ids marked.
 */
export async function failStaleExportJobs(
  db: Database,
  options: ExportJobOptions = {},
  id?: number,
): Promise<number[]> {
  const cutoff = staleBefore((options.now ?? (() => new Date()))(), options);
  // PostgreSQL re-checks the WHERE on a row another sweep changed meanwhile, so each job is marked once.
  const marked = await db.sql.query<{ id: number; format: string }>(
    `UPDATE "ExportJob" SET "status" = 'FAILED', "error" = $1, "filePath" = NULL, "updatedAt" = now()
      WHERE "status" IN ('QUEUED', 'RUNNING') AND "updatedAt" < $2::timestamptz AND ($3::int IS NULL OR "id" = $3::int)
      RETURNING "id", "format"`,
    [staleJobReason, cutoff.toISOString(), id ?? null],
  );
  const directory = options.directory ?? defaultExportDirectory();
  for (const job of marked) {
    // The partial file, named as runExportJob names it, in this instance's folder (as downloads look it up).
    await fs.promises
      .rm(path.join(directory, `export-${job.id}.${job.format}`), { force: true })
      .catch(() => undefined);
  }
  return marked.map((job) => job.id);
}
