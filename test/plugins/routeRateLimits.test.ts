import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { buildServer } from '../../src/server/buildServer.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { adminHeaders, bearerHeaders, testServerConfig } from '../support/auth.js';
import { deleteRedisKeys, redisAvailable, testRedisUrl } from '../support/redis.js';
import { countingDatabase } from '../modules/exports/countingDatabase.js';

// The rate-limit store is not the database: one backend proves the charge.
let database: TestDatabase;
before(async () => {
  database = await createTestDatabase('pglite');
});
after(() => database.dispose());

const budget = { DISHUI_MAX_COST: 1000, DISHUI_RATE_LIMIT_POINTS: 1000, DISHUI_RATE_LIMIT_WINDOW_MS: 60_000 };

describe("the export and import routes spend a fixed cost from the caller's rate-limit budget", () => {
  test('a budget for three exports refuses the fourth with 429 RATE_LIMITED and Retry-After, reading nothing', async () => {
    const { db, statements } = countingDatabase(database.db);
    const app = await buildServer({ config: { ...testServerConfig, ...budget, DISHUI_EXPORT_COST: 300 }, db });
    try {
      const headers = await adminHeaders();
      for (let i = 0; i < 3; i++) {
        const response = await app.inject({ method: 'GET', url: '/export/loan-facts.csv', headers });
        assert.equal(response.statusCode, 200, response.body);
      }
      const before = statements.count;
      const refused = await app.inject({ method: 'GET', url: '/export/loan-facts.csv', headers });
      assert.equal(refused.statusCode, 429, refused.body);
      assert.equal(statements.count, before, 'the refused export ran no statement');
      const retryAfter = Number(refused.headers['retry-after']);
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      const { error } = refused.json();
      assert.equal(error.code, 'RATE_LIMITED');
      assert.equal(error.retryAfterSeconds, retryAfter);
      assert.deepEqual([error.cost, error.limit, error.windowMs], [300, 1000, 60_000]);
      assert.match(error.message, /costs 300 of your 1000 points/);
      // The budget is the caller's: another user still exports.
      const other = await app.inject({
        method: 'GET',
        url: '/export/impact-facts.jsonl',
        headers: await bearerHeaders({ sub: 'admin-2', roles: ['ADMIN'] }),
      });
      assert.equal(other.statusCode, 200, other.body);
      // The GraphQL route spends from the same budget: 100 points left, a query costing 301 does not fit.
      const query = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers,
        payload: { query: '{ regions(first: 300) { nodes { code } } }' },
      });
      assert.equal(query.statusCode, 429, query.body);
    } finally {
      await app.close();
    }
  });

  test('imports are charged too, and every instance sharing Redis enforces one budget', async (t) => {
    if (!(await redisAvailable())) return t.skip('Redis unreachable');
    const probe = new Redis(testRedisUrl);
    const prefix = `dishui-test-${randomBytes(4).toString('hex')}:`;
    const config = {
      ...testServerConfig,
      ...budget,
      DISHUI_IMPORT_COST: 400,
      REDIS_URL: testRedisUrl,
      DISHUI_REDIS_PREFIX: prefix,
    };
    const first = await buildServer({ config, db: database.db });
    const second = await buildServer({ config, db: database.db });
    try {
      const headers = { ...(await adminHeaders()), 'content-type': 'text/csv' };
      // A header-only file: read, nothing to write.
      const upload = (app: typeof first) =>
        app.inject({ method: 'POST', url: '/import/villages', headers, payload: 'code,name\n' });
      assert.notEqual((await upload(first)).statusCode, 429);
      assert.notEqual((await upload(second)).statusCode, 429);
      const refused = await upload(first);
      assert.equal(refused.statusCode, 429, refused.body);
      assert.ok(Number(refused.headers['retry-after']) >= 1);
      assert.equal(refused.json().error.code, 'RATE_LIMITED');
      assert.equal(refused.json().error.cost, 400);
      assert.equal(await probe.get(`${prefix}ratelimit:user:test-admin`), '800');
    } finally {
      await deleteRedisKeys(probe, prefix);
      probe.disconnect();
      await first.close();
      await second.close();
    }
  });
});
