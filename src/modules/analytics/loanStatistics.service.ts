import type { Database } from '../../db/client.js';
import type { AccessScope } from '../auth/accessScope.js';
import { entitySpec } from '../relay/specRegistry.js';
import { seesEverything } from '../relay/scopeCondition.js';
import { loanDimensions, loanJoins } from './loanDimensions.js';
import { loanMeasures } from './loanMeasures.js';
import { asksBorrowers, fitsLoanMonthRollup, loanMonthRollupSource, monthCellsAreCounties } from './loanRollups.js';
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
 * by county and disbursement month), from a caller who sees every loan, read the monthly rollup
 * (same figures); the rollup has no org unit, so a scoped caller never reads it.
 * @throws GraphQLError BAD_USER_INPUT naming the argument for an unknown dimension or measure,
 * a bad filter, or `first` out of range.
 */
export async function loanStatistics(db: Database, args: LoanStatisticsArgs, scope: AccessScope): Promise<{ groups: StatisticsGroup[]; groupCount: number }> {
  const rollup =
    args.rollups !== false &&
    fitsLoanMonthRollup(args) &&
    seesEverything(entitySpec('EnterpriseLoan'), scope) &&
    (!asksBorrowers(args) || (await monthCellsAreCounties(db)));
  const source = rollup
    ? loanMonthRollupSource
      : { from: '"EnterpriseLoan" l', alias: 'l', whereType: 'EnterpriseLoan', dimensions: loanDimensions, joins: loanJoins, measures: loanMeasures };
  const { groups, groupCount } = await runStatistics(db, source, args, scope);
  return { groups, groupCount };
}
