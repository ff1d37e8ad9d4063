import type { Prisma } from '../../generated/prisma/client.js';
import type {
  FinancingModel,
  GuaranteeType,
  LoanProduct,
  LprTenor,
  PolicyRegime,
  RateType,
  RegulatoryClass,
  RepaymentMethod,
  SupportSector,
} from '../../generated/prisma/enums.js';
import {
  type Checks,
  type DateInput,
  type DecimalInput,
  addMonths,
  readDate,
  readMoney,
  readRate,
} from '../writes/index.js';

/** The terms of a loan application, as a form or an import row states them. */
export interface LoanTermsInput {
  contractNo: string;
  product: LoanProduct;
  regulatoryClass: RegulatoryClass;
  policyRegime: PolicyRegime;
  financingModel?: FinancingModel | null;
  guarantee?: GuaranteeType | null;
  rateType?: RateType | null;
  lprTenor?: LprTenor | null;
  lprAtPricing?: DecimalInput | null;
  spreadBps?: number | null;
  effectiveRate: DecimalInput;
  interestSubsidyRate?: DecimalInput | null;
  repaymentMethod: RepaymentMethod;
  contractAmount: DecimalInput;
  contractDate: DateInput;
  maturityDate?: DateInput | null;
  termMonths: number;
  supportSector?: SupportSector | null;
  note?: string | null;
}

/** The terms after validation, typed for Prisma. */
export interface LoanTerms {
  contractNo: string;
  lprAtPricing: Prisma.Decimal | null;
  effectiveRate: Prisma.Decimal;
  interestSubsidyRate: Prisma.Decimal | null;
  contractAmount: Prisma.Decimal;
  contractDate: Date;
  maturityDate: Date;
  termMonths: number;
}

/**
 * Checks the terms of a loan by the domain's invariants without touching the database: a
 * contract number, a positive contract amount in cents, rates as fractions in [0, 1), a whole
 * term of at least one month, and maturity after the contract date (by default the contract
 * date plus the term). Records every breach on `checks` (paths under `prefix`) and returns the
 * typed terms, or undefined when one was found.
 */
export function validateLoanTerms(
  checks: Checks,
  input: LoanTermsInput,
  prefix: Array<string | number> = [],
): LoanTerms | undefined {
  const at = (field: string) => [...prefix, field];
  const contractNo = (input.contractNo ?? '').trim();
  checks.require(contractNo.length > 0, at('contractNo'), 'REQUIRED', 'A contract number is required.');
  checks.require(
    contractNo.length <= 40,
    at('contractNo'),
    'INVALID_FORMAT',
    'A contract number has at most 40 characters.',
  );
  const contractAmount = readMoney(checks, input.contractAmount, at('contractAmount'));
  if (contractAmount === undefined)
    checks.require(false, at('contractAmount'), 'REQUIRED', 'The contract amount is required.');
  else if (contractAmount) {
    checks.require(
      contractAmount.greaterThan(0),
      at('contractAmount'),
      'AMOUNT_NOT_POSITIVE',
      `The contract amount must be greater than zero; got ${contractAmount.toFixed(2)}.`,
    );
  }
  const effectiveRate = readRate(checks, input.effectiveRate, at('effectiveRate'));
  if (effectiveRate === undefined)
    checks.require(
      false,
      at('effectiveRate'),
      'REQUIRED',
      'The effective annual rate is required to build a repayment schedule.',
    );
  const lprAtPricing = readRate(checks, input.lprAtPricing, at('lprAtPricing'));
  const interestSubsidyRate = readRate(checks, input.interestSubsidyRate, at('interestSubsidyRate'));
  if (input.spreadBps !== null && input.spreadBps !== undefined) {
    checks.require(
      Number.isInteger(input.spreadBps) && Math.abs(input.spreadBps) < 10_000,
      at('spreadBps'),
      'INVALID_FORMAT',
      'A spread is a whole number of basis points (may be negative).',
    );
  }
  const termOk = checks.require(
    Number.isInteger(input.termMonths) && input.termMonths >= 1 && input.termMonths <= 600,
    at('termMonths'),
    'TERM_NOT_POSITIVE',
    `The term is a whole number of months from 1 to 600; got ${String(input.termMonths)}.`,
  );
  const contractDate = readDate(checks, input.contractDate, at('contractDate'));
  if (contractDate === undefined)
    checks.require(false, at('contractDate'), 'REQUIRED', 'The contract date is required.');
  const givenMaturity = readDate(checks, input.maturityDate, at('maturityDate'));
  const maturityDate =
    givenMaturity ?? (contractDate && termOk ? addMonths(contractDate, input.termMonths) : undefined);
  if (contractDate && maturityDate) {
    checks.require(
      maturityDate > contractDate,
      at('maturityDate'),
      'MATURITY_BEFORE_CONTRACT',
      'The maturity date must be after the contract date.',
    );
  }
  if (!checks.clean() || !contractAmount || !effectiveRate || !contractDate || !maturityDate) return undefined;
  return {
    contractNo,
    lprAtPricing: lprAtPricing ?? null,
    effectiveRate,
    interestSubsidyRate: interestSubsidyRate ?? null,
    contractAmount,
    contractDate,
    maturityDate,
    termMonths: input.termMonths,
  };
}
