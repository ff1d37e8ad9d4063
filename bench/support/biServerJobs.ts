// An export job as a deployment runs it, for bench/bi.ts: `dishui serve` as `npm start` runs it
// (bin/dishui.js, so the build in dist/ when it is fresh, else the sources through tsx, with a 4 MB
// young generation) is asked for a job by the createExport mutation and polled until the job ends,
// while the server's RSS is read from /proc every 100 ms. The figure the 250 MB target of export
// jobs is judged by.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startBenchServe } from './benchServe.js';
import { benchAdminToken } from './benchToken.js';

/** How one job went in a real server. */
export interface ServerJob {
  /** What bin/dishui.js ran: "the build in dist/" or "the TypeScript sources". */
  entry: string;
  status: string;
  rows: number;
  seconds: number;
  /** The server's RSS once it had answered a query, and at its highest during the job. */
  baseline: number;
  peak: number;
}

function rssOf(pid: number): number {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return line ? Number(line[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs one LOAN_FACTS export job of `format` in `dishui serve` on `jobsUrl` (a writable database). */
export async function runServerJob(jobsUrl: string, format: 'CSV' | 'XLSX'): Promise<ServerJob> {
  const secret = randomBytes(24).toString('hex');
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-bench-jobs-'));
  // As `npm start` runs it (docs/operations.md, "Deployment").
  const { child, base, output } = await startBenchServe(jobsUrl, secret, {
    env: { DISHUI_EXPORT_DIR: exportDir },
    nodeArgs: ['--max-semi-space-size=4'],
  });
  const entry = /running the build in dist\//.test(output) ? 'the build in dist/' : 'the TypeScript sources';
  const token = await benchAdminToken(secret);
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  let id: string | undefined;
  try {
    await post('{ loanStatistics(groupBy: [PROVINCE]) { groupCount } }');
    const baseline = rssOf(child.pid!);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!))), 100);
    const started = performance.now();
    const created = await post(
      `mutation { createExport(input: { kind: LOAN_FACTS, format: ${format} }) { exportJob { id } userErrors { message } } }`,
    );
    id = created.createExport.exportJob.id as string;
    let job = { status: 'QUEUED', rowsWritten: 0 };
    while (job.status === 'QUEUED' || job.status === 'RUNNING') {
      await new Promise((resolve) => setTimeout(resolve, 250));
      job = (await post('query J($id: ID!) { exportJob(id: $id) { status rowsWritten } }', { id })).exportJob;
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    return { entry, status: job.status, rows: job.rowsWritten, seconds, baseline, peak };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(exportDir, { recursive: true, force: true });
    if (id) {
      const client = new pg.Client({ connectionString: jobsUrl });
      await client.connect();
      const rowId = Number(Buffer.from(id, 'base64url').toString('utf8').split(':')[1]);
      await client.query('DELETE FROM "ExportJob" WHERE id = $1', [rowId]);
      await client.end();
    }
  }
}
