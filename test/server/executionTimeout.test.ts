import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.js';
import { buildServer } from '../../src/server/buildServer.js';
import { createTestDatabase, testBackends } from '../support/database.js';
import { anonymousTestServerConfig } from '../support/auth.js';

const query = { query: '{ regions(first: 1) { nodes { code } } }' };

describe('execution timeout', async () => {
  for (const backend of await testBackends()) {
    test(`${backend}: a request stuck behind the database is answered 504 EXECUTION_TIMEOUT on time, and the server keeps serving`, async () => {
      const database = await createTestDatabase(backend);
      const app = await buildServer({
        config: { ...anonymousTestServerConfig, DISHUI_EXECUTION_TIMEOUT_MS: 300 },
        db: database.db,
      });
      // Something holds the request for 1.5 s: on PostgreSQL a lock on the table the query reads.
      // PGlite runs statements synchronously in this process (a pg_sleep stops every timer too)
      // and lets other queries past an open transaction, so there a stalled hook stands in.
      let release: () => Promise<unknown>;
      if (backend === 'pglite') {
        let stalled: Promise<unknown> = Promise.resolve();
        app.addHook('preHandler', async (request) => {
          if (request.headers['x-test-stall']) {
            stalled = new Promise((resolve) => setTimeout(resolve, 1500));
            await stalled;
          }
        });
        release = () => stalled;
      } else {
        const locker = new pg.Client({ connectionString: database.url });
        await locker.connect();
        await locker.query('BEGIN; LOCK TABLE "Region" IN ACCESS EXCLUSIVE MODE');
        const timer = new Promise((resolve) => setTimeout(resolve, 1500));
        release = async () => {
          await timer;
          await locker.query('COMMIT');
          await locker.end();
        };
      }
      try {
        const started = Date.now();
        const response = await app.inject({
          method: 'POST',
          url: '/graphql',
          payload: query,
          headers: { 'x-test-stall': '1' },
        });
        const elapsed = Date.now() - started;
        assert.equal(response.statusCode, 504, response.body);
        assert.deepEqual(response.json().errors[0].extensions, { code: 'EXECUTION_TIMEOUT', maximum: 300 });
        assert.ok(elapsed < 1200, `answered after ${elapsed} ms`);
        await release();
        const next = await app.inject({ method: 'POST', url: '/graphql', payload: query });
        assert.equal(next.statusCode, 200, next.body);
      } finally {
        await app.close();
        await database.dispose();
      }
    });
  }

  test('postgres: statement_timeout cancels a statement running longer; without it the same statement finishes', async (t) => {
    if (!(await testBackends()).includes('postgres')) return t.skip('PostgreSQL unreachable');
    const database = await createTestDatabase('postgres', { migrated: false });
    const settings = {
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: 2,
      DATABASE_POOL_IDLE_MS: 1000,
      DATABASE_CONNECT_TIMEOUT_MS: 5000,
      DISHUI_DATA_DIR: 'memory://',
    };
    const limited = await openDatabase(settings, { statementTimeoutMs: 200 });
    const unlimited = await openDatabase(settings);
    try {
      await assert.rejects(limited.sql.query('SELECT pg_sleep(1)'), /statement timeout/);
      await unlimited.sql.query('SELECT pg_sleep(0.3)');
      assert.deepEqual(await limited.sql.query('SELECT 1 AS one'), [{ one: 1 }]);
    } finally {
      await limited.close();
      await unlimited.close();
      await database.dispose();
    }
  });
});
