// Statistics over HTTP, for bench/bi.ts: a real `dishui serve` process over an already seeded
// database answers every group by county × disbursement month (two pages of 10,000) and by
// province, with every measure, beside the yardstick of the same statements sent by a bare pg
// client (the SQL alone, its JSON text read and dropped). Interleaved rounds; medians, the ratio to
// the yardstick, the gateway's CPU per request from /proc and the target's PASS/FAIL.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { buildSchema, type OperationDefinitionNode, parse } from 'graphql';
import pg from 'pg';
import { compileOperation } from '../../src/engine/compile/index.js';
import { statisticsCompilers } from '../../src/modules/analytics/index.js';
import { unrestrictedScope } from '../../src/modules/auth/accessScope.js';
import { startBenchServe } from './benchServe.js';
import { benchAdminToken } from './benchToken.js';
import { typeDefs } from '../../src/schema/typeDefs.js';
import { processCpuMs } from './procCpu.js';

const measures = `loanCount borrowerCount contractAmount disbursedAmount outstandingBalance overduePrincipal
  averageRate minRate maxRate weightedAverageRate nonPerformingBalance nplRatio`;
const countyMonth = `query CountyMonth($after: String) {
  loanStatistics(groupBy: [COUNTY, DISBURSEMENT_MONTH], first: 10000, after: $after) {
    groupCount pageInfo { hasNextPage endCursor }
    groups { key { countyCode countyName disbursementPeriod disbursementPeriodLabel } ${measures} } } }`;
const province = `{ loanStatistics(groupBy: [PROVINCE]) { groupCount groups { key { provinceCode provinceName } ${measures} } } }`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The statement the gateway compiles the operation to, for the yardstick.
function compiledStatement(query: string, variables: Record<string, unknown>) {
  const document = parse(query);
  const setup = {
    schema: buildSchema(typeDefs),
    rootConnections: {},
    lookups: {},
    computedFields: new Set<string>(),
    fieldRules: new Map(),
    rootCompilers: statisticsCompilers,
  };
  const operation = document.definitions[0] as OperationDefinitionNode;
  const compiled = compileOperation(setup, document, operation, variables, unrestrictedScope);
  if (!compiled) throw new Error('the statistics query does not compile');
  return compiled.fields[0]!.statement;
}

/**
 * Prints the HTTP figures of statistics on the database at `url` (targets on 1,000,000 loans: every
 * county × month group < 500 ms, by province < 200 ms).
 */
export async function measureStatisticsOverHttp(url: string, runs: number): Promise<void> {
  const secret = randomBytes(24).toString('hex');
  const token = await benchAdminToken(secret);
  const { child, base } = await startBenchServe(url, secret);
  // With the gateway's session settings (src/db/client.ts): JIT would add ~0.6 s of compilation here.
  const client = new pg.Client({ connectionString: url, options: '-c jit=off' });
  await client.connect();
  try {
    const post = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      if (response.status !== 200 || text.includes('"errors"')) throw new Error(text.slice(0, 300));
      return { text, bytes: Buffer.byteLength(text) };
    };
    // Every county × month group: page 1, then page 2 after its endCursor.
    const first = JSON.parse((await post(countyMonth)).text).data.loanStatistics;
    const after = first.pageInfo.endCursor as string;
    const pages = [compiledStatement(countyMonth, {}), compiledStatement(countyMonth, { after })];
    const provinceStatement = compiledStatement(province, {});
    const sql = async (statements: { text: string; values: unknown[] }[]) => {
      for (const statement of statements) await client.query(statement.text, statement.values);
    };
    const cases = [
      {
        label: `every county × month group (${first.groupCount.toLocaleString('en')}, 2 pages)`,
        target: 500,
        http: async () => (await post(countyMonth)).bytes + (await post(countyMonth, { after })).bytes,
        yardstick: () => sql(pages),
      },
      {
        label: 'every province group',
        target: 200,
        http: async () => (await post(province)).bytes,
        yardstick: () => sql([provinceStatement]),
      },
    ];
    console.log(
      `\nstatistics over HTTP (dishui serve, every measure; yardstick: the same SQL from a bare pg client), load ${os
        .loadavg()
        .map((v) => v.toFixed(2))
        .join(' ')}`,
    );
    for (const c of cases) {
      await c.http();
      await c.yardstick();
      const http: number[] = [];
      const bare: number[] = [];
      const cpu: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const cpuBefore = processCpuMs(child.pid!);
        let start = performance.now();
        bytes = await c.http();
        http.push(performance.now() - start);
        cpu.push(processCpuMs(child.pid!) - cpuBefore);
        start = performance.now();
        await c.yardstick();
        bare.push(performance.now() - start);
      }
      const ms = median(http);
      console.log(
        `  ${c.label.padEnd(48)} HTTP ${ms.toFixed(0).padStart(5)} ms (${Math.min(...http).toFixed(0)}–${Math.max(...http).toFixed(0)}), ` +
          `${(bytes / 2 ** 20).toFixed(1)} MB; SQL alone ${median(bare).toFixed(0)} ms; ratio ${(ms / median(bare)).toFixed(2)}; ` +
          `gateway CPU ${median(cpu).toFixed(0)} ms; target < ${c.target} ms: ${ms < c.target ? 'PASS' : 'FAIL'}`,
      );
    }
  } finally {
    await client.end();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
