import type { Database } from '../../db/client.js';
import type { AccessScope } from '../auth/index.js';
import type { GroupPageInfo } from './groupKeyset.js';
import { entitySpec } from '../entities.js';
import { seesEverything } from '../../engine/scopeCondition.js';
import { loanDimensions, loanJoins } from './loanDimensions.js';
import { loanMeasures } from './loanMeasures.js';
import {
  asksBorrowers,
  fitsLoanBorrowerRollup,
  fitsLoanMonthRollup,
  loanBorrowerRollupSource,
  loanMonthRollupSource,
  monthCellsAreCounties,
} from './loanRollups.js';
import type { StatisticsSource } from './runStatistics.js';
import { runStatistics, type StatisticsArgs, type StatisticsGroup } from './runStatistics.js';

/** Arguments of `loanStatistics`: `where` is an EnterpriseLoanWhere, `groupBy` LoanDimension values. */
export interface LoanStatisticsArgs extends StatisticsArgs {
  /**
   * Whether a request the monthly rollup can answer is read from it (the default). False reads the
   * loans: for tests proving both agree, and for callers that must see row-level filters applied.
   */
  rollups?: boolean;
}

/**
 * Loan count, borrowers, amounts, rates and non-performing balance of the loans matching `where`
 * (the connections' filter) and within `scope`, per combination of the `groupBy` dimensions, in one statement.
 * Grouping by CAMPAIGN counts a loan once per campaign it was granted under. Unfiltered requests
 * by region and disbursement period for sums, ratios and rate extremes (borrowers too when grouped
 * by county and disbursement month, or by region alone), from a caller who sees every loan, read
 * the rollups (same figures); they have no org unit, so a scoped caller never reads them.
 * @throws GraphQLError BAD_USER_INPUT naming the argument for an unknown dimension or measure,
 * a bad filter, or `first` out of range.
 */
export async function loanStatistics(
  db: Database,
  args: LoanStatisticsArgs,
  scope: AccessScope,
): Promise<{ groups: StatisticsGroup[]; groupCount: number; pageInfo: GroupPageInfo }> {
  const choice = loanStatisticsSource(args, scope);
  const source = choice.unless && !(await monthCellsAreCounties(db)) ? choice.unless : choice.source;
  const { groups, groupCount, pageInfo } = await runStatistics(db, source, args, scope);
  return { groups, groupCount, pageInfo };
}

const rawSource: StatisticsSource = {
  from: '"EnterpriseLoan" l',
  alias: 'l',
  whereType: 'EnterpriseLoan',
  dimensions: loanDimensions,
  joins: loanJoins,
  measures: loanMeasures,
};

/** Where a loan statistics request is read from: `source`, unless a month-rollup cell is not a county (see monthCellsAreCounties): then `unless`. */
export interface LoanStatisticsSource {
  source: StatisticsSource;
  unless?: StatisticsSource;
}

/**
 * The source answering the request with the loans' figures. Borrowers by region alone come from
 * the borrower rollup (the month rollup would merge cells); by county and month from the month
 * rollup's cells when each group is one cell, which only the data can tell.
 */
export function loanStatisticsSource(args: LoanStatisticsArgs, scope: AccessScope): LoanStatisticsSource {
  if (args.rollups === false || !seesEverything(entitySpec('EnterpriseLoan'), scope)) return { source: rawSource };
  if (asksBorrowers(args) && fitsLoanBorrowerRollup(args)) return { source: loanBorrowerRollupSource };
  if (!fitsLoanMonthRollup(args)) return { source: rawSource };
  return asksBorrowers(args) ? { source: loanMonthRollupSource, unless: rawSource } : { source: loanMonthRollupSource };
}
