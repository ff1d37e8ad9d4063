import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/buildServer.js';
import { anonymousTestServerConfig } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type OwnRedis, startOwnRedis } from '../support/ownRedis.js';

const query = '{ regions(first: 2) { nodes { code } } }';
const sha256 = createHash('sha256').update(query).digest('hex');
const persisted = { persistedQuery: { version: 1, sha256Hash: sha256 } };

describe('a hung Redis (SIGSTOP)', () => {
  let database: TestDatabase;
  let redis: OwnRedis;
  let app: FastifyInstance;
  const lines: string[] = [];
  before(async () => {
    database = await createTestDatabase('pglite');
    redis = await startOwnRedis();
    app = await buildServer({
      config: { ...anonymousTestServerConfig, LOG_LEVEL: 'info', REDIS_URL: redis.url },
      db: database.db,
      logStream: { write: (line: string) => void lines.push(line) },
    });
  });
  after(async () => {
    await app.close();
    await redis.stop();
    await database.dispose();
  });

  test('requests, APQ and /readyz still answer fast from memory, with a log line and a metric', {
    timeout: 60_000,
  }, async () => {
    const ask = (payload: object) => app.inject({ method: 'POST', url: '/graphql', payload });
    assert.equal((await ask({ query })).statusCode, 200, 'Redis answers first');
    redis.pause();
    try {
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const response = await ask({ query: `{ regions(first: ${i + 1}) { nodes { code } } }` });
        assert.equal(response.statusCode, 200, response.body);
        // The command timeout is 500 ms; the rest is slack for a loaded machine, far from a hang.
        assert.ok(Date.now() - started < 5_000, `answered in ${Date.now() - started} ms`);
      }
      // An APQ registered while Redis hangs is kept in memory and found by its hash alone.
      assert.equal((await ask({ query, extensions: persisted })).statusCode, 200);
      const byHash = await ask({ extensions: persisted });
      assert.equal(byHash.statusCode, 200, byHash.body);
      assert.equal(byHash.json().errors, undefined, byHash.body);

      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      assert.deepEqual([ready.statusCode, ready.json().redis], [200, 'degraded']);
      assert.ok(lines.some((line) => /Redis failed \(ratelimit\)/.test(line) && /"level":40/.test(line)));
      const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
      assert.match(metrics, /dishui_redis_fallbacks_total\{use="ratelimit"\} [1-9]/);
      assert.match(metrics, /dishui_redis_fallbacks_total\{use="apq"\} [1-9]/);
    } finally {
      redis.resume();
    }
  });
});
