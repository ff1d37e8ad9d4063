import { fixtureIds as id, type Row } from './invariantFixture.js';

/**
 * One database rule, proven by rows: `valid` is accepted, `valid` with `broken` applied breaks
 * this rule and only it (accepted once the rule is dropped), and so does each of `alsoBroken`;
 * each of `alsoValid` is accepted.
 */
export interface InvariantCase {
  /** The constraint (or trigger rule) name the database reports. */
  constraint: string;
  table: string;
  /** What the rule says, for the test's name. */
  rule: string;
  valid: Row;
  broken: Row;
  alsoBroken?: Row[];
  alsoValid?: Row[];
}

const county: Row = { code: '410186', name: '测试县', level: 'COUNTY', parentId: id.zhengzhou };
const village: Row = {
  name: '上冶村',
  countyId: id.dengfeng,
  townshipId: id.daye,
  code: '410185105200',
  codeVerified: true,
};
const initiative: Row = {
  code: 'T-LUNCH',
  name: 'Love Lunch',
  nameZh: '爱心午餐',
  category: 'NUTRITION',
  status: 'ACTIVE',
  ownerOrgUnitId: id.branch,
  startDate: '2017-12-01',
  endDate: '2020-12-31',
  budget: '1000.00',
};
const cadre: Row = {
  initiativeId: id.initiative,
  villageId: id.village,
  role: 'FIRST_SECRETARY',
  partyMember: true,
  staffRef: 'ZZ-CADRE-001',
  startDate: '2017-12-01',
  endDate: '2020-12-31',
};
const metric: Row = {
  initiativeId: id.initiative,
  metric: 'STUDENTS_SUPPORTED',
  value: '10',
  unit: 'PERSON',
  periodStart: '2013-01-01',
  periodEnd: '2020-06-30',
  approximate: true,
  qualifier: '近',
};
const enterprise: Row = {
  name: 'A health-food company',
  creditCode: '91350100M000100Y43',
  industrySection: 'C',
  industryCode: '1440',
};
const loan: Row = {
  contractNo: 'T-LOAN-1',
  enterpriseId: id.enterprise,
  orgUnitId: id.branch,
  product: 'WORKING_CAPITAL',
  regulatoryClass: 'INDUSTRY',
  policyRegime: 'TARGETED_2016_2020',
  status: 'DISBURSED',
  contractAmount: '1000.00',
  disbursedAmount: '800.00',
  outstandingBalance: '500.00',
  overduePrincipal: '100.00',
  overdueInterest: '5.00',
  daysPastDue: 10,
  contractDate: '2020-03-01',
  firstDisbursementDate: '2020-03-05',
  maturityDate: '2021-03-01',
  termMonths: 12,
  lprAtPricing: '0.038500',
  effectiveRate: '0.043500',
  interestSubsidyRate: '0.010000',
};
const scheduleItem: Row = {
  loanId: id.loan,
  seq: 1,
  dueDate: '2020-06-30',
  principalDue: '100.00',
  interestDue: '3.50',
};
const repayment: Row = {
  loanId: id.loan,
  paidOn: '2020-06-30',
  principal: '100.00',
  interest: '3.50',
  penalty: '0.00',
};
const snapshot: Row = {
  loanId: id.loan,
  monthEnd: '2020-02-29',
  riskClass: 'NORMAL',
  outstandingBalance: '500.00',
  daysPastDue: 0,
};
const impact: Row = {
  loanId: id.loan,
  regionId: id.yeCounty,
  periodStart: '2019-01-01',
  periodEnd: '2019-12-31',
  mechanism: 'EMPLOYMENT',
  peopleDriven: 1000,
  registeredPoorPeople: 300,
  registeredPoorHouseholds: 40,
  employeesTotal: 1000,
  poorEmployeeShare: '0.3000',
  incomeIncrease: '1000.00',
  approximate: true,
  qualifier: '超',
  verifiedBy: 'BANK',
};
const lprRate: Row = { effectiveDate: '2020-04-20', tenor: 'ONE_YEAR', rate: '0.038500' };

function nonnegative(
  table: string,
  valid: Row,
  column: string,
  options: { isolate?: Row; notNull?: boolean } = {},
): InvariantCase {
  const isolate = options.isolate ?? {};
  return {
    constraint: `${table}_${column}_nonnegative_check`,
    table,
    rule: `${column} is not negative`,
    valid,
    broken: { ...isolate, [column]: -1 },
    alsoValid: options.notNull ? [{ ...isolate, [column]: 0 }] : [{ ...isolate, [column]: 0 }, { [column]: null }],
  };
}

function ordered(constraint: string, table: string, valid: Row, start: string, end: string): InvariantCase {
  return {
    constraint,
    table,
    rule: `${end} is not before ${start}`,
    valid,
    broken: { [start]: '2020-01-02', [end]: '2020-01-01' },
    alsoValid: [{ [start]: '2020-01-01', [end]: '2020-01-01' }, { [end]: null }],
  };
}

/** Every CHECK constraint and trigger rule of the invariants migration, each with its proof rows. */
export const invariantCases: readonly InvariantCase[] = [
  // Region
  {
    constraint: 'Region_code_digits_check',
    table: 'Region',
    rule: 'a code is digits only',
    valid: county,
    broken: { code: '4101X6' },
  },
  {
    constraint: 'Region_code_length_matches_level_check',
    table: 'Region',
    rule: 'a code has 2, 4, 6 or 9 digits for a province, prefecture, county or township',
    valid: county,
    broken: { code: '4101860' },
    alsoBroken: [{ level: 'PREFECTURE', parentId: id.henan, code: '41018' }],
    alsoValid: [{ level: 'TOWNSHIP', parentId: id.dengfeng, code: '410185106' }],
  },
  {
    constraint: 'Region_parent_required_below_province_check',
    table: 'Region',
    rule: 'only a province has no parent',
    valid: county,
    broken: { parentId: null },
    alsoValid: [{ level: 'PROVINCE', code: '42', parentId: null }],
  },
  {
    constraint: 'Region_parent_one_level_up_check',
    table: 'Region',
    rule: "a region's parent is exactly one level up (trigger)",
    valid: county,
    broken: { parentId: id.henan },
    alsoBroken: [{ level: 'TOWNSHIP', code: '410100001', parentId: id.zhengzhou }],
  },
  {
    constraint: 'Region_code_extends_parent_check',
    table: 'Region',
    rule: "a region's code starts with its parent's code (trigger)",
    valid: county,
    broken: { code: '420186' },
  },
  // Village
  {
    constraint: 'Village_code_digits_check',
    table: 'Village',
    rule: 'a village code is 12 digits',
    valid: village,
    broken: { code: '41018510520A' },
    alsoBroken: [{ code: '41018510520' }],
  },
  {
    constraint: 'Village_code_verified_needs_code_check',
    table: 'Village',
    rule: 'only a village with a code can have it verified',
    valid: village,
    broken: { code: null },
    alsoValid: [{ code: null, codeVerified: false }],
  },
  nonnegative('Village', village, 'population'),
  nonnegative('Village', village, 'registeredPoorHouseholds'),
  {
    constraint: 'Village_county_is_county_check',
    table: 'Village',
    rule: "a village's county is a county-level region (trigger)",
    valid: village,
    broken: { countyId: id.zhengzhou, townshipId: null, code: null, codeVerified: false },
  },
  {
    constraint: 'Village_township_in_county_check',
    table: 'Village',
    rule: "a village's township is a township of its county (trigger)",
    valid: village,
    broken: { countyId: id.yeCounty, code: null, codeVerified: false },
    alsoBroken: [{ townshipId: id.dengfeng, code: null, codeVerified: false }],
  },
  {
    constraint: 'Village_code_extends_region_check',
    table: 'Village',
    rule: "a village's code starts with its township's code, else its county's (trigger)",
    valid: village,
    broken: { code: '410185106200' },
    alsoBroken: [{ townshipId: null, code: '410422105200' }],
    alsoValid: [{ townshipId: null, code: '410185106200' }],
  },
  // Initiative, CadreAssignment, Campaign, InitiativeMetric
  ordered('Initiative_dates_ordered_check', 'Initiative', initiative, 'startDate', 'endDate'),
  nonnegative('Initiative', initiative, 'budget'),
  ordered('CadreAssignment_dates_ordered_check', 'CadreAssignment', cadre, 'startDate', 'endDate'),
  ordered(
    'Campaign_dates_ordered_check',
    'Campaign',
    { code: 'T-PUHUI', name: '工银普惠行', startDate: '2019-01-01' },
    'startDate',
    'endDate',
  ),
  {
    constraint: 'InitiativeMetric_value_nonnegative_check',
    table: 'InitiativeMetric',
    rule: 'a metric value is not negative',
    valid: metric,
    broken: { value: '-1' },
    alsoBroken: [{ unit: 'CNY', value: '-0.01' }],
    alsoValid: [{ value: '0' }, { value: null }],
  },
  {
    constraint: 'InitiativeMetric_count_is_whole_check',
    table: 'InitiativeMetric',
    rule: 'a count of persons, households, cards, outlets, years, sectors or loans is whole',
    valid: metric,
    broken: { value: '9.5' },
    alsoBroken: [{ metric: 'CARDS_ISSUED', unit: 'CARD', value: '200000.01' }],
    alsoValid: [
      { metric: 'MEAL_SUBSIDY_PER_CHILD', unit: 'CNY_PER_CHILD_DAY', value: '3.50' },
      { metric: 'PURCHASE_AMOUNT', unit: 'CNY', value: '1999999.99' },
    ],
  },
  ordered('InitiativeMetric_period_ordered_check', 'InitiativeMetric', metric, 'periodStart', 'periodEnd'),
  {
    constraint: 'InitiativeMetric_qualifier_needs_approximate_check',
    table: 'InitiativeMetric',
    rule: 'a qualified figure (近, 超, 約) is flagged approximate',
    valid: metric,
    broken: { approximate: false },
    alsoValid: [{ approximate: false, qualifier: null }],
  },
  // Enterprise
  {
    constraint: 'Enterprise_creditCode_format_check',
    table: 'Enterprise',
    rule: 'a credit code is 18 characters of the GB 32100 alphabet',
    valid: enterprise,
    broken: { creditCode: '91350100M000100I43' },
    alsoBroken: [{ creditCode: '91350100M000100Y4' }, { creditCode: '91350100m000100Y43' }],
    alsoValid: [{ creditCode: null }],
  },
  {
    constraint: 'Enterprise_creditCode_check_digit_check',
    table: 'Enterprise',
    rule: 'a credit code passes its GB 32100 check character',
    valid: enterprise,
    broken: { creditCode: '91350100M000100Y44' },
    alsoBroken: [{ creditCode: '91350100M000100Y34' }],
  },
  {
    constraint: 'Enterprise_industrySection_letter_check',
    table: 'Enterprise',
    rule: 'an industry section is a letter A–T',
    valid: enterprise,
    broken: { industrySection: 'U', industryCode: null },
    alsoBroken: [{ industrySection: 'c', industryCode: null }],
  },
  {
    constraint: 'Enterprise_industryCode_format_check',
    table: 'Enterprise',
    rule: 'an industry code is a GB/T 4754 division, group or class (2 to 4 digits)',
    valid: enterprise,
    broken: { industryCode: '14A0' },
    alsoBroken: [{ industryCode: '14401' }, { industryCode: '1' }],
    alsoValid: [{ industryCode: '14' }, { industryCode: '144' }],
  },
  {
    constraint: 'Enterprise_industryCode_matches_section_check',
    table: 'Enterprise',
    rule: "an industry code lies in its section's divisions",
    valid: enterprise,
    broken: { industryCode: '0313' },
    alsoBroken: [{ industrySection: 'A', industryCode: '9800' }],
    alsoValid: [
      { industrySection: 'A', industryCode: '0313' },
      { industrySection: 'T', industryCode: '9700' },
      { industrySection: null },
    ],
  },
  // EnterpriseLoan
  nonnegative('EnterpriseLoan', loan, 'contractAmount', {
    isolate: { disbursedAmount: null, outstandingBalance: null, overduePrincipal: null },
  }),
  nonnegative('EnterpriseLoan', loan, 'disbursedAmount', {
    isolate: { outstandingBalance: null, overduePrincipal: null },
  }),
  nonnegative('EnterpriseLoan', loan, 'outstandingBalance', { isolate: { overduePrincipal: null } }),
  nonnegative('EnterpriseLoan', loan, 'overduePrincipal'),
  nonnegative('EnterpriseLoan', loan, 'overdueInterest'),
  {
    constraint: 'EnterpriseLoan_disbursed_within_contract_check',
    table: 'EnterpriseLoan',
    rule: 'the disbursed amount is at most the contract amount',
    valid: loan,
    broken: { disbursedAmount: '1000.01' },
    alsoValid: [{ disbursedAmount: '1000.00' }, { contractAmount: null }],
  },
  {
    constraint: 'EnterpriseLoan_balance_within_disbursed_check',
    table: 'EnterpriseLoan',
    rule: 'the outstanding balance is at most the disbursed amount',
    valid: loan,
    broken: { outstandingBalance: '800.01' },
    alsoValid: [{ outstandingBalance: '800.00' }],
  },
  {
    constraint: 'EnterpriseLoan_balance_within_contract_check',
    table: 'EnterpriseLoan',
    rule: 'with the disbursed amount unknown, the balance is still at most the contract amount',
    valid: loan,
    broken: { disbursedAmount: null, outstandingBalance: '1000.01' },
    alsoValid: [{ disbursedAmount: null, outstandingBalance: '1000.00' }],
  },
  {
    constraint: 'EnterpriseLoan_overdue_within_balance_check',
    table: 'EnterpriseLoan',
    rule: 'overdue principal is at most the outstanding balance',
    valid: loan,
    broken: { overduePrincipal: '500.01' },
  },
  {
    constraint: 'EnterpriseLoan_repaid_needs_zero_balance_check',
    table: 'EnterpriseLoan',
    rule: 'a REPAID loan has a zero balance, not an unknown one',
    valid: loan,
    broken: { status: 'REPAID' },
    alsoBroken: [{ status: 'REPAID', outstandingBalance: null, overduePrincipal: null }],
    alsoValid: [{ status: 'REPAID', outstandingBalance: '0.00', overduePrincipal: '0.00' }],
  },
  nonnegative('EnterpriseLoan', loan, 'daysPastDue'),
  {
    constraint: 'EnterpriseLoan_maturity_after_contract_check',
    table: 'EnterpriseLoan',
    rule: 'maturity is after the contract date',
    valid: loan,
    broken: { maturityDate: '2020-03-01' },
    alsoValid: [{ maturityDate: '2020-03-02' }, { contractDate: null, firstDisbursementDate: null }],
  },
  {
    constraint: 'EnterpriseLoan_disbursement_after_contract_check',
    table: 'EnterpriseLoan',
    rule: 'the first disbursement is not before the contract date',
    valid: loan,
    broken: { firstDisbursementDate: '2020-02-29' },
    alsoValid: [{ firstDisbursementDate: '2020-03-01' }],
  },
  {
    constraint: 'EnterpriseLoan_termMonths_positive_check',
    table: 'EnterpriseLoan',
    rule: 'the term is at least a month',
    valid: loan,
    broken: { termMonths: 0 },
    alsoValid: [{ termMonths: 1 }],
  },
  {
    constraint: 'EnterpriseLoan_lprAtPricing_range_check',
    table: 'EnterpriseLoan',
    rule: 'the LPR at pricing is a fraction above 0 and below 1 (not a percentage)',
    valid: loan,
    broken: { lprAtPricing: '3.850000' },
    alsoBroken: [{ lprAtPricing: '0' }],
  },
  {
    constraint: 'EnterpriseLoan_effectiveRate_range_check',
    table: 'EnterpriseLoan',
    rule: 'the effective rate is a fraction from 0 to below 1 (not a percentage)',
    valid: loan,
    broken: { effectiveRate: '4.350000' },
    alsoBroken: [{ effectiveRate: '-0.000001' }],
    alsoValid: [{ effectiveRate: '0' }],
  },
  {
    constraint: 'EnterpriseLoan_interestSubsidyRate_range_check',
    table: 'EnterpriseLoan',
    rule: 'the interest subsidy rate is a fraction from 0 to below 1',
    valid: loan,
    broken: { interestSubsidyRate: '-0.010000' },
    alsoBroken: [{ interestSubsidyRate: '1' }],
  },
  // RepaymentScheduleItem, Repayment, LoanClassificationSnapshot
  {
    constraint: 'RepaymentScheduleItem_seq_positive_check',
    table: 'RepaymentScheduleItem',
    rule: 'instalments are numbered from 1',
    valid: scheduleItem,
    broken: { seq: 0 },
  },
  nonnegative('RepaymentScheduleItem', scheduleItem, 'principalDue', { notNull: true }),
  nonnegative('RepaymentScheduleItem', scheduleItem, 'interestDue', { notNull: true }),
  nonnegative('RepaymentScheduleItem', scheduleItem, 'principalPaid', { notNull: true }),
  nonnegative('RepaymentScheduleItem', scheduleItem, 'interestPaid', { notNull: true }),
  nonnegative('Repayment', repayment, 'principal', { notNull: true }),
  nonnegative('Repayment', repayment, 'interest', { notNull: true }),
  nonnegative('Repayment', repayment, 'penalty', { notNull: true }),
  nonnegative('LoanClassificationSnapshot', snapshot, 'outstandingBalance', { notNull: true }),
  nonnegative('LoanClassificationSnapshot', snapshot, 'daysPastDue', { notNull: true }),
  {
    constraint: 'LoanClassificationSnapshot_monthEnd_is_month_end_check',
    table: 'LoanClassificationSnapshot',
    rule: 'a snapshot is taken on the last day of a month',
    valid: snapshot,
    broken: { monthEnd: '2020-02-28' },
    alsoBroken: [{ monthEnd: '2020-03-01' }],
    alsoValid: [{ monthEnd: '2020-12-31' }, { monthEnd: '2019-02-28' }],
  },
  // ImpactRecord
  {
    constraint: 'ImpactRecord_names_loan_or_initiative_check',
    table: 'ImpactRecord',
    rule: 'an impact record names a loan or an initiative',
    valid: impact,
    broken: { loanId: null },
    alsoValid: [{ loanId: null, initiativeId: id.initiative }, { initiativeId: id.initiative }],
  },
  nonnegative('ImpactRecord', impact, 'peopleDriven'),
  nonnegative('ImpactRecord', impact, 'registeredPoorPeople'),
  nonnegative('ImpactRecord', impact, 'registeredPoorHouseholds'),
  nonnegative('ImpactRecord', impact, 'employeesTotal'),
  {
    constraint: 'ImpactRecord_poorEmployeeShare_range_check',
    table: 'ImpactRecord',
    rule: 'the poor employees’ share is within 0–1',
    valid: impact,
    broken: { poorEmployeeShare: '1.0001' },
    alsoBroken: [{ poorEmployeeShare: '-0.0001' }],
    alsoValid: [{ poorEmployeeShare: '0' }, { poorEmployeeShare: '1' }, { poorEmployeeShare: null }],
  },
  nonnegative('ImpactRecord', impact, 'incomeIncrease'),
  ordered('ImpactRecord_period_ordered_check', 'ImpactRecord', impact, 'periodStart', 'periodEnd'),
  {
    constraint: 'ImpactRecord_qualifier_needs_approximate_check',
    table: 'ImpactRecord',
    rule: 'a qualified figure (近, 超, 約, 數萬) is flagged approximate',
    valid: impact,
    broken: { approximate: false },
    alsoValid: [{ approximate: false, qualifier: null }],
  },
  // LprRate
  {
    constraint: 'LprRate_rate_range_check',
    table: 'LprRate',
    rule: 'an LPR is a fraction above 0 and below 1 (not a percentage)',
    valid: lprRate,
    broken: { rate: '0' },
    alsoBroken: [{ rate: '3.850000' }],
  },
];
