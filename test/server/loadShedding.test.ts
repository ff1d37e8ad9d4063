import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { openDatabase } from '../../src/db/client.js';
import { buildServer } from '../../src/server/buildServer.js';
import { adminHeaders, testServerConfig } from '../support/auth.js';
import { createTestDatabase, testBackends } from '../support/database.js';

describe('work in flight is bounded: excess requests get a fast 503 SERVICE_UNAVAILABLE', async () => {
  for (const backend of await testBackends()) {
    test(backend, async () => {
      const { db, dispose } = await createTestDatabase(backend);
      const app = await buildServer({ config: { ...testServerConfig, DISHUI_MAX_IN_FLIGHT: 2 }, db });
      // A route that holds its place until the test lets it go, as a slow query would.
      let open: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      let entered = 0;
      app.get('/test/hold', async () => {
        entered += 1;
        await gate;
        return { held: true };
      });
      try {
        const headers = await adminHeaders();
        const held = [1, 2].map(() => app.inject({ method: 'GET', url: '/test/hold', headers }));
        while (entered < 2) await sleep(10);

        const graphql = await app.inject({
          method: 'POST',
          url: '/graphql',
          headers,
          payload: { query: '{ regions(first: 1) { nodes { code } } }' },
        });
        assert.equal(graphql.statusCode, 503);
        assert.equal(graphql.headers['retry-after'], '1');
        const error = graphql.json().errors[0];
        assert.equal(error.extensions.code, 'SERVICE_UNAVAILABLE');
        assert.match(String(error.extensions.requestId), /.+/);
        const exported = await app.inject({ method: 'GET', url: '/export/loan-facts.csv', headers });
        assert.equal(exported.statusCode, 503);
        assert.equal(exported.json().error.code, 'SERVICE_UNAVAILABLE');
        assert.equal(entered, 2, 'a refused request never reached a handler');
        // Probes still answer: a load balancer must see the instance alive and ready.
        assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
        assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);

        open();
        for (const answer of await Promise.all(held)) assert.equal(answer.statusCode, 200);
        const after = await app.inject({
          method: 'POST',
          url: '/graphql',
          headers,
          payload: { query: '{ regions(first: 1) { nodes { code } } }' },
        });
        assert.equal(after.statusCode, 200, after.body);
      } finally {
        open();
        await app.close();
        await dispose();
      }
    });
  }
});

describe('the execution timeout covers waiting for a pool connection', async () => {
  const backends = (await testBackends()).filter((backend) => backend === 'postgres');
  for (const backend of backends) {
    test(backend, async () => {
      const database = await createTestDatabase(backend);
      const db = await openDatabase({
        DATABASE_URL: database.url,
        DATABASE_POOL_MAX: 1,
        DATABASE_POOL_IDLE_MS: 1_000,
        DATABASE_CONNECT_TIMEOUT_MS: 60_000,
        DISHUI_DATA_DIR: 'memory://',
      });
      const app = await buildServer({ config: { ...testServerConfig, DISHUI_EXECUTION_TIMEOUT_MS: 300 }, db });
      let open: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      try {
        const headers = await adminHeaders();
        // The pool's only connection is taken; the request can only wait for it.
        let taken = false;
        const holder = db.sql.withConnection(async () => {
          taken = true;
          await gate;
        });
        while (!taken) await sleep(10);
        const answer = await app.inject({
          method: 'POST',
          url: '/graphql',
          headers,
          payload: { query: '{ regions(first: 1) { nodes { code } } }' },
        });
        assert.equal(answer.statusCode, 504, answer.body);
        assert.equal(answer.json().errors[0].extensions.code, 'EXECUTION_TIMEOUT');
        open();
        await holder;
      } finally {
        open();
        await app.close();
        await db.close();
        await database.dispose();
      }
    });
  }
});
