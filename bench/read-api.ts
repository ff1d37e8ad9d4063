// Read API benchmark: seeds 100,000 synthetic loans on PostgreSQL, starts the gateway and a
// bare json_agg handler as separate processes, drives fixed nested queries with autocannon at
// 1, 10 and 50 connections, and prints requests/s, p50/p99 latency and SQL statements per
// request. Usage: node --import tsx bench/read-api.ts [--loans 100000] [--seconds 10]
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrator.js';
import { seedSynthetic } from '../src/db/seeds/synthetic/index.js';
import { buildServer } from '../src/server/buildServer.js';

const { values } = parseArgs({
  options: { loans: { type: 'string', default: '100000' }, seconds: { type: 'string', default: '10' } },
});
const loans = Number(values.loans);
const seconds = Number(values.seconds);
const adminUrl = process.env.DISHUI_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dbName = `dishui_bench_read_${process.pid}`;
const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${dbName}`);

const queries: Record<string, string> = {
  // About 150 objects over three levels: 10 loans, their borrowers, up to 12 instalments each.
  nestedLoans: `{ enterpriseLoans(first: 10, orderBy: [{ field: CONTRACT_NO, direction: ASC }]) { nodes {
      id contractNo outstandingBalance status
      enterprise { id name size }
      scheduleItems(first: 12) { nodes { id seq dueDate principalDue interestDue status } } } } }`,
  villagesInitiativesVillages: `{ villages(first: 50) { nodes { id name
      initiatives(first: 10) { nodes { id code villages(first: 10) { nodes { id name } } } } } } }`,
  filteredLoans: `{ enterpriseLoans(first: 50, where: { inRegion: "4101", status: { in: [DISBURSED, OVERDUE] } }) {
      nodes { id contractNo outstandingBalance riskClass nonPerforming spreadOverLpr region { code name } } } }`,
};

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(sql);
  await client.end();
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

async function drive(url: string, query: string, connections: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

await admin(`CREATE DATABASE ${dbName}`);
const children: ChildProcess[] = [];
try {
  const db = await openDatabase({
    DATABASE_URL: databaseUrl,
    DISHUI_DATA_DIR: 'memory://',
    DATABASE_POOL_MAX: 4,
    DATABASE_POOL_IDLE_MS: 1000,
    DATABASE_CONNECT_TIMEOUT_MS: 5000,
  });
  await migrate(db);
  const seeded = await seedSynthetic(db, { loans, seed: 42 });
  console.log(`seeded ${loans} loans in ${(seeded.totalMs / 1000).toFixed(1)} s`);
  await db.sql.exec('ANALYZE');

  // Statements per request, counted in-process through the same code path the server runs.
  const app = await buildServer({ config: { LOG_LEVEL: 'silent', NODE_ENV: 'test' }, db });
  const statements: Record<string, number> = {};
  for (const [name, query] of Object.entries(queries)) {
    const before = db.statements.count;
    const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query } });
    if (response.json().errors) throw new Error(`${name}: ${JSON.stringify(response.json().errors)}`);
    statements[name] = db.statements.count - before;
  }
  await app.close();
  await db.close();

  // The load comes from one IP: lift the rate limit (bench/limits.ts measures what it costs).
  const env = {
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    DATABASE_POOL_MAX: '10',
    DISHUI_AUTO_SEED: 'false',
    DISHUI_RATE_LIMIT_POINTS: String(Number.MAX_SAFE_INTEGER),
  };
  children.push(await startProcess(['bin/dishui.js', 'serve'], { ...env, PORT: '4100' }, /serving GraphQL/));
  children.push(
    await startProcess(['--import', 'tsx', 'bench/support/jsonAggServer.ts'], { ...env, PORT: '4101' }, /ready/),
  );

  console.log(`\n${seconds} s per run; gateway and json_agg server are separate processes on PostgreSQL`);
  console.log('query                          conns   req/s   p50 ms   p99 ms  errors  SQL/request');
  const row = (name: string, c: number, r: Awaited<ReturnType<typeof drive>>, sql: number | string) =>
    console.log(
      `${name.padEnd(30)} ${String(c).padStart(5)} ${String(r.rps).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(7)}  ${sql}`,
    );
  for (const connections of [1, 10, 50]) {
    const gateway = await drive('http://127.0.0.1:4100/graphql', queries.nestedLoans!, connections);
    const bare = await drive('http://127.0.0.1:4101/', '', connections);
    row('nestedLoans (gateway)', connections, gateway, statements.nestedLoans!);
    row('nestedLoans (json_agg bare)', connections, bare, 1);
    console.log(`${''.padEnd(30)} gateway/json_agg = ${((100 * gateway.rps) / Math.max(bare.rps, 1)).toFixed(0)}%`);
    for (const name of ['villagesInitiativesVillages', 'filteredLoans']) {
      row(
        name,
        connections,
        await drive('http://127.0.0.1:4100/graphql', queries[name]!, connections),
        statements[name]!,
      );
    }
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
}
