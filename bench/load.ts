// Mixed-workload load test: seeds synthetic loans on PostgreSQL (unless --url names a running
// gateway), starts `dishui serve`, fires nested reads (60%), aggregates (25%) and loan
// applications (15%) at a fixed rate for a fixed time, and prints throughput, latency
// percentiles per kind, errors and the gateway's memory.
// Usage: node --import tsx bench/load.ts [--loans 20000] [--rate 50] [--seconds 30] [--url http://127.0.0.1:4000]
//
// With --connections N (npm run bench:load: 300 connections for 60 s) it overloads instead:
// N clients send mixed reads back to back (closed loop, autocannon) and it prints the shed rate
// (503 SERVICE_UNAVAILABLE from DISHUI_MAX_IN_FLIGHT) and the accepted requests' p50/p99. Set
// DISHUI_MAX_IN_FLIGHT (and DATABASE_POOL_MAX) in the environment to try other limits; with
// --url, pass the gateway's DISHUI_JWT_SECRET as DISHUI_BENCH_JWT_SECRET.
import { parseArgs } from 'node:util';
import { benchAdminToken } from './support/benchToken.js';
import { printResult, runLoad, startBenchGateway, workload } from './support/loadRun.js';
import { printOverload, runOverload } from './support/overload.js';

const { values } = parseArgs({
  options: {
    loans: { type: 'string', default: '20000' },
    rate: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '30' },
    connections: { type: 'string' },
    url: { type: 'string' },
  },
});
const secret = process.env.DISHUI_BENCH_JWT_SECRET ?? 'dishui-bench-secret-0123456789abcdef-not-for-production';
const gateway = values.url
  ? { url: values.url, dispose: async () => undefined }
  : await startBenchGateway('load', Number(values.loans), {
      DISHUI_JWT_SECRET: secret,
      DISHUI_RATE_LIMIT_POINTS: String(Number.MAX_SAFE_INTEGER),
    });
try {
  if (values.connections) {
    const token = await benchAdminToken(secret);
    const headers = { authorization: `Bearer ${token}` };
    const result = await runOverload(gateway.url, await workload(gateway.url, headers), {
      connections: Number(values.connections),
      seconds: Number(values.seconds),
      headers,
    });
    printOverload(
      `overload, DISHUI_MAX_IN_FLIGHT=${process.env.DISHUI_MAX_IN_FLIGHT ?? 'default'}${values.url ? '' : ` on ${values.loans} loans`}`,
      result,
    );
  } else {
    const result = await runLoad(gateway.url, {
      rate: Number(values.rate),
      seconds: Number(values.seconds),
      memoryEverySeconds: 5,
    });
    printResult(`load at ${values.rate} req/s${values.url ? '' : ` on ${values.loans} loans`}`, result);
    process.exitCode = result.errors === 0 ? 0 : 1;
  }
} finally {
  await gateway.dispose();
}
