import type { Database } from '../db/client.js';
import { pendingMigrations } from '../db/migrator.js';
import type { RedisProbe } from './redisProbe.js';

/**
 * What /readyz answers: ready only when the database answers with no migration pending and, when
 * REDIS_URL is set, Redis answers too. Each check is named in the body.
 */
export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  pendingMigrations: string[];
  /** Present only when REDIS_URL is set. */
  redis?: 'ok' | 'unreachable';
}

const CHECK_TIMEOUT_MS = 2000;

/**
 * Checks that the database answers within two seconds and has every migration applied, and that
 * Redis (when given) answers PING within two seconds; the checks run side by side.
 * Never throws: an unreachable dependency is a `ready: false` answer.
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
          () => 'unreachable' as const,
        )
      : undefined,
  ]);
  const ready =
    database.state === 'ok' && database.pending.length === 0 && (redisState === undefined || redisState === 'ok');
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
