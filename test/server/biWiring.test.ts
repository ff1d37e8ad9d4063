import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedArticle } from '../../src/db/seeds/article/index.js';
import { buildServer } from '../../src/server/buildServer.js';
import { adminHeaders, testServerConfig } from '../support/auth.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/database.js';

for (const backend of await testBackends()) {
  describe(`BI through the gateway on ${backend}`, () => {
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

    test('loanStatistics by county counts the article loans where their counties are', async () => {
      const response = await app.inject({
        headers: await adminHeaders(),
        method: 'POST',
        url: '/graphql',
        payload: { query: '{ loanStatistics(groupBy: [COUNTY]) { groups { key { countyCode } loanCount } } }' },
      });
      const groups = response.json().data.loanStatistics.groups as {
        key: { countyCode: string | null };
        loanCount: number;
      }[];
      const byCounty = Object.fromEntries(groups.map((g) => [g.key.countyCode ?? 'none', g.loanCount]));
      // Loan A is booked in 若羌县, C in 叶县; B's county is not in the article.
      assert.deepEqual(byCounty, { '410422': 1, '652824': 1, none: 1 });
    });

    test('the loan-facts CSV export is served with a header row and one line per loan', async () => {
      const response = await app.inject({
        headers: await adminHeaders(),
        method: 'GET',
        url: '/export/loan-facts.csv',
      });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-disposition']), /attachment; filename="?loan-facts/);
      const lines = response.body.trimEnd().split('\r\n');
      assert.equal(lines.length, 1 + 3);
      assert.ok(lines[0]!.startsWith('loanId,contractNo,'));
    });

    test('a malformed where on an export URL is a 400 naming the argument', async () => {
      const response = await app.inject({
        headers: await adminHeaders(),
        method: 'GET',
        url: '/export/loan-facts.csv?where=%7Bnope',
      });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().error.code, 'BAD_USER_INPUT');
      assert.equal(response.json().error.argument, 'where');
    });
  });
}
