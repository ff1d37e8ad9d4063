import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../src/db/client.js';
import { buildServer } from '../../../src/server/buildServer.js';
import { bearerHeaders, testServerConfig } from '../../support/auth.js';
import { forEachBackend } from '../../support/forEachBackend.js';
import { insertBiScenario } from './biScenario.js';

const admin = () => bearerHeaders({ roles: ['ADMIN'] });
const branchAnalyst = () => bearerHeaders({ roles: ['ANALYST'], orgUnit: 'ZZ-YX' });
const canonical = (body: string) => JSON.stringify(JSON.parse(body));

const measures = `loanCount borrowerCount contractAmount disbursedAmount outstandingBalance overduePrincipal
  averageRate minRate maxRate weightedAverageRate nonPerformingBalance nplRatio`;
const key = `provinceCode provinceName prefectureCode countyCode countyName countyPovertyTier orgUnitCode orgUnitNameZh
  product riskClass industrySection enterpriseSize campaignCode contractPeriod contractPeriodLabel disbursementPeriod disbursementPeriodLabel`;
const page = 'groupCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** Statistics queries over the branches the compiler takes: rollups, raw loans, filters, having, order, selection shapes. */
const queries = [
  `{ loanStatistics(groupBy: [COUNTY, DISBURSEMENT_MONTH], first: 10000) { ${page} groups { key { ${key} } ${measures} } } }`,
  `{ loanStatistics(groupBy: [COUNTY, DISBURSEMENT_MONTH]) { groups { key { countyCode disbursementPeriodLabel } loanCount outstandingBalance nplRatio } } }`,
  `{ loanStatistics(groupBy: [PROVINCE]) { ${page} groups { key { provinceCode provinceName } ${measures} } } }`,
  `{ loanStatistics { groupCount pageInfo { endCursor } groups { key { countyCode } loanCount borrowerCount } } }`,
  `{ loanStatistics(groupBy: [PRODUCT, RISK_CLASS, CAMPAIGN], where: { inRegion: "41" }, orderBy: [{ measure: OUTSTANDING_BALANCE, direction: DESC }], first: 4) { ${page} groups { key { product riskClass campaignCode campaignName } ${measures} } } }`,
  `{ loanStatistics(groupBy: [ORG_UNIT, ENTERPRISE_SIZE, INDUSTRY_SECTION], having: { loanCount: { gte: 2 } }, orderBy: [{ dimension: ORG_UNIT, direction: DESC }, { measure: NPL_RATIO }]) { ${page} groups { key { orgUnitCode orgUnitName enterpriseSize industrySection } loanCount nplRatio weightedAverageRate } } }`,
  `{ loanStatistics(groupBy: [CONTRACT_QUARTER, STATUS], where: { outstandingBalance: { gt: "0" } }, first: 3) { ${page} groups { key { contractPeriod contractPeriodLabel status } minRate maxRate averageRate } } }`,
  `{ loanStatistics(groupBy: [PREFECTURE], having: { loanCount: { gt: 1000000 } }) { ${page} groups { loanCount } } }`,
  `query Q($by: [LoanDimension!], $skip: Boolean!) { __typename a: loanStatistics(groupBy: $by) { __typename n: groupCount groups { __typename k: key { __typename ...Where } loanCount borrowerCount @skip(if: $skip) total: contractAmount } }
    b: loanStatistics(groupBy: [POLICY_REGIME]) { groups { ... on LoanGroup { key { policyRegime } loanCount } } } }
    fragment Where on LoanGroupKey { countyCode countyName regulatoryClass }`,
  `{ impactStatistics(groupBy: [PREFECTURE, PERIOD_YEAR, MECHANISM]) { ${page} groups { key { prefectureCode prefectureName periodPeriod periodPeriodLabel period periodLabel mechanism } recordCount approximateCount reportedCount peopleDriven registeredPoorPeople registeredPoorHouseholds employeesTotal incomeIncrease } } }`,
  `{ impactStatistics(groupBy: [SUBJECT, LOAN_PRODUCT, APPROXIMATE], orderBy: [{ measure: PEOPLE_DRIVEN, direction: DESC }], first: 2) { ${page} groups { key { subject loanProduct approximate } peopleDriven incomeIncrease } } }`,
];

interface Fixture {
  db: Database;
  compiled: FastifyInstance;
  executed: FastifyInstance;
}

async function post(app: FastifyInstance, headers: Record<string, string>, query: string, variables?: object) {
  return app.inject({ method: 'POST', url: '/graphql', headers, payload: { query, variables } });
}

// Posts to both servers; the compiled one must answer the same values in the same order with one statement per root field.
async function assertSameAnswer(fx: Fixture, headers: Record<string, string>, query: string, variables?: object) {
  const before = fx.db.statements.count;
  const compiled = await post(fx.compiled, headers, query, variables);
  const statements = fx.db.statements.count - before;
  const executed = await post(fx.executed, headers, query, variables);
  assert.equal(compiled.statusCode, 200, compiled.body);
  assert.equal(canonical(compiled.body), canonical(executed.body), query);
  assert.equal(JSON.parse(compiled.body).errors, undefined, compiled.body);
  const roots = Object.keys(JSON.parse(compiled.body).data).length;
  assert.equal(statements, roots, `one statement per root field: ${query}`);
  assert.match(compiled.body, /" : /, `the answer is PostgreSQL’s JSON text: ${compiled.body.slice(0, 300)}`);
  return JSON.parse(compiled.body).data;
}

forEachBackend(
  'statistics compile to one statement answering what execution answers',
  async ({ db }) => {
    await insertBiScenario(db, 160);
    const compiled = await buildServer({ config: testServerConfig, db });
    const executed = await buildServer({ config: testServerConfig, db, compiledReads: false });
    const close = async () => {
      await compiled.close();
      await executed.close();
    };
    return { db, compiled, executed, close };
  },
  (fx) => {
    test('every query, for a bank-wide admin and for a branch analyst', async () => {
      for (const headers of [await admin(), await branchAnalyst()]) {
        // The first request of a token looks its org unit up (through Prisma, which counts too).
        await post(fx.compiled, headers, '{ __typename }');
        for (const query of queries) await assertSameAnswer(fx, headers, query, { by: ['COUNTY'], skip: true });
      }
    });

    const orders: [title: string, order: string][] = [
      ['by loan count', ', orderBy: [{ measure: LOAN_COUNT, direction: DESC }]'],
      ['by the keys', ''],
      ['by campaign descending, from the loans', ', orderBy: [{ dimension: CAMPAIGN, direction: DESC }]'],
    ];
    for (const [title, order] of orders) {
      test(`paging through every group ${title} with the cursors of the compiled answers`, async () => {
        const headers = await admin();
        const groupBy = title.includes('campaign') ? '[CAMPAIGN, PRODUCT]' : '[COUNTY, DISBURSEMENT_MONTH]';
        let after: string | null = null;
        let groups = 0;
        for (let i = 0; i < 100; i++) {
          const query: string = `query P($after: String) { loanStatistics(groupBy: ${groupBy}, first: 7, after: $after${order}) { ${page} groups { key { countyCode disbursementPeriod campaignCode product } loanCount } } }`;
          const data = await assertSameAnswer(fx, headers, query, { after });
          groups += data.loanStatistics.groups.length;
          if (!data.loanStatistics.pageInfo.hasNextPage) {
            assert.equal(groups, data.loanStatistics.groupCount);
            assert.ok(i > 1, 'more than two pages');
            // A page past the last group still counts every group.
            await assertSameAnswer(fx, headers, query, { after: data.loanStatistics.pageInfo.endCursor });
            return;
          }
          after = data.loanStatistics.pageInfo.endCursor;
        }
        assert.fail('pages never ended');
      });
    }

    test('borrowers by county and month come from the rollup once every cell is a county, inside the same statement', async () => {
      const headers = await admin();
      const query = `{ loanStatistics(groupBy: [COUNTY, DISBURSEMENT_MONTH]) { groups { key { countyCode disbursementPeriod } loanCount borrowerCount } } }`;
      // The scenario's Hami loans sit on a prefecture: borrowers are then read from the loans.
      const mixed = await assertSameAnswer(fx, headers, query);
      const [county] = await fx.db.sql.query<{ id: number }>(`SELECT id FROM "Region" WHERE code = '652824'`);
      await fx.db.sql.query(
        `UPDATE "EnterpriseLoan" SET "regionId" = $1 WHERE "regionId" IN (SELECT id FROM "Region" WHERE level <> 'COUNTY')`,
        [county!.id],
      );
      const counties = await assertSameAnswer(fx, headers, query);
      assert.notEqual(JSON.stringify(mixed), JSON.stringify(counties), 'the update moved loans between groups');
    });

    test('a query the executed path refuses is executed, with its error', async () => {
      const headers = await admin();
      for (const query of [
        '{ loanStatistics(groupBy: [COUNTY, COUNTY]) { groupCount } }',
        '{ loanStatistics(first: 0) { groupCount } }',
        '{ loanStatistics(after: "bm9wZQ") { groupCount } }',
      ]) {
        const compiled = await post(fx.compiled, headers, query);
        const executed = await post(fx.executed, headers, query);
        assert.equal(compiled.body, executed.body);
        assert.equal(JSON.parse(compiled.body).errors[0].extensions.code, 'BAD_USER_INPUT');
      }
    });
  },
);
