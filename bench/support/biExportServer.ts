// Child process of bench/support/biExports.ts: serves the streaming exports (CSV and XLSX) on
// 127.0.0.1 and runs export jobs to completion when asked, so that its RSS is the exporter's alone.
//
//   node --import tsx bench/support/biExportServer.ts <database url> [--warm]
//
// Messages from the parent: 'peak' (answers the peak RSS so far, the RSS at start and the CPU
// seconds used), { job: 'csv' | 'xlsx' } (answers a JobOutcome once the job has ended) and 'stop'.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { openDatabase } from '../../src/db/client.js';
import { biExportRoutes, createExportJob, exportRoutes } from '../../src/modules/exports/index.js';
import type { Viewer } from '../../src/modules/auth/index.js';

/** What the child answers for a finished export job. */
export interface JobOutcome {
  status: string;
  rowsWritten: number;
  bytes: number;
  seconds: number;
  error: string | null;
  /** (file bytes, peak RSS so far) about once a second while the job ran. */
  samples: Array<[number, number]>;
}

const url = process.argv[2];
if (!url) throw new Error('usage: biExportServer.ts <database url>');
const db = await openDatabase({
  DATABASE_URL: url,
  DISHUI_DATA_DIR: 'memory://',
  DATABASE_POOL_MAX: 4,
  DATABASE_POOL_IDLE_MS: 10_000,
  DATABASE_CONNECT_TIMEOUT_MS: 5_000,
});
// A bank-wide ADMIN, as the authentication plugin would set it for an admin token.
const admin: Viewer = { kind: 'user', id: 'user:bench', roles: ['ADMIN'], orgUnitId: null };
const app = Fastify();
app.addHook('onRequest', async (request) => {
  request.viewer = admin;
});
// The COPY bound as the server passes it (DISHUI_EXPORT_TIMEOUT_MS's default).
const exportTimeoutMs = 3_600_000;
await app.register(exportRoutes, { db, exportTimeoutMs });
await app.register(biExportRoutes, { db });
await app.listen({ port: 0, host: '127.0.0.1' });
// A job runner loads Prisma (about 60 MB) before its baseline, as a server that has answered a
// query has: the job's time and growth are then the job's own.
if (process.argv.includes('--warm')) await db.prisma.exportJob.count();

const start = process.memoryUsage().rss;
let peak = start;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const peakNow = () => Math.max(peak, process.resourceUsage().maxRSS * 1024);
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-bench-exports-'));

async function runJob(format: 'csv' | 'xlsx'): Promise<JobOutcome> {
  const running = new Set<Promise<void>>();
  const errors: string[] = [];
  const started = performance.now();
  const job = await createExportJob(
    db,
    admin,
    { kind: 'loan-facts', format },
    { directory, running, exportTimeoutMs, log: (message, error) => errors.push(`${message}: ${String(error)}`) },
  );
  const file = path.join(directory, `export-${job.id}.${format}`);
  const samples: Array<[number, number]> = [];
  const timer = setInterval(() => {
    fs.promises.stat(file).then(
      (stat) => samples.push([stat.size, peakNow()]),
      () => undefined,
    );
  }, 1_000);
  await Promise.all([...running]);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  const done = await db.prisma.exportJob.findUniqueOrThrow({ where: { id: job.id } });
  const bytes = fs.existsSync(file) ? fs.statSync(file).size : 0;
  await fs.promises.rm(file, { force: true });
  // The bench's row goes, so the copy it ran on keeps no trace of it.
  await db.prisma.exportJob.delete({ where: { id: job.id } });
  return {
    status: done.status,
    rowsWritten: done.rowsWritten,
    bytes,
    seconds,
    error: done.error ?? (errors[0] || null),
    samples,
  };
}

process.send!({ port: (app.server.address() as { port: number }).port });
process.on('message', async (message: unknown) => {
  if (message === 'peak') {
    const cpu = process.cpuUsage();
    process.send!({ peak: peakNow(), baseline: start, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
  } else if (typeof message === 'object' && message !== null && 'job' in message) {
    process.send!(await runJob((message as { job: 'csv' | 'xlsx' }).job));
  } else if (message === 'stop') {
    clearInterval(sampler);
    await app.close();
    await db.close();
    fs.rmSync(directory, { recursive: true, force: true });
    process.exit(0);
  }
});
