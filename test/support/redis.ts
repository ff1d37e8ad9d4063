import { Redis } from 'ioredis';

/** Redis the tests use (REDIS_URL, default the local server); keys go under a unique prefix. */
export const testRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

let reachable: Promise<boolean> | undefined;

/**
 * True when Redis answers. Under CI (CI=true) or with DISHUI_REQUIRE_REDIS=1 an unreachable Redis
 * fails the run instead of skipping the tests that share state through it.
 */
export async function redisAvailable(): Promise<boolean> {
  reachable ??= (async () => {
    const probe = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await probe.connect();
      await probe.ping();
      return true;
    } catch (error) {
      if (process.env.CI === 'true' || process.env.DISHUI_REQUIRE_REDIS === '1') {
        throw new Error(`Redis is required but unreachable at ${testRedisUrl}: ${(error as Error).message}`);
      }
      return false;
    } finally {
      probe.disconnect();
    }
  })();
  return reachable;
}

/** Deletes every key under `prefix`, so tests leave the shared Redis as they found it. */
export async function deleteRedisKeys(redis: Redis, prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
}
