import type { Database } from '../../db/client.js';
import type { WhereInput } from '../../engine/compileWhere.js';
import { orderFieldValue } from '../../engine/entitySpec.js';
import type { Dimension } from './grouping.js';
import type { Measure, StatisticsOrder } from './measures.js';
import { dateBuckets, regionDimensions, regionJoins } from './regionColumns.js';
import type { StatisticsArgs, StatisticsSource } from './runStatistics.js';

// The rollups (tables LoanMonthRollup and LoanSnapshotRollup, kept exact by the triggers of the
// migrations 20261127005000_loan_rollups and 20261127009000..009200) hold additive sums
// per loan region and month, and per month cell its distinct borrowers and rate extremes. A request
// is answered from them only when nothing it asks for needs a single loan: no filter, dimensions
// of the region hierarchy and the disbursement month, and measures that are sums or ratios of sums,
// or minima and maxima (a group's extreme is the extreme of its cells'). A distinct count cannot be
// added up across cells: borrowers come from the rollup only when every group is exactly one cell
// (see {@link oneCellGroups}). Borrowers by the region hierarchy alone come from a third table,
// LoanBorrowerRollup (loans per region and borrower, migration 20261127009300): see
// {@link loanBorrowerRollupSource}. Everything else, and every filtered request, reads the loans.

const { DISBURSEMENT_YEAR, DISBURSEMENT_QUARTER, DISBURSEMENT_MONTH } = dateBuckets(
  'disbursement',
  'DISBURSEMENT',
  'l."disbursementMonth"',
);

/** Loan dimensions the month rollup can group by (a week does not nest in a month). */
const monthRollupDimensions: Readonly<Record<string, Dimension>> = {
  ...regionDimensions,
  DISBURSEMENT_YEAR: DISBURSEMENT_YEAR!,
  DISBURSEMENT_QUARTER: DISBURSEMENT_QUARTER!,
  DISBURSEMENT_MONTH: DISBURSEMENT_MONTH!,
};

const sum = (column: string): Measure => ({ sql: `COALESCE(sum(l."${column}"), 0.00)`, type: 'decimal' });

/**
 * The loan measures over the month rollup aliased `l`, computing the same values as the raw
 * measures in {@link loanMeasures}: the same sums, and ratios of the same sums with the same
 * scales, so the text of every figure is identical.
 */
const monthRollupMeasures: Readonly<Record<string, Measure>> = {
  loanCount: { sql: 'COALESCE(sum(l."loanCount"), 0)', type: 'int' },
  contractAmount: sum('contractAmount'),
  disbursedAmount: sum('disbursedAmount'),
  outstandingBalance: sum('outstandingBalance'),
  overduePrincipal: sum('overduePrincipal'),
  averageRate: { sql: 'round(sum(l."rateSum") / NULLIF(sum(l."rateCount"), 0), 8)', type: 'decimal' },
  weightedAverageRate: {
    sql: 'round(sum(l."rateTimesBalance") / NULLIF(sum(l."ratedBalance"), 0), 8)',
    type: 'decimal',
  },
  nonPerformingBalance: sum('nonPerformingBalance'),
  nplRatio: {
    sql: 'round(COALESCE(sum(l."nonPerformingBalance"), 0) / NULLIF(sum(l."outstandingBalance"), 0), 8)',
    type: 'decimal',
  },
  minRate: { sql: 'min(l."minRate")', type: 'decimal' },
  maxRate: { sql: 'max(l."maxRate")', type: 'decimal' },
  // Exact only for a group of one cell, which fitsLoanMonthRollup and monthCellsAreCounties ensure.
  borrowerCount: { sql: 'COALESCE(sum(l."borrowerCount"), 0)', type: 'int' },
};

/** Loan statistics read from the month rollup instead of the loans. */
export const loanMonthRollupSource: StatisticsSource = {
  from: '"LoanMonthRollup" l',
  alias: 'l',
  whereType: 'EnterpriseLoan',
  dimensions: monthRollupDimensions,
  joins: regionJoins('l."regionId"'),
  measures: monthRollupMeasures,
};

// The month rollup's rows and the borrower rollup's rows in one relation: month rows carry the sums
// and extremes (no borrower), borrower rows only a borrower (their sums are null, which sum, min
// and max skip). Every group with a borrower row has a month row and the other way round: both
// hold a row per region with loans.
const monthAndBorrowerRows = `(SELECT m."regionId", m."loanCount", m."contractAmount", m."disbursedAmount", m."outstandingBalance", m."overduePrincipal",
    m."nonPerformingBalance", m."rateCount", m."rateSum", m."rateTimesBalance", m."ratedBalance", m."minRate", m."maxRate", NULL::int AS "enterpriseId"
  FROM "LoanMonthRollup" m
  UNION ALL
  SELECT b."regionId", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, b."enterpriseId"
  FROM "LoanBorrowerRollup" b WHERE b."loanCount" > 0) l`;

/**
 * Loan statistics with borrowers, grouped by the region hierarchy only (or not at all), read from
 * the month and borrower rollups: the same figures as the loans, every measure exact (borrowers
 * are the distinct borrowers of the group's region × borrower rows).
 */
export const loanBorrowerRollupSource: StatisticsSource = {
  from: monthAndBorrowerRows,
  alias: 'l',
  whereType: 'EnterpriseLoan',
  dimensions: regionDimensions,
  joins: regionJoins('l."regionId"'),
  measures: { ...monthRollupMeasures, borrowerCount: { sql: 'count(DISTINCT l."enterpriseId")', type: 'int' } },
};

/**
 * Whether a request asking for borrowers can be answered from {@link loanBorrowerRollupSource}:
 * no filter, grouped only by region dimensions (a month would split borrowers the borrower rollup
 * does not split), every measure in `having` and `orderBy` known there.
 */
export function fitsLoanBorrowerRollup(args: StatisticsArgs): boolean {
  if (!isEmptyWhere(args.where)) return false;
  if (!(args.groupBy ?? []).every((d) => Object.hasOwn(regionDimensions, d))) return false;
  if (
    !Object.entries(args.having ?? {}).every(
      ([m, ops]) => ops === null || ops === undefined || Object.hasOwn(monthRollupMeasures, m),
    )
  )
    return false;
  return (args.orderBy ?? []).every((item: StatisticsOrder) => !item.measure || rollupOrderValues.has(item.measure));
}

/** Whether a `where` input filters nothing. */
export function isEmptyWhere(where: WhereInput | null | undefined): boolean {
  return (
    where === null ||
    where === undefined ||
    Object.values(where).every((value) => value === null || value === undefined)
  );
}

/**
 * Whether a loan statistics request can be answered from the month rollup: no filter, every
 * dimension and every measure asked for (selected, in `having` or in `orderBy`) expressible there,
 * and borrowers only by county and disbursement month (see {@link asksBorrowers}: the caller must
 * then also check {@link monthCellsAreCounties}). Anything else, including bad input, takes the
 * raw path, which reports it.
 */
export function fitsLoanMonthRollup(args: StatisticsArgs): boolean {
  if (!isEmptyWhere(args.where)) return false;
  if (!(args.groupBy ?? []).every((d) => Object.hasOwn(monthRollupDimensions, d))) return false;
  if (
    !Object.entries(args.having ?? {}).every(
      ([m, ops]) => ops === null || ops === undefined || Object.hasOwn(monthRollupMeasures, m),
    )
  )
    return false;
  if (!(args.orderBy ?? []).every((item: StatisticsOrder) => !item.measure || rollupOrderValues.has(item.measure)))
    return false;
  return !asksBorrowers(args) || oneCellGroups(args.groupBy ?? []);
}

/**
 * Whether a request needs the borrower count: selected (no measure list means every measure), in
 * `having` or in `orderBy`.
 */
export function asksBorrowers(args: StatisticsArgs): boolean {
  const having = args.having?.borrowerCount;
  return (
    !args.measures ||
    args.measures.includes('borrowerCount') ||
    (having !== null && having !== undefined) ||
    (args.orderBy ?? []).some((item) => item.measure === borrowerOrder)
  );
}

/**
 * Whether grouping by `groupBy` makes every group one rollup cell, provided every cell's region is
 * a county: grouping by county and disbursement month does (a county's only county-level region is
 * itself, and loans without a region are their own county group); any further dimension is a
 * function of the cell. Coarser groupings merge cells, whose borrowers may overlap.
 */
export function oneCellGroups(groupBy: readonly string[]): boolean {
  return groupBy.includes('COUNTY') && groupBy.includes('DISBURSEMENT_MONTH');
}

/**
 * Whether every month rollup cell has a county or no region. A loan's region is meant to be its
 * county, but nothing in the database forbids a township or a prefecture (imports, a site's region):
 * such a cell would share a county group with others, so borrowers are then read from the loans.
 * The check and the statistics are two statements: a loan given a non-county region and committed
 * between them could make that one answer's borrowers of its county group too high.
 */
export async function monthCellsAreCounties(db: Database): Promise<boolean> {
  const [row] = await db.sql.query<{ ok: boolean }>(`SELECT ${monthCellsAreCountiesSql} AS ok`);
  return row?.ok === true;
}

/** {@link monthCellsAreCounties} as a boolean SQL expression, for a statement that checks it itself. */
export const monthCellsAreCountiesSql = `NOT EXISTS (SELECT 1 FROM "LoanMonthRollup" m JOIN "Region" r ON r."id" = m."regionId" WHERE r."level" <> 'COUNTY')`;

// orderBy names measures by their enum value (LOAN_COUNT, NPL_RATIO, …).
const rollupOrderValues = new Set(Object.keys(monthRollupMeasures).map(orderFieldValue));
const borrowerOrder = orderFieldValue('borrowerCount');

/** Dimensions a portfolio series can take from the snapshot rollup: the loan's region hierarchy. */
export const snapshotRollupDimensions = new Set(Object.keys(regionDimensions));
