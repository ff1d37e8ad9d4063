import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../src/db/client.js';
import { buildServer } from '../../../src/server/buildServer.js';

/** A GraphQL response as the tests read it. */
export interface GraphQLResponse {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** An in-process app and a function posting one GraphQL request to it. */
export interface GraphQLClient {
  app: FastifyInstance;
  request(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
}

/** Builds the app over `db` and returns a client that posts to /graphql with `app.inject()`. */
export async function graphqlClient(db: Database): Promise<GraphQLClient> {
  const app = await buildServer({ config: { LOG_LEVEL: 'silent', NODE_ENV: 'test' }, db });
  return {
    app,
    request: async (query, variables) => {
      const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
      return response.json() as GraphQLResponse;
    },
  };
}
