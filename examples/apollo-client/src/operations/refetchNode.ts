import type { ApolloClient } from '@apollo/client';
import { graphql } from '../gql/index.js';

/** Any object by its global ID; the inline fragments pick fields per type. */
export const RefetchNode = graphql(`
  query RefetchNode($id: ID!) {
    node(id: $id) {
      id
      ... on EnterpriseLoan { contractNo status outstandingBalance version }
      ... on Village { name aliases county { code name } }
      ... on Initiative { code nameZh initiativeStatus: status }
    }
  }
`);

/** A one-line label of the object with this ID, or null when none has it. */
export async function describeNode(client: ApolloClient, id: string): Promise<string | null> {
  const { data } = await client.query({ query: RefetchNode, variables: { id } });
  const node = data?.node;
  if (!node) return null;
  // `__typename` narrows the union: each branch sees only its own fields.
  switch (node.__typename) {
    case 'EnterpriseLoan':
      return `loan ${node.contractNo} (${node.status}), outstanding ${node.outstandingBalance}`;
    case 'Village':
      return `village ${node.name} in ${node.county.name}`;
    case 'Initiative':
      return `initiative ${node.code}: ${node.nameZh} (${node.initiativeStatus})`;
    default:
      return `${node.__typename} ${node.id}`;
  }
}
