// Seeds a fresh PostgreSQL database with the synthetic data set and prints how long each stage
// took, the rows per table and the Node process's peak memory. Target: 1,000,000 loans in under
// five minutes with a peak RSS under 500 MB on the 2-core development machine.
//
//   node --import tsx bench/seed-synthetic.ts --loans 1000000 --seed 42 [--concurrency 2] [--keep] [--no-triggers]
//
// Per stage it prints wall-clock time and the CPU time of the database backends (read from /proc:
// the server must run on this machine), summed over workers. --no-triggers runs the loan chunks
// with session_replication_role = replica (no trigger fires, not even the foreign keys'): a
// yardstick for what the triggers cost, never a way to load real data.
//
// The database is created on DISHUI_BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres)
// under a unique name and dropped afterwards, unless --keep is given (its URL is printed then).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrator.js';
import { seedSynthetic } from '../src/db/seeds/synthetic/index.js';
import { processCpuMs } from './support/procCpu.js';

const { values } = parseArgs({
  options: {
    loans: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '42' },
    concurrency: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-triggers': { type: 'boolean', default: false },
  },
});
const loans = Number(values.loans);
const seed = Number(values.seed);
const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
const adminUrl = process.env.DISHUI_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);

// CPU seconds of the server processes working for the bench database, read from /proc (the
// server runs on this machine): with other work on the cores, wall-clock time says little, but
// CPU time divided by the number of cores bounds what the run needs on an idle machine.
const backendCpu = new Map<number, number>();
const ticksPerSecond = 100;
function sampleBackendCpu(pids: number[]): void {
  for (const pid of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      backendCpu.set(pid, Math.max(backendCpu.get(pid) ?? 0, ticks / ticksPerSecond));
    } catch {
      // The backend has exited; its last sample stays.
    }
  }
}

const name = `dishui_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
await admin(`CREATE DATABASE ${name}`);
const db = await openDatabase({
  DATABASE_URL: url.toString(),
  DISHUI_DATA_DIR: 'memory://',
  DATABASE_POOL_MAX: 10,
  DATABASE_POOL_IDLE_MS: 10_000,
  DATABASE_CONNECT_TIMEOUT_MS: 5_000,
});
const monitor = new pg.Client({ connectionString: adminUrl });
await monitor.connect();
const cpuSampler = setInterval(() => {
  monitor
    .query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name])
    .then(({ rows }) => sampleBackendCpu(rows.map((row) => row.pid)))
    .catch(() => {});
}, 200);
try {
  await migrate(db);
  console.log(
    `seeding ${loans.toLocaleString('en')} loans, seed ${seed}, on ${name} (${os.cpus().length} cores, load ${load()})`,
  );
  let lastReport = 0;
  let written = 0;
  const result = await seedSynthetic(db, {
    loans,
    seed,
    concurrency,
    backendCpuMs: processCpuMs,
    chunkSettings: values['no-triggers'] ? 'SET LOCAL session_replication_role = replica' : undefined,
    onProgress: (stage, rows) => {
      if (stage === 'loans') written += rows;
      if (Date.now() - lastReport > 15_000) {
        lastReport = Date.now();
        console.log(
          `  … ${written.toLocaleString('en')} loans written, rss ${mb(process.memoryUsage().rss)}, load ${load()}`,
        );
      }
    },
  });
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  console.log(
    `\ntriggers in loan chunks: ${values['no-triggers'] ? 'OFF (session_replication_role = replica)' : 'on'}`,
  );
  console.log('stage                 rows       wall    db CPU (both summed over workers)');
  for (const stage of result.stages) {
    console.log(
      `${stage.stage.padEnd(16)} ${stage.rows.toLocaleString('en').padStart(12)}  ${seconds(stage.ms).padStart(9)} ${seconds(stage.cpuMs ?? 0).padStart(9)}`,
    );
  }
  console.log(`total (wall clock)                ${seconds(result.totalMs).padStart(9)}`);
  console.log('\ntable                          rows');
  for (const [table, rows] of Object.entries(result.rows)) {
    console.log(`${table.padEnd(28)} ${rows.toLocaleString('en').padStart(12)}`);
  }
  const total = Object.values(result.rows).reduce((sum, rows) => sum + rows, 0);
  console.log(`${'all tables'.padEnd(28)} ${total.toLocaleString('en').padStart(12)}`);
  const serverCpu = [...backendCpu.values()].reduce((sum, value) => sum + value, 0);
  const nodeCpu = (process.cpuUsage().user + process.cpuUsage().system) / 1e6;
  console.log(`\nCPU time: server backends ${serverCpu.toFixed(1)} s, this Node process ${nodeCpu.toFixed(1)} s;`);
  console.log(
    `  on ${os.cpus().length} idle cores that is at least ${((serverCpu + nodeCpu) / os.cpus().length).toFixed(0)} s of wall-clock time`,
  );
  console.log(`\npeak RSS sampled every 200 ms: ${mb(peakRss)}`);
  console.log(`process.resourceUsage().maxRSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
  console.log(`load average at the end: ${load()}`);
} finally {
  clearInterval(sampler);
  clearInterval(cpuSampler);
  await monitor.end();
  await db.close();
  if (values.keep) {
    console.log(`\nkept the database: ${url.toString()}`);
  } else {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
