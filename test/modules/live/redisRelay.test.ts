import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type Database, openDatabase } from '../../../src/db/client.js';
import { approveLoan } from '../../../src/modules/loans/loanLifecycle.service.js';
import { buildServer } from '../../../src/server/buildServer.js';
import { signTestToken, testServerConfig } from '../../support/auth.js';
import { createTestDatabase, type TestDatabase, testBackends } from '../../support/database.js';
import { redisAvailable, testRedisUrl } from '../../support/redis.js';
import { insertWriteFixture, officer, writeIds } from '../writes/writeFixture.js';
import { liveClient, pause, wsUrl } from './liveClient.js';

describe('subscriptions relayed over Redis pub/sub (REDIS_URL set)', async () => {
  const usable = (await testBackends()).includes('postgres') && (await redisAvailable());
  let database: TestDatabase;
  let dbB: Database;
  const apps: FastifyInstance[] = [];
  before(async () => {
    if (!usable) return;
    database = await createTestDatabase('postgres');
    await insertWriteFixture(database.db);
    dbB = await openDatabase({
      DATABASE_URL: database.url,
      DISHUI_DATA_DIR: 'memory://',
      DATABASE_POOL_MAX: 3,
      DATABASE_POOL_IDLE_MS: 1_000,
      DATABASE_CONNECT_TIMEOUT_MS: 5_000,
    });
    // A prefix of its own: other test files' instances on the same Redis hear nothing of these.
    const config = {
      ...testServerConfig,
      REDIS_URL: testRedisUrl,
      DISHUI_REDIS_PREFIX: `test-${randomBytes(4).toString('hex')}:`,
    };
    for (const db of [database.db, dbB]) apps.push(await buildServer({ config, db }));
  });
  after(async () => {
    for (const app of apps) await app.close();
    await dbB?.close();
    await database?.dispose();
  });

  test('a write on instance A reaches a subscriber on B once: each instance relays only its own writes', {
    skip: !usable,
  }, async () => {
    const [appA, appB] = apps as [FastifyInstance, FastifyInstance];
    await wsUrl(appA);
    const client = liveClient(await wsUrl(appB), { authorization: `Bearer ${await signTestToken()}` });
    try {
      const subscription = client.subscribe('subscription { loanChanged { contractNo status } }');
      await pause(500);
      await database.db.prisma.enterpriseLoan.update({ where: { id: writeIds.loan }, data: { status: 'APPLIED' } });
      const result = await approveLoan(database.db, officer, { loanId: writeIds.loan });
      assert.deepEqual(result.userErrors, []);
      await subscription.waitFor(1, 1_000);
      await pause(500);
      assert.deepEqual(subscription.results, [
        { data: { loanChanged: { contractNo: 'FIX-LOAN', status: 'APPROVED' } } },
      ]);
    } finally {
      await client.dispose();
    }
  });
});
