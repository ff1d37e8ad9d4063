import { nonPerformingClasses } from './loanDimensions.js';
import type { Measure } from './measures.js';

const nonPerforming = `l."riskClass" IN (${nonPerformingClasses.map((c) => `'${c}'`).join(', ')})`;
const money = (column: string): Measure => ({ sql: `COALESCE(sum(l."${column}"), 0.00)`, type: 'decimal' });

/**
 * The measures of a loan group, by GraphQL field name. Ratios and averages are rounded to 8
 * decimals in the database; sums are exact. A loan whose balance or rate is null adds nothing to
 * a sum or an average (and nothing to the weights of the weighted rate).
 */
export const loanMeasures: Readonly<Record<string, Measure>> = {
  loanCount: { sql: 'count(*)', type: 'int' },
  borrowerCount: { sql: 'count(DISTINCT l."enterpriseId")', type: 'int' },
  contractAmount: money('contractAmount'),
  disbursedAmount: money('disbursedAmount'),
  outstandingBalance: money('outstandingBalance'),
  overduePrincipal: money('overduePrincipal'),
  averageRate: { sql: 'round(avg(l."effectiveRate"), 8)', type: 'decimal' },
  minRate: { sql: 'min(l."effectiveRate")', type: 'decimal' },
  maxRate: { sql: 'max(l."effectiveRate")', type: 'decimal' },
  weightedAverageRate: {
    sql: 'round(sum(l."effectiveRate" * l."outstandingBalance") / NULLIF(sum(l."outstandingBalance") FILTER (WHERE l."effectiveRate" IS NOT NULL), 0), 8)',
    type: 'decimal',
  },
  nonPerformingBalance: {
    sql: `COALESCE(sum(l."outstandingBalance") FILTER (WHERE ${nonPerforming}), 0.00)`,
    type: 'decimal',
  },
  nplRatio: {
    sql: `round(COALESCE(sum(l."outstandingBalance") FILTER (WHERE ${nonPerforming}), 0) / NULLIF(sum(l."outstandingBalance"), 0), 8)`,
    type: 'decimal',
  },
};
