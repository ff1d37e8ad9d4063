export { analyticsResolvers } from './analytics.resolvers.js';
export { statisticsCompilers } from './compiledStatistics.js';
export { loanStatistics, type LoanStatisticsArgs } from './loanStatistics.service.js';
export { impactStatistics } from './impactStatistics.service.js';
export { initiativeStatistics, type MetricSum } from './initiativeStatistics.service.js';
export {
  portfolioSeries,
  type PortfolioSeriesArgs,
  type PortfolioSeries,
  type PortfolioPoint,
} from './portfolioSeries.service.js';
export { loanFacts, impactFacts, maxFactPage, type FactsArgs, type FactConnection } from './facts.service.js';
export type { StatisticsArgs, StatisticsGroup } from './runStatistics.js';
export {
  type FactLine,
  type FactQuery,
  type FactRow,
  compileFactQuery,
  factLinePages,
  factLineSql,
  readFactPage,
} from './factQuery.js';
export { type FactSource, factSources } from './factSources.js';
export { arrayLiteral } from './runSql.js';
export { neutraliseFormula, type FactType } from './factColumns.js';
export { resolveGrouping } from './grouping.js';
export { loanDimensions, loanJoins } from './loanDimensions.js';
export { maxGroups } from './limits.js';
export { loanMeasures } from './loanMeasures.js';
export {
  loanFactChanges,
  impactFactChanges,
  factDeletions,
  factChangePageSql,
  maxChangePage,
} from './factChanges.service.js';
