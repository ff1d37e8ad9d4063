import type { Database } from '../../db/client.js';
import type { AccessScope } from '../auth/accessScope.js';
import { loanDimensions, loanJoins } from './loanDimensions.js';
import { loanMeasures } from './loanMeasures.js';
import { runStatistics, type StatisticsArgs, type StatisticsGroup } from './runStatistics.js';

/** Arguments of `loanStatistics`: `where` is an EnterpriseLoanWhere, `groupBy` LoanDimension values. */
export type LoanStatisticsArgs = StatisticsArgs;

/**
 * Loan count, borrowers, amounts, rates and non-performing balance of the loans matching `where`
 * (the connections' filter) and within `scope`, per combination of the `groupBy` dimensions, in one statement.
 * Grouping by CAMPAIGN counts a loan once per campaign it was granted under.
 * @throws GraphQLError BAD_USER_INPUT naming the argument for an unknown dimension or measure,
 * a bad filter, or `first` out of range.
 */
export async function loanStatistics(db: Database, args: LoanStatisticsArgs, scope: AccessScope): Promise<{ groups: StatisticsGroup[]; groupCount: number }> {
  const { groups, groupCount } = await runStatistics(
    db,
    { from: '"EnterpriseLoan" l', alias: 'l', whereType: 'EnterpriseLoan', dimensions: loanDimensions, joins: loanJoins, measures: loanMeasures },
    args,
    scope,
  );
  return { groups, groupCount };
}
