import type { RepaymentScheduleItem } from '../../generated/prisma/client.js';
import type { Tx } from '../writes/index.js';
import { delinquencyAsOf, type Delinquency } from './loanDelinquency.js';

/** Reads a loan's schedule in seq order. */
export function readSchedule(tx: Tx, loanId: number): Promise<RepaymentScheduleItem[]> {
  return tx.repaymentScheduleItem.findMany({ where: { loanId }, orderBy: { seq: 'asc' } });
}

/**
 * Computes the loan's arrears as of `asOf` from its schedule and writes every instalment status
 * that changed. Returns the arrears for the loan row.
 */
export async function refreshDelinquency(tx: Tx, items: RepaymentScheduleItem[], asOf: Date): Promise<Delinquency> {
  const delinquency = delinquencyAsOf(items, asOf);
  for (const item of items) {
    const status = delinquency.statuses.get(item.id)!;
    if (status !== item.status) await tx.repaymentScheduleItem.update({ where: { id: item.id }, data: { status } });
  }
  return delinquency;
}
