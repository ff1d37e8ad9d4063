import { bookkeepingColumns, regionFactColumns, type FactColumn } from './factColumns.js';
import { regionJoins } from './regionColumns.js';

/** A kind of flat fact: the table it reads, its joins, its columns and how it is filtered. */
export interface FactSource {
  kind: 'loan-facts' | 'impact-facts';
  /** GraphQL type whose `where` input filters the rows (the connections' filter). */
  whereType: 'EnterpriseLoan' | 'ImpactRecord';
  /** Alias of the base row: its `id` is the keyset, its `updatedAt` the refresh column. */
  alias: string;
  from: string;
  /**
   * The same joins for reading every row at once (the streaming export): per-row lookups become
   * joins of pre-aggregated tables, which the planner hashes once and may run in parallel workers
   * (a correlated subquery keeps the whole projection in one process). Defaults to `from`.
   */
  bulkFrom?: string;
  columns: readonly FactColumn[];
}

// The region hierarchy as one derived table: the planner hashes it once per statement instead of
// looking up four regions for every row.
const regionFrom = (regionId: string) => `LEFT JOIN (
      SELECT r."id", r."code", r."name", r."level", rc."name" AS "countyName", rc."povertyTier" AS "countyPovertyTier",
             rf."name" AS "prefectureName", rp."name" AS "provinceName"
      FROM "Region" r
      ${regionJoins('NULL')
        .slice(1)
        .map(([, sql]) => sql)
        .join('\n      ')}
    ) r ON r."id" = ${regionId}`;
// Enum values and codes never hold a comma, quote or line break: the CSV renderer skips its
// quoting test for them, which is most of the text columns.
const c = (name: string, sql: string, type: FactColumn['type'], description: string, plain = false): FactColumn => ({
  name,
  sql,
  type,
  description,
  ...(plain ||
  (type === 'text' &&
    /"(product|regulatoryClass|policyRegime|financingModel|guarantee|rateType|lprTenor|repaymentMethod|status|riskClass|supportSector|industrySection|industryCode|size|leadingEnterpriseLevel|creditCode|category|mechanism|verifiedBy)"$/.test(
      sql,
    ))
    ? { plain: true }
    : {}),
});

const loanJoinsFrom = `"EnterpriseLoan" l
    ${regionFrom('l."regionId"')}
    LEFT JOIN "OrgUnit" o ON o."id" = l."orgUnitId"
    LEFT JOIN "Enterprise" e ON e."id" = l."enterpriseId"`;
const campaignCodes = (where: string) =>
  `SELECT string_agg(cp."code", ';' ORDER BY cp."code") AS "codes" FROM "LoanCampaign" lc JOIN "Campaign" cp ON cp."id" = lc."campaignId" ${where}`;

/** Flat loan rows: the loan's own fields, then its borrower, booking unit and region denormalised. */
export const loanFactSource: FactSource = {
  kind: 'loan-facts',
  whereType: 'EnterpriseLoan',
  alias: 'l',
  from: `${loanJoinsFrom}
    LEFT JOIN LATERAL (${campaignCodes(`WHERE lc."loanId" = l."id"`)}) lcc ON true`,
  bulkFrom: `${loanJoinsFrom}
    LEFT JOIN (SELECT lc."loanId", ${campaignCodes(`GROUP BY lc."loanId"`).slice('SELECT '.length)}) lcc ON lcc."loanId" = l."id"`,
  columns: [
    c('loanId', 'l."id"', 'int', 'Row id of the loan: the keyset the pages follow.'),
    c('contractNo', 'l."contractNo"', 'text', 'Contract number.'),
    c('product', 'l."product"', 'text', 'Loan product (LoanProduct value).'),
    c(
      'regulatoryClass',
      'l."regulatoryClass"',
      'text',
      'PBoC targeted-poverty statistical class (RegulatoryClass value).',
    ),
    c('policyRegime', 'l."policyRegime"', 'text', 'Policy regime (PolicyRegime value).'),
    c('financingModel', 'l."financingModel"', 'text', 'Financing model (FinancingModel value).'),
    c('guarantee', 'l."guarantee"', 'text', 'Guarantee type (GuaranteeType value).'),
    c('rateType', 'l."rateType"', 'text', 'FIXED or FLOATING.'),
    c('lprTenor', 'l."lprTenor"', 'text', 'LPR tenor the rate is priced on.'),
    c('lprAtPricing', 'l."lprAtPricing"', 'decimal', 'LPR at pricing, annual fraction.'),
    c('spreadBps', 'l."spreadBps"', 'int', 'Spread over LPR in basis points.'),
    c('effectiveRate', 'l."effectiveRate"', 'decimal', 'Effective annual rate, fraction (0.038500 = 3.85%).'),
    c('interestSubsidyRate', 'l."interestSubsidyRate"', 'decimal', 'Fiscal interest subsidy rate, fraction.'),
    c('repaymentMethod', 'l."repaymentMethod"', 'text', 'Repayment method.'),
    c('contractAmount', 'l."contractAmount"', 'decimal', 'Contract amount, CNY.'),
    c('disbursedAmount', 'l."disbursedAmount"', 'decimal', 'Disbursed amount, CNY.'),
    c('outstandingBalance', 'l."outstandingBalance"', 'decimal', 'Outstanding balance, CNY.'),
    c('overduePrincipal', 'l."overduePrincipal"', 'decimal', 'Overdue principal, CNY.'),
    c('overdueInterest', 'l."overdueInterest"', 'decimal', 'Overdue interest, CNY.'),
    c('daysPastDue', 'l."daysPastDue"', 'int', 'Days past due.'),
    c('contractDate', 'l."contractDate"', 'date', 'Contract date.'),
    c('firstDisbursementDate', 'l."firstDisbursementDate"', 'date', 'First disbursement date.'),
    c('maturityDate', 'l."maturityDate"', 'date', 'Maturity date.'),
    c('termMonths', 'l."termMonths"', 'int', 'Term in months.'),
    c('deferredUntil', 'l."deferredUntil"', 'date', 'Deferral (延期還本付息) until.'),
    c('status', 'l."status"', 'text', 'Lifecycle status (LoanStatus value).'),
    c('riskClass', 'l."riskClass"', 'text', 'Five-tier risk class (五級分類).'),
    c(
      'nonPerforming',
      `COALESCE(l."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS'), false)`,
      'boolean',
      'Whether the risk class is SUBSTANDARD, DOUBTFUL or LOSS.',
    ),
    c('supportSector', 'l."supportSector"', 'text', 'COVID-19 support sector.'),
    c('illustrative', 'l."illustrative"', 'boolean', 'Whether amounts, rates or dates are made up for illustration.'),
    c(
      'campaignCodes',
      'lcc."codes"',
      'text',
      'Codes of the campaigns the loan was granted under, sorted, separated by ";"; null when none.',
    ),
    c('enterpriseId', 'e."id"', 'int', 'Row id of the borrower.'),
    c('enterpriseName', 'e."name"', 'text', 'Borrower name (anonymised where the source keeps it so).'),
    c('enterpriseNameZh', 'e."nameZh"', 'text', 'Borrower name in Chinese.'),
    c('enterpriseCreditCode', 'e."creditCode"', 'text', 'Unified social credit code (統一社會信用代碼).'),
    c('industrySection', 'e."industrySection"', 'text', 'GB/T 4754 section letter.'),
    c('industryCode', 'e."industryCode"', 'text', 'GB/T 4754 class code.'),
    c('enterpriseSize', 'e."size"', 'text', 'LARGE, MEDIUM, SMALL or MICRO.'),
    c(
      'leadingEnterpriseLevel',
      'e."leadingEnterpriseLevel"',
      'text',
      'Leading agricultural enterprise level (農業產業化龍頭企業).',
    ),
    c('orgUnitCode', 'o."code"', 'text', 'Code of the booking unit.'),
    c('orgUnitName', 'o."name"', 'text', 'Name of the booking unit.'),
    c('orgUnitNameZh', 'o."nameZh"', 'text', 'Chinese name of the booking unit.'),
    ...regionFactColumns('where the money is used'),
    ...bookkeepingColumns('l'),
  ],
};

/** Flat impact rows: the record, then its loan or initiative, booking or owner unit and region. */
export const impactFactSource: FactSource = {
  kind: 'impact-facts',
  whereType: 'ImpactRecord',
  alias: 'i',
  from: `"ImpactRecord" i
    ${regionFrom('i."regionId"')}
    LEFT JOIN "EnterpriseLoan" l ON l."id" = i."loanId"
    LEFT JOIN "Enterprise" e ON e."id" = l."enterpriseId"
    LEFT JOIN "Initiative" n ON n."id" = i."initiativeId"
    LEFT JOIN "OrgUnit" o ON o."id" = COALESCE(l."orgUnitId", n."ownerOrgUnitId")`,
  columns: [
    c('impactId', 'i."id"', 'int', 'Row id of the impact record: the keyset the pages follow.'),
    c('loanId', 'l."id"', 'int', 'Row id of the loan, null for an initiative record.'),
    c('loanContractNo', 'l."contractNo"', 'text', 'Contract number of the loan.'),
    c('loanProduct', 'l."product"', 'text', 'Product of the loan.'),
    c('loanRegulatoryClass', 'l."regulatoryClass"', 'text', 'Regulatory class of the loan.'),
    c('enterpriseName', 'e."name"', 'text', 'Borrower of the loan.'),
    c('initiativeId', 'n."id"', 'int', 'Row id of the initiative, null for a loan record.'),
    c('initiativeCode', 'n."code"', 'text', 'Code of the initiative.'),
    c('initiativeName', 'n."name"', 'text', 'Name of the initiative.'),
    c('initiativeCategory', 'n."category"', 'text', 'Category of the initiative (InitiativeCategory value).'),
    c('orgUnitCode', 'o."code"', 'text', "Code of the loan's booking unit or the initiative's owner."),
    c('orgUnitName', 'o."name"', 'text', 'Name of that unit.'),
    ...regionFactColumns('reached'),
    c('periodStart', 'i."periodStart"', 'date', 'Start of the period.'),
    c('periodEnd', 'i."periodEnd"', 'date', 'End of the period.'),
    c('mechanism', 'i."mechanism"', 'text', 'How poor people are driven (帶貧機制).'),
    c('peopleDriven', 'i."peopleDriven"', 'int', 'People driven (帶動).'),
    c('registeredPoorPeople', 'i."registeredPoorPeople"', 'int', 'Registered poor people (建檔立卡) reached.'),
    c('registeredPoorHouseholds', 'i."registeredPoorHouseholds"', 'int', 'Registered poor households reached.'),
    c('employeesTotal', 'i."employeesTotal"', 'int', 'Employees in total.'),
    c('poorEmployeeShare', 'i."poorEmployeeShare"', 'decimal', 'Share of poor employees, 0–1.'),
    c('incomeIncrease', 'i."incomeIncrease"', 'decimal', 'Income increase, CNY.'),
    c('approximate', 'i."approximate"', 'boolean', 'Whether the figures are approximate.'),
    c('qualifier', 'i."qualifier"', 'text', "The source's qualifier when approximate (近, 超, 約, 數萬)."),
    c('verifiedBy', 'i."verifiedBy"', 'text', 'Who verified the figures (Verifier value).'),
    ...bookkeepingColumns('i'),
  ],
};

/** The fact sources by export name. */
export const factSources: Readonly<Record<FactSource['kind'], FactSource>> = {
  'loan-facts': loanFactSource,
  'impact-facts': impactFactSource,
};
