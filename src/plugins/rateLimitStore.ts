import type { Redis } from 'ioredis';
import type { RedisFallback } from './redisFallback.js';

/** The outcome of spending points. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Points spent in the current window, this request included when allowed. */
  used: number;
  /** Milliseconds until the window ends and the budget is whole again. */
  resetInMs: number;
}

/** Where spent points are counted: one process (memory) or every instance (Redis). */
export interface RateLimitStore {
  /** Spends `points` of `key`'s budget of `limit` per `windowMs` if they fit; never spends part. */
  spend(key: string, points: number, limit: number, windowMs: number): Promise<RateLimitDecision>;
}

/** Counts in this process only: right for one instance, wrong for several behind a balancer. */
export function memoryRateLimitStore(now: () => number = Date.now): RateLimitStore {
  const windows = new Map<string, { used: number; endsAt: number }>();
  return {
    async spend(key, points, limit, windowMs) {
      const time = now();
      // Expired windows are dropped as they are met, so the map holds only active callers.
      if (windows.size > 10_000) for (const [k, w] of windows) if (w.endsAt <= time) windows.delete(k);
      let window = windows.get(key);
      if (!window || window.endsAt <= time) {
        window = { used: 0, endsAt: time + windowMs };
        windows.set(key, window);
      }
      const allowed = window.used + points <= limit;
      if (allowed) window.used += points;
      return { allowed, used: window.used, resetInMs: window.endsAt - time };
    },
  };
}

// Check and spend in one step: two instances reading then writing would both let a request through.
const spendScript = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local points = tonumber(ARGV[1])
if used + points > tonumber(ARGV[2]) then
  local ttl = redis.call('PTTL', KEYS[1])
  return {0, used, ttl}
end
used = redis.call('INCRBY', KEYS[1], points)
if used == points then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return {1, used, redis.call('PTTL', KEYS[1])}
`;

/** Counts in Redis under `prefix`, so every instance sharing the Redis enforces one budget. */
export function redisRateLimitStore(redis: Redis, prefix: string): RateLimitStore {
  return {
    async spend(key, points, limit, windowMs) {
      const [allowed, used, ttl] = (await redis.eval(spendScript, 1, prefix + key, points, limit, windowMs)) as [
        number,
        number,
        number,
      ];
      return { allowed: allowed === 1, used, resetInMs: ttl > 0 ? ttl : windowMs };
    },
  };
}

/**
 * Counts in Redis, and in this instance's memory while Redis is slow or down (`fallback` decides
 * and logs): a hung Redis must not stall every request, and a budget per instance is the best
 * that can be kept without it.
 */
export function redisRateLimitStoreWithFallback(
  redis: Redis,
  prefix: string,
  fallback: RedisFallback,
  memory: RateLimitStore = memoryRateLimitStore(),
): RateLimitStore {
  const shared = redisRateLimitStore(redis, prefix);
  return {
    spend: (key, points, limit, windowMs) =>
      fallback.run(
        'ratelimit',
        () => shared.spend(key, points, limit, windowMs),
        () => memory.spend(key, points, limit, windowMs),
      ),
  };
}
