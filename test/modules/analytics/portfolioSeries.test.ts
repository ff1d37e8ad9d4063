import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { portfolioSeries } from '../../../src/modules/analytics/portfolioSeries.service.js';
import { createTestDatabase, testBackends } from '../../support/database.js';
import { insertBiScenario } from './biScenario.js';
import { canonicalKey, combinedKeys, fetchRawLoans, fromUnits, regionsByCode, roundDiv } from './bruteForce.js';
import { unrestrictedScope } from '../../../src/modules/auth/accessScope.js';

describe('portfolioSeries matches month-end snapshots summed in TypeScript', async () => {
  for (const backend of await testBackends()) {
    test(backend, async (t) => {
      const { db, dispose } = await createTestDatabase(backend);
      try {
        const scenario = await insertBiScenario(db, 80);
        const loans = new Map((await fetchRawLoans(db)).map((l) => [l.id, l]));
        const regions = await regionsByCode(db);
        const snapshots = await db.prisma.loanClassificationSnapshot.findMany();
        const months = Array.from(
          { length: 14 },
          (_, i) => `${2019 + Math.floor((11 + i) / 12)}-${String(((11 + i) % 12) + 1).padStart(2, '0')}`,
        );

        const expectedSeries = (groupBy: string[]) => {
          const groups = new Map<
            string,
            { key: Record<string, string | null>; months: Map<string, { n: number; bal: bigint; npl: bigint }> }
          >();
          for (const s of snapshots) {
            const month = s.monthEnd.toISOString().slice(0, 7);
            if (!months.includes(month)) continue;
            for (const key of combinedKeys(loans.get(s.loanId)!, groupBy, regions)) {
              const id = canonicalKey(key);
              const group = groups.get(id) ?? { key, months: new Map() };
              const point = group.months.get(month) ?? { n: 0, bal: 0n, npl: 0n };
              const cents = BigInt(s.outstandingBalance.toFixed(2).replace('.', ''));
              point.n += 1;
              point.bal += cents;
              if (['SUBSTANDARD', 'DOUBTFUL', 'LOSS'].includes(s.riskClass)) point.npl += cents;
              group.months.set(month, point);
              groups.set(id, group);
            }
          }
          return new Map(
            [...groups].map(([id, g]) => [
              id,
              months.map((month) => {
                const p = g.months.get(month) ?? { n: 0, bal: 0n, npl: 0n };
                return {
                  month,
                  loanCount: p.n,
                  outstandingBalance: fromUnits(p.bal, 2),
                  nonPerformingBalance: fromUnits(p.npl, 2),
                  nplRatio: p.bal > 0n ? fromUnits(roundDiv(p.npl * 100_000_000n, p.bal), 8) : null,
                };
              }),
            ]),
          );
        };

        for (const groupBy of [
          [],
          ['PREFECTURE'],
          ['COUNTY', 'PRODUCT'],
          ['CAMPAIGN'],
          ['CONTRACT_YEAR', 'RISK_CLASS'],
        ]) {
          await t.test(`groupBy ${groupBy.join(' × ') || '(total)'}`, async () => {
            const result = await portfolioSeries(
              db,
              { groupBy, from: new Date('2019-12-15T00:00:00Z'), to: '2021-01-01', first: 1000 },
              unrestrictedScope,
            );
            const actual = new Map(
              result.series.map((s) => [canonicalKey(s.key), s.points.map(({ monthEnd: _, ...point }) => point)]),
            );
            assert.deepEqual(actual, expectedSeries(groupBy));
            assert.equal(result.seriesCount, result.series.length);
          });
        }

        await t.test('a month without snapshots is a zero point, and months end on their last day', async () => {
          const result = await portfolioSeries(db, { from: '2020-01-01', to: '2020-12-31' }, unrestrictedScope);
          const points = result.series[0]!.points;
          assert.equal(points.length, 12);
          const june = points.find((p) => p.monthEnd === scenario.gapMonth)!;
          assert.deepEqual(june, {
            month: '2020-06',
            monthEnd: '2020-06-30',
            loanCount: 0,
            outstandingBalance: '0.00',
            nonPerformingBalance: '0.00',
            nplRatio: null,
          });
          assert.equal(points[1]!.monthEnd, '2020-02-29');
        });

        await t.test('a contradictory or missing range is BAD_USER_INPUT naming the argument', async () => {
          await assert.rejects(portfolioSeries(db, { from: '2021-01-01', to: '2020-01-01' }, unrestrictedScope), {
            extensions: { code: 'BAD_USER_INPUT', argument: 'to' },
          });
          await assert.rejects(portfolioSeries(db, { from: null, to: '2020-01-01' }, unrestrictedScope), {
            extensions: { code: 'BAD_USER_INPUT', argument: 'from' },
          });
          await assert.rejects(portfolioSeries(db, { from: '2000-01-01', to: '2030-01-01' }, unrestrictedScope), {
            extensions: { code: 'BAD_USER_INPUT', argument: 'to' },
          });
          await assert.rejects(
            portfolioSeries(db, { from: '2020-01-01', to: '2020-02-01', groupBy: ['NOPE'] }, unrestrictedScope),
            {
              extensions: { code: 'BAD_USER_INPUT', argument: 'groupBy[0]' },
            },
          );
        });
      } finally {
        await dispose();
      }
    });
  }
});
