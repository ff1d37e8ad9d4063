import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../src/db/client.js';
import { buildServer, type AuthSettings } from '../../../src/server/buildServer.js';
import { adminHeaders, testServerConfig } from '../../support/auth.js';

/** A GraphQL response as the tests read it. */
export interface GraphQLResponse {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** An in-process app and a function posting one GraphQL request to it. */
export interface GraphQLClient {
  app: FastifyInstance;
  /**
   * Posts one request as a whole-bank ADMIN, or with `headers` instead (e.g. `bearerHeaders(
   * { roles: ['ANALYST'], orgUnit: 'BR-01' })` from test/support/auth.ts, or `{}` for anonymous).
   */
  request(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse>;
}

/** Builds the app over `db` (test settings, anonymous access off) and returns a client posting to /graphql with `app.inject()`. */
export async function graphqlClient(db: Database, config: AuthSettings = {}): Promise<GraphQLClient> {
  const app = await buildServer({ config: { ...testServerConfig, ...config }, db });
  return {
    app,
    request: async (query, variables, headers) => {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        payload: { query, variables },
        headers: headers ?? (await adminHeaders()),
      });
      return response.json() as GraphQLResponse;
    },
  };
}
