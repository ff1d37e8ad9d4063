// Read API benchmark on a kept PostgreSQL database of synthetic loans (seed it once with
// `npm run bench:seed -- --loans 100000 --seed 42 --keep` and rename it, or let this script seed
// it). Starts the gateway and a bare yardstick handler as separate processes, checks that the
// yardstick returns byte for byte the gateway's JSON, then drives each query with autocannon at
// 1, 10 and 50 connections in interleaved rounds (gateway, yardstick, gateway, …) and prints per
// side: requests/s and p50/p99 (median of the rounds, with the spread), SQL statements per
// request, Node CPU ms per request of the serving process and PostgreSQL CPU ms per request (both
// from /proc), and the load average.
//   node --import tsx bench/read-api.ts [--database dishui_bench_engine_100k] [--seconds 3] [--rounds 2]
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { parse } from 'graphql';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrator.js';
import { seedSynthetic } from '../src/db/seeds/synthetic/index.js';
import { compileOperation } from '../src/engine/compile/index.js';
import { unrestrictedScope } from '../src/modules/auth/accessScope.js';
import { readAccessRules } from '../src/modules/auth/accessRules.js';
import { benchAdminToken } from './support/benchToken.js';
import { generatedResolvers, resolvers, rootConnectionTypes } from '../src/modules/index.js';
import { naturalKeyLookups } from '../src/modules/nodes/nodes.resolvers.js';
import { computedFieldsOf } from '../src/server/compiledReads.js';
import { buildSchema } from 'graphql';
import { typeDefs } from '../src/schema/typeDefs.js';
import { buildServer } from '../src/server/buildServer.js';
import { cpuSampler } from './support/procCpu.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'dishui_bench_engine_100k' },
    loans: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '1,10,50' },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const adminUrl = process.env.DISHUI_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dbName = values.database!;
const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${dbName}`);
const secret = 'dishui-bench-secret-0123456789abcdef-not-for-production';

// Object counts are those of seed 42 with 100,000 loans (printed at the start of each run).
const queries: Record<string, string> = {
  // 67 objects over three levels: 10 loans, their borrowers, their first instalments (up to 12 each).
  nestedLoans: `{ enterpriseLoans(first: 10, orderBy: [{ field: CONTRACT_NO, direction: ASC }]) { nodes {
      id contractNo outstandingBalance status
      enterprise { id name size }
      scheduleItems(first: 12) { nodes { id seq dueDate principalDue interestDue status } } } } }`,
  // About 150 objects: 25 loans, their borrowers and booking units, their first instalments (up to 4 each).
  loans150: `{ enterpriseLoans(first: 25, orderBy: [{ field: CONTRACT_NO, direction: ASC }]) { nodes {
      id contractNo contractAmount outstandingBalance contractDate status
      enterprise { id name size } orgUnit { id code }
      scheduleItems(first: 4) { nodes { id seq dueDate principalDue status } } } } }`,
  villagesInitiativesVillages: `{ villages(first: 50) { nodes { id name
      initiatives(first: 10) { nodes { id code villages(first: 10) { nodes { id name } } } } } } }`,
  filteredLoans: `{ enterpriseLoans(first: 50, where: { inRegion: "4101", status: { in: [DISBURSED, OVERDUE] } }) {
      nodes { id contractNo outstandingBalance riskClass nonPerforming spreadOverLpr region { code name } } } }`,
};

async function admin<T = unknown>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

function startProcess(args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      if (ready.test(chunk.toString())) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

const backendPids = async () =>
  (
    await admin<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = '${dbName}' AND pid <> pg_backend_pid()`,
    )
  ).map((row) => row.pid);

async function drive(url: string, body: string, headers: Record<string, string>, connections: number, pids: number[]) {
  const node = cpuSampler();
  const postgres = cpuSampler();
  const pgPids = await backendPids();
  const nodeBefore = node(pids);
  const pgBefore = postgres(pgPids);
  const result = await autocannon({ url, method: 'POST', connections, duration: seconds, headers, body });
  const requests = Math.max(Math.round(result.requests.average * seconds), 1);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    nodeMs: (node(pids) - nodeBefore) / requests,
    pgMs: (postgres([...new Set([...pgPids, ...(await backendPids())])]) - pgBefore) / requests,
  };
}

const exists = await admin(`SELECT 1 FROM pg_database WHERE datname = '${dbName}'`);
if (exists.length === 0) {
  await admin(`CREATE DATABASE ${dbName}`);
  const db = await openDatabase({
    DATABASE_URL: databaseUrl,
    DISHUI_DATA_DIR: 'memory://',
    DATABASE_POOL_MAX: 4,
    DATABASE_POOL_IDLE_MS: 1000,
    DATABASE_CONNECT_TIMEOUT_MS: 5000,
  });
  await migrate(db);
  await seedSynthetic(db, { loans: Number(values.loans), seed: 42 });
  await db.sql.exec('ANALYZE');
  await db.close();
}

const db = await openDatabase({
  DATABASE_URL: databaseUrl,
  DISHUI_DATA_DIR: 'memory://',
  DATABASE_POOL_MAX: 4,
  DATABASE_POOL_IDLE_MS: 1000,
  DATABASE_CONNECT_TIMEOUT_MS: 5000,
});
await migrate(db);
const token = await benchAdminToken(secret);
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

// Statements per request and the answers, in-process through the server's own code path.
const app = await buildServer({ config: { LOG_LEVEL: 'silent', NODE_ENV: 'test', DISHUI_JWT_SECRET: secret }, db });
const setup = {
  schema: buildSchema(typeDefs),
  rootConnections: rootConnectionTypes,
  lookups: naturalKeyLookups,
  computedFields: computedFieldsOf(resolvers, generatedResolvers),
  fieldRules: readAccessRules(typeDefs),
};
const statements: Record<string, number> = {};
const answers: Record<string, string> = {};
const yardstick: Record<string, { key: string; text: string; values: unknown[] }[]> = {};
for (const [name, query] of Object.entries(queries)) {
  const before = db.statements.count;
  const response = await app.inject({ method: 'POST', url: '/graphql', headers, payload: { query } });
  if (response.json().errors) throw new Error(`${name}: ${JSON.stringify(response.json().errors)}`);
  statements[name] = db.statements.count - before;
  answers[name] = response.body;
  const document = parse(query);
  const compiled = compileOperation(setup, document, document.definitions[0] as never, {}, unrestrictedScope);
  if (compiled) {
    yardstick[name] = compiled.fields.map((f) => ({
      key: f.responseKey,
      text: f.statement.text,
      values: f.statement.values,
    }));
  }
  console.log(
    `${name}: ${response.body.split('"id"').length - 1 + (response.body.split('"code"').length - 1)} objects, ${statements[name]} SQL statements, ${compiled ? 'compiled' : 'executed (does not compile)'}`,
  );
}
await app.close();
await db.close();

const env = {
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'warn',
  DATABASE_POOL_MAX: '10',
  DISHUI_AUTO_SEED: 'false',
  DISHUI_JWT_SECRET: secret,
  DISHUI_RATE_LIMIT_POINTS: String(Number.MAX_SAFE_INTEGER),
};
const children: ChildProcess[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[], digits: number) =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
try {
  const gateway = await startProcess(['bin/dishui.js', 'serve'], { ...env, PORT: '4100' }, /serving GraphQL/);
  children.push(gateway);
  const bare = await startProcess(
    ['--import', 'tsx', 'bench/support/compiledHandler.ts'],
    { ...env, PORT: '4101', STATEMENTS: JSON.stringify(yardstick) },
    /ready/,
  );
  children.push(bare);
  for (const name of Object.keys(yardstick)) {
    const response = await fetch(`http://127.0.0.1:4101/${name}`, { method: 'POST' });
    const body = await response.text();
    // PostgreSQL prints JSON with blanks after ':' and ','; the gateway sends that text as it is
    // for a compiled answer. The values, key order, global IDs and decimals must be the same bytes.
    const compact = JSON.stringify(JSON.parse(body));
    const expected = JSON.stringify(JSON.parse(answers[name]!));
    if (compact !== expected) {
      let at = 0;
      while (at < compact.length && compact[at] === expected[at]) at += 1;
      throw new Error(
        `${name}: the yardstick's JSON differs from the gateway's at ${at}: ${compact.slice(Math.max(0, at - 40), at + 40)} vs ${expected.slice(Math.max(0, at - 40), at + 40)}`,
      );
    }
  }
  console.log(
    `\nyardstick answers are byte for byte the gateway's (blanks aside); ${seconds} s per run, ${rounds} interleaved rounds, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    'query                        conns side       req/s (spread)        p50  p99  err  SQL/req  node ms/req (spread)  pg ms/req',
  );
  for (const connections of values.connections!.split(',').map(Number)) {
    for (const [name, query] of Object.entries(queries)) {
      const sides: Record<string, Awaited<ReturnType<typeof drive>>[]> = { gateway: [], yardstick: [] };
      for (let round = 0; round < rounds; round += 1) {
        sides.gateway!.push(
          await drive('http://127.0.0.1:4100/graphql', JSON.stringify({ query }), headers, connections, [gateway.pid!]),
        );
        if (yardstick[name])
          sides.yardstick!.push(await drive(`http://127.0.0.1:4101/${name}`, '', {}, connections, [bare.pid!]));
      }
      for (const [side, runs] of Object.entries(sides)) {
        if (runs.length === 0) continue;
        console.log(
          `${name.padEnd(28)} ${String(connections).padStart(5)} ${side.padEnd(10)} ${fmt(
            runs.map((r) => r.rps),
            0,
          ).padEnd(
            20,
          )} ${String(median(runs.map((r) => r.p50))).padStart(4)} ${String(median(runs.map((r) => r.p99))).padStart(4)} ${String(runs.reduce((a, r) => a + r.errors, 0)).padStart(4)}  ${String(side === 'gateway' ? statements[name] : yardstick[name]!.length).padStart(7)}  ${fmt(
            runs.map((r) => r.nodeMs),
            2,
          ).padEnd(20)}  ${median(runs.map((r) => r.pgMs)).toFixed(2)}`,
        );
      }
      if (sides.yardstick!.length > 0) {
        const cpu =
          median(sides.gateway!.map((r) => r.nodeMs)) / Math.max(median(sides.yardstick!.map((r) => r.nodeMs)), 0.001);
        const rps = median(sides.gateway!.map((r) => r.rps)) / Math.max(median(sides.yardstick!.map((r) => r.rps)), 1);
        console.log(
          `${''.padEnd(35)} gateway/yardstick: Node CPU ${cpu.toFixed(1)}×, req/s ${rps.toFixed(2)}×; load ${os.loadavg()[0]!.toFixed(2)}`,
        );
      }
    }
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
}
