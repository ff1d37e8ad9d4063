import type { Dimension, JoinTable } from './grouping.js';
import { dateBuckets, regionDimensions, regionJoins } from './regionColumns.js';

/**
 * Joins loan statistics may need, over the loan aliased `l`. Campaign is a LEFT JOIN through the
 * link table: a loan under two campaigns is counted once in each, and a loan under none falls in
 * the group whose campaign is null.
 */
export const loanJoins: JoinTable = [
  ...regionJoins('l."regionId"'),
  ['orgUnit', `LEFT JOIN "OrgUnit" o ON o."id" = l."orgUnitId"`],
  ['enterprise', `LEFT JOIN "Enterprise" e ON e."id" = l."enterpriseId"`],
  ['loanCampaign', `LEFT JOIN "LoanCampaign" lc ON lc."loanId" = l."id"`],
  ['campaign', `LEFT JOIN "Campaign" cp ON cp."id" = lc."campaignId"`, 'loanCampaign'],
];

const column = (field: string, sql: string, joins: string[] = []): Dimension => ({ joins, keys: [{ field, sql }] });

/** The whitelist of LoanDimension values: the only SQL a loan groupBy can add. */
export const loanDimensions: Readonly<Record<string, Dimension>> = {
  ...regionDimensions,
  ORG_UNIT: {
    joins: ['orgUnit'],
    groupBy: ['o."id"'],
    keys: [
      { field: 'orgUnitCode', sql: `o."code"` },
      { field: 'orgUnitName', sql: `o."name"` },
      { field: 'orgUnitNameZh', sql: `o."nameZh"` },
    ],
  },
  PRODUCT: column('product', `l."product"::text`),
  REGULATORY_CLASS: column('regulatoryClass', `l."regulatoryClass"::text`),
  POLICY_REGIME: column('policyRegime', `l."policyRegime"::text`),
  FINANCING_MODEL: column('financingModel', `l."financingModel"::text`),
  GUARANTEE: column('guarantee', `l."guarantee"::text`),
  STATUS: column('status', `l."status"::text`),
  RISK_CLASS: column('riskClass', `l."riskClass"::text`),
  SUPPORT_SECTOR: column('supportSector', `l."supportSector"::text`),
  ENTERPRISE_SIZE: column('enterpriseSize', `e."size"::text`, ['enterprise']),
  LEADING_ENTERPRISE_LEVEL: column('leadingEnterpriseLevel', `e."leadingEnterpriseLevel"::text`, ['enterprise']),
  INDUSTRY_SECTION: column('industrySection', `e."industrySection"::text`, ['enterprise']),
  CAMPAIGN: {
    joins: ['campaign'],
    groupBy: ['cp."id"'],
    keys: [
      { field: 'campaignCode', sql: `cp."code"` },
      { field: 'campaignName', sql: `cp."name"` },
    ],
  },
  ...dateBuckets('contract', 'CONTRACT', 'l."contractDate"'),
  ...dateBuckets('disbursement', 'DISBURSEMENT', 'l."firstDisbursementDate"'),
};

/** Risk classes counted as non-performing (次級, 可疑, 損失). */
export const nonPerformingClasses = ['SUBSTANDARD', 'DOUBTFUL', 'LOSS'] as const;
