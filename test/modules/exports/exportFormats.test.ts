import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Fastify from 'fastify';
import { exportRoutes } from '../../../src/modules/exports/exports.routes.js';
import { createTestDatabase, testBackends } from '../../support/database.js';
import { insertExportScenario } from './exportScenario.js';
import { callers } from '../auth/scopeFixture.js';

const header =
  'loanId,contractNo,product,regulatoryClass,policyRegime,financingModel,guarantee,rateType,lprTenor,lprAtPricing,spreadBps,' +
  'effectiveRate,interestSubsidyRate,repaymentMethod,contractAmount,disbursedAmount,outstandingBalance,overduePrincipal,' +
  'overdueInterest,daysPastDue,contractDate,firstDisbursementDate,maturityDate,termMonths,deferredUntil,status,riskClass,' +
  'nonPerforming,supportSector,illustrative,campaignCodes,enterpriseId,enterpriseName,enterpriseNameZh,enterpriseCreditCode,' +
  'industrySection,industryCode,enterpriseSize,leadingEnterpriseLevel,orgUnitCode,orgUnitName,orgUnitNameZh,regionCode,' +
  'regionName,regionLevel,countyCode,countyName,countyPovertyTier,prefectureCode,prefectureName,provinceCode,provinceName,' +
  'dataSource,createdAt,updatedAt\r\n';
// The borrower's Chinese name holds a comma, quotes and a line break: quoted, quotes doubled, LF kept.
const borrower = 'Bio Co.,"某生物公司, ""养猪""\n分公司",,A,,SMALL,NONE,ZZ,"Zhengzhou, ""Main"" Branch",郑州分行';
const stamps = 'SYNTHETIC,2020-04-20T08:00:00.000Z,2020-04-20T08:00:00.000Z\r\n';

describe('exports are RFC 4180 CSV and JSON Lines, byte for byte', async () => {
  for (const backend of await testBackends()) {
    test(backend, async (t) => {
      const { db, dispose } = await createTestDatabase(backend);
      const app = Fastify();
      // The routes read the caller from request.viewer, which the authentication plugin sets.
      app.addHook('onRequest', async (request) => {
        request.viewer = callers.admin;
      });
      try {
        await insertExportScenario(db);
        await app.register(exportRoutes, { db, pageSize: 1 });
        const [first, second] = await db.prisma.enterpriseLoan.findMany({ orderBy: { id: 'asc' } });
        const firm = first!.enterpriseId;
        const expectedCsv =
          header +
          `${first!.id},YX-2020-001,PROJECT,INDUSTRY,TARGETED_2016_2020,BANK_LEADING_ENTERPRISE_FARMER,CREDIT,FLOATING,ONE_YEAR,0.038500,-10,` +
          `0.037500,,,12000000.00,10000000.50,9876543.21,0.10,,,2020-03-02,2020-03-10,2023-03-02,36,,DISBURSED,SUBSTANDARD,` +
          `true,AGRICULTURE,false,BHJWQ;GYPHX,${firm},${borrower},410422,叶县,COUNTY,410422,叶县,PROVINCIAL,4104,平顶山市,41,河南省,${stamps}` +
          `${second!.id},YX-2020-002,WORKING_CAPITAL,NONE,TRANSITION_2021_2025,,,,,,,,,,,,,,,,,,,,,APPLIED,,false,,false,,${firm},${borrower},` +
          `,,,,,,,,,,${stamps}`;

        await t.test('loan facts as CSV, read one row per page', async () => {
          const response = await app.inject({ method: 'GET', url: '/export/loan-facts.csv' });
          assert.equal(response.statusCode, 200);
          assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8; header=present');
          assert.match(
            String(response.headers['content-disposition']),
            /^attachment; filename="loan-facts-\d{4}-\d{2}-\d{2}\.csv"$/,
          );
          assert.equal(response.body, expectedCsv);
        });

        await t.test('bom=true starts the file with the UTF-8 byte order mark', async () => {
          const response = await app.inject({ method: 'GET', url: '/export/loan-facts.csv?bom=true' });
          assert.deepEqual(response.rawPayload.subarray(0, 3), Buffer.from([0xef, 0xbb, 0xbf]));
          assert.equal(response.rawPayload.subarray(3).toString('utf8'), expectedCsv);
        });

        await t.test('the where filter narrows the rows as the connections do', async () => {
          const where = encodeURIComponent(
            JSON.stringify({ inRegion: '4104', campaigns: { some: { code: { eq: 'GYPHX' } } } }),
          );
          const response = await app.inject({ method: 'GET', url: `/export/loan-facts.csv?where=${where}` });
          assert.equal(response.body, `${expectedCsv.split('\r\n').slice(0, 2).join('\r\n')}\r\n`);
          const none = await app.inject({
            method: 'GET',
            url: `/export/loan-facts.csv?updatedSince=2020-04-20T08:00:00.001Z`,
          });
          assert.equal(none.body, header);
        });

        await t.test('impact facts as JSON Lines keep decimals as strings and nulls', async () => {
          const response = await app.inject({ method: 'GET', url: '/export/impact-facts.jsonl' });
          assert.equal(response.headers['content-type'], 'application/x-ndjson; charset=utf-8');
          const lines = response.body.split('\n');
          assert.equal(lines.length, 2);
          assert.equal(lines[1], '');
          const row = JSON.parse(lines[0]!);
          assert.equal(Object.keys(row)[0], 'impactId');
          assert.equal(row.loanId, first!.id);
          assert.equal(row.poorEmployeeShare, '0.3000');
          assert.equal(row.peopleDriven, 10000);
          assert.equal(row.qualifier, '超');
          assert.equal(row.approximate, true);
          assert.equal(row.incomeIncrease, null);
          assert.equal(row.countyName, '叶县');
          assert.equal(row.periodStart, '2020-01-01');
        });
      } finally {
        await app.close();
        await dispose();
      }
    });
  }
});
