// Closed-loop overload for bench/load.ts: `connections` clients each send mixed reads (nested
// reads and aggregates) back to back for `seconds`; every answer is counted by status, and the
// latency percentiles are those of the accepted (2xx) answers alone, so shedding is measured
// apart from the service the accepted requests got.
import autocannon from 'autocannon';
import type { Kind } from './loadRun.js';

/** What an overload run saw. */
export interface OverloadResult {
  connections: number;
  seconds: number;
  answered: number;
  accepted: number;
  /** 503 answers: requests refused for load. */
  shed: number;
  /** Any other status (429, 5xx but 503) or a request cut by autocannon's timeout. */
  other: number;
  timeouts: number;
  acceptedP50: number;
  acceptedP99: number;
  shedP99: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Runs the overload and returns its figures; never rejects on refused requests. */
export async function runOverload(
  url: string,
  kinds: Kind[],
  options: { connections: number; seconds: number; headers: Record<string, string> },
): Promise<OverloadResult> {
  const reads = kinds.filter((kind) => kind.name !== 'write');
  const requests = Array.from({ length: 20 }, (_, n) => {
    const kind = reads[n % reads.length];
    return { method: 'POST' as const, path: '/graphql', body: kind?.body(n) ?? '{}' };
  });
  const accepted: number[] = [];
  const shed: number[] = [];
  let other = 0;
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: { 'content-type': 'application/json', ...options.headers },
    requests,
    timeout: 60,
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) accepted.push(responseTime);
    else if (statusCode === 503) shed.push(responseTime);
    else other += 1;
  });
  const result = await instance;
  accepted.sort((a, b) => a - b);
  shed.sort((a, b) => a - b);
  return {
    connections: options.connections,
    seconds: options.seconds,
    answered: accepted.length + shed.length + other,
    accepted: accepted.length,
    shed: shed.length,
    other,
    timeouts: result.timeouts,
    acceptedP50: percentile(accepted, 50),
    acceptedP99: percentile(accepted, 99),
    shedP99: percentile(shed, 99),
  };
}

/** Prints an overload run's figures. */
export function printOverload(title: string, result: OverloadResult): void {
  const rate = result.answered === 0 ? 0 : (100 * result.shed) / result.answered;
  console.log(`\n${title}: ${result.connections} connections for ${result.seconds} s`);
  console.log(
    `answered ${result.answered} (${(result.answered / result.seconds).toFixed(1)}/s): accepted ${result.accepted}, ` +
      `shed (503) ${result.shed} = ${rate.toFixed(1)} %, other ${result.other}, timeouts ${result.timeouts}`,
  );
  console.log(
    `accepted p50 ${result.acceptedP50.toFixed(0)} ms, p99 ${result.acceptedP99.toFixed(0)} ms; shed p99 ${result.shedP99.toFixed(0)} ms`,
  );
}
