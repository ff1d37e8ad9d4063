import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loanDimensions } from '../../../src/modules/analytics/loanDimensions.js';
import { loanStatistics } from '../../../src/modules/analytics/loanStatistics.service.js';
import { createTestDatabase, testBackends } from '../../support/database.js';
import { insertBiScenario } from './biScenario.js';
import { bruteForceGroups, canonicalKey, fetchRawLoans, regionsByCode } from './bruteForce.js';
import { unrestrictedScope } from '../../../src/modules/auth/accessScope.js';

/** The service's groups keyed like the brute force, keys trimmed to the grouped fields. */
function byKey(
  groups: Array<Record<string, unknown> & { key: Record<string, string | null> }>,
): Map<string, Record<string, unknown>> {
  return new Map(groups.map(({ key, ...measures }) => [canonicalKey(key), { key, ...measures }]));
}

describe('loanStatistics matches a brute-force computation over the same loans', async () => {
  for (const backend of await testBackends()) {
    test(backend, async (t) => {
      const { db, dispose } = await createTestDatabase(backend);
      try {
        await insertBiScenario(db, 160);
        const loans = await fetchRawLoans(db);
        const regions = await regionsByCode(db);
        const check = async (
          groupBy: string[],
          args: Record<string, unknown> = {},
          filter = (_: (typeof loans)[number]) => true,
        ) => {
          const result = await loanStatistics(db, { groupBy, first: 10_000, ...args }, unrestrictedScope);
          const expected = bruteForceGroups(loans.filter(filter), groupBy, regions);
          const actual = byKey(result.groups);
          assert.deepEqual(actual, expected, `groupBy ${groupBy.join(' × ') || '(total)'}`);
          assert.equal(result.groupCount, expected.size);
          return result;
        };

        await t.test('no groupBy gives one total over every loan', async () => {
          const result = await check([]);
          assert.equal(result.groups.length, 1);
          assert.equal(result.groups[0]!.loanCount, 160);
        });

        await t.test('every dimension and time bucket on its own', async () => {
          for (const dimension of Object.keys(loanDimensions)) await check([dimension]);
        });

        await t.test('combinations of dimensions', async () => {
          await check(['COUNTY', 'DISBURSEMENT_MONTH']);
          await check(['PROVINCE', 'RISK_CLASS', 'CONTRACT_WEEK']);
          await check(['CAMPAIGN', 'PRODUCT', 'ENTERPRISE_SIZE']);
          await check(['PREFECTURE', 'COUNTY_POVERTY_TIER', 'ORG_UNIT', 'DISBURSEMENT_QUARTER']);
        });

        await t.test('a campaign group counts each loan once per campaign', async () => {
          const result = await check(['CAMPAIGN']);
          const links = loans.reduce((n, l) => n + Math.max(1, l.campaigns.length), 0);
          assert.equal(
            result.groups.reduce((n, g) => n + (g.loanCount as number), 0),
            links,
          );
          assert.ok(links > loans.length, 'the scenario has loans under two campaigns');
        });

        await t.test('the where filter is the connections filter, region subtree included', async () => {
          const statuses = ['DISBURSED', 'OVERDUE'];
          await check(['COUNTY', 'STATUS'], { where: { inRegion: '41', status: { in: statuses } } }, (l) =>
            Boolean(l.region?.code.startsWith('41') && statuses.includes(l.status)),
          );
          await check(['CAMPAIGN'], { where: { campaigns: { some: { code: { eq: 'GYPHX' } } } } }, (l) =>
            l.campaigns.some((c) => c.campaign.code === 'GYPHX'),
          );
        });

        await t.test('having keeps only the groups whose measures pass', async () => {
          const having = { loanCount: { gte: 3 }, nplRatio: { gt: '0.2' } };
          const result = await loanStatistics(
            db,
            { groupBy: ['COUNTY', 'PRODUCT'], having, first: 10_000 },
            unrestrictedScope,
          );
          const expected = [...bruteForceGroups(loans, ['COUNTY', 'PRODUCT'], regions)].filter(
            ([, g]) => (g.loanCount as number) >= 3 && g.nplRatio !== null && Number(g.nplRatio) > 0.2,
          );
          assert.ok(
            expected.length > 0 && expected.length < bruteForceGroups(loans, ['COUNTY', 'PRODUCT'], regions).size,
          );
          assert.deepEqual(byKey(result.groups), new Map(expected));
        });

        await t.test('measures limits the computed measures and leaves the others unchanged', async () => {
          const full = await loanStatistics(db, { groupBy: ['PROVINCE', 'PRODUCT'] }, unrestrictedScope);
          const some = await loanStatistics(
            db,
            { groupBy: ['PROVINCE', 'PRODUCT'], measures: ['outstandingBalance', 'nplRatio'] },
            unrestrictedScope,
          );
          assert.deepEqual(
            some.groups,
            full.groups.map((g) => ({ key: g.key, outstandingBalance: g.outstandingBalance, nplRatio: g.nplRatio })),
          );
        });

        await t.test('orderBy a measure, then first cuts the list but groupCount does not', async () => {
          const all = await loanStatistics(
            db,
            { groupBy: ['COUNTY', 'STATUS'], orderBy: [{ measure: 'OUTSTANDING_BALANCE', direction: 'DESC' }] },
            unrestrictedScope,
          );
          const balances = all.groups.map((g) => Number(g.outstandingBalance));
          assert.deepEqual(
            balances,
            [...balances].sort((a, b) => b - a),
          );
          const top = await loanStatistics(
            db,
            {
              groupBy: ['COUNTY', 'STATUS'],
              orderBy: [{ measure: 'OUTSTANDING_BALANCE', direction: 'DESC' }],
              first: 3,
            },
            unrestrictedScope,
          );
          assert.deepEqual(top.groups, all.groups.slice(0, 3));
          assert.equal(top.groupCount, all.groupCount);
        });
      } finally {
        await dispose();
      }
    });
  }
});
