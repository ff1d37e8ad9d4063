import assert from 'node:assert/strict';
import { test } from 'node:test';
import { impactStatistics } from '../../../src/modules/analytics/impactStatistics.service.js';
import { initiativeStatistics } from '../../../src/modules/analytics/initiativeStatistics.service.js';
import { loanStatistics } from '../../../src/modules/analytics/loanStatistics.service.js';
import type { StatisticsArgs } from '../../../src/modules/analytics/runStatistics.js';
import { unrestrictedScope } from '../../../src/modules/auth/accessScope.js';
import type { Database } from '../../../src/db/client.js';
import { forEachBackend } from '../../support/forEachBackend.js';
import { insertBiScenario } from './biScenario.js';

type Statistics = (
  db: Database,
  args: StatisticsArgs,
  scope: typeof unrestrictedScope,
) => Promise<{
  groups: unknown[];
  groupCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}>;

/** Every page of `args` read with `after` = the previous endCursor, `size` groups at a time. */
async function allPages(db: Database, statistics: Statistics, args: StatisticsArgs, size: number) {
  const groups: unknown[] = [];
  const counts: number[] = [];
  let after: string | null = null;
  for (let page = 0; page < 1_000; page++) {
    const result = await statistics(db, { ...args, first: size, after }, unrestrictedScope);
    groups.push(...result.groups);
    counts.push(result.groupCount);
    assert.equal(result.pageInfo.hasPreviousPage, after !== null);
    if (!result.pageInfo.hasNextPage) return { groups, counts };
    assert.equal(result.groups.length, size, 'a page before the last is full');
    after = result.pageInfo.endCursor;
  }
  throw new Error('pages never ended');
}

forEachBackend(
  'statistics pages: keyset pagination over groups',
  async ({ db }) => {
    await insertBiScenario(db, 160);
    return {};
  },
  (fx) => {
    const cases: Array<[string, Statistics, StatisticsArgs]> = [
      ['loans by county × disbursement month', loanStatistics, { groupBy: ['COUNTY', 'DISBURSEMENT_MONTH'] }],
      // Campaign and risk class have a null group; orderBy a measure descending puts ties and nulls in the keyset.
      [
        'loans by campaign × risk class, by loan count descending',
        loanStatistics,
        { groupBy: ['CAMPAIGN', 'RISK_CLASS'], orderBy: [{ measure: 'LOAN_COUNT', direction: 'DESC' }] },
      ],
      // By the keys alone a page after a cursor groups only the rows past it: null groups sort last.
      ['loans by campaign × risk class, by the keys', loanStatistics, { groupBy: ['CAMPAIGN', 'RISK_CLASS'] }],
      [
        'loans by org unit descending × enterprise size, from the loans',
        loanStatistics,
        { groupBy: ['ORG_UNIT', 'ENTERPRISE_SIZE'], orderBy: [{ dimension: 'ORG_UNIT', direction: 'DESC' }] },
      ],
      [
        'loans by product, by weighted rate (null for some groups) ascending',
        loanStatistics,
        {
          groupBy: ['PRODUCT', 'STATUS'],
          orderBy: [{ measure: 'WEIGHTED_AVERAGE_RATE' }],
          rollups: false,
        } as StatisticsArgs,
      ],
      [
        'loans by disbursement quarter descending',
        loanStatistics,
        {
          groupBy: ['DISBURSEMENT_QUARTER', 'PROVINCE'],
          orderBy: [{ dimension: 'DISBURSEMENT_QUARTER', direction: 'DESC' }],
        },
      ],
      ['impact records by county × mechanism', impactStatistics, { groupBy: ['COUNTY', 'MECHANISM'] }],
      [
        'initiatives by category × status × start month',
        initiativeStatistics,
        { groupBy: ['CATEGORY', 'STATUS', 'START_MONTH'] },
      ],
    ];
    for (const [title, statistics, args] of cases) {
      test(`${title}: the pages joined are the one long answer, each page counting every group`, async () => {
        const whole = await statistics(fx.db, { ...args, first: 10_000 }, unrestrictedScope);
        assert.ok(whole.groupCount > 2, `the scenario has groups to page (${whole.groupCount})`);
        assert.equal(whole.pageInfo.hasNextPage, false);
        for (const size of [1, 2, 5]) {
          const { groups, counts } = await allPages(fx.db, statistics, args, size);
          assert.deepEqual(groups, whole.groups, `pages of ${size}`);
          assert.ok(counts.every((n) => n === whole.groupCount));
        }
      });
    }

    test('the last page says no page follows; a page past it is empty and still counts the groups', async () => {
      const args = { groupBy: ['PROVINCE'] };
      const whole = await loanStatistics(fx.db, { ...args, first: 10_000 }, unrestrictedScope);
      const last = await loanStatistics(fx.db, { ...args, first: whole.groupCount }, unrestrictedScope);
      assert.equal(last.pageInfo.hasNextPage, false);
      const past = await loanStatistics(
        fx.db,
        { ...args, first: 10, after: last.pageInfo.endCursor },
        unrestrictedScope,
      );
      assert.deepEqual(past.groups, []);
      assert.equal(past.groupCount, whole.groupCount);
      assert.deepEqual(past.pageInfo, {
        hasNextPage: false,
        hasPreviousPage: true,
        startCursor: null,
        endCursor: null,
      });
    });

    test('a cursor from another grouping or ordering, or not a cursor, is refused naming after', async () => {
      const page = await loanStatistics(fx.db, { groupBy: ['PROVINCE'], first: 1 }, unrestrictedScope);
      const cursor = page.pageInfo.endCursor!;
      const refuse = (args: StatisticsArgs, pattern: RegExp) =>
        assert.rejects(
          loanStatistics(fx.db, { ...args, after: cursor }, unrestrictedScope),
          (
            error: Error & {
              extensions?: Record<string, unknown>;
            },
          ) => {
            assert.equal(error.extensions?.code, 'BAD_USER_INPUT');
            assert.equal(error.extensions?.argument, 'after');
            assert.match(error.message, pattern);
            return true;
          },
        );
      await refuse({ groupBy: ['PREFECTURE'] }, /another connection or ordering/);
      await refuse(
        { groupBy: ['PROVINCE'], orderBy: [{ measure: 'LOAN_COUNT' }] },
        /another connection or ordering|not a cursor/,
      );
      await assert.rejects(
        impactStatistics(fx.db, { groupBy: ['PROVINCE'], after: cursor }, unrestrictedScope),
        /another connection or ordering/,
      );
      await assert.rejects(
        loanStatistics(fx.db, { groupBy: ['PROVINCE'], after: 'bm9wZQ' }, unrestrictedScope),
        /not a cursor/,
      );
    });
  },
);
