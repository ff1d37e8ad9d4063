import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { applyForLoan } from '../../../src/modules/loans/loanLifecycle.service.js';
import { purgeIdempotencyKeys, scheduleIdempotencyPurge } from '../../../src/modules/writes/index.js';
import { forEachBackend } from '../../support/forEachBackend.js';
import { loanApplication } from '../loans/loanFixture.js';
import { officer, writeFixtureRows } from './writeFixture.js';

const hour = 3_600_000;

forEachBackend('expired idempotency keys are purged in bounded batches', writeFixtureRows, (fx) => {
  const keys = async () =>
    (await fx.db.sql.query<{ key: string }>(`SELECT "key" FROM "IdempotencyRecord" ORDER BY "key"`)).map(
      (row) => row.key,
    );
  const ageKeys = async (pattern: string, hours: number) =>
    fx.db.sql.query(
      `UPDATE "IdempotencyRecord" SET "createdAt" = now() - make_interval(hours => $2) WHERE "key" LIKE $1`,
      [pattern, hours],
    );

  test('a batch deletes at most its size, oldest first, and never a key within the retention', async () => {
    await fx.db.sql.exec(`DELETE FROM "IdempotencyRecord"`);
    for (const [n, age] of [
      [1, 300],
      [2, 200],
      [3, 190],
      [4, 1],
    ] as const) {
      await fx.db.sql.query(
        `INSERT INTO "IdempotencyRecord" ("actorId", "key", "operation", "inputHash", "createdAt")
         VALUES ('staff-0042', $1, 'applyForLoan', repeat('0', 64), now() - make_interval(hours => $2))`,
        [`purge-${n}`, age],
      );
    }
    const createdBefore = new Date(Date.now() - 168 * hour);
    assert.equal(await purgeIdempotencyKeys(fx.db, { createdBefore, batchSize: 2 }), 2);
    assert.deepEqual(await keys(), ['purge-3', 'purge-4']);
    assert.equal(await purgeIdempotencyKeys(fx.db, { createdBefore, batchSize: 2 }), 1);
    assert.equal(await purgeIdempotencyKeys(fx.db, { createdBefore, batchSize: 2 }), 0);
    assert.deepEqual(await keys(), ['purge-4']);
  });

  test('the background purge removes expired keys on its own; a retry after expiry runs as a new request', async () => {
    await fx.db.sql.exec(`DELETE FROM "IdempotencyRecord"`);
    const first = await applyForLoan(
      fx.db,
      officer,
      loanApplication({ contractNo: 'PURGE-1', idempotencyKey: 'purge-key-old' }),
    );
    assert.equal(first.replayed, false);
    await applyForLoan(fx.db, officer, loanApplication({ contractNo: 'PURGE-2', idempotencyKey: 'purge-key-new' }));
    await ageKeys('purge-key-old', 25);
    const purge = scheduleIdempotencyPurge(fx.db, { retentionHours: 24, everyMs: 20, batchSize: 1, maxBatches: 1 });
    try {
      for (let tries = 0; (await keys()).length > 1; tries += 1) {
        assert.ok(tries < 250, 'the purge ran within 5 s');
        await sleep(20);
      }
    } finally {
      await purge.stop();
    }
    assert.deepEqual(await keys(), ['purge-key-new']);
    // Within the retention the key still replays; after it the same call is a new request.
    const replay = await applyForLoan(
      fx.db,
      officer,
      loanApplication({ contractNo: 'PURGE-2', idempotencyKey: 'purge-key-new' }),
    );
    assert.equal(replay.replayed, true);
    const again = await applyForLoan(
      fx.db,
      officer,
      loanApplication({ contractNo: 'PURGE-1', idempotencyKey: 'purge-key-old' }),
    );
    assert.equal(again.replayed, false);
    assert.equal(again.userErrors[0]?.code, 'ALREADY_EXISTS');
  });
});
