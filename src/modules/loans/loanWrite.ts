import type { EnterpriseLoan } from '../../generated/prisma/client.js';
import type { LoanStatus } from '../../generated/prisma/enums.js';
import { type MutationScope, type Tx, fail, lockVersion } from '../writes/index.js';
import { canMoveLoan, loanTransitions } from './loanTransitions.js';

/** Reads a loan by id, for replaying an idempotent call. */
export function loadLoan(tx: Tx, id: number): Promise<EnterpriseLoan | null> {
  return tx.enterpriseLoan.findUnique({ where: { id } });
}

/**
 * Locks the loan for the rest of the transaction (so two money movements on one loan queue)
 * and returns it.
 * @throws UserInputError NOT_FOUND on loanId, or CONFLICT when `expectedVersion` is stale.
 */
export async function lockLoan(tx: Tx, loanId: number, expectedVersion?: number | null): Promise<EnterpriseLoan> {
  await lockVersion(tx, 'EnterpriseLoan', loanId, expectedVersion, ['loanId']);
  return tx.enterpriseLoan.findUniqueOrThrow({ where: { id: loanId } });
}

/**
 * Checks the lifecycle allows `loan` to move to `to` (see loanTransitions.ts).
 * @throws UserInputError INVALID_TRANSITION on loanId naming the allowed moves.
 */
export function requireMove(loan: EnterpriseLoan, to: LoanStatus, operation: string): void {
  if (canMoveLoan(loan.status, to)) return;
  const allowed = loanTransitions[loan.status];
  fail(
    ['loanId'],
    'INVALID_TRANSITION',
    `Cannot ${operation} loan ${loan.contractNo}: it is ${loan.status}, which can move only to ${allowed.length > 0 ? allowed.join(' or ') : 'nothing (final)'}, not ${to}.`,
  );
}

/**
 * Writes `data` to the loan with the compare-and-set on its version (incrementing it), records
 * the before and after values in the audit trail, and returns the loan as written.
 */
export async function saveLoan(
  scope: MutationScope,
  before: EnterpriseLoan,
  data: Parameters<Tx['enterpriseLoan']['update']>[0]['data'],
): Promise<EnterpriseLoan> {
  const after = await scope.tx.enterpriseLoan.update({
    where: { id: before.id, version: before.version },
    data: { ...data, version: { increment: 1 } },
  });
  await scope.audit({ entityType: 'EnterpriseLoan', entityId: before.id, before, after });
  return after;
}
