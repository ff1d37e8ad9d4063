import type { LoanStatus } from '../../generated/prisma/enums.js';

/**
 * The loan lifecycle, written once: for each status, the statuses a loan may move to. A status
 * listed under itself means an operation may leave it there (a second disbursement keeps a loan
 * DISBURSED). Every lifecycle service checks its move with {@link canMoveLoan}.
 *
 *   APPLIED → APPROVED | REJECTED
 *   APPROVED → DISBURSED
 *   DISBURSED → DISBURSED | OVERDUE | REPAID
 *   OVERDUE → OVERDUE | DISBURSED (cured) | REPAID | WRITTEN_OFF
 *   REPAID, REJECTED, WRITTEN_OFF: final
 */
export const loanTransitions: Readonly<Record<LoanStatus, readonly LoanStatus[]>> = Object.freeze({
  APPLIED: ['APPROVED', 'REJECTED'],
  APPROVED: ['DISBURSED'],
  DISBURSED: ['DISBURSED', 'OVERDUE', 'REPAID'],
  OVERDUE: ['OVERDUE', 'DISBURSED', 'REPAID', 'WRITTEN_OFF'],
  REPAID: [],
  REJECTED: [],
  WRITTEN_OFF: [],
});

/** Returns true when the lifecycle lets a loan move from `from` to `to`. */
export function canMoveLoan(from: LoanStatus, to: LoanStatus): boolean {
  return loanTransitions[from].includes(to);
}

/** Statuses in which a loan has money out, so it can be repaid, deferred or classified. */
export const loanStatusesWithBalance: readonly LoanStatus[] = Object.freeze(['DISBURSED', 'OVERDUE']);
