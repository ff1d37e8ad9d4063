import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { buildServer } from '../../src/server/buildServer.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { deleteRedisKeys, redisAvailable, testRedisUrl as redisUrl } from '../support/redis.js';
import { anonymousTestServerConfig, bearerHeaders } from '../support/auth.js';

// Costs 1 + 300 × 1 = 301 points: three fit in a budget of 1,000, a fourth does not.
const query = '{ regions(first: 300) { nodes { code } } }';
const limits = { DISHUI_MAX_COST: 1000, DISHUI_RATE_LIMIT_POINTS: 1000, DISHUI_RATE_LIMIT_WINDOW_MS: 60_000 };

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase('pglite');
});
after(() => database.dispose());

async function build(extra: Record<string, unknown> = {}) {
  return buildServer({ config: { ...anonymousTestServerConfig, ...limits, ...extra }, db: database.db });
}

/** Asks the query; `x-test-user: NAME` in `headers` becomes a bearer token of user NAME. */
const ask = async (app: FastifyInstance, headers: Record<string, string> = {}) => {
  const { 'x-test-user': user, ...rest } = headers;
  const signedIn = user === undefined ? {} : await bearerHeaders({ roles: ['ADMIN'], sub: user });
  return app.inject({ method: 'POST', url: '/graphql', payload: { query }, headers: { ...rest, ...signedIn } });
};

describe('rate limits in cost points per caller', () => {
  test('two instances sharing Redis enforce one budget; 429 RATE_LIMITED with Retry-After', async (t) => {
    if (!(await redisAvailable())) return t.skip('Redis unreachable');
    const probe = new Redis(redisUrl);
    const prefix = `dishui-test-${randomBytes(4).toString('hex')}:`;
    const first = await build({ REDIS_URL: redisUrl, DISHUI_REDIS_PREFIX: prefix });
    const second = await build({ REDIS_URL: redisUrl, DISHUI_REDIS_PREFIX: prefix });
    try {
      for (const app of [first, second, first]) assert.equal((await ask(app)).statusCode, 200);
      const refused = await ask(second);
      assert.equal(refused.statusCode, 429, refused.body);
      const retryAfter = Number(refused.headers['retry-after']);
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      const error = refused.json().errors[0];
      assert.equal(error.extensions.code, 'RATE_LIMITED');
      assert.equal(error.extensions.retryAfterSeconds, retryAfter);
      assert.equal(error.extensions.cost, 301);
      assert.equal((await ask(first)).statusCode, 429, 'the first instance sees the same spent budget');
      // The budget is the caller's: a signed-in user is counted apart from the anonymous IP.
      assert.equal((await ask(second, { 'x-test-user': 'alice' })).statusCode, 200);
      assert.equal(await probe.get(`${prefix}ratelimit:user:alice`), '301');
      assert.equal(await probe.get(`${prefix}ratelimit:ip:127.0.0.1`), '903');
    } finally {
      await deleteRedisKeys(probe, prefix);
      probe.disconnect();
      await first.close();
      await second.close();
    }
  });

  test('without Redis each instance counts alone, and a refused query spends nothing', async () => {
    const app = await build();
    const other = await build();
    try {
      for (let i = 0; i < 3; i++) assert.equal((await ask(app)).statusCode, 200);
      assert.equal((await ask(app)).statusCode, 429);
      // A small query still fits the 97 points left: refusals did not spend.
      const small = await app.inject({
        method: 'POST',
        url: '/graphql',
        payload: { query: '{ regions(first: 90) { nodes { code } } }' },
      });
      assert.equal(small.statusCode, 200, small.body);
      assert.equal((await ask(other)).statusCode, 200);
    } finally {
      await app.close();
      await other.close();
    }
  });

  test('behind a trusted proxy each client address has its own budget', async () => {
    const app = await build({ DISHUI_TRUST_PROXY: true });
    try {
      const from = (address: string) => ask(app, { 'x-forwarded-for': address });
      for (let i = 0; i < 3; i++) assert.equal((await from('203.0.113.7')).statusCode, 200);
      assert.equal((await from('203.0.113.7')).statusCode, 429);
      assert.equal((await from('198.51.100.9')).statusCode, 200);
    } finally {
      await app.close();
    }
  });
});
