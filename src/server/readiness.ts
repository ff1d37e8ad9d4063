import type { Database } from '../db/client.js';
import { pendingMigrations } from '../db/migrator.js';
import type { RedisProbe } from './redisProbe.js';

/**
 * What /readyz answers: ready only when the database answers with no migration pending. Redis
 * (when REDIS_URL is set) is reported but never makes an instance unready: without it rate limits
 * and APQ fall back to this instance's memory, and a balancer pulling every instance at once over a
 * shared Redis would turn a degraded service into an outage. Each check is named in the body.
 */
export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  pendingMigrations: string[];
  /** Present only when REDIS_URL is set; 'degraded' means Redis did not answer and memory stands in. */
  redis?: 'ok' | 'degraded';
}

const CHECK_TIMEOUT_MS = 2000;

/**
 * Checks that the database answers within two seconds and has every migration applied, and that
 * Redis (when given) answers PING within two seconds; the checks run side by side.
 * Never throws: an unreachable database is a `ready: false` answer, an unreachable Redis `redis: 'degraded'`.
 */
export async function checkReadiness(db: Database, redis?: RedisProbe): Promise<Readiness> {
  const [database, redisState] = await Promise.all([
    withTimeout(pendingMigrations(db), CHECK_TIMEOUT_MS).then(
      (pending) => ({ state: 'ok' as const, pending }),
      () => ({ state: 'unreachable' as const, pending: [] as string[] }),
    ),
    redis
      ? withTimeout(redis.ping(), CHECK_TIMEOUT_MS).then(
          () => 'ok' as const,
          () => 'degraded' as const,
        )
      : undefined,
  ]);
  const ready = database.state === 'ok' && database.pending.length === 0;
  return {
    ready,
    database: database.state,
    pendingMigrations: database.pending,
    ...(redisState ? { redis: redisState } : {}),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
