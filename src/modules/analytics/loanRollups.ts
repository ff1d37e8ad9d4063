import type { WhereInput } from '../relay/compileWhere.js';
import { orderFieldValue } from '../relay/entitySpec.js';
import type { Dimension } from './grouping.js';
import type { Measure, StatisticsOrder } from './measures.js';
import { dateBuckets, regionDimensions, regionJoins } from './regionColumns.js';
import type { StatisticsArgs, StatisticsSource } from './runStatistics.js';

// The rollups (tables LoanMonthRollup and LoanSnapshotRollup, kept exact by the triggers of the
// migration 20261127005000_loan_rollups) hold additive sums per loan region and month. A request
// is answered from them only when nothing it asks for needs a single loan: no filter, dimensions
// of the region hierarchy and the disbursement month, and measures that are sums or ratios of
// sums. A distinct count (borrowers), a minimum or a maximum cannot be added up: those requests,
// and every filtered one, read the loans.

const { DISBURSEMENT_YEAR, DISBURSEMENT_QUARTER, DISBURSEMENT_MONTH } = dateBuckets('disbursement', 'DISBURSEMENT', 'l."disbursementMonth"');

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
  weightedAverageRate: { sql: 'round(sum(l."rateTimesBalance") / NULLIF(sum(l."ratedBalance"), 0), 8)', type: 'decimal' },
  nonPerformingBalance: sum('nonPerformingBalance'),
  nplRatio: { sql: 'round(COALESCE(sum(l."nonPerformingBalance"), 0) / NULLIF(sum(l."outstandingBalance"), 0), 8)', type: 'decimal' },
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

/** Whether a `where` input filters nothing. */
export function isEmptyWhere(where: WhereInput | null | undefined): boolean {
  return where === null || where === undefined || Object.values(where).every((value) => value === null || value === undefined);
}

/**
 * Whether a loan statistics request can be answered from the month rollup: no filter, every
 * dimension and every measure asked for (selected, in `having` or in `orderBy`) expressible there.
 * Anything else, including bad input, takes the raw path, which reports it.
 */
export function fitsLoanMonthRollup(args: StatisticsArgs): boolean {
  if (!isEmptyWhere(args.where)) return false;
  if (!(args.groupBy ?? []).every((d) => Object.hasOwn(monthRollupDimensions, d))) return false;
  // Without a list the caller wants every measure, borrowers and rate extremes included.
  if (!args.measures || !args.measures.every((m) => Object.hasOwn(monthRollupMeasures, m) || !isMeasureName(m))) return false;
  if (!Object.entries(args.having ?? {}).every(([m, ops]) => ops === null || ops === undefined || Object.hasOwn(monthRollupMeasures, m))) return false;
  return (args.orderBy ?? []).every((item: StatisticsOrder) => !item.measure || rollupOrderValues.has(item.measure));
}

// Measure names the raw source knows; selected fields that are not measures (key, …) are ignored.
const rawOnlyMeasures = new Set(['borrowerCount', 'minRate', 'maxRate']);
const isMeasureName = (name: string) => rawOnlyMeasures.has(name) || Object.hasOwn(monthRollupMeasures, name);
// orderBy names measures by their enum value (LOAN_COUNT, NPL_RATIO, …).
const rollupOrderValues = new Set(Object.keys(monthRollupMeasures).map(orderFieldValue));

/** Dimensions a portfolio series can take from the snapshot rollup: the loan's region hierarchy. */
export const snapshotRollupDimensions = new Set(Object.keys(regionDimensions));
