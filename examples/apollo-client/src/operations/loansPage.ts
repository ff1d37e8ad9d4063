import type { ApolloClient } from '@apollo/client';
import { graphql } from '../gql/index.js';
import type { EnterpriseLoanWhere, LoansPageQuery } from '../gql/graphql.js';

/** A page of loans, newest contract first, with their borrower and region; edges for the cache. */
export const LoansPage = graphql(`
  query LoansPage($first: Int = 20, $after: String, $where: EnterpriseLoanWhere) {
    enterpriseLoans(first: $first, after: $after, where: $where, orderBy: [{ field: CONTRACT_DATE, direction: DESC }]) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id
          contractNo
          contractAmount
          outstandingBalance
          riskClass
          nonPerforming
          enterprise { id name leadingEnterpriseLevel }
          region { id code name }
        }
      }
    }
  }
`);

/** One loan of the page, as the generated types describe it. */
export type LoanRow = NonNullable<LoansPageQuery['enterpriseLoans']['edges'][number]>['node'];

/**
 * Every loan matching `where`, fetched `pageSize` at a time. Each page is its own request; the
 * cache's `relayStylePagination` merges them under one key (the filter and ordering), so reading
 * the first page's query back from the cache returns all loans, as a list component would show.
 */
export async function allLoans(
  client: ApolloClient,
  where: EnterpriseLoanWhere = {},
  pageSize = 100,
): Promise<LoanRow[]> {
  let after: string | null | undefined;
  for (;;) {
    const { data } = await client.query({
      query: LoansPage,
      variables: { where, first: pageSize, after },
      fetchPolicy: 'network-only',
    });
    const { pageInfo } = data!.enterpriseLoans;
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  const merged = client.readQuery({ query: LoansPage, variables: { where, first: pageSize } });
  return (merged?.enterpriseLoans.edges ?? []).map((edge) => edge.node);
}
