import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { buildServer } from '../../src/server/buildServer.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { deleteRedisKeys, redisAvailable, testRedisUrl as redisUrl } from '../support/redis.js';
import { anonymousTestServerConfig } from '../support/auth.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const query = '{ regions(first: 1) { nodes { code } } }';
const persisted = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
const silent = anonymousTestServerConfig;

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase('pglite');
});
after(() => database.dispose());

describe('automatic persisted queries', () => {
  test('in memory: an unknown hash asks for the text, then the hash alone works', async () => {
    const app = await buildServer({ config: silent, db: database.db });
    try {
      const hash = sha256(query);
      const miss = await app.inject({ method: 'POST', url: '/graphql', payload: persisted(hash) });
      assert.equal(miss.json().errors[0].extensions.code, 'PERSISTED_QUERY_NOT_FOUND');
      const register = await app.inject({ method: 'POST', url: '/graphql', payload: { query, ...persisted(hash) } });
      assert.equal(register.statusCode, 200, register.body);
      const hit = await app.inject({ method: 'POST', url: '/graphql', payload: persisted(hash) });
      assert.deepEqual(hit.json(), register.json());
    } finally {
      await app.close();
    }
  });

  test('in Redis: a query registered on one instance is served by hash on another, under the prefix with a TTL', async (t) => {
    if (!(await redisAvailable())) return t.skip('Redis unreachable');
    const prefix = `dishui-test-${randomBytes(4).toString('hex')}:`;
    const config = { ...silent, REDIS_URL: redisUrl, DISHUI_REDIS_PREFIX: prefix, DISHUI_APQ_TTL_SECONDS: 120 };
    const first = await buildServer({ config, db: database.db });
    const second = await buildServer({ config, db: database.db });
    const redis = new Redis(redisUrl);
    try {
      const text = `{ regions(first: 1) { nodes { code name } } } # ${prefix}`;
      const hash = sha256(text);
      const register = await first.inject({
        method: 'POST',
        url: '/graphql',
        payload: { query: text, ...persisted(hash) },
      });
      assert.equal(register.statusCode, 200, register.body);
      // Apollo stores in the background; wait until the key is there.
      for (let i = 0; i < 50 && !(await redis.exists(`${prefix}apq:${hash}`)); i++)
        await new Promise((r) => setTimeout(r, 20));
      assert.equal(await redis.get(`${prefix}apq:${hash}`), text);
      const ttl = await redis.ttl(`${prefix}apq:${hash}`);
      assert.ok(ttl > 0 && ttl <= 120, `ttl ${ttl}`);
      const hit = await second.inject({ method: 'POST', url: '/graphql', payload: persisted(hash) });
      assert.equal(hit.statusCode, 200, hit.body);
      assert.deepEqual(hit.json(), register.json());
    } finally {
      await deleteRedisKeys(redis, prefix);
      redis.disconnect();
      await first.close();
      await second.close();
    }
  });

  test('off: a hash is answered PERSISTED_QUERY_NOT_SUPPORTED', async () => {
    const app = await buildServer({ config: { ...silent, DISHUI_PERSISTED_OPERATIONS: 'off' }, db: database.db });
    try {
      const response = await app.inject({ method: 'POST', url: '/graphql', payload: persisted(sha256(query)) });
      assert.equal(response.json().errors[0].extensions.code, 'PERSISTED_QUERY_NOT_SUPPORTED');
    } finally {
      await app.close();
    }
  });
});

describe('safelist mode', () => {
  const allowed = 'query Regions { regions(first: 1) { nodes { code } } }';
  const hash = sha256(allowed);
  let app: Awaited<ReturnType<typeof buildServer>>;
  let manifest: string;

  before(async () => {
    manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-safelist-')), 'persisted-documents.json');
    fs.writeFileSync(manifest, JSON.stringify({ [hash]: allowed }));
    app = await buildServer({
      config: { ...silent, DISHUI_PERSISTED_OPERATIONS: 'safelist', DISHUI_PERSISTED_OPERATIONS_MANIFEST: manifest },
      db: database.db,
    });
  });
  after(async () => {
    await app.close();
    fs.rmSync(path.dirname(manifest), { recursive: true });
  });

  test('accepts a manifest operation by documentId, by APQ hash (POST and GET) and by exact text', async () => {
    const byDocumentId = await app.inject({ method: 'POST', url: '/graphql', payload: { documentId: hash } });
    assert.equal(byDocumentId.statusCode, 200, byDocumentId.body);
    assert.deepEqual(byDocumentId.json(), { data: { regions: { nodes: [] } } });
    const prefixed = await app.inject({ method: 'POST', url: '/graphql', payload: { documentId: `sha256:${hash}` } });
    assert.deepEqual(prefixed.json(), byDocumentId.json());
    const byHash = await app.inject({ method: 'POST', url: '/graphql', payload: persisted(hash) });
    assert.deepEqual(byHash.json(), byDocumentId.json());
    const byGet = await app.inject({
      method: 'GET',
      url: `/graphql?extensions=${encodeURIComponent(JSON.stringify(persisted(hash).extensions))}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    assert.equal(byGet.statusCode, 200, byGet.body);
    assert.deepEqual(byGet.json(), byDocumentId.json());
    const byText = await app.inject({ method: 'POST', url: '/graphql', payload: { query: allowed } });
    assert.deepEqual(byText.json(), byDocumentId.json());
  });

  test('refuses any other operation, hash or id with OPERATION_NOT_IN_SAFELIST', async () => {
    for (const payload of [
      { query: '{ regions(first: 1) { nodes { code name } } }' },
      { query: `${allowed} ` },
      persisted(sha256('{ villages(first: 1) { nodes { code } } }')),
      { documentId: 'not-a-hash' },
      {
        query: '{ regions(first: 1) { nodes { code name } } }',
        ...persisted(sha256('{ regions(first: 1) { nodes { code name } } }')),
      },
    ]) {
      const response = await app.inject({ method: 'POST', url: '/graphql', payload });
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      assert.equal(response.json().errors[0].extensions.code, 'OPERATION_NOT_IN_SAFELIST');
    }
    const next = await app.inject({ method: 'POST', url: '/graphql', payload: { documentId: hash } });
    assert.equal(next.statusCode, 200);
  });

  test('a missing or malformed manifest stops startup with its path in the message', async () => {
    const config = {
      ...silent,
      DISHUI_PERSISTED_OPERATIONS: 'safelist' as const,
      DISHUI_PERSISTED_OPERATIONS_MANIFEST: `${manifest}.missing`,
    };
    await assert.rejects(buildServer({ config, db: database.db }), new RegExp(`${manifest}\\.missing`));
  });
});
