import type { Database } from '../../db/client.js';
import { type AccessScope, loanReaders } from '../auth/index.js';
import type { GroupPageInfo } from './groupKeyset.js';
import type { Dimension, JoinTable } from './grouping.js';
import type { Measure } from './measures.js';
import { dateBuckets, regionDimensions, regionJoins } from './regionColumns.js';
import { runStatistics, type StatisticsArgs, type StatisticsGroup, type StatisticsSource } from './runStatistics.js';

/** Joins impact statistics may need, over the record aliased `i`. */
export const impactJoins: JoinTable = [
  ...regionJoins('i."regionId"'),
  ['loan', `LEFT JOIN "EnterpriseLoan" l ON l."id" = i."loanId"`],
  ['initiative', `LEFT JOIN "Initiative" n ON n."id" = i."initiativeId"`],
];

const column = (field: string, sql: string, joins: string[] = []): Dimension => ({ joins, keys: [{ field, sql }] });
// A loan's own columns: only the roles that may read loans may group by them (impactRecord.loan is null for the others).
const loanColumn = (field: string, sql: string): Dimension => ({
  ...column(field, sql, ['loan']),
  readers: { roles: loanReaders, entity: 'loans' },
});

/** The whitelist of ImpactDimension values. */
export const impactDimensions: Readonly<Record<string, Dimension>> = {
  ...regionDimensions,
  REGION_LEVEL: column('regionLevel', 'r."level"::text', ['region']),
  MECHANISM: column('mechanism', 'i."mechanism"::text'),
  VERIFIED_BY: column('verifiedBy', 'i."verifiedBy"::text'),
  SUBJECT: column('subject', `CASE WHEN i."loanId" IS NOT NULL THEN 'LOAN' ELSE 'INITIATIVE' END`),
  LOAN_PRODUCT: loanColumn('loanProduct', 'l."product"::text'),
  LOAN_REGULATORY_CLASS: loanColumn('loanRegulatoryClass', 'l."regulatoryClass"::text'),
  INITIATIVE_CATEGORY: column('initiativeCategory', 'n."category"::text', ['initiative']),
  APPROXIMATE: column('approximate', 'i."approximate"::text'),
  ...dateBuckets('period', 'PERIOD', 'i."periodStart"'),
};

const total = (c: string): Measure => ({ sql: `COALESCE(sum(i."${c}"), 0)`, type: 'int' });

/**
 * The measures of an impact group. A null figure (unknown, as the source's garbled "?000") adds
 * nothing to a sum; `reportedCount` says how many records gave a people figure, and
 * `approximateCount` how many sums rest on approximate figures.
 */
export const impactMeasures: Readonly<Record<string, Measure>> = {
  recordCount: { sql: 'count(*)', type: 'int' },
  approximateCount: { sql: 'count(*) FILTER (WHERE i."approximate")', type: 'int' },
  reportedCount: { sql: 'count(i."peopleDriven")', type: 'int' },
  peopleDriven: total('peopleDriven'),
  registeredPoorPeople: total('registeredPoorPeople'),
  registeredPoorHouseholds: total('registeredPoorHouseholds'),
  employeesTotal: total('employeesTotal'),
  incomeIncrease: { sql: 'COALESCE(sum(i."incomeIncrease"), 0.00)', type: 'decimal' },
};

/** What impact statistics are computed over. */
export const impactStatisticsSource: StatisticsSource = {
  from: '"ImpactRecord" i',
  alias: 'i',
  whereType: 'ImpactRecord',
  dimensions: impactDimensions,
  joins: impactJoins,
  measures: impactMeasures,
};

/**
 * ImpactGroupKey.periodPeriod(Label) stutter and are deprecated: their values under their new
 * names, as new field → the key column it is read from.
 */
export const renamedImpactKeys: Readonly<Record<string, string>> = {
  period: 'periodPeriod',
  periodLabel: 'periodPeriodLabel',
};

/**
 * People driven, registered poor people and households, employees and income increase of the
 * impact records within `scope` matching `where` (an ImpactRecordWhere), per combination of `groupBy`.
 * @throws GraphQLError BAD_USER_INPUT naming the argument for an unknown dimension or measure,
 * a bad filter, or `first` out of range; FORBIDDEN on groupBy for a loan dimension (LOAN_PRODUCT,
 * LOAN_REGULATORY_CLASS) when the scope's roles may not read loans.
 */
export async function impactStatistics(
  db: Database,
  args: StatisticsArgs,
  scope: AccessScope,
): Promise<{ groups: StatisticsGroup[]; groupCount: number; pageInfo: GroupPageInfo }> {
  const { groups, groupCount, pageInfo } = await runStatistics(db, impactStatisticsSource, args, scope);
  const renamed = groups.map((group) => {
    const key = { ...group.key };
    for (const [field, column] of Object.entries(renamedImpactKeys)) if (column in key) key[field] = key[column]!;
    return { ...group, key };
  }) as StatisticsGroup[];
  return { groups: renamed, groupCount, pageInfo };
}
