import type { Database } from '../../db/client.js';

/** Options of {@link purgeIdempotencyKeys}. */
export interface IdempotencyPurgeBatch {
  /** Keys created before this instant are deleted. */
  createdBefore: Date;
  /** Most keys one statement deletes, so a purge never holds many row locks at once. */
  batchSize: number;
}

/**
 * Deletes at most `batchSize` idempotency keys created before `createdBefore`, oldest first, in
 * one statement; returns how many it deleted. A retry with a purged key runs as a new request.
 * @throws the driver's error when the statement fails.
 */
export async function purgeIdempotencyKeys(db: Database, batch: IdempotencyPurgeBatch): Promise<number> {
  if (!Number.isInteger(batch.batchSize) || batch.batchSize < 1)
    throw new Error(`purgeIdempotencyKeys: batchSize must be a positive integer, got ${batch.batchSize}`);
  const deleted = await db.sql.query<{ key: string }>(
    `DELETE FROM "IdempotencyRecord" WHERE ("actorId", "key") IN (
       SELECT "actorId", "key" FROM "IdempotencyRecord" WHERE "createdAt" < $1::timestamptz
       ORDER BY "createdAt" LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING "key"`,
    [batch.createdBefore.toISOString(), batch.batchSize],
  );
  return deleted.length;
}

/** Options of {@link scheduleIdempotencyPurge}. */
export interface IdempotencyPurgeSchedule {
  /** How long a key is kept (DISHUI_IDEMPOTENCY_RETENTION_HOURS). */
  retentionHours: number;
  /** Time between purges. Defaults to 10 minutes. */
  everyMs?: number;
  /** Keys per statement. Defaults to 1,000. */
  batchSize?: number;
  /** Statements per purge at most, so one purge is bounded too. Defaults to 20. */
  maxBatches?: number;
  /** The clock; tests move it. */
  now?: () => Date;
  /** Where a failed purge is reported; the next one tries again. */
  log?: (message: string, error: unknown) => void;
}

/**
 * Purges expired idempotency keys in the background: every `everyMs`, up to `maxBatches`
 * batches of {@link purgeIdempotencyKeys}. The timer is unref'd (it never keeps the process
 * alive) and a purge never overlaps the previous one. Several instances may purge at once: rows
 * another instance is deleting are skipped. Returns how to stop it.
 */
export function scheduleIdempotencyPurge(db: Database, schedule: IdempotencyPurgeSchedule): { stop(): Promise<void> } {
  const batchSize = schedule.batchSize ?? 1_000;
  const maxBatches = schedule.maxBatches ?? 20;
  const now = schedule.now ?? (() => new Date());
  let running: Promise<void> | undefined;
  const purge = async () => {
    const createdBefore = new Date(now().getTime() - schedule.retentionHours * 3_600_000);
    for (let batch = 0; batch < maxBatches; batch += 1) {
      if ((await purgeIdempotencyKeys(db, { createdBefore, batchSize })) < batchSize) return;
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = purge()
      .catch((error: unknown) => schedule.log?.('purging expired idempotency keys failed', error))
      .finally(() => {
        running = undefined;
      });
  }, schedule.everyMs ?? 600_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
