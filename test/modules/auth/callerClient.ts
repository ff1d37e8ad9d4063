import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../src/db/client.js';
import type { ExportJobOptions } from '../../../src/modules/exports/index.js';
import { buildServer } from '../../../src/server/buildServer.js';
import { bearerHeaders, testServerConfig } from '../../support/auth.js';
import type { GraphQLResponse } from '../support/graphqlClient.js';
import { callers, scopeIds, type CallerName } from './scopeFixture.js';

/** An in-process app whose requests are made by one of the matrix's callers. */
export interface CallerClient {
  app: FastifyInstance;
  /** Posts one GraphQL request as `caller`; returns the HTTP status and the body. */
  request(
    caller: CallerName,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: GraphQLResponse }>;
  /** GETs a path as `caller`. */
  get(caller: CallerName, url: string): Promise<{ status: number; body: string }>;
}

const unitCodes: Record<number, string> = {
  [scopeIds.parent]: 'FIX-ZZ',
  [scopeIds.branchA]: 'SC-A',
  [scopeIds.branchB]: 'SC-B',
};

/**
 * Builds the app over `db` (test settings) and returns a client that signs each request with a
 * token naming the caller's roles and org unit, so the caller is `user:<name>` to the server.
 */
export async function callerClient(db: Database, exportJobs?: ExportJobOptions): Promise<CallerClient> {
  const app = await buildServer({ config: testServerConfig, db, ...(exportJobs ? { exportJobs } : {}) });
  const headers = new Map<CallerName, Promise<Record<string, string>>>();
  const headersOf = (name: CallerName) => {
    const viewer = callers[name];
    if (!headers.has(name)) {
      const orgUnit = viewer.orgUnitId === null ? {} : { orgUnit: unitCodes[viewer.orgUnitId]! };
      headers.set(name, bearerHeaders({ roles: [...viewer.roles], sub: viewer.id.replace(/^user:/, ''), ...orgUnit }));
    }
    return headers.get(name)!;
  };
  return {
    app,
    request: async (caller, query, variables) => {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: await headersOf(caller),
        payload: { query, variables },
      });
      return { status: response.statusCode, body: response.json() as GraphQLResponse };
    },
    get: async (caller, url) => {
      const response = await app.inject({ method: 'GET', url, headers: await headersOf(caller) });
      return { status: response.statusCode, body: response.body };
    },
  };
}
