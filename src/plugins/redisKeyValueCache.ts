import type { PersistedQueryOptions } from '@apollo/server';
import type { Redis } from 'ioredis';

/** Apollo's KeyValueCache of strings, as its persisted-query option takes it. */
export type StringCache = NonNullable<PersistedQueryOptions['cache']>;

/**
 * An Apollo KeyValueCache over ioredis, every key under `prefix`, every entry expiring after the
 * caller's `ttl` (seconds) or `defaultTtlSeconds`. A Redis failure reads as a miss and is logged:
 * a cache outage must cost a retry with the full query, not the request.
 */
export function redisKeyValueCache(
  redis: Redis,
  prefix: string,
  defaultTtlSeconds: number,
  warn: (message: string, error: unknown) => void,
): StringCache {
  return {
    async get(key) {
      try {
        return (await redis.get(prefix + key)) ?? undefined;
      } catch (error) {
        warn('Redis cache read failed; treated as a miss', error);
        return undefined;
      }
    },
    async set(key, value, options) {
      const ttl = options?.ttl ?? defaultTtlSeconds;
      try {
        await redis.set(prefix + key, value, 'EX', Math.max(1, Math.ceil(ttl)));
      } catch (error) {
        warn('Redis cache write failed; the entry is not kept', error);
      }
    },
    async delete(key) {
      return (await redis.del(prefix + key)) > 0;
    },
  };
}
