import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { nodeTypes, typePolicies } from './typePolicies.js';

/** Where and how to reach Dishui. */
export interface DishuiClientOptions {
  /** The GraphQL endpoint, e.g. "/graphql" behind the same origin or "http://127.0.0.1:4000/graphql". */
  uri: string;
  /** Sent as `authorization` on every request (e.g. "Bearer …"), when given. */
  authorization?: string;
  /**
   * Send only the hash of each operation (persisted-documents.json must be loaded by the server's
   * safelist); the full text is sent only if the server asks for it.
   */
  persisted?: boolean;
}

/**
 * An Apollo Client for Dishui: normalized cache with the connection policies, and (optionally)
 * persisted operations whose hashes the GraphQL Code Generator put in each document.
 */
export function createDishuiClient(options: DishuiClientOptions): ApolloClient {
  const http = new HttpLink({
    uri: options.uri,
    headers: options.authorization ? { authorization: options.authorization } : {},
  });
  // The client preset stores each operation's hash (the manifest key) in the document itself.
  const persisted = new PersistedQueryLink({
    generateHash: (document) => (document as unknown as { __meta__: { hash: string } }).__meta__.hash,
  });
  return new ApolloClient({
    link: options.persisted ? persisted.concat(http) : http,
    cache: new InMemoryCache({ possibleTypes: { Node: [...nodeTypes] }, typePolicies }),
  });
}
