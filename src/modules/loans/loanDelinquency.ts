import { Prisma } from '../../generated/prisma/client.js';
import type { RiskClass, ScheduleStatus } from '../../generated/prisma/enums.js';
import { daysBetween } from '../writes/index.js';
import type { OpenInstalment } from './repaymentAllocation.js';

type Decimal = Prisma.Decimal;

/** A loan's arrears on a day: what is past due, since when, and each instalment's status. */
export interface Delinquency {
  overduePrincipal: Decimal;
  overdueInterest: Decimal;
  daysPastDue: number;
  statuses: Map<number, ScheduleStatus>;
}

/**
 * Returns the arrears as of `asOf`: an instalment due before that day and not fully paid is
 * OVERDUE; a fully paid one PAID; a partly paid one not yet due PARTIAL; others keep their
 * status (PENDING or DEFERRED). Days past due count from the oldest overdue due date.
 */
export function delinquencyAsOf(items: Array<OpenInstalment & { status: ScheduleStatus }>, asOf: Date): Delinquency {
  let overduePrincipal = new Prisma.Decimal(0);
  let overdueInterest = new Prisma.Decimal(0);
  let oldest: Date | undefined;
  const statuses = new Map<number, ScheduleStatus>();
  for (const item of items) {
    const principalLeft = item.principalDue.minus(item.principalPaid);
    const interestLeft = item.interestDue.minus(item.interestPaid);
    if (principalLeft.isZero() && interestLeft.isZero()) {
      statuses.set(item.id, 'PAID');
    } else if (item.dueDate < asOf) {
      statuses.set(item.id, 'OVERDUE');
      overduePrincipal = overduePrincipal.plus(principalLeft);
      overdueInterest = overdueInterest.plus(interestLeft);
      if (!oldest || item.dueDate < oldest) oldest = item.dueDate;
    } else if (item.principalPaid.greaterThan(0) || item.interestPaid.greaterThan(0)) {
      statuses.set(item.id, 'PARTIAL');
    } else {
      statuses.set(item.id, item.status === 'DEFERRED' ? 'DEFERRED' : 'PENDING');
    }
  }
  return { overduePrincipal, overdueInterest, daysPastDue: oldest ? daysBetween(oldest, asOf) : 0, statuses };
}

/**
 * The five-class risk class (五級分類) that days past due suggest, as the regulator's guidance
 * bands them: current NORMAL, up to 90 days SPECIAL_MENTION, 91–180 SUBSTANDARD, 181–360
 * DOUBTFUL, beyond LOSS. A classifier may override it with judgment.
 */
export function riskClassForDaysPastDue(daysPastDue: number): RiskClass {
  if (daysPastDue <= 0) return 'NORMAL';
  if (daysPastDue <= 90) return 'SPECIAL_MENTION';
  if (daysPastDue <= 180) return 'SUBSTANDARD';
  if (daysPastDue <= 360) return 'DOUBTFUL';
  return 'LOSS';
}

/** Risk classes that make a loan non-performing. */
export const nonPerformingClasses: readonly RiskClass[] = Object.freeze(['SUBSTANDARD', 'DOUBTFUL', 'LOSS']);
