import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../../db/client.js';
import type { ExportJob } from '../../generated/prisma/client.js';
import { scopeOf } from '../auth/accessScope.js';
import type { Viewer } from '../auth/viewer.js';
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
}

/** What `createExport` asks for. */
export interface ExportJobInput {
  kind: string;
  format: string;
  where?: unknown;
}

const DAY_MS = 24 * 60 * 60 * 1000;

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
      where: input.where === undefined || input.where === null ? undefined : (typeof input.where === 'string' ? JSON.parse(input.where) : input.where),
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
  try {
    await db.prisma.exportJob.update({ where: { id }, data: { status: 'RUNNING', filePath } });
    await fs.promises.mkdir(directory, { recursive: true });
    const writer = (options.openWriter ?? ((file) => fs.createWriteStream(file)))(filePath);
    const chunks = factExportChunks(db, plan, {
      pageSize: options.pageSize ?? 5_000,
      onPage: async (rowsWritten) => {
        await db.prisma.exportJob.update({ where: { id }, data: { rowsWritten } });
      },
    });
    // Tags the reading's failures, so the reason names the database rather than the file.
    async function* tracked(): AsyncGenerator<string> {
      try {
        yield* chunks;
      } catch (error) {
        throw new RowReadError(error);
      }
    }
    await pipeline(Readable.from(tracked(), { objectMode: false }), writer);
    const expiresAt = new Date(now().getTime() + (options.ttlMs ?? DAY_MS));
    await db.prisma.exportJob.update({ where: { id }, data: { status: 'SUCCEEDED', expiresAt } });
  } catch (error) {
    options.log?.(`export job ${id} failed`, error);
    await fs.promises.rm(filePath, { force: true }).catch(() => undefined);
    await db.prisma.exportJob
      .update({ where: { id }, data: { status: 'FAILED', filePath: null, error: failureReason(error) } })
      .catch((secondError: unknown) => options.log?.(`export job ${id}: could not record its failure`, secondError));
  }
}

class RowReadError extends Error {
  constructor(cause: unknown) {
    super('reading the rows failed', { cause });
  }
}

// The caller sees what went wrong in words, never the SQL or the driver's text.
function failureReason(error: unknown): string {
  if (error instanceof RowReadError) return 'Reading the rows from the database failed; the server log has the details.';
  const code = (error as { code?: unknown } | null)?.code;
  return `Could not write the export file${typeof code === 'string' && /^E[A-Z]+$/.test(code) ? ` (${code})` : ''}.`;
}

/**
 * The job with this row id, or null. A SUCCEEDED job past its `expiresAt` is marked EXPIRED and its
 * file deleted first, so an expired file is never served.
 */
export async function getExportJob(db: Database, id: number, options: ExportJobOptions = {}): Promise<ExportJob | null> {
  const job = await db.prisma.exportJob.findUnique({ where: { id } });
  if (!job) return null;
  const now = (options.now ?? (() => new Date()))();
  if (job.status !== 'SUCCEEDED' || !job.expiresAt || job.expiresAt.getTime() > now.getTime()) return job;
  if (job.filePath) await fs.promises.rm(job.filePath, { force: true });
  return db.prisma.exportJob.update({ where: { id }, data: { status: 'EXPIRED', filePath: null } });
}
