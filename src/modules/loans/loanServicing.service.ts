import { Prisma, type EnterpriseLoan, type ImpactRecord } from '../../generated/prisma/client.js';
import type { ImpactMechanism, LoanStatus, RiskClass, Verifier } from '../../generated/prisma/enums.js';
import type { Database } from '../../db/client.js';
import {
  type Actor,
  Checks,
  type DateInput,
  type DecimalInput,
  type MutationOptions,
  type MutationResult,
  addMonths,
  checkCount,
  checkOrdered,
  fail,
  formatDay,
  isMonthEnd,
  readDate,
  readDecimal,
  readMoney,
  runMutation,
} from '../writes/index.js';
import { riskClassForDaysPastDue } from './loanDelinquency.js';
import { loadLoan, lockLoan, requireMove, saveLoan } from './loanWrite.js';
import { readSchedule, refreshDelinquency } from './scheduleStore.js';

/** Input of deferLoan (延期還本付息). */
export interface DeferLoanInput {
  loanId: number;
  /** The first unpaid instalment moves to the first monthly due date on or after this day. */
  deferredUntil: DateInput;
  expectedVersion?: number | null;
  reason?: string | null;
}

/**
 * Defers principal and interest (延期還本付息): every unpaid instalment moves later by the
 * whole months that bring the first one to `deferredUntil` or after, and becomes DEFERRED;
 * maturity moves with the last one; arrears are cleared, so an overdue loan is current again.
 * Returns the loan or userErrors (DEFERRAL_NOT_LATER, NOTHING_TO_DEFER, INVALID_TRANSITION,
 * NOT_FOUND, CONFLICT).
 */
export function deferLoan(
  db: Database,
  actor: Actor,
  input: DeferLoanInput,
  options: MutationOptions = {},
): Promise<MutationResult<EnterpriseLoan>> {
  return runMutation(
    db,
    actor,
    options,
    { operation: 'deferLoan', entityType: 'EnterpriseLoan', input, load: loadLoan },
    async (scope) => {
      const { tx } = scope;
      const loan = await lockLoan(tx, input.loanId, input.expectedVersion);
      requireBalance(loan, 'defer');
      const checks = new Checks();
      const until = readDate(checks, input.deferredUntil, ['deferredUntil']);
      if (until === undefined)
        checks.require(false, ['deferredUntil'], 'REQUIRED', 'The date to defer until is required.');
      checks.throwIfAny();
      const items = await readSchedule(tx, loan.id);
      const unpaid = items.filter(
        (item) => !item.principalPaid.equals(item.principalDue) || !item.interestPaid.equals(item.interestDue),
      );
      if (unpaid.length === 0)
        fail(['loanId'], 'NOTHING_TO_DEFER', `Loan ${loan.contractNo} has no unpaid instalment to defer.`);
      const first = unpaid[0]!.dueDate;
      const floor = loan.deferredUntil && loan.deferredUntil > first ? loan.deferredUntil : first;
      if (until! <= floor) {
        fail(
          ['deferredUntil'],
          'DEFERRAL_NOT_LATER',
          `A deferral must reach past ${formatDay(floor)}, the first unpaid due date or the current deferral.`,
        );
      }
      let months = 1;
      while (addMonths(first, months) < until!) months += 1;
      let maturity = loan.maturityDate!;
      for (const item of unpaid) {
        const dueDate = addMonths(item.dueDate, months);
        if (dueDate > maturity) maturity = dueDate;
        await tx.repaymentScheduleItem.update({ where: { id: item.id }, data: { dueDate, status: 'DEFERRED' } });
      }
      requireMove(loan, 'DISBURSED', 'defer');
      const after = await saveLoan(scope, loan, {
        status: 'DISBURSED',
        deferredUntil: until!,
        maturityDate: maturity,
        overduePrincipal: 0,
        overdueInterest: 0,
        daysPastDue: 0,
        note: input.reason ? (loan.note ? `${loan.note}\n${input.reason}` : input.reason) : loan.note,
      });
      await scope.audit({
        entityType: 'RepaymentSchedule',
        entityId: loan.id,
        before: unpaid,
        after: await readSchedule(tx, loan.id),
      });
      return after;
    },
  );
}

/** Input of classifyLoan. */
export interface ClassifyLoanInput {
  loanId: number;
  /** The last day of the month the snapshot is for. */
  monthEnd: DateInput;
  /** The class decided; by default the one days past due suggest (loanDelinquency.ts). */
  riskClass?: RiskClass | null;
  expectedVersion?: number | null;
}

/**
 * Takes the month-end risk class snapshot (五級分類) of a loan: recomputes its arrears as of the
 * month end (the loan becomes OVERDUE when instalments are past due), stores a
 * LoanClassificationSnapshot with the class, balance and days past due, and sets the loan's
 * riskClass. Returns the loan or userErrors (NOT_MONTH_END, ALREADY_EXISTS, INVALID_TRANSITION,
 * NOT_FOUND, CONFLICT).
 */
export function classifyLoan(
  db: Database,
  actor: Actor,
  input: ClassifyLoanInput,
  options: MutationOptions = {},
): Promise<MutationResult<EnterpriseLoan>> {
  return runMutation(
    db,
    actor,
    options,
    { operation: 'classifyLoan', entityType: 'EnterpriseLoan', input, load: loadLoan },
    async (scope) => {
      const { tx } = scope;
      const loan = await lockLoan(tx, input.loanId, input.expectedVersion);
      requireBalance(loan, 'classify');
      const checks = new Checks();
      const monthEnd = readDate(checks, input.monthEnd, ['monthEnd']);
      if (monthEnd === undefined) checks.require(false, ['monthEnd'], 'REQUIRED', 'The month end is required.');
      if (monthEnd)
        checks.require(
          isMonthEnd(monthEnd),
          ['monthEnd'],
          'NOT_MONTH_END',
          `${formatDay(monthEnd)} is not the last day of a month.`,
        );
      checks.throwIfAny();
      const existing = await tx.loanClassificationSnapshot.findUnique({
        where: { loanId_monthEnd: { loanId: loan.id, monthEnd: monthEnd! } },
      });
      if (existing)
        fail(
          ['monthEnd'],
          'ALREADY_EXISTS',
          `Loan ${loan.contractNo} already has a snapshot for ${formatDay(monthEnd!)}.`,
        );
      const delinquency = await refreshDelinquency(tx, await readSchedule(tx, loan.id), monthEnd!);
      const riskClass = input.riskClass ?? riskClassForDaysPastDue(delinquency.daysPastDue);
      const status: LoanStatus = delinquency.overduePrincipal.plus(delinquency.overdueInterest).greaterThan(0)
        ? 'OVERDUE'
        : 'DISBURSED';
      requireMove(loan, status, 'classify');
      const balance = loan.outstandingBalance ?? new Prisma.Decimal(0);
      const snapshot = await tx.loanClassificationSnapshot.create({
        data: {
          loanId: loan.id,
          monthEnd: monthEnd!,
          riskClass,
          outstandingBalance: balance,
          daysPastDue: delinquency.daysPastDue,
          dataSource: 'API',
        },
      });
      await scope.audit({
        entityType: 'LoanClassificationSnapshot',
        entityId: snapshot.id,
        before: null,
        after: snapshot,
      });
      return saveLoan(scope, loan, {
        status,
        riskClass,
        overduePrincipal: delinquency.overduePrincipal,
        overdueInterest: delinquency.overdueInterest,
        daysPastDue: delinquency.daysPastDue,
      });
    },
  );
}

function requireBalance(loan: EnterpriseLoan, verb: string): void {
  if (loan.status !== 'DISBURSED' && loan.status !== 'OVERDUE') {
    fail(
      ['loanId'],
      'INVALID_TRANSITION',
      `Cannot ${verb} loan ${loan.contractNo}: it is ${loan.status}; only a DISBURSED or OVERDUE loan can be.`,
    );
  }
}

/** Input of recordImpact (帶貧): what a loan or initiative did for poor people in a region. */
export interface RecordImpactInput {
  loanId?: number | null;
  initiativeId?: number | null;
  regionId: number;
  periodStart?: DateInput | null;
  periodEnd?: DateInput | null;
  mechanism: ImpactMechanism;
  peopleDriven?: number | null;
  registeredPoorPeople?: number | null;
  registeredPoorHouseholds?: number | null;
  employeesTotal?: number | null;
  poorEmployeeShare?: DecimalInput | null;
  incomeIncrease?: DecimalInput | null;
  approximate?: boolean | null;
  qualifier?: string | null;
  verifiedBy: Verifier;
  note?: string | null;
  idempotencyKey?: string | null;
}

/**
 * Records an impact (帶貧) of a loan or initiative. Counts are whole and not negative, the
 * registered poor among the people driven are at most all of them, a share lies in 0–1, a
 * qualifier (近, 超) needs `approximate`. Returns the record or userErrors (MISSING_SUBJECT,
 * NOT_FOUND, NEGATIVE_COUNT, NOT_WHOLE_NUMBER, COUNT_EXCEEDS_TOTAL, SHARE_OUT_OF_RANGE,
 * DATES_OUT_OF_ORDER, QUALIFIER_NEEDS_APPROXIMATE, NEGATIVE_AMOUNT, IDEMPOTENCY_KEY_REUSED).
 */
export function recordImpact(
  db: Database,
  actor: Actor,
  input: RecordImpactInput,
  options: MutationOptions = {},
): Promise<MutationResult<ImpactRecord>> {
  const load = (tx: Parameters<typeof loadLoan>[0], id: number) => tx.impactRecord.findUnique({ where: { id } });
  return runMutation(
    db,
    actor,
    options,
    { operation: 'recordImpact', entityType: 'ImpactRecord', input, idempotencyKey: input.idempotencyKey, load },
    async (scope) => {
      const { tx } = scope;
      const checks = new Checks();
      checks.require(
        Boolean(input.loanId || input.initiativeId),
        ['loanId'],
        'MISSING_SUBJECT',
        'Name the loan or the initiative whose impact this is.',
      );
      const loan = input.loanId
        ? await tx.enterpriseLoan.findUnique({ where: { id: input.loanId }, select: { id: true } })
        : null;
      const initiative = input.initiativeId
        ? await tx.initiative.findUnique({ where: { id: input.initiativeId }, select: { id: true } })
        : null;
      const region = await tx.region.findUnique({ where: { id: input.regionId }, select: { id: true } });
      if (input.loanId) checks.require(loan !== null, ['loanId'], 'NOT_FOUND', `No loan has id ${input.loanId}.`);
      if (input.initiativeId)
        checks.require(
          initiative !== null,
          ['initiativeId'],
          'NOT_FOUND',
          `No initiative has id ${input.initiativeId}.`,
        );
      checks.require(region !== null, ['regionId'], 'NOT_FOUND', `No region has id ${input.regionId}.`);
      const counts = ['peopleDriven', 'registeredPoorPeople', 'registeredPoorHouseholds', 'employeesTotal'] as const;
      const countsOk = counts.map((field) => checkCount(checks, input[field], [field])).every(Boolean);
      if (countsOk && input.peopleDriven != null && input.registeredPoorPeople != null) {
        checks.require(
          input.registeredPoorPeople <= input.peopleDriven,
          ['registeredPoorPeople'],
          'COUNT_EXCEEDS_TOTAL',
          `${input.registeredPoorPeople} registered poor people cannot exceed the ${input.peopleDriven} people driven.`,
        );
      }
      const share = readDecimal(checks, input.poorEmployeeShare, ['poorEmployeeShare'], 4);
      if (share)
        checks.require(
          !share.lessThan(0) && share.lessThanOrEqualTo(1),
          ['poorEmployeeShare'],
          'SHARE_OUT_OF_RANGE',
          `A share is a fraction from 0 to 1 (0.30 is 30%); got ${share.toFixed()}.`,
        );
      const income = readMoney(checks, input.incomeIncrease, ['incomeIncrease']);
      if (income)
        checks.require(
          !income.lessThan(0),
          ['incomeIncrease'],
          'NEGATIVE_AMOUNT',
          'An income increase cannot be negative.',
        );
      const periodStart = readDate(checks, input.periodStart, ['periodStart']);
      const periodEnd = readDate(checks, input.periodEnd, ['periodEnd']);
      checkOrdered(checks, periodStart, periodEnd, ['periodEnd']);
      checks.require(
        !input.qualifier || input.approximate === true,
        ['approximate'],
        'QUALIFIER_NEEDS_APPROXIMATE',
        `The qualifier "${input.qualifier}" makes the figures approximate; set approximate to true.`,
      );
      checks.throwIfAny();
      const record = await tx.impactRecord.create({
        data: {
          loanId: input.loanId ?? null,
          initiativeId: input.initiativeId ?? null,
          regionId: input.regionId,
          periodStart: periodStart ?? null,
          periodEnd: periodEnd ?? null,
          mechanism: input.mechanism,
          peopleDriven: input.peopleDriven ?? null,
          registeredPoorPeople: input.registeredPoorPeople ?? null,
          registeredPoorHouseholds: input.registeredPoorHouseholds ?? null,
          employeesTotal: input.employeesTotal ?? null,
          poorEmployeeShare: share ?? null,
          incomeIncrease: income ?? null,
          approximate: input.approximate ?? false,
          qualifier: input.qualifier ?? null,
          verifiedBy: input.verifiedBy,
          note: input.note ?? null,
          dataSource: 'API',
        },
      });
      await scope.audit({ entityType: 'ImpactRecord', entityId: record.id, before: null, after: record });
      return record;
    },
  );
}
