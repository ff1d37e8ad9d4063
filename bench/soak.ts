// Soak test: the load mix at a steady rate for 10 minutes (default), sampling the gateway's memory
// every 30 s. Memory growth is the mean RSS of the last quarter over the mean of the first
// quarter after a one-minute warm-up. Aim: no error and under 10% growth.
// Usage: node --import tsx bench/soak.ts [--loans 20000] [--rate 20] [--minutes 10] [--url http://127.0.0.1:4000]
import { parseArgs } from 'node:util';
import { printResult, runLoad, startBenchGateway } from './support/loadRun.js';

const { values } = parseArgs({
  options: {
    loans: { type: 'string', default: '20000' },
    rate: { type: 'string', default: '20' },
    minutes: { type: 'string', default: '10' },
    url: { type: 'string' },
  },
});
const seconds = Number(values.minutes) * 60;
const gateway = values.url
  ? { url: values.url, dispose: async () => undefined }
  : await startBenchGateway('soak', Number(values.loans));
try {
  const result = await runLoad(gateway.url, {
    rate: Number(values.rate),
    seconds,
    memoryEverySeconds: 30,
    onSample: (sample) =>
      console.log(
        `  ${sample.atSeconds} s: RSS ${(sample.rssBytes / 1048576).toFixed(1)} MB, heap ${(sample.heapUsedBytes / 1048576).toFixed(1)} MB`,
      ),
  });
  printResult(`soak at ${values.rate} req/s for ${values.minutes} min`, result);
  const settled = result.memory.filter((sample) => sample.atSeconds >= Math.min(60, seconds / 4));
  const quarter = Math.max(1, Math.floor(settled.length / 4));
  const mean = (samples: typeof settled, pick: (s: (typeof settled)[number]) => number) =>
    samples.reduce((sum, s) => sum + pick(s), 0) / samples.length;
  const rssGrowth =
    mean(settled.slice(-quarter), (s) => s.rssBytes) / mean(settled.slice(0, quarter), (s) => s.rssBytes) - 1;
  const heapGrowth =
    mean(settled.slice(-quarter), (s) => s.heapUsedBytes) / mean(settled.slice(0, quarter), (s) => s.heapUsedBytes) - 1;
  console.log(
    `memory growth after warm-up: RSS ${(rssGrowth * 100).toFixed(1)}%, heap used ${(heapGrowth * 100).toFixed(1)}% (aim: < 10%)`,
  );
  process.exitCode = result.errors === 0 && rssGrowth < 0.1 ? 0 : 1;
} finally {
  await gateway.dispose();
}
