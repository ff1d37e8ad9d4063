import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildServer } from '../../src/server/buildServer.js';
import { testServerConfig } from '../support/auth.js';
import { createTestDatabase, testBackends } from '../support/database.js';

for (const backend of await testBackends()) {
  describe(`readiness on ${backend}`, () => {
    test('/readyz is 503 with the pending migrations listed until the database is migrated, then 200', async () => {
      const database = await createTestDatabase(backend, { migrated: false });
      const app = await buildServer({ config: testServerConfig, db: database.db });
      try {
        const before = await app.inject({ method: 'GET', url: '/readyz' });
        assert.equal(before.statusCode, 503);
        assert.equal(before.json().database, 'ok');
        assert.ok(before.json().pendingMigrations.includes('20261127000000_init'));
        const { migrate } = await import('../../src/db/migrator.js');
        await migrate(database.db);
        const after = await app.inject({ method: 'GET', url: '/readyz' });
        assert.equal(after.statusCode, 200);
        assert.deepEqual(after.json(), { ready: true, database: 'ok', pendingMigrations: [] });
      } finally {
        await app.close();
        await database.dispose();
      }
    });
  });
}

test('/readyz is 503 "unreachable" when the database is gone, and the process keeps serving', async () => {
  const backends = await testBackends();
  if (!backends.includes('postgres')) return;
  const database = await createTestDatabase('postgres');
  const app = await buildServer({ config: testServerConfig, db: database.db });
  try {
    await database.db.close();
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(response.statusCode, 503);
    assert.equal(response.json().database, 'unreachable');
    assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
  } finally {
    await app.close();
    await database.dispose();
  }
});

describe('readiness with REDIS_URL', () => {
  test('names the Redis check: ok when Redis answers, degraded but still ready (200, within the timeout) when it does not', async () => {
    const { sparePort } = await import('../support/pgCluster.js');
    const database = await createTestDatabase('pglite');
    const up = await buildServer({
      config: {
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        REDIS_URL: process.env.DISHUI_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      },
      db: database.db,
    });
    const down = await buildServer({
      config: { LOG_LEVEL: 'silent', NODE_ENV: 'test', REDIS_URL: `redis://127.0.0.1:${await sparePort()}` },
      db: database.db,
    });
    try {
      const ok = await up.inject({ method: 'GET', url: '/readyz' });
      assert.deepEqual(
        [ok.statusCode, ok.json()],
        [200, { ready: true, database: 'ok', pendingMigrations: [], redis: 'ok' }],
      );
      const started = Date.now();
      const unreachable = await down.inject({ method: 'GET', url: '/readyz' });
      assert.ok(Date.now() - started < 2_500);
      assert.deepEqual(
        [unreachable.statusCode, unreachable.json()],
        [200, { ready: true, database: 'ok', pendingMigrations: [], redis: 'degraded' }],
      );
    } finally {
      await up.close();
      await down.close();
      await database.dispose();
    }
  });
});
