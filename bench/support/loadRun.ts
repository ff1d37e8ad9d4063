// Shared by bench/load.ts and bench/soak.ts: a throwaway PostgreSQL database with synthetic loans,
// a real `dishui serve` process over it, and an open-loop driver that fires a mixed workload at a
// fixed rate (nested reads, aggregates, writes) and samples the gateway's memory from /metrics.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrator.js';
import { seedSynthetic } from '../../src/db/seeds/synthetic/index.js';

const adminUrl = process.env.DISHUI_BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const bin = fileURLToPath(new URL('../../bin/dishui.js', import.meta.url));

/** A gateway process over a seeded database, and how to remove both. */
export interface BenchGateway {
  url: string;
  dispose(): Promise<void>;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(sql);
  await client.end();
}

/** Seeds `loans` synthetic loans into a new database and starts `dishui serve` on it. */
export async function startBenchGateway(name: string, loans: number): Promise<BenchGateway> {
  const dbName = `dishui_bench_${name}_${process.pid}`;
  const databaseUrl = adminUrl.replace(/\/[^/]*$/, `/${dbName}`);
  await admin(`CREATE DATABASE ${dbName}`);
  const db = await openDatabase({
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: 4,
    DATABASE_POOL_IDLE_MS: 1000,
    DATABASE_CONNECT_TIMEOUT_MS: 5000,
    DISHUI_DATA_DIR: 'memory://',
  });
  await migrate(db);
  await seedSynthetic(db, { loans, seed: 42 });
  await db.close();
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /serving GraphQL at (http:\/\/[^\s/]+)\/graphql/.exec(chunk.toString());
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`dishui serve exited with ${code}`)));
  });
  return {
    url,
    dispose: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    },
  };
}

/** One kind of request in the mix. */
interface Kind {
  name: string;
  weight: number;
  body(n: number): string;
}

/** Memory of the gateway process at one moment, from its /metrics. */
export interface MemorySample {
  atSeconds: number;
  rssBytes: number;
  heapUsedBytes: number;
}

/** What a run measured. */
export interface LoadResult {
  seconds: number;
  sent: number;
  byKind: Record<string, { count: number; errors: number; p50: number; p95: number; p99: number; max: number }>;
  errors: number;
  errorExamples: string[];
  memory: MemorySample[];
}

async function graphql(url: string, body: string): Promise<{ ok: boolean; text: string }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  return { ok: response.status === 200 && !text.includes('"errors"'), text };
}

/** Reads the gateway's resident and heap memory from its /metrics. */
export async function sampleMemory(url: string, atSeconds: number): Promise<MemorySample> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return {
    atSeconds,
    rssBytes: value('dishui_process_resident_memory_bytes'),
    heapUsedBytes: value('dishui_nodejs_heap_size_used_bytes'),
  };
}

/** The request mix: 60% nested reads, 25% aggregates, 15% writes (loan applications). */
export async function workload(url: string): Promise<Kind[]> {
  const answer = JSON.parse(
    (
      await graphql(
        url,
        JSON.stringify({ query: '{ enterpriseLoans(first: 1) { nodes { enterprise { id } orgUnit { id } } } }' }),
      )
    ).text,
  );
  const loan = answer.data?.enterpriseLoans.nodes[0];
  if (!loan) throw new Error(`the gateway has no loan to copy ids from: ${JSON.stringify(answer)}`);
  const enterpriseId = loan.enterprise.id;
  const orgUnitId = loan.orgUnit.id;
  const runTag = `${process.pid}-${Date.now()}`;
  return [
    {
      name: 'nested read',
      weight: 60,
      body: (n) =>
        JSON.stringify({
          query: `query Nested($after: String) { enterpriseLoans(first: 10, after: $after) { nodes { id contractNo outstandingBalance
            enterprise { id name } scheduleItems(first: 12) { nodes { id dueDate principalDue } } } } }`,
          variables: { after: null, n },
        }),
    },
    {
      name: 'aggregate',
      weight: 25,
      body: (n) =>
        JSON.stringify({
          query: `query Stats($groupBy: [LoanDimension!]) { loanStatistics(groupBy: $groupBy, first: 200) { groupCount groups { loanCount outstandingBalance nplRatio } } }`,
          variables: { groupBy: n % 2 === 0 ? ['COUNTY'] : ['STATUS'] },
        }),
    },
    {
      name: 'write',
      weight: 15,
      body: (n) =>
        JSON.stringify({
          query: `mutation Apply($input: ApplyForLoanInput!) { applyForLoan(input: $input) { loan { id } userErrors { code message } } }`,
          variables: {
            input: {
              contractNo: `LOAD-${runTag}-${n}`,
              enterpriseId,
              orgUnitId,
              product: 'WORKING_CAPITAL',
              regulatoryClass: 'INDUSTRY',
              policyRegime: 'TARGETED_2016_2020',
              repaymentMethod: 'EQUAL_INSTALMENT',
              effectiveRate: '0.0435',
              contractAmount: '1000000.00',
              contractDate: '2020-01-10',
              termMonths: 12,
              idempotencyKey: `load-${runTag}-${n}`,
            },
          },
        }),
    },
  ];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Fires `rate` requests per second for `seconds` (open loop: a slow answer does not slow the
 * sending), sampling memory every `memoryEverySeconds`; waits for the last answers.
 */
export async function runLoad(
  url: string,
  options: { rate: number; seconds: number; memoryEverySeconds: number; onSample?: (sample: MemorySample) => void },
): Promise<LoadResult> {
  const kinds = await workload(url);
  const totalWeight = kinds.reduce((sum, kind) => sum + kind.weight, 0);
  const latencies = new Map<string, number[]>(kinds.map((kind) => [kind.name, []]));
  const errorsByKind = new Map<string, number>(kinds.map((kind) => [kind.name, 0]));
  const errorExamples: string[] = [];
  const memory: MemorySample[] = [await sampleMemory(url, 0)];
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  let sent = 0;
  let nextMemory = options.memoryEverySeconds;
  while (performance.now() - started < options.seconds * 1000) {
    const due = started + (sent * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const roll = (sent * 7919) % totalWeight;
    let acc = 0;
    const kind = kinds.find((candidate) => {
      acc += candidate.weight;
      return acc > roll;
    })!;
    const n = sent;
    sent += 1;
    const t0 = performance.now();
    const request = graphql(url, kind.body(n)).then(
      ({ ok, text }) => {
        latencies.get(kind.name)!.push(performance.now() - t0);
        if (!ok) {
          errorsByKind.set(kind.name, errorsByKind.get(kind.name)! + 1);
          if (errorExamples.length < 5) errorExamples.push(`${kind.name}: ${text.slice(0, 300)}`);
        }
      },
      (error: unknown) => {
        errorsByKind.set(kind.name, errorsByKind.get(kind.name)! + 1);
        if (errorExamples.length < 5) errorExamples.push(`${kind.name}: ${(error as Error).message}`);
      },
    );
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
    const elapsed = (performance.now() - started) / 1000;
    if (elapsed >= nextMemory) {
      nextMemory += options.memoryEverySeconds;
      const sample = await sampleMemory(url, Math.round(elapsed));
      memory.push(sample);
      options.onSample?.(sample);
    }
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  memory.push(await sampleMemory(url, Math.round(seconds)));
  const byKind: LoadResult['byKind'] = {};
  for (const kind of kinds) {
    const sorted = latencies.get(kind.name)!.sort((a, b) => a - b);
    byKind[kind.name] = {
      count: sorted.length,
      errors: errorsByKind.get(kind.name)!,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
    };
  }
  const errors = [...errorsByKind.values()].reduce((sum, count) => sum + count, 0);
  return { seconds, sent, byKind, errors, errorExamples, memory };
}

/** Prints a run's figures as a small table. */
export function printResult(title: string, result: LoadResult): void {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(
    `\n${title}: ${result.sent} requests in ${result.seconds.toFixed(1)} s = ${(result.sent / result.seconds).toFixed(1)} req/s, errors ${result.errors}`,
  );
  console.log('kind          count  errors   p50 ms   p95 ms   p99 ms   max ms');
  for (const [name, kind] of Object.entries(result.byKind)) {
    console.log(
      `${name.padEnd(12)} ${String(kind.count).padStart(6)} ${String(kind.errors).padStart(7)} ${kind.p50.toFixed(1).padStart(8)} ${kind.p95.toFixed(1).padStart(8)} ${kind.p99.toFixed(1).padStart(8)} ${kind.max.toFixed(1).padStart(8)}`,
    );
  }
  const rss = result.memory.map((sample) => sample.rssBytes);
  console.log(
    `gateway memory: RSS start ${mb(rss[0]!)} MB, end ${mb(rss.at(-1)!)} MB, peak ${mb(Math.max(...rss))} MB; heap used end ${mb(result.memory.at(-1)!.heapUsedBytes)} MB`,
  );
  for (const example of result.errorExamples) console.log(`  error: ${example}`);
}
