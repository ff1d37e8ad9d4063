import type { Database } from '../../../src/db/client.js';
import { applyForLoan, approveLoan, type ApplyForLoanInput } from '../../../src/modules/loans/loanLifecycle.service.js';
import { disburseLoan } from '../../../src/modules/loans/loanMoney.service.js';
import { officer, writeIds } from '../writes/writeFixture.js';

/** A one-year working-capital application of 1,000,000 CNY at 4.35%, equal instalments. */
export function loanApplication(overrides: Partial<ApplyForLoanInput> = {}): ApplyForLoanInput {
  return {
    contractNo: 'ZZ-2020-0001',
    enterpriseId: writeIds.enterprise,
    orgUnitId: writeIds.branch,
    product: 'WORKING_CAPITAL',
    regulatoryClass: 'INDUSTRY',
    policyRegime: 'TARGETED_2016_2020',
    repaymentMethod: 'EQUAL_INSTALMENT',
    effectiveRate: '0.043500',
    contractAmount: '1000000.00',
    contractDate: '2020-01-10',
    termMonths: 12,
    ...overrides,
  };
}

/**
 * Applies for, approves and (unless `disburse` is false) fully disburses a loan on its contract
 * date. Returns the loan id.
 * @throws Error when a step reports user errors (a broken fixture).
 */
export async function openLoan(
  db: Database,
  overrides: Partial<ApplyForLoanInput> = {},
  disburse = true,
): Promise<number> {
  const applied = await applyForLoan(db, officer, loanApplication(overrides));
  if (!applied.record) throw new Error(JSON.stringify(applied.userErrors));
  const approved = await approveLoan(db, officer, { loanId: applied.record.id });
  if (!approved.record) throw new Error(JSON.stringify(approved.userErrors));
  if (disburse) {
    const application = loanApplication(overrides);
    const disbursed = await disburseLoan(db, officer, {
      loanId: applied.record.id,
      amount: application.contractAmount,
      disbursedOn: application.contractDate,
    });
    if (!disbursed.record) throw new Error(JSON.stringify(disbursed.userErrors));
  }
  return applied.record.id;
}
