// The export part of bench/bi.ts: the streaming CSV export against PostgreSQL's own COPY of the
// same statement (interleaved, same run), the XLSX export, and export jobs (CSV and XLSX) run to
// completion, each with its target and PASS/FAIL. Exports and jobs run in a child process
// (biExportServer.ts), a fresh one per measurement, so each peak RSS is that export's alone.
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from '../../src/db/client.js';
import { unrestrictedScope } from '../../src/modules/auth/accessScope.js';
import { copyFactLinesSql } from '../../src/modules/exports/copyFactLines.js';
import { planFactExport } from '../../src/modules/exports/planFactExport.js';
import type { JobOutcome } from './biExportServer.js';
import { runServerJob, type ServerJob } from './biServerJobs.js';

/** Options of {@link measureExports}. */
export interface ExportBenchOptions {
  /** The database the streaming exports and the COPY yardstick read (never written). */
  url: string;
  /** A writable database with the same rows, where the export jobs run (they write an ExportJob row); none skips them. */
  jobsUrl?: string;
  /** COPY/CSV pairs, interleaved. */
  rounds: number;
  /** False skips the XLSX export and job (minutes on a million rows). */
  xlsx?: boolean;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const perSecond = (rows: number, seconds: number) => Math.round(rows / seconds);
const fmt = (n: number) => n.toLocaleString('en');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const load = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
// Peak RSS target of every exporter process, and "flat": the last quarter's peak within this of the first's.
const rssTarget = 250 * 2 ** 20;
const flatSlack = 32 * 2 ** 20;

/** The export's own COPY statement: every loan fact rendered as its CSV record, in id order. */
export function loanFactsCopySql(): string {
  const plan = planFactExport({ kind: 'loan-facts', format: 'csv' }, unrestrictedScope);
  return copyFactLinesSql(plan.query, 'csv');
}

/** One run: rows (or bytes), seconds, and (bytes received, peak RSS) samples over its course. */
interface Run {
  rows: number;
  bytes: number;
  seconds: number;
  postgresCpuSeconds: number;
  samples: Array<[number, number]>;
}

/**
 * The COPY yardstick: a plain pg client runs `sql` as COPY … TO STDOUT and discards the bytes.
 * Resolves with its bytes and seconds (rows are the caller's, COPY's binary output is not parsed).
 */
export async function runCopy(db: Database, url: string, sql: string, rows: number): Promise<Run> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const cpu = backendCpuSampler(db);
  try {
    const start = performance.now();
    let bytes = 0;
    await new Promise<void>((resolve, reject) => {
      const stream = client.query(copyTo(sql));
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
    const seconds = (performance.now() - start) / 1000;
    return { rows, bytes, seconds, postgresCpuSeconds: await cpu.stop(), samples: [] };
  } finally {
    await client.end();
  }
}

interface Exporter {
  port: number;
  ask<T>(message: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Starts a fresh exporter child on `url` (`--warm`: Prisma loaded first); its RSS is the exports' and jobs' alone. */
export async function startExporter(url: string, flags: string[] = []): Promise<Exporter> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./biExportServer.ts', import.meta.url)), [url, ...flags], {
    execArgv: ['--import', 'tsx'],
  });
  // Answers come in the order asked (nothing is asked while a job runs): each goes to its asker.
  const waiting: Array<(message: unknown) => void> = [];
  child.on('message', (message) => waiting.shift()?.(message));
  const next = <T>() => new Promise<T>((resolve) => waiting.push((m) => resolve(m as T)));
  const { port } = await next<{ port: number }>();
  return {
    port,
    ask: <T>(message: unknown) => {
      const answer = next<T>();
      child.send(message as string);
      return answer;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

/**
 * Downloads `path` from the exporter, counting bytes (and CSV records when `countLines`), and
 * samples the exporter's peak RSS about once a second. `rows` is the records less the header,
 * or `expectedRows` when lines are not counted (XLSX).
 */
export async function runDownload(
  db: Database,
  exporter: Exporter,
  path: string,
  options: { countLines: boolean; expectedRows: number },
): Promise<Run> {
  const cpu = backendCpuSampler(db);
  const samples: Array<[number, number]> = [];
  let bytes = 0;
  let records = 0;
  const timer = setInterval(() => {
    const at = bytes;
    void exporter.ask<{ peak: number }>('peak').then(({ peak }) => samples.push([at, peak]));
  }, 1_000);
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: exporter.port, path }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`${path}: HTTP ${response.statusCode}`));
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (options.countLines) for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) records += 1;
        });
        response.on('end', resolve);
        response.on('error', reject);
      })
      .on('error', reject);
  });
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  const rows = options.countLines ? records - 1 : options.expectedRows;
  return { rows, bytes, seconds, postgresCpuSeconds: await cpu.stop(), samples };
}

// The peak RSS after each quarter of the bytes (the sample nearest above it), then the final peak.
function quarters(samples: Array<[number, number]>, totalBytes: number, finalPeak: number): number[] {
  return [0.25, 0.5, 0.75].map((q) => samples.find(([b]) => b >= q * totalBytes)?.[1] ?? finalPeak).concat(finalPeak);
}

// The memory line of one exporter, judged by `check`: flat as rows grow and, unless `flatOnly`
// (the XLSX export's target is flat memory alone), peak under the target.
function memoryLine(
  label: string,
  peaks: number[],
  baseline: number,
  check: (ok: boolean) => string,
  flatOnly = false,
): string {
  const peak = peaks.at(-1)!;
  const growth = peaks.map((p, i) => `${(i + 1) * 25}% ${mb(p)}`).join(', ');
  const peakVerdict = flatOnly ? '' : `target peak < ${mb(rssTarget)}: ${check(peak < rssTarget)}, `;
  return (
    `  ${label} RSS: start ${mb(baseline)}, after each quarter of the bytes ${growth}   ` +
    `${peakVerdict}flat (last − first quarter ≤ ${mb(flatSlack)}): ${check(peak - peaks[0]! <= flatSlack)}`
  );
}

/**
 * Measures and prints every export target on `db` (its loan-fact count `expected`): the CSV
 * export vs COPY (≥ 0.9×, `rounds` interleaved pairs), its memory (< 250 MB, flat), the XLSX
 * export's rows/s and memory (flat), and, on `jobsUrl`, a CSV and an XLSX export job (≥ 0.8× the
 * streaming export of the same format, < 250 MB). Returns the number of targets missed.
 */
export async function measureExports(db: Database, expected: number, options: ExportBenchOptions): Promise<number> {
  let failed = 0;
  const check = (ok: boolean) => {
    if (!ok) failed += 1;
    return ok ? 'PASS' : 'FAIL';
  };
  console.log(`\nExports of every loan fact (${fmt(expected)} rows); load ${load()}`);
  if (!options.jobsUrl)
    console.log(
      '  export jobs skipped: each writes an ExportJob row (pass --jobs-url, a writable copy of the database)',
    );
  const sql = loanFactsCopySql();
  const copies: Run[] = [];
  const csvs: Run[] = [];
  const csvJobs: JobRun[] = [];
  const exporter = await startExporter(options.url);
  for (let round = 0; round < options.rounds; round++) {
    const copy = await runCopy(db, options.url, sql, expected);
    const csv = await runDownload(db, exporter, '/export/loan-facts.csv', { countLines: true, expectedRows: expected });
    const job = options.jobsUrl ? await runJob(options.jobsUrl, 'csv') : undefined;
    copies.push(copy);
    csvs.push(csv);
    if (job) csvJobs.push(job);
    console.log(
      `  round ${round + 1}: COPY ${fmt(perSecond(copy.rows, copy.seconds))} rows/s (${copy.seconds.toFixed(1)} s, ` +
        `PostgreSQL CPU ${copy.postgresCpuSeconds.toFixed(1)} s), CSV export ${fmt(perSecond(csv.rows, csv.seconds))} rows/s ` +
        `(${csv.seconds.toFixed(1)} s, ${mb(csv.bytes)}, PostgreSQL CPU ${csv.postgresCpuSeconds.toFixed(1)} s)` +
        (job ? `, CSV job ${fmt(job.rate)} rows/s (${job.outcome.seconds.toFixed(1)} s, peak ${mb(job.peak)})` : '') +
        `; load ${load()}`,
    );
  }
  const csvMemory = await exporter.ask<{ peak: number; baseline: number; cpuSeconds: number }>('peak');
  await exporter.stop();
  const copyRate = median(copies.map((r) => perSecond(r.rows, r.seconds)));
  const csvRate = median(csvs.map((r) => perSecond(r.rows, r.seconds)));
  const last = csvs.at(-1)!;
  if (last.rows !== expected)
    console.log(`  note: the CSV had ${fmt(last.rows)} rows, the COPY yardstick counts ${fmt(expected)}`);
  console.log(
    `COPY yardstick (the export's own statement, bytes discarded): median ${fmt(copyRate)} rows/s\n` +
      `CSV export: median ${fmt(csvRate)} rows/s = ${(csvRate / copyRate).toFixed(2)}× COPY   target ≥ 0.90×: ${check(csvRate >= 0.9 * copyRate)}`,
  );
  const csvPeaks = quarters(last.samples, last.bytes, csvMemory.peak);
  console.log(memoryLine('CSV export server', csvPeaks, csvMemory.baseline, check));
  if (csvJobs.length > 0) reportJob('CSV', csvJobs, csvRate, expected, check);
  if (options.jobsUrl) reportServerJob('CSV', await runServerJob(options.jobsUrl, 'CSV'), expected, check);

  if (options.xlsx === false) {
    console.log(`Export targets missed: ${failed}; load ${load()}`);
    return failed;
  }
  const xlsxExporter = await startExporter(options.url);
  const xlsx = await runDownload(db, xlsxExporter, '/export/loan-facts.xlsx', {
    countLines: false,
    expectedRows: expected,
  });
  const xlsxMemory = await xlsxExporter.ask<{ peak: number; baseline: number }>('peak');
  await xlsxExporter.stop();
  const xlsxRate = perSecond(xlsx.rows, xlsx.seconds);
  console.log(
    `XLSX export: ${fmt(xlsxRate)} rows/s (${xlsx.seconds.toFixed(1)} s, ${mb(xlsx.bytes)}) = ${(xlsxRate / csvRate).toFixed(2)}× the CSV export; load ${load()}`,
  );
  const xlsxPeaks = quarters(xlsx.samples, xlsx.bytes, xlsxMemory.peak);
  console.log(memoryLine('XLSX export server', xlsxPeaks, xlsxMemory.baseline, check, true));
  if (options.jobsUrl) {
    reportJob('XLSX', [await runJob(options.jobsUrl, 'xlsx')], xlsxRate, expected, check);
    reportServerJob('XLSX', await runServerJob(options.jobsUrl, 'XLSX'), expected, check);
  }
  console.log(`Export targets missed: ${failed}; load ${load()}`);
  return failed;
}

/** One export job run to completion in a fresh child, with that child's memory. */
interface JobRun {
  outcome: JobOutcome;
  rate: number;
  /** RSS of the child once ready (Prisma loaded, as in a server that has answered a query). */
  baseline: number;
  peak: number;
}

/** Runs one export job of every loan fact in a fresh child on `jobsUrl`. */
export async function runJob(jobsUrl: string, format: 'csv' | 'xlsx'): Promise<JobRun> {
  const runner = await startExporter(jobsUrl, ['--warm']);
  const baseline = (await runner.ask<{ peak: number }>('peak')).peak;
  const outcome = await runner.ask<JobOutcome>({ job: format });
  const { peak } = await runner.ask<{ peak: number }>('peak');
  await runner.stop();
  return { outcome, rate: perSecond(outcome.rowsWritten, outcome.seconds), baseline, peak };
}

// The job lines: the median job's rate against the streaming export of the same format, and the
// highest peak of the jobs' processes.
function reportJob(
  label: string,
  jobs: JobRun[],
  streamingRate: number,
  expected: number,
  check: (ok: boolean) => string,
): void {
  const rate = median(jobs.map((j) => j.rate));
  const done = jobs.every((j) => j.outcome.status === 'SUCCEEDED' && j.outcome.rowsWritten === expected);
  const errors = jobs.map((j) => j.outcome.error).filter(Boolean);
  console.log(
    `${label} export job (${jobs.length} run${jobs.length > 1 ? 's' : ''}): ${jobs.map((j) => j.outcome.status).join(', ')}` +
      `${errors.length ? ` (${errors[0]})` : ''}, ${fmt(jobs[0]!.outcome.rowsWritten)} rows, median ${fmt(rate)} rows/s = ` +
      `${(rate / streamingRate).toFixed(2)}× the streaming ${label} export   target ≥ 0.80×: ${check(done && rate >= 0.8 * streamingRate)}`,
  );
  const worst = jobs.reduce((a, b) => (b.peak > a.peak ? b : a));
  // Its peak is judged where a deployment runs jobs: in `dishui serve` (reportServerJob).
  console.log(
    memoryLine(
      `${label} job process (own growth ${mb(worst.peak - worst.baseline)}; its peak is judged in dishui serve below)`,
      quarters(worst.outcome.samples, worst.outcome.bytes, worst.peak),
      worst.baseline,
      check,
      true,
    ),
  );
}

// The job in a real server: finished and, for the jobs written from COPY (CSV), the server's peak RSS
// under the jobs' target. An XLSX job goes through exceljs; its target, as the XLSX export's, is
// flat memory (judged on the job process above), so its peak here is reported, not judged.
function reportServerJob(label: string, job: ServerJob, expected: number, check: (ok: boolean) => string): void {
  const done = job.status === 'SUCCEEDED' && job.rows === expected;
  const verdict =
    label === 'CSV'
      ? `target peak < ${mb(rssTarget)}: ${check(done && job.peak < rssTarget)}`
      : `finished: ${check(done)} (its memory target is flat, above)`;
  console.log(
    `  ${label} job in dishui serve (running ${job.entry}): ${job.status}, ${fmt(job.rows)} rows in ${job.seconds.toFixed(1)} s ` +
      `= ${fmt(perSecond(job.rows, job.seconds))} rows/s; server RSS ${mb(job.baseline)} before the job, peak ${mb(job.peak)} ` +
      `(+${mb(job.peak - job.baseline)})   ${verdict}`,
  );
}

// CPU seconds of PostgreSQL processes (a COPY's backend and its parallel workers), from /proc:
// the server runs on this machine.
function backendCpuSampler(db: Database): { stop: () => Promise<number> } {
  const seen = new Map<number, number>();
  const sample = async () => {
    const rows = await db.sql.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND (query LIKE 'COPY (%' OR backend_type = 'parallel worker')`,
    );
    for (const { pid } of rows) {
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        seen.set(pid, Math.max(seen.get(pid) ?? 0, (Number(fields[11]) + Number(fields[12])) / 100));
      } catch {
        // Ended between the query and the read: its last sample stays.
      }
    }
  };
  const timer = setInterval(() => void sample().catch(() => {}), 100);
  return {
    stop: async () => {
      clearInterval(timer);
      return [...seen.values()].reduce((a, b) => a + b, 0);
    },
  };
}
