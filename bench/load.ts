// Mixed-workload load test: seeds synthetic loans on PostgreSQL (unless --url names a running
// gateway), starts `dishui serve`, fires nested reads (60%), aggregates (25%) and loan
// applications (15%) at a fixed rate for a fixed time, and prints throughput, latency
// percentiles per kind, errors and the gateway's memory.
// Usage: node --import tsx bench/load.ts [--loans 20000] [--rate 50] [--seconds 30] [--url http://127.0.0.1:4000]
import { parseArgs } from 'node:util';
import { printResult, runLoad, startBenchGateway } from './support/loadRun.js';

const { values } = parseArgs({
  options: {
    loans: { type: 'string', default: '20000' },
    rate: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '30' },
    url: { type: 'string' },
  },
});
const gateway = values.url
  ? { url: values.url, dispose: async () => undefined }
  : await startBenchGateway('load', Number(values.loans));
try {
  const result = await runLoad(gateway.url, {
    rate: Number(values.rate),
    seconds: Number(values.seconds),
    memoryEverySeconds: 5,
  });
  printResult(`load at ${values.rate} req/s${values.url ? '' : ` on ${values.loans} loans`}`, result);
  process.exitCode = result.errors === 0 ? 0 : 1;
} finally {
  await gateway.dispose();
}
