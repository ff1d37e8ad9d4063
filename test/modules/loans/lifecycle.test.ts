import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Prisma } from '../../../src/generated/prisma/client.js';
import { applyForLoan, rejectLoan, writeOffLoan } from '../../../src/modules/loans/loanLifecycle.service.js';
import { disburseLoan, recordRepayment } from '../../../src/modules/loans/loanMoney.service.js';
import { classifyLoan, deferLoan, recordImpact } from '../../../src/modules/loans/loanServicing.service.js';
import { forEachBackend } from '../../support/forEachBackend.js';
import { officer, writeIds, writeFixtureRows } from '../writes/writeFixture.js';
import { loanApplication, openLoan } from './loanFixture.js';

const sum = (values: Prisma.Decimal[]) => values.reduce((total, value) => total.plus(value), new Prisma.Decimal(0));

forEachBackend(
  'the loan lifecycle moves a loan from application to repayment, write-off, deferral and classification',
  writeFixtureRows,
  (fx) => {
    test('applyForLoan records an APPLIED loan with nothing disbursed, its campaigns and its region from the site', async () => {
      const result = await applyForLoan(
        fx.db,
        officer,
        loanApplication({ contractNo: 'L-APPLY', siteId: writeIds.site, campaignIds: [writeIds.campaign] }),
      );
      assert.deepEqual(result.userErrors, []);
      const loan = result.record!;
      assert.equal(loan.status, 'APPLIED');
      assert.equal(loan.disbursedAmount!.toFixed(2), '0.00');
      assert.equal(loan.regionId, writeIds.yeCounty);
      assert.equal(loan.maturityDate!.toISOString().slice(0, 10), '2021-01-10');
      const links = await fx.db.prisma.loanCampaign.findMany({ where: { loanId: loan.id } });
      assert.deepEqual(
        links.map((link) => link.campaignId),
        [writeIds.campaign],
      );
    });

    test('approveLoan then rejectLoan: an approved loan can no longer be rejected; a fresh application can', async () => {
      const approvedId = await openLoan(fx.db, { contractNo: 'L-APPROVE' }, false);
      assert.equal(
        (await fx.db.prisma.enterpriseLoan.findUniqueOrThrow({ where: { id: approvedId } })).status,
        'APPROVED',
      );
      const applied = await applyForLoan(fx.db, officer, loanApplication({ contractNo: 'L-REJECT' }));
      const rejected = await rejectLoan(fx.db, officer, {
        loanId: applied.record!.id,
        reason: 'Insufficient collateral',
      });
      assert.equal(rejected.record!.status, 'REJECTED');
      assert.match(rejected.record!.note!, /Insufficient collateral/);
    });

    test('a full disbursement builds the 12 equal instalments a bank calculator gives (85,309.90 a month, 23,718.79 interest)', async () => {
      const loanId = await openLoan(fx.db, { contractNo: 'L-ANNUITY' });
      const loan = await fx.db.prisma.enterpriseLoan.findUniqueOrThrow({ where: { id: loanId } });
      assert.equal(loan.status, 'DISBURSED');
      assert.equal(loan.outstandingBalance!.toFixed(2), '1000000.00');
      assert.equal(loan.firstDisbursementDate!.toISOString().slice(0, 10), '2020-01-10');
      const items = await fx.db.prisma.repaymentScheduleItem.findMany({ where: { loanId }, orderBy: { seq: 'asc' } });
      assert.equal(items.length, 12);
      assert.equal(sum(items.map((item) => item.principalDue)).toFixed(2), '1000000.00');
      assert.equal(sum(items.map((item) => item.interestDue)).toFixed(2), '23718.79');
      for (const item of items.slice(0, 11))
        assert.equal(item.principalDue.plus(item.interestDue).toFixed(2), '85309.90');
      assert.equal(items[0]!.dueDate.toISOString().slice(0, 10), '2020-02-10');
      assert.equal(items[11]!.dueDate.toISOString().slice(0, 10), '2021-01-10');
    });

    test('each repayment method plans its own shape and every schedule sums to the principal to the cent', async () => {
      for (const method of ['EQUAL_PRINCIPAL', 'INTEREST_ONLY_BULLET', 'BULLET'] as const) {
        const loanId = await openLoan(fx.db, {
          contractNo: `L-${method}`,
          repaymentMethod: method,
          contractAmount: '333333.33',
          termMonths: 7,
        });
        const items = await fx.db.prisma.repaymentScheduleItem.findMany({ where: { loanId }, orderBy: { seq: 'asc' } });
        assert.equal(sum(items.map((item) => item.principalDue)).toFixed(2), '333333.33', method);
        if (method === 'EQUAL_PRINCIPAL') {
          assert.equal(items.length, 7);
          assert.deepEqual(
            new Set(items.slice(0, 6).map((item) => item.principalDue.toFixed(2))),
            new Set(['47619.05']),
          );
          assert.ok(items[6]!.interestDue.lessThan(items[0]!.interestDue), 'interest falls with the balance');
        } else if (method === 'INTEREST_ONLY_BULLET') {
          assert.equal(items.length, 7);
          assert.ok(
            items.slice(0, 6).every((item) => item.principalDue.isZero() && item.interestDue.toFixed(2) === '1208.33'),
          );
        } else {
          assert.equal(items.length, 1);
          assert.equal(items[0]!.interestDue.toFixed(2), '8458.33');
        }
      }
    });

    test('partial disbursements add up to the contract amount and replan the future instalments for the new balance', async () => {
      const loanId = await openLoan(fx.db, { contractNo: 'L-PARTIAL' }, false);
      const first = await disburseLoan(fx.db, officer, { loanId, amount: '400000.00', disbursedOn: '2020-01-10' });
      assert.equal(first.record!.outstandingBalance!.toFixed(2), '400000.00');
      const second = await disburseLoan(fx.db, officer, { loanId, amount: '600000.00', disbursedOn: '2020-03-15' });
      assert.deepEqual(second.userErrors, []);
      assert.equal(second.record!.disbursedAmount!.toFixed(2), '1000000.00');
      assert.equal(second.record!.firstDisbursementDate!.toISOString().slice(0, 10), '2020-01-10');
      const items = await fx.db.prisma.repaymentScheduleItem.findMany({ where: { loanId }, orderBy: { seq: 'asc' } });
      assert.equal(items.length, 12, 'the two instalments due before the second disbursement stay, ten are replanned');
      assert.equal(sum(items.map((item) => item.principalDue)).toFixed(2), '1000000.00');
      assert.deepEqual(
        items.map((item) => item.seq),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      );
    });

    test('recordRepayment pays interest before principal, oldest instalment first, and a zero balance makes the loan REPAID', async () => {
      const loanId = await openLoan(fx.db, { contractNo: 'L-REPAY' });
      const paid = await recordRepayment(fx.db, officer, { loanId, amount: '4000.00', paidOn: '2020-02-10' });
      assert.deepEqual(paid.userErrors, []);
      const [firstItem] = await fx.db.prisma.repaymentScheduleItem.findMany({
        where: { loanId },
        orderBy: { seq: 'asc' },
        take: 1,
      });
      assert.equal(firstItem!.interestPaid.toFixed(2), '3625.00');
      assert.equal(firstItem!.principalPaid.toFixed(2), '375.00');
      assert.equal(firstItem!.status, 'PARTIAL');
      assert.equal(paid.record!.outstandingBalance!.toFixed(2), '999625.00');
      const items = await fx.db.prisma.repaymentScheduleItem.findMany({ where: { loanId } });
      const owed = sum(
        items.map((item) =>
          item.principalDue.plus(item.interestDue).minus(item.principalPaid).minus(item.interestPaid),
        ),
      );
      const rest = await recordRepayment(fx.db, officer, { loanId, amount: owed.toFixed(2), paidOn: '2020-02-10' });
      assert.deepEqual(rest.userErrors, []);
      assert.equal(rest.record!.status, 'REPAID');
      assert.equal(rest.record!.outstandingBalance!.toFixed(2), '0.00');
      const statuses = await fx.db.prisma.repaymentScheduleItem.findMany({
        where: { loanId },
        select: { status: true },
      });
      assert.ok(statuses.every((item) => item.status === 'PAID'));
      const repayments = await fx.db.prisma.repayment.findMany({ where: { loanId } });
      assert.equal(
        sum(repayments.map((row) => row.principal.plus(row.interest))).toFixed(2),
        owed.plus(4000).toFixed(2),
      );
    });

    test('classifyLoan at a month end with arrears makes the loan OVERDUE with its class; paying the arrears cures it', async () => {
      const loanId = await openLoan(fx.db, { contractNo: 'L-OVERDUE' });
      const classified = await classifyLoan(fx.db, officer, { loanId, monthEnd: '2020-03-31' });
      assert.deepEqual(classified.userErrors, []);
      assert.equal(classified.record!.status, 'OVERDUE');
      assert.equal(classified.record!.daysPastDue, 50, 'from the unpaid 2020-02-10 instalment to 2020-03-31');
      assert.equal(classified.record!.riskClass, 'SPECIAL_MENTION');
      assert.equal(
        classified.record!.overduePrincipal!.plus(classified.record!.overdueInterest!).toFixed(2),
        '170619.80',
      );
      const snapshot = await fx.db.prisma.loanClassificationSnapshot.findFirstOrThrow({ where: { loanId } });
      assert.equal(snapshot.riskClass, 'SPECIAL_MENTION');
      assert.equal(snapshot.outstandingBalance.toFixed(2), '1000000.00');
      const cured = await recordRepayment(fx.db, officer, { loanId, amount: '170619.80', paidOn: '2020-04-01' });
      assert.deepEqual(cured.userErrors, []);
      assert.equal(cured.record!.status, 'DISBURSED');
      assert.equal(cured.record!.daysPastDue, 0);
    });

    test('writeOffLoan writes off an overdue loan classed LOSS', async () => {
      const loanId = await openLoan(fx.db, { contractNo: 'L-WRITEOFF' });
      await classifyLoan(fx.db, officer, { loanId, monthEnd: '2021-02-28', riskClass: 'LOSS' });
      const written = await writeOffLoan(fx.db, officer, { loanId, reason: 'Borrower bankrupt' });
      assert.deepEqual(written.userErrors, []);
      assert.equal(written.record!.status, 'WRITTEN_OFF');
    });

    test('deferLoan moves every unpaid due date later, marks the instalments DEFERRED and cures an overdue loan', async () => {
      const loanId = await openLoan(fx.db, { contractNo: 'L-DEFER' });
      await classifyLoan(fx.db, officer, { loanId, monthEnd: '2020-02-29' });
      const deferred = await deferLoan(fx.db, officer, {
        loanId,
        deferredUntil: '2020-06-30',
        reason: '疫情延期還本付息',
      });
      assert.deepEqual(deferred.userErrors, []);
      assert.equal(deferred.record!.status, 'DISBURSED');
      assert.equal(deferred.record!.deferredUntil!.toISOString().slice(0, 10), '2020-06-30');
      assert.equal(deferred.record!.maturityDate!.toISOString().slice(0, 10), '2021-06-10');
      const items = await fx.db.prisma.repaymentScheduleItem.findMany({ where: { loanId }, orderBy: { seq: 'asc' } });
      assert.equal(items[0]!.dueDate.toISOString().slice(0, 10), '2020-07-10');
      assert.ok(items.every((item) => item.status === 'DEFERRED'));
    });

    test('recordImpact stores a loan impact with an approximate qualified figure', async () => {
      const result = await recordImpact(fx.db, officer, {
        loanId: writeIds.loan,
        regionId: writeIds.yeCounty,
        mechanism: 'EMPLOYMENT',
        peopleDriven: 10000,
        registeredPoorPeople: 300,
        poorEmployeeShare: '0.30',
        approximate: true,
        qualifier: '超',
        verifiedBy: 'POVERTY_OFFICE',
      });
      assert.deepEqual(result.userErrors, []);
      assert.equal(result.record!.poorEmployeeShare!.toFixed(2), '0.30');
    });
  },
);
