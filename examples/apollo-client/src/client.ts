import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { possibleTypes } from './possibleTypes.js';
import { typePolicies } from './typePolicies.js';

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
  /**
   * The WebSocket URL for subscriptions (graphql-ws on the same path, e.g.
   * "ws://127.0.0.1:4000/graphql"); without it the client has no subscriptions.
   */
  wsUri?: string;
  /** The WebSocket implementation where there is no global one (Node 20: the `ws` package). */
  webSocketImpl?: unknown;
}

/**
 * An Apollo Client for Dishui: normalized cache with the connection policies, (optionally)
 * persisted operations whose hashes the GraphQL Code Generator put in each document, and with
 * `wsUri` a split link: subscriptions over graphql-ws, signed in by connection_init's payload,
 * everything else over HTTP. `dispose` closes the socket.
 */
export function createDishuiClient(options: DishuiClientOptions): ApolloClient & { dispose(): Promise<void> } {
  const http = new HttpLink({
    uri: options.uri,
    headers: options.authorization ? { authorization: options.authorization } : {},
  });
  // The client preset stores each operation's hash (the manifest key) in the document itself.
  const persisted = new PersistedQueryLink({
    generateHash: (document) => (document as unknown as { __meta__: { hash: string } }).__meta__.hash,
  });
  const overHttp = options.persisted ? persisted.concat(http) : http;
  let ws: Client | undefined;
  if (options.wsUri) {
    ws = createClient({
      url: options.wsUri,
      // Browsers cannot set headers on a WebSocket: the token goes in connection_init.
      connectionParams: options.authorization ? { authorization: options.authorization } : {},
      ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
    });
  }
  const link = ws
    ? ApolloLink.split(
        ({ query }) => {
          const definition = getMainDefinition(query);
          return (
            definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION
          );
        },
        new GraphQLWsLink(ws),
        overHttp,
      )
    : overHttp;
  const client = new ApolloClient({
    link,
    cache: new InMemoryCache({
      possibleTypes: Object.fromEntries(Object.entries(possibleTypes).map(([name, types]) => [name, [...types]])),
      typePolicies,
    }),
  });
  return Object.assign(client, {
    dispose: async () => {
      client.stop();
      await ws?.dispose();
    },
  });
}
