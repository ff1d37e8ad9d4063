/**
 * Every code a mutation's `userErrors` can carry, in one table, with what it means. The SDL's
 * `UserErrorCode` enum and the README's list are kept in step with it by
 * test/modules/writes/userErrorCodesInStep.test.ts.
 */
export const userErrorCodes = Object.freeze({
  REQUIRED: 'A required field is missing or empty.',
  INVALID_FORMAT: 'A value has the wrong shape (a date, decimal, code or reference that cannot be read).',
  NOT_FOUND: 'The row the field refers to does not exist.',
  ALREADY_EXISTS: 'A row with this unique key already exists.',
  CONFLICT: 'The row changed since it was read: `expectedVersion` is stale; reload and retry.',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was already used with a different input.',
  INVALID_TRANSITION: 'The status change is not allowed by the lifecycle from the current status.',
  AMOUNT_NOT_POSITIVE: 'An amount must be greater than zero.',
  NEGATIVE_AMOUNT: 'An amount must not be negative.',
  TOO_MANY_DECIMALS: 'Money has at most 2 decimal places and rates at most 6.',
  AMOUNT_EXCEEDS_CONTRACT: 'Disbursements would exceed the contract amount.',
  AMOUNT_EXCEEDS_BALANCE: 'A repayment is larger than what is still owed.',
  BALANCE_EXCEEDS_DISBURSED: 'The outstanding balance is larger than the disbursed amount.',
  RATE_OUT_OF_RANGE: 'A rate is an annual fraction from 0 up to (not including) 1: 0.0385 is 3.85%.',
  TERM_NOT_POSITIVE: 'A term in months must be a whole number of at least 1.',
  MATURITY_BEFORE_CONTRACT: 'The maturity date must be after the contract date.',
  DATE_BEFORE_CONTRACT: 'A disbursement or repayment cannot predate the contract.',
  DATES_OUT_OF_ORDER: 'An end date is before its start date.',
  NOT_MONTH_END: 'A classification snapshot is taken on the last day of a month.',
  DEFERRAL_NOT_LATER: 'A deferral must move due dates later than they are now.',
  NOTHING_TO_DEFER: 'The loan has no unpaid instalment to defer.',
  NOT_NON_PERFORMING: 'Only a non-performing loan (SUBSTANDARD, DOUBTFUL, LOSS) can be written off.',
  DISBURSEMENT_AFTER_MATURITY: 'No instalment is left before maturity to carry a new disbursement.',
  MISSING_REPAYMENT_TERMS: 'The loan lacks the terms a schedule needs (repayment method, rate, term).',
  INVALID_CREDIT_CODE: 'A unified social credit code (統一社會信用代碼) fails its GB 32100 format or check character.',
  INDUSTRY_CODE_MISMATCH: 'The GB/T 4754 industry code does not belong to the given section.',
  REGION_LEVEL_MISMATCH: 'The region is not of the level the field needs (e.g. a county).',
  CODE_OUTSIDE_REGION: 'A village code must start with the code of its township or county.',
  NEGATIVE_COUNT: 'A count must not be negative.',
  NOT_WHOLE_NUMBER: 'A count of people, households, cards or the like must be a whole number.',
  COUNT_EXCEEDS_TOTAL: 'A part (e.g. registered poor people) is larger than its whole.',
  SHARE_OUT_OF_RANGE: 'A share is a fraction from 0 to 1.',
  QUALIFIER_NEEDS_APPROXIMATE: 'A qualifier such as 近 or 超 needs `approximate: true`.',
  CODE_VERIFIED_NEEDS_CODE: 'A village code cannot be marked verified when there is no code.',
  NOT_LINKED: 'The village is not linked to the initiative (in that role).',
  ALREADY_ENDED: 'The cadre assignment has already ended.',
  SITE_OF_OTHER_ENTERPRISE: 'The site belongs to another enterprise than the borrower.',
  MISSING_SUBJECT: 'An impact record names a loan or an initiative.',
  PERSONAL_DATA: 'A value looks like personal data (a name, ID or phone number), which Dishui never stores.',
  CONSTRAINT_VIOLATION: 'The database refused the change for a rule the message names.',
} as const);

/** One of the codes in {@link userErrorCodes}. */
export type UserErrorCode = keyof typeof userErrorCodes;
