import { reportRedisFallback } from '../observability/telemetry.js';

/** How long a Redis call may take before this instance stops waiting for it (ioredis commandTimeout). */
export const REDIS_COMMAND_TIMEOUT_MS = 500;
// After a failure Redis is skipped for this long: a hung Redis must cost one timeout, not one per request.
const COOLDOWN_MS = 5_000;

/** Runs Redis calls with a fallback to this instance's memory while Redis is slow or down. */
export interface RedisFallback {
  /**
   * Resolves with `call()`'s result, or with `fallback()`'s when the call fails (ioredis rejects
   * it after its command timeout) or Redis failed within the last
   * few seconds. `use` names the caller in the log line and the metric.
   */
  run<T>(use: string, call: () => Promise<T>, fallback: () => Promise<T>): Promise<T>;
}

/**
 * A fallback that logs one warning when Redis starts failing (and one info line when it answers
 * again), and counts every call answered from memory in `dishui_redis_fallbacks_total{use}`.
 */
export function redisFallback(
  log: { warn(message: string, error: unknown): void; info(message: string): void },
  now: () => number = Date.now,
): RedisFallback {
  let failedAt: number | undefined;
  return {
    async run(use, call, fallback) {
      if (failedAt !== undefined && now() - failedAt < COOLDOWN_MS) {
        reportRedisFallback(use);
        return fallback();
      }
      try {
        const result = await call();
        if (failedAt !== undefined) log.info('Redis answers again; rate limits and APQ use it again');
        failedAt = undefined;
        return result;
      } catch (error) {
        if (failedAt === undefined) {
          log.warn(`Redis failed (${use}); rate limits and APQ use this instance's memory meanwhile`, error);
        }
        failedAt = now();
        reportRedisFallback(use);
        return fallback();
      }
    },
  };
}
