import { MAX_PAGE_SIZE } from '../engine/connectionArgs.js';
import { maxFactPage } from './analytics/index.js';
import { maxGroups } from './analytics/limits.js';
import { maxSeries } from './analytics/portfolioSeries.service.js';

// The fields whose `first` is checked by their own service rather than the read engine.
const ownLimits: Readonly<Record<string, number>> = {
  'Query.loanFacts': maxFactPage,
  'Query.impactFacts': maxFactPage,
  'Query.loanStatistics': maxGroups,
  'Query.impactStatistics': maxGroups,
  'Query.initiativeStatistics': maxGroups,
  'Query.portfolioSeries': maxSeries,
};

/**
 * The largest `first`/`last` the field `typeName.fieldName` accepts, or undefined when it takes
 * none: a connection takes up to MAX_PAGE_SIZE unless its service sets its own maximum. The cost
 * limit counts a larger page at this size, so the field refuses it by name ("first must be
 * between 0 and 500") rather than the cost limit.
 */
export function pageSizeLimit(typeName: string, fieldName: string, returnType: string): number | undefined {
  return ownLimits[`${typeName}.${fieldName}`] ?? (returnType.endsWith('Connection') ? MAX_PAGE_SIZE : undefined);
}
