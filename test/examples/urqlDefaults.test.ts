import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { cacheExchange, createClient, fetchExchange, gql, subscriptionExchange } from '@urql/core';
import type { FastifyInstance } from 'fastify';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { buildServer } from '../../src/server/buildServer.js';
import { adminHeaders, anonymousTestServerConfig } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { insertWriteFixture, officer, writeIds } from '../modules/writes/writeFixture.js';
import { approveLoan } from '../../src/modules/loans/loanLifecycle.service.js';

const regions = gql`
  query Regions {
    regions(first: 2) {
      edges {
        node {
          code
        }
      }
    }
  }
`;

describe("urql's defaults (queries by GET, no content type) against Dishui (PGlite)", () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  before(async () => {
    database = await createTestDatabase('pglite');
    await insertWriteFixture(database.db);
    app = await buildServer({ config: anonymousTestServerConfig, db: database.db });
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
  });
  after(async () => {
    await app?.close();
    await database?.dispose();
  });

  test('a GET query with a token passes CSRF prevention: a cross-site page cannot send that header', async () => {
    let method: string | undefined;
    const headers = await adminHeaders();
    const client = createClient({
      url,
      exchanges: [cacheExchange, fetchExchange],
      fetchOptions: () => ({ headers }),
      fetch: (input, init) => {
        method = init?.method;
        return fetch(input, init);
      },
    });
    const result = await client.query(regions, {}).toPromise();
    assert.equal(method, 'GET');
    assert.equal(result.error, undefined);
    assert.ok(result.data.regions.edges.length > 0);
  });

  test('a GET query with no credential and no preflight header is refused 400; urql then needs preferGetMethod: false', async () => {
    const bare = createClient({ url, exchanges: [fetchExchange] });
    const refused = await bare.query(regions, {}).toPromise();
    assert.equal(refused.error?.response?.status, 400);
    const posting = createClient({ url, exchanges: [fetchExchange], preferGetMethod: false });
    const passed = await posting.query(regions, {}).toPromise();
    assert.equal(passed.error, undefined);
  });

  test('subscriptions through subscriptionExchange and graphql-ws, as the README shows', async () => {
    const headers = await adminHeaders();
    const ws = createWsClient({
      url: url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: headers,
      retryAttempts: 0,
    });
    const client = createClient({
      url,
      exchanges: [
        fetchExchange,
        subscriptionExchange({
          forwardSubscription: (request) => ({
            subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
          }),
        }),
      ],
    });
    const statuses: string[] = [];
    const { unsubscribe } = client
      .subscription(
        gql`
        subscription LoanStatus {
          loanChanged {
            status
          }
        }
      `,
        {},
      )
      .subscribe((result) => {
        if (result.data) statuses.push(result.data.loanChanged.status);
      });
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await database.db.prisma.enterpriseLoan.update({ where: { id: writeIds.loan }, data: { status: 'APPLIED' } });
      await approveLoan(database.db, officer, { loanId: writeIds.loan });
      for (let waited = 0; statuses.length === 0 && waited < 5_000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(statuses, ['APPROVED']);
    } finally {
      unsubscribe();
      await ws.dispose();
    }
  });
});
