import { Redis } from 'ioredis';

/** A Redis connection used only to answer readiness. */
export interface RedisProbe {
  /** Resolves when Redis answers PING; rejects otherwise (never waits on a reconnect queue). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a lazily connecting client for REDIS_URL that fails commands at once while disconnected
 * (no offline queue) and keeps reconnecting in the background, so readiness turns true again
 * when Redis returns.
 */
export function createRedisProbe(url: string): RedisProbe {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Connection errors surface through ping(); an unhandled 'error' event would crash the process.
  client.on('error', () => undefined);
  return {
    async ping() {
      if (client.status === 'wait' || client.status === 'end') await client.connect();
      await client.ping();
    },
    async close() {
      client.disconnect();
    },
  };
}
