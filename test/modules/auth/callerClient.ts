import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../src/db/client.js';
import type { ExportJobOptions } from '../../../src/modules/exports/index.js';
import { buildServer } from '../../../src/server/buildServer.js';
import type { GraphQLResponse } from '../support/graphqlClient.js';
import { callers, type CallerName } from './scopeFixture.js';

/** An in-process app whose requests are made by one of the matrix's callers. */
export interface CallerClient {
  app: FastifyInstance;
  /** Posts one GraphQL request as `caller`; returns the HTTP status and the body. */
  request(caller: CallerName, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLResponse }>;
  /** GETs a path as `caller`. */
  get(caller: CallerName, url: string): Promise<{ status: number; body: string }>;
}

/**
 * Builds the app over `db` with the caller of each request set as `request.viewer` from an
 * `x-test-caller` header, the way the authentication plugin sets it from a credential: the
 * authorization under test only ever reads `request.viewer`.
 */
export async function callerClient(db: Database, exportJobs?: ExportJobOptions): Promise<CallerClient> {
  const app = await buildServer({ config: { LOG_LEVEL: 'silent', NODE_ENV: 'test' }, db, ...(exportJobs ? { exportJobs } : {}) });
  app.addHook('preHandler', async (request) => {
    const name = request.headers['x-test-caller'];
    (request as unknown as { viewer: unknown }).viewer = callers[name as CallerName];
  });
  return {
    app,
    request: async (caller, query, variables) => {
      const response = await app.inject({ method: 'POST', url: '/graphql', headers: { 'x-test-caller': caller }, payload: { query, variables } });
      return { status: response.statusCode, body: response.json() as GraphQLResponse };
    },
    get: async (caller, url) => {
      const response = await app.inject({ method: 'GET', url, headers: { 'x-test-caller': caller } });
      return { status: response.statusCode, body: response.body };
    },
  };
}
