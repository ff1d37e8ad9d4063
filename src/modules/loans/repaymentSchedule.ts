import { Prisma } from '../../generated/prisma/client.js';
import type { RepaymentMethod } from '../../generated/prisma/enums.js';
import { toCents } from '../writes/index.js';

type Decimal = Prisma.Decimal;

/** One planned instalment of a repayment schedule. */
export interface PlannedInstalment {
  dueDate: Date;
  principalDue: Decimal;
  interestDue: Decimal;
}

/** What a schedule is built from. */
export interface ScheduleTerms {
  principal: Decimal;
  /** Annual rate as a fraction (0.0435); interest accrues monthly at a twelfth of it. */
  annualRate: Decimal;
  method: RepaymentMethod;
  /** The monthly due dates, in order; the last is maturity. */
  dueDates: Date[];
}

/**
 * Builds the instalments that repay `principal` over `dueDates` (one a month) by `method`:
 * EQUAL_INSTALMENT (等額本息, an annuity), EQUAL_PRINCIPAL (等額本金), INTEREST_ONLY_BULLET
 * (interest monthly, principal at maturity) or BULLET (one payment at maturity). Every amount
 * is rounded to cents (half up) and the last instalment absorbs the rounding, so the principal
 * parts add up to `principal` exactly.
 * @throws Error when there is no due date (the caller checks that first).
 */
export function buildRepaymentSchedule(terms: ScheduleTerms): PlannedInstalment[] {
  const { principal, method, dueDates } = terms;
  const n = dueDates.length;
  if (n === 0) throw new Error('A repayment schedule needs at least one due date.');
  const monthly = terms.annualRate.dividedBy(12);
  if (method === 'BULLET') {
    return [
      { dueDate: dueDates[n - 1]!, principalDue: principal, interestDue: toCents(principal.times(monthly).times(n)) },
    ];
  }
  const level = levelPayment(principal, monthly, n, method);
  const items: PlannedInstalment[] = [];
  let balance = principal;
  dueDates.forEach((dueDate, index) => {
    const interestDue = toCents(balance.times(monthly));
    const last = index === n - 1;
    let principalDue: Decimal;
    if (last) principalDue = balance;
    else if (method === 'EQUAL_INSTALMENT')
      principalDue = Prisma.Decimal.max(0, Prisma.Decimal.min(balance, level.minus(interestDue)));
    else if (method === 'EQUAL_PRINCIPAL') principalDue = Prisma.Decimal.min(balance, level);
    else principalDue = new Prisma.Decimal(0);
    items.push({ dueDate, principalDue, interestDue });
    balance = balance.minus(principalDue);
  });
  return items;
}

// The fixed monthly amount: the annuity payment, or the principal share per month.
function levelPayment(principal: Decimal, monthly: Decimal, n: number, method: RepaymentMethod): Decimal {
  if (method === 'EQUAL_PRINCIPAL') return toCents(principal.dividedBy(n));
  if (method !== 'EQUAL_INSTALMENT') return new Prisma.Decimal(0);
  if (monthly.isZero()) return toCents(principal.dividedBy(n));
  const growth = monthly.plus(1).pow(n);
  return toCents(principal.times(monthly).times(growth).dividedBy(growth.minus(1)));
}
