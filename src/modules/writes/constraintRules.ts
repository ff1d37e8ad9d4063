import type { UserErrorCode } from './userErrorCodes.js';

/** Where a database rule points a form, and under which code. */
export interface ConstraintRule {
  field: string;
  code: UserErrorCode;
}

/**
 * The database's named rules (CHECK constraints and the trigger checks of
 * prisma/migrations/20261127000100_invariants, unique keys) mapped to an input field and code.
 * Services check every one of these first; this table only catches what slips through, so a
 * breach still reaches the caller as a user error and never as a server error.
 */
export const constraintRules: Readonly<Record<string, ConstraintRule>> = Object.freeze({
  Village_code_digits_check: { field: 'code', code: 'INVALID_FORMAT' },
  Village_code_verified_needs_code_check: { field: 'codeVerified', code: 'CODE_VERIFIED_NEEDS_CODE' },
  Village_population_nonnegative_check: { field: 'population', code: 'NEGATIVE_COUNT' },
  Village_registeredPoorHouseholds_nonnegative_check: { field: 'registeredPoorHouseholds', code: 'NEGATIVE_COUNT' },
  Village_county_is_county_check: { field: 'countyId', code: 'REGION_LEVEL_MISMATCH' },
  Village_township_in_county_check: { field: 'townshipId', code: 'REGION_LEVEL_MISMATCH' },
  Village_code_extends_region_check: { field: 'code', code: 'CODE_OUTSIDE_REGION' },
  Village_code_key: { field: 'code', code: 'ALREADY_EXISTS' },
  Initiative_dates_ordered_check: { field: 'endDate', code: 'DATES_OUT_OF_ORDER' },
  Initiative_budget_nonnegative_check: { field: 'budget', code: 'NEGATIVE_AMOUNT' },
  Initiative_code_key: { field: 'code', code: 'ALREADY_EXISTS' },
  CadreAssignment_dates_ordered_check: { field: 'endDate', code: 'DATES_OUT_OF_ORDER' },
  Campaign_dates_ordered_check: { field: 'endDate', code: 'DATES_OUT_OF_ORDER' },
  Campaign_code_key: { field: 'code', code: 'ALREADY_EXISTS' },
  InitiativeMetric_value_nonnegative_check: { field: 'value', code: 'NEGATIVE_COUNT' },
  InitiativeMetric_count_is_whole_check: { field: 'value', code: 'NOT_WHOLE_NUMBER' },
  InitiativeMetric_period_ordered_check: { field: 'periodEnd', code: 'DATES_OUT_OF_ORDER' },
  InitiativeMetric_qualifier_needs_approximate_check: { field: 'approximate', code: 'QUALIFIER_NEEDS_APPROXIMATE' },
  Enterprise_creditCode_format_check: { field: 'creditCode', code: 'INVALID_CREDIT_CODE' },
  Enterprise_creditCode_check_digit_check: { field: 'creditCode', code: 'INVALID_CREDIT_CODE' },
  Enterprise_creditCode_key: { field: 'creditCode', code: 'ALREADY_EXISTS' },
  Enterprise_industrySection_letter_check: { field: 'industrySection', code: 'INVALID_FORMAT' },
  Enterprise_industryCode_format_check: { field: 'industryCode', code: 'INVALID_FORMAT' },
  Enterprise_industryCode_matches_section_check: { field: 'industryCode', code: 'INDUSTRY_CODE_MISMATCH' },
  EnterpriseLoan_contractNo_key: { field: 'contractNo', code: 'ALREADY_EXISTS' },
  EnterpriseLoan_contractAmount_nonnegative_check: { field: 'contractAmount', code: 'NEGATIVE_AMOUNT' },
  EnterpriseLoan_disbursedAmount_nonnegative_check: { field: 'amount', code: 'NEGATIVE_AMOUNT' },
  EnterpriseLoan_outstandingBalance_nonnegative_check: { field: 'amount', code: 'AMOUNT_EXCEEDS_BALANCE' },
  EnterpriseLoan_disbursed_within_contract_check: { field: 'amount', code: 'AMOUNT_EXCEEDS_CONTRACT' },
  EnterpriseLoan_balance_within_disbursed_check: { field: 'outstandingBalance', code: 'BALANCE_EXCEEDS_DISBURSED' },
  EnterpriseLoan_balance_within_contract_check: { field: 'outstandingBalance', code: 'AMOUNT_EXCEEDS_CONTRACT' },
  EnterpriseLoan_repaid_needs_zero_balance_check: { field: 'status', code: 'INVALID_TRANSITION' },
  EnterpriseLoan_maturity_after_contract_check: { field: 'maturityDate', code: 'MATURITY_BEFORE_CONTRACT' },
  EnterpriseLoan_disbursement_after_contract_check: { field: 'disbursedOn', code: 'DATE_BEFORE_CONTRACT' },
  EnterpriseLoan_termMonths_positive_check: { field: 'termMonths', code: 'TERM_NOT_POSITIVE' },
  EnterpriseLoan_lprAtPricing_range_check: { field: 'lprAtPricing', code: 'RATE_OUT_OF_RANGE' },
  EnterpriseLoan_effectiveRate_range_check: { field: 'effectiveRate', code: 'RATE_OUT_OF_RANGE' },
  EnterpriseLoan_interestSubsidyRate_range_check: { field: 'interestSubsidyRate', code: 'RATE_OUT_OF_RANGE' },
  LoanClassificationSnapshot_monthEnd_is_month_end_check: { field: 'monthEnd', code: 'NOT_MONTH_END' },
  LoanClassificationSnapshot_loanId_monthEnd_key: { field: 'monthEnd', code: 'ALREADY_EXISTS' },
  ImpactRecord_names_loan_or_initiative_check: { field: 'loanId', code: 'MISSING_SUBJECT' },
  ImpactRecord_peopleDriven_nonnegative_check: { field: 'peopleDriven', code: 'NEGATIVE_COUNT' },
  ImpactRecord_registeredPoorPeople_nonnegative_check: { field: 'registeredPoorPeople', code: 'NEGATIVE_COUNT' },
  ImpactRecord_registeredPoorHouseholds_nonnegative_check: {
    field: 'registeredPoorHouseholds',
    code: 'NEGATIVE_COUNT',
  },
  ImpactRecord_employeesTotal_nonnegative_check: { field: 'employeesTotal', code: 'NEGATIVE_COUNT' },
  ImpactRecord_poorEmployeeShare_range_check: { field: 'poorEmployeeShare', code: 'SHARE_OUT_OF_RANGE' },
  ImpactRecord_incomeIncrease_nonnegative_check: { field: 'incomeIncrease', code: 'NEGATIVE_AMOUNT' },
  ImpactRecord_period_ordered_check: { field: 'periodEnd', code: 'DATES_OUT_OF_ORDER' },
  ImpactRecord_qualifier_needs_approximate_check: { field: 'approximate', code: 'QUALIFIER_NEEDS_APPROXIMATE' },
});
