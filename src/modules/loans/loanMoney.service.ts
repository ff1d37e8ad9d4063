import { Prisma, type EnterpriseLoan, type RepaymentScheduleItem } from '../../generated/prisma/client.js';
import type { LoanStatus } from '../../generated/prisma/enums.js';
import type { Database } from '../../db/client.js';
import {
  type Actor,
  Checks,
  type DateInput,
  type DecimalInput,
  type MutationOptions,
  type MutationResult,
  addMonths,
  fail,
  formatDay,
  readDate,
  readMoney,
  runMutation,
} from '../writes/index.js';
import { allocateRepayment, amountOwed } from './repaymentAllocation.js';
import { buildRepaymentSchedule } from './repaymentSchedule.js';
import { loadLoan, lockLoan, requireMove, saveLoan } from './loanWrite.js';
import { readSchedule, refreshDelinquency } from './scheduleStore.js';

/** Input of disburseLoan. */
export interface DisburseLoanInput {
  loanId: number;
  amount: DecimalInput;
  disbursedOn: DateInput;
  expectedVersion?: number | null;
  idempotencyKey?: string | null;
}

/**
 * Pays out `amount` of an approved or disbursed loan (partial disbursements are allowed, up to
 * the contract amount) and (re)builds the repayment schedule: the first disbursement plans
 * monthly instalments from the disbursement day to maturity by the loan's repayment method;
 * a later one replans the untouched future instalments over the same due dates for the new
 * balance. Returns the loan or userErrors (AMOUNT_EXCEEDS_CONTRACT, AMOUNT_NOT_POSITIVE,
 * DATE_BEFORE_CONTRACT, DISBURSEMENT_AFTER_MATURITY, MISSING_REPAYMENT_TERMS,
 * INVALID_TRANSITION, NOT_FOUND, CONFLICT, IDEMPOTENCY_KEY_REUSED).
 */
export function disburseLoan(
  db: Database,
  actor: Actor,
  input: DisburseLoanInput,
  options: MutationOptions = {},
): Promise<MutationResult<EnterpriseLoan>> {
  return runMutation(
    db,
    actor,
    options,
    {
      operation: 'disburseLoan',
      entityType: 'EnterpriseLoan',
      input,
      idempotencyKey: input.idempotencyKey,
      load: loadLoan,
    },
    async (scope) => {
      const { tx } = scope;
      const loan = await lockLoan(tx, input.loanId, input.expectedVersion);
      if (loan.status !== 'APPROVED' && loan.status !== 'DISBURSED') {
        fail(
          ['loanId'],
          'INVALID_TRANSITION',
          `Cannot disburse loan ${loan.contractNo}: it is ${loan.status}; only an APPROVED or DISBURSED loan can be disbursed.`,
        );
      }
      requireMove(loan, 'DISBURSED', 'disburse');
      const checks = new Checks();
      const amount = readMoney(checks, input.amount, ['amount']);
      const disbursedOn = readDate(checks, input.disbursedOn, ['disbursedOn']);
      if (amount === undefined) checks.require(false, ['amount'], 'REQUIRED', 'The amount is required.');
      if (disbursedOn === undefined)
        checks.require(false, ['disbursedOn'], 'REQUIRED', 'The disbursement date is required.');
      const { repaymentMethod, effectiveRate, maturityDate, contractAmount, contractDate } = loan;
      if (!repaymentMethod || !effectiveRate || !maturityDate || !contractAmount) {
        fail(
          ['loanId'],
          'MISSING_REPAYMENT_TERMS',
          `Loan ${loan.contractNo} lacks a repayment method, rate, maturity or contract amount; set them before disbursing.`,
        );
      }
      const disbursed = loan.disbursedAmount ?? new Prisma.Decimal(0);
      if (amount) {
        if (
          checks.require(
            amount.greaterThan(0),
            ['amount'],
            'AMOUNT_NOT_POSITIVE',
            'A disbursement must be greater than zero.',
          )
        ) {
          checks.require(
            disbursed.plus(amount).lessThanOrEqualTo(contractAmount),
            ['amount'],
            'AMOUNT_EXCEEDS_CONTRACT',
            `Disbursing ${amount.toFixed(2)} would bring loan ${loan.contractNo} to ${disbursed.plus(amount).toFixed(2)}, above its contract amount ${contractAmount.toFixed(2)}; at most ${contractAmount.minus(disbursed).toFixed(2)} is left.`,
          );
        }
      }
      if (disbursedOn) {
        if (contractDate) {
          checks.require(
            disbursedOn >= contractDate,
            ['disbursedOn'],
            'DATE_BEFORE_CONTRACT',
            `A disbursement cannot predate the contract (${formatDay(contractDate)}).`,
          );
        }
        checks.require(
          disbursedOn < maturityDate,
          ['disbursedOn'],
          'DISBURSEMENT_AFTER_MATURITY',
          `The loan matures on ${formatDay(maturityDate)}; nothing can be disbursed from then on.`,
        );
      }
      checks.throwIfAny();
      const balance = (loan.outstandingBalance ?? new Prisma.Decimal(0)).plus(amount!);
      const existing = await readSchedule(tx, loan.id);
      const replaced = existing.filter((item) => isUntouchedFuture(item, disbursedOn!));
      const kept = existing.filter((item) => !replaced.includes(item));
      const dueDates =
        existing.length === 0 ? monthlyDueDates(disbursedOn!, maturityDate) : replaced.map((item) => item.dueDate);
      if (dueDates.length === 0) {
        fail(
          ['disbursedOn'],
          'DISBURSEMENT_AFTER_MATURITY',
          `Loan ${loan.contractNo} has no untouched instalment left before maturity to carry a new disbursement.`,
        );
      }
      const scheduled = kept.reduce(
        (sum, item) => sum.plus(item.principalDue).minus(item.principalPaid),
        new Prisma.Decimal(0),
      );
      const planned = buildRepaymentSchedule({
        principal: balance.minus(scheduled),
        annualRate: effectiveRate,
        method: repaymentMethod,
        dueDates,
      });
      if (replaced.length > 0)
        await tx.repaymentScheduleItem.deleteMany({ where: { id: { in: replaced.map((item) => item.id) } } });
      const firstSeq = kept.reduce((max, item) => Math.max(max, item.seq), 0) + 1;
      await tx.repaymentScheduleItem.createMany({
        data: planned.map((item, index) => ({
          loanId: loan.id,
          seq: firstSeq + index,
          ...item,
          dataSource: 'API' as const,
        })),
      });
      const after = await saveLoan(scope, loan, {
        status: 'DISBURSED',
        disbursedAmount: disbursed.plus(amount!),
        outstandingBalance: balance,
        firstDisbursementDate: loan.firstDisbursementDate ?? disbursedOn!,
      });
      await scope.audit({
        entityType: 'RepaymentSchedule',
        entityId: loan.id,
        before: replaced,
        after: await readSchedule(tx, loan.id),
      });
      return after;
    },
  );
}

function isUntouchedFuture(item: RepaymentScheduleItem, on: Date): boolean {
  return (
    item.dueDate > on &&
    item.principalPaid.isZero() &&
    item.interestPaid.isZero() &&
    (item.status === 'PENDING' || item.status === 'DEFERRED')
  );
}

// Monthly from the disbursement day while before maturity, then maturity itself.
function monthlyDueDates(from: Date, maturity: Date): Date[] {
  const dates: Date[] = [];
  for (let k = 1; addMonths(from, k) < maturity; k += 1) dates.push(addMonths(from, k));
  dates.push(maturity);
  return dates;
}

/** Input of recordRepayment. */
export interface RecordRepaymentInput {
  loanId: number;
  amount: DecimalInput;
  paidOn: DateInput;
  penalty?: DecimalInput | null;
  note?: string | null;
  expectedVersion?: number | null;
  idempotencyKey?: string | null;
}

/**
 * Books a payment: allocates `amount` to the schedule oldest instalment first, interest before
 * principal, records one Repayment per instalment touched, reduces the balance by the principal
 * paid and recomputes the arrears as of the payment day. The loan becomes REPAID at zero,
 * OVERDUE while instalments are past due, else DISBURSED (an overdue loan paid up is cured).
 * Returns the loan or userErrors (AMOUNT_EXCEEDS_BALANCE, AMOUNT_NOT_POSITIVE,
 * DATE_BEFORE_CONTRACT, INVALID_TRANSITION, NOT_FOUND, CONFLICT, IDEMPOTENCY_KEY_REUSED).
 */
export function recordRepayment(
  db: Database,
  actor: Actor,
  input: RecordRepaymentInput,
  options: MutationOptions = {},
): Promise<MutationResult<EnterpriseLoan>> {
  return runMutation(
    db,
    actor,
    options,
    {
      operation: 'recordRepayment',
      entityType: 'EnterpriseLoan',
      input,
      idempotencyKey: input.idempotencyKey,
      load: loadLoan,
    },
    async (scope) => {
      const { tx } = scope;
      const loan = await lockLoan(tx, input.loanId, input.expectedVersion);
      if (loan.status !== 'DISBURSED' && loan.status !== 'OVERDUE') {
        fail(
          ['loanId'],
          'INVALID_TRANSITION',
          `Cannot record a repayment on loan ${loan.contractNo}: it is ${loan.status}; only a DISBURSED or OVERDUE loan is repaid.`,
        );
      }
      const checks = new Checks();
      const amount = readMoney(checks, input.amount, ['amount']);
      const paidOn = readDate(checks, input.paidOn, ['paidOn']);
      const penalty = readMoney(checks, input.penalty, ['penalty']) ?? new Prisma.Decimal(0);
      if (amount === undefined) checks.require(false, ['amount'], 'REQUIRED', 'The amount is required.');
      if (paidOn === undefined) checks.require(false, ['paidOn'], 'REQUIRED', 'The payment date is required.');
      if (amount)
        checks.require(
          amount.greaterThan(0),
          ['amount'],
          'AMOUNT_NOT_POSITIVE',
          'A repayment must be greater than zero.',
        );
      if (penalty)
        checks.require(!penalty.lessThan(0), ['penalty'], 'NEGATIVE_AMOUNT', 'A penalty must not be negative.');
      const since = loan.firstDisbursementDate ?? loan.contractDate;
      if (paidOn && since)
        checks.require(
          paidOn >= since,
          ['paidOn'],
          'DATE_BEFORE_CONTRACT',
          `A repayment cannot predate the first disbursement (${formatDay(since)}).`,
        );
      checks.throwIfAny();
      const items = await readSchedule(tx, loan.id);
      const { allocations, leftover } = allocateRepayment(items, amount!);
      if (leftover.greaterThan(0)) {
        fail(
          ['amount'],
          'AMOUNT_EXCEEDS_BALANCE',
          `Loan ${loan.contractNo} owes ${amountOwed(items).toFixed(2)} in principal and interest; a payment of ${amount!.toFixed(2)} is ${leftover.toFixed(2)} too much.`,
        );
      }
      let principalPaid = new Prisma.Decimal(0);
      const repayments = [];
      for (const [index, allocation] of allocations.entries()) {
        const item = items.find((candidate) => candidate.id === allocation.itemId)!;
        item.principalPaid = item.principalPaid.plus(allocation.principal);
        item.interestPaid = item.interestPaid.plus(allocation.interest);
        await tx.repaymentScheduleItem.update({
          where: { id: item.id },
          data: { principalPaid: item.principalPaid, interestPaid: item.interestPaid },
        });
        repayments.push(
          await tx.repayment.create({
            data: {
              loanId: loan.id,
              scheduleItemId: item.id,
              paidOn: paidOn!,
              principal: allocation.principal,
              interest: allocation.interest,
              penalty: index === 0 ? penalty : 0,
              note: input.note ?? null,
              dataSource: 'API',
            },
          }),
        );
        principalPaid = principalPaid.plus(allocation.principal);
      }
      const delinquency = await refreshDelinquency(tx, items, paidOn!);
      const balance = (loan.outstandingBalance ?? new Prisma.Decimal(0)).minus(principalPaid);
      const status: LoanStatus = balance.isZero()
        ? 'REPAID'
        : delinquency.overduePrincipal.plus(delinquency.overdueInterest).greaterThan(0)
          ? 'OVERDUE'
          : 'DISBURSED';
      requireMove(loan, status, 'record a repayment on');
      const after = await saveLoan(scope, loan, {
        status,
        outstandingBalance: balance,
        overduePrincipal: delinquency.overduePrincipal,
        overdueInterest: delinquency.overdueInterest,
        daysPastDue: delinquency.daysPastDue,
      });
      for (const repayment of repayments)
        await scope.audit({ entityType: 'Repayment', entityId: repayment.id, before: null, after: repayment });
      return after;
    },
  );
}
