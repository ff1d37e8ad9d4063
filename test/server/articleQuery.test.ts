import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedArticle } from '../../src/db/seeds/article/index.js';
import { buildServer } from '../../src/server/buildServer.js';
import { adminHeaders, testServerConfig } from '../support/auth.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/database.js';

for (const backend of await testBackends()) {
  describe(`serving skeleton on ${backend}`, () => {
    let database: TestDatabase;
    let app: FastifyInstance;

    before(async () => {
      database = await createTestDatabase(backend);
      await seedArticle(database.db);
      app = await buildServer({ config: testServerConfig, db: database.db });
    });
    after(async () => {
      await app?.close();
      await database?.dispose();
    });

    test('GET /healthz answers ok', async () => {
      const response = await app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), { status: 'ok' });
    });

    test("the README's example query gives the README's answer", async () => {
      const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
      const section = readme.split('## A first query')[1]!.split('\n## ')[0]!;
      const body = JSON.parse(/-d '(.+)'/.exec(section)![1]!);
      const answer = JSON.parse(/```json\n([\s\S]+?)\n```/.exec(section)![1]!);
      const response = await app.inject({
        headers: await adminHeaders(),
        method: 'POST',
        url: '/graphql',
        payload: body,
      });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(response.json(), answer);
    });

    test('a query over GET works too (cacheable reads)', async () => {
      const query = encodeURIComponent('{ initiatives(first: 2) { nodes { code } } }');
      const response = await app.inject({
        method: 'GET',
        url: `/graphql?query=${query}`,
        headers: { ...(await adminHeaders()), 'apollo-require-preflight': 'true' },
      });
      assert.equal(response.statusCode, 200);
      assert.equal(response.json().data.initiatives.nodes.length, 2);
    });
  });
}
