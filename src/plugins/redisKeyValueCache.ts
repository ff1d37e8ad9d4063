import type { PersistedQueryOptions } from '@apollo/server';
import type { Redis } from 'ioredis';
import type { RedisFallback } from './redisFallback.js';

/** Apollo's KeyValueCache of strings, as its persisted-query option takes it. */
export type StringCache = NonNullable<PersistedQueryOptions['cache']>;

// Enough for every persisted query of a few clients; the oldest entry goes first past it.
const MEMORY_ENTRIES = 1_000;

/**
 * An Apollo KeyValueCache over ioredis, every key under `prefix`, every entry expiring after the
 * caller's `ttl` (seconds) or `defaultTtlSeconds`. While Redis is slow or down (`fallback` decides
 * and logs) entries are read from and kept in this instance's memory: a cache outage must cost at
 * most a retry with the full query, never the request.
 */
export function redisKeyValueCache(
  redis: Redis,
  prefix: string,
  defaultTtlSeconds: number,
  fallback: RedisFallback,
): StringCache {
  const memory = new Map<string, { value: string; expiresAt: number }>();
  const remember = (key: string, value: string, ttlSeconds: number) => {
    memory.delete(key);
    memory.set(key, { value, expiresAt: Date.now() + ttlSeconds * 1000 });
    if (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value!);
  };
  const recall = (key: string) => {
    const entry = memory.get(key);
    if (entry && entry.expiresAt > Date.now()) return entry.value;
    memory.delete(key);
    return undefined;
  };
  return {
    get: (key) =>
      fallback.run(
        'apq',
        async () => (await redis.get(prefix + key)) ?? recall(key),
        async () => recall(key),
      ),
    async set(key, value, options) {
      const ttl = Math.max(1, Math.ceil(options?.ttl ?? defaultTtlSeconds));
      await fallback.run(
        'apq',
        async () => {
          await redis.set(prefix + key, value, 'EX', ttl);
        },
        async () => remember(key, value, ttl),
      );
    },
    delete: (key) =>
      fallback.run(
        'apq',
        async () => memory.delete(key) || (await redis.del(prefix + key)) > 0,
        async () => memory.delete(key),
      ),
  };
}
