import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../../src/db/client.js';
import {
  applyForLoan,
  approveLoan,
  rejectLoan,
  writeOffLoan,
} from '../../../src/modules/loans/loanLifecycle.service.js';
import { disburseLoan, recordRepayment } from '../../../src/modules/loans/loanMoney.service.js';
import { classifyLoan, deferLoan, recordImpact } from '../../../src/modules/loans/loanServicing.service.js';
import type { MutationResult } from '../../../src/modules/writes/mutationResult.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';
import { fingerprint, insertWriteFixture, officer, writeIds } from '../writes/writeFixture.js';
import { loanApplication, openLoan } from './loanFixture.js';

describe('each loan rule breach is a user error naming the field and rule, and nothing is written', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let db: Database;
      let approvedId: number;
      let disbursedId: number;
      before(async () => {
        database = await createTestDatabase(backend);
        db = database.db;
        await insertWriteFixture(db);
        approvedId = await openLoan(db, { contractNo: 'RULE-APPROVED' }, false);
        disbursedId = await openLoan(db, { contractNo: 'RULE-DISBURSED' });
      });
      after(() => database?.dispose());

      async function refused(call: () => Promise<MutationResult<unknown>>, code: string, field: string) {
        const before = await fingerprint(db);
        const result = await call();
        assert.equal(result.record, null);
        assert.ok(
          result.userErrors.some((error) => error.code === code && error.field.join('.') === `input.${field}`),
          `expected ${code} on input.${field}, got ${JSON.stringify(result.userErrors)}`,
        );
        assert.ok(result.userErrors.every((error) => error.message.length > 0));
        assert.deepEqual(await fingerprint(db), before, 'nothing was written');
      }

      const rules: Array<[string, string, string, () => Promise<MutationResult<unknown>>]> = [
        [
          'AMOUNT_EXCEEDS_CONTRACT',
          'amount',
          'disbursing more than the contract',
          () => disburseLoan(db, officer, { loanId: approvedId, amount: '1000000.01', disbursedOn: '2020-01-10' }),
        ],
        [
          'AMOUNT_NOT_POSITIVE',
          'amount',
          'disbursing zero',
          () => disburseLoan(db, officer, { loanId: approvedId, amount: '0', disbursedOn: '2020-01-10' }),
        ],
        [
          'TOO_MANY_DECIMALS',
          'amount',
          'a fraction of a cent',
          () => disburseLoan(db, officer, { loanId: approvedId, amount: '10.001', disbursedOn: '2020-01-10' }),
        ],
        [
          'DATE_BEFORE_CONTRACT',
          'disbursedOn',
          'disbursing before the contract date',
          () => disburseLoan(db, officer, { loanId: approvedId, amount: '10.00', disbursedOn: '2019-12-31' }),
        ],
        [
          'DISBURSEMENT_AFTER_MATURITY',
          'disbursedOn',
          'disbursing at maturity',
          () => disburseLoan(db, officer, { loanId: approvedId, amount: '10.00', disbursedOn: '2021-01-10' }),
        ],
        [
          'INVALID_TRANSITION',
          'loanId',
          'approving a disbursed loan',
          () => approveLoan(db, officer, { loanId: disbursedId }),
        ],
        [
          'INVALID_TRANSITION',
          'loanId',
          'rejecting an approved loan',
          () => rejectLoan(db, officer, { loanId: approvedId }),
        ],
        [
          'INVALID_TRANSITION',
          'loanId',
          'repaying a loan not yet disbursed',
          () => recordRepayment(db, officer, { loanId: approvedId, amount: '1.00', paidOn: '2020-02-10' }),
        ],
        [
          'INVALID_TRANSITION',
          'loanId',
          'writing off a current loan',
          () => writeOffLoan(db, officer, { loanId: disbursedId }),
        ],
        ['NOT_FOUND', 'loanId', 'a loan that does not exist', () => approveLoan(db, officer, { loanId: 987654 })],
        [
          'AMOUNT_EXCEEDS_BALANCE',
          'amount',
          'paying more than is owed',
          () => recordRepayment(db, officer, { loanId: disbursedId, amount: '1023718.80', paidOn: '2020-02-10' }),
        ],
        [
          'NOT_MONTH_END',
          'monthEnd',
          'classifying mid-month',
          () => classifyLoan(db, officer, { loanId: disbursedId, monthEnd: '2020-03-30' }),
        ],
        [
          'DEFERRAL_NOT_LATER',
          'deferredUntil',
          'deferring to before the first due date',
          () => deferLoan(db, officer, { loanId: disbursedId, deferredUntil: '2020-02-01' }),
        ],
        [
          'INVALID_FORMAT',
          'paidOn',
          'a date that does not exist',
          () => recordRepayment(db, officer, { loanId: disbursedId, amount: '1.00', paidOn: '2020-02-30' }),
        ],
        [
          'MATURITY_BEFORE_CONTRACT',
          'maturityDate',
          'maturity before the contract',
          () => applyForLoan(db, officer, loanApplication({ contractNo: 'RULE-M', maturityDate: '2019-12-31' })),
        ],
        [
          'RATE_OUT_OF_RANGE',
          'effectiveRate',
          'a percentage given as a rate',
          () => applyForLoan(db, officer, loanApplication({ contractNo: 'RULE-R', effectiveRate: '4.35' })),
        ],
        [
          'TERM_NOT_POSITIVE',
          'termMonths',
          'a zero term',
          () => applyForLoan(db, officer, loanApplication({ contractNo: 'RULE-T', termMonths: 0 })),
        ],
        [
          'ALREADY_EXISTS',
          'contractNo',
          'a contract number in use',
          () => applyForLoan(db, officer, loanApplication({ contractNo: 'RULE-APPROVED' })),
        ],
        [
          'NOT_FOUND',
          'enterpriseId',
          'a borrower that does not exist',
          () => applyForLoan(db, officer, loanApplication({ contractNo: 'RULE-E', enterpriseId: 987654 })),
        ],
        [
          'SITE_OF_OTHER_ENTERPRISE',
          'siteId',
          "another enterprise's site",
          () =>
            applyForLoan(
              db,
              officer,
              loanApplication({ contractNo: 'RULE-S', enterpriseId: writeIds.otherEnterprise, siteId: writeIds.site }),
            ),
        ],
        [
          'REGION_LEVEL_MISMATCH',
          'regionId',
          'a prefecture as the loan region',
          () => applyForLoan(db, officer, loanApplication({ contractNo: 'RULE-G', regionId: writeIds.zhengzhou })),
        ],
        [
          'MISSING_SUBJECT',
          'loanId',
          'an impact of nothing',
          () => recordImpact(db, officer, { regionId: writeIds.yeCounty, mechanism: 'EMPLOYMENT', verifiedBy: 'BANK' }),
        ],
        [
          'NEGATIVE_COUNT',
          'peopleDriven',
          'a negative count',
          () =>
            recordImpact(db, officer, {
              loanId: disbursedId,
              regionId: writeIds.yeCounty,
              mechanism: 'EMPLOYMENT',
              verifiedBy: 'BANK',
              peopleDriven: -1,
            }),
        ],
        [
          'SHARE_OUT_OF_RANGE',
          'poorEmployeeShare',
          'a share above one',
          () =>
            recordImpact(db, officer, {
              loanId: disbursedId,
              regionId: writeIds.yeCounty,
              mechanism: 'EMPLOYMENT',
              verifiedBy: 'BANK',
              poorEmployeeShare: '1.5',
            }),
        ],
        [
          'COUNT_EXCEEDS_TOTAL',
          'registeredPoorPeople',
          'more poor people than people',
          () =>
            recordImpact(db, officer, {
              loanId: disbursedId,
              regionId: writeIds.yeCounty,
              mechanism: 'EMPLOYMENT',
              verifiedBy: 'BANK',
              peopleDriven: 10,
              registeredPoorPeople: 11,
            }),
        ],
        [
          'QUALIFIER_NEEDS_APPROXIMATE',
          'approximate',
          'a qualifier on an exact figure',
          () =>
            recordImpact(db, officer, {
              loanId: disbursedId,
              regionId: writeIds.yeCounty,
              mechanism: 'EMPLOYMENT',
              verifiedBy: 'BANK',
              peopleDriven: 10,
              qualifier: '近',
            }),
        ],
      ];
      for (const [code, field, what, call] of rules) {
        test(`${code} on ${field}: ${what}`, () => refused(call, code, field));
      }

      test('NOT_NON_PERFORMING: an overdue loan classed SPECIAL_MENTION cannot be written off', async () => {
        const loanId = await openLoan(db, { contractNo: 'RULE-NPL' });
        await classifyLoan(db, officer, { loanId, monthEnd: '2020-03-31' });
        await refused(() => writeOffLoan(db, officer, { loanId }), 'NOT_NON_PERFORMING', 'loanId');
      });

      test('ALREADY_EXISTS on monthEnd: a second snapshot for the same month', async () => {
        const loanId = await openLoan(db, { contractNo: 'RULE-SNAP' });
        await classifyLoan(db, officer, { loanId, monthEnd: '2020-01-31' });
        await refused(
          () => classifyLoan(db, officer, { loanId, monthEnd: '2020-01-31' }),
          'ALREADY_EXISTS',
          'monthEnd',
        );
      });
    });
  }
});
