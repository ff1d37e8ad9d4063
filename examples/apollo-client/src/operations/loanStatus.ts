import type { ApolloClient } from '@apollo/client';
import { graphql } from '../gql/index.js';
import type { EnterpriseLoanWhere, LoanStatusSubscription } from '../gql/graphql.js';

/** A loan's status and balance as each committed change arrives (over the WebSocket link). */
export const LoanStatus = graphql(`
  subscription LoanStatus($where: EnterpriseLoanWhere) {
    loanChanged(where: $where) {
      id
      contractNo
      status
      outstandingBalance
      version
    }
  }
`);

/** One event of the subscription. */
export type LoanStatusEvent = LoanStatusSubscription['loanChanged'];

/**
 * Calls `onEvent` with every change of a loan matching `where` the caller may see. The cache
 * updates the loan by its `id` as each event arrives, so lists showing it re-render too. Returns
 * the function that stops listening.
 */
export function watchLoans(
  client: ApolloClient,
  where: EnterpriseLoanWhere,
  onEvent: (event: LoanStatusEvent) => void,
): () => void {
  const subscription = client.subscribe({ query: LoanStatus, variables: { where } }).subscribe({
    next: ({ data }) => {
      if (data) onEvent(data.loanChanged);
    },
  });
  return () => subscription.unsubscribe();
}
