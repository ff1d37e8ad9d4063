import type { TypePolicies } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { possibleTypes } from './possibleTypes.js';

// Pages of one list are merged into one cache entry per filter and ordering: the arguments that
// change *which* list it is, never the cursor or page size. relayStylePagination merges `edges`
// only: a query that pages must select `edges { node { … } }`, since with `nodes` alone page 2
// silently replaces page 1.
const paged = () => relayStylePagination(['where', 'orderBy']);

/** Every type implementing Node (generated from the schema: possibleTypes.ts): their global IDs are unique across types. */
export const nodeTypes = possibleTypes.Node;

/**
 * Cache policies for Dishui: Relay connections merged page by page, entities normalized by their
 * global `id`, and results without identity (statistics, payloads) stored inside their parent.
 */
export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      regions: paged(),
      villages: paged(),
      orgUnits: paged(),
      initiatives: paged(),
      campaigns: paged(),
      enterprises: paged(),
      enterpriseLoans: paged(),
      impactRecords: paged(),
      lprRates: paged(),
      auditEvents: relayStylePagination(['where', 'newestFirst']),
    },
  },
  Village: { fields: { initiatives: paged() } },
  Initiative: {
    fields: {
      villages: paged(),
      campaigns: paged(),
      cadreAssignments: paged(),
      metrics: paged(),
      impactRecords: paged(),
    },
  },
  Enterprise: { fields: { loans: paged(), sites: paged() } },
  EnterpriseLoan: {
    fields: {
      campaigns: paged(),
      scheduleItems: paged(),
      repayments: paged(),
      classificationHistory: paged(),
      impactRecords: paged(),
    },
  },
  ...Object.fromEntries(nodeTypes.map((type) => [type, { keyFields: ['id'] }])),
  // No identity of their own: kept inside the query or mutation result that returned them.
  PageInfo: { keyFields: false },
  UserError: { keyFields: false },
  LoanStatistics: { keyFields: false },
  LoanGroup: { keyFields: false },
  PortfolioPoint: { keyFields: false },
};
