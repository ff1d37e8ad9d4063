import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loanStatistics } from '../../../src/modules/analytics/loanStatistics.service.js';
import { createTestDatabase, testBackends } from '../../support/database.js';
import { unrestrictedScope } from '../../../src/modules/auth/accessScope.js';

describe('loanStatistics rejects bad arguments with BAD_USER_INPUT naming the argument', async () => {
  for (const backend of await testBackends()) {
    test(backend, async () => {
      const { db, dispose } = await createTestDatabase(backend);
      try {
        const rejects = (args: Parameters<typeof loanStatistics>[1], argument: string) =>
          assert.rejects(
            loanStatistics(db, args, unrestrictedScope),
            (error: { extensions?: Record<string, unknown>; message: string }) => {
              assert.equal(error.extensions?.code, 'BAD_USER_INPUT');
              assert.equal(error.extensions?.argument, argument, error.message);
              return true;
            },
          );
        await rejects({ groupBy: ['COUNTY', 'DROP TABLE'] }, 'groupBy[1]');
        await rejects({ groupBy: ['COUNTY', 'COUNTY'] }, 'groupBy[1]');
        await rejects({ groupBy: ['CONTRACT_YEAR', 'CONTRACT_MONTH'] }, 'groupBy[1]');
        await rejects({ first: 10_001 }, 'first');
        await rejects({ first: 0 }, 'first');
        await rejects({ having: { loanCount: { gt: '1; DROP' } } }, 'having.loanCount.gt');
        await rejects({ having: { sumOfEverything: { gt: 1 } } }, 'having.sumOfEverything');
        await rejects({ having: { loanCount: { like: 1 } } }, 'having.loanCount.like');
        await rejects({ groupBy: ['COUNTY'], orderBy: [{ dimension: 'PRODUCT' }] }, 'orderBy[0].dimension');
        await rejects({ orderBy: [{ measure: 'NOPE' }] }, 'orderBy[0].measure');
        await rejects({ orderBy: [{}] }, 'orderBy[0]');
        await rejects({ where: { colour: { eq: 'red' } } }, 'where.colour');
        // A dimension name that is a property of every object must not slip through the whitelist.
        await rejects({ groupBy: ['constructor'] }, 'groupBy[0]');
        const total = await loanStatistics(db, {}, unrestrictedScope);
        assert.equal(total.groups[0]!.loanCount, 0, 'an empty database still gives one total row');
        assert.equal(total.groups[0]!.averageRate, null);
      } finally {
        await dispose();
      }
    });
  }
});
