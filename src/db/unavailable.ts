/**
 * Tells a database outage from every other failure, so a request cut by one answers
 * SERVICE_UNAVAILABLE (retry later) rather than an internal error (a bug).
 */

// Node socket failures: refused, reset, unreachable, timed out, closed under us.
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);
// Prisma's codes for "cannot reach", "timed out", "server closed the connection", "pool timeout".
const prismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// Driver adapter error kinds with the same meaning.
const adapterKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// pg's own wording when the socket ends or the pool cannot hand out a connection in time; these
// errors carry no code, so the text is all there is.
const driverMessages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not open|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * True when `error` (or anything in its cause chain: `cause`, Prisma's `meta.driverAdapterError`,
 * an AggregateError's `errors`) says the database server is down, restarting, refusing
 * connections or cut the connection: SQLSTATE class 08, 57P01–57P03, 53300.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return walk(error, 0);
}

function walk(value: unknown, depth: number): boolean {
  if (depth > 6 || value === null || typeof value !== 'object') return false;
  const error = value as Record<string, unknown>;
  const code = typeof error.code === 'string' ? error.code : undefined;
  const originalCode = typeof error.originalCode === 'string' ? error.originalCode : undefined;
  for (const candidate of [code, originalCode]) {
    if (!candidate) continue;
    if (socketCodes.has(candidate) || prismaCodes.has(candidate)) return true;
    if (/^08...$/.test(candidate) || ['57P01', '57P02', '57P03', '53300'].includes(candidate)) return true;
  }
  if (typeof error.kind === 'string' && adapterKinds.has(error.kind)) return true;
  if (typeof error.message === 'string' && driverMessages.test(error.message)) return true;
  const meta = error.meta as Record<string, unknown> | undefined;
  const nested = [error.cause, meta?.driverAdapterError, ...(Array.isArray(error.errors) ? error.errors : [])];
  return nested.some((next) => walk(next, depth + 1));
}
