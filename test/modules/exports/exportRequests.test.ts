import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import Fastify from 'fastify';
import { exportRoutes } from '../../../src/modules/exports/exports.routes.js';
import { createTestDatabase, testBackends } from '../../support/database.js';
import { insertBiScenario } from '../analytics/biScenario.js';
import { countingDatabase } from './countingDatabase.js';
import { callers } from '../auth/scopeFixture.js';

describe('export requests: bad input is refused before any work, a client that leaves stops the reading', async () => {
  for (const backend of await testBackends()) {
    test(backend, async (t) => {
      const { db: raw, dispose } = await createTestDatabase(backend);
      const { db, statements } = countingDatabase(raw);
      const pageSize = 10;
      const app = Fastify();
      // The routes read the caller from request.viewer, which the authentication plugin sets.
      app.addHook('onRequest', async (request) => {
        request.viewer = callers.admin;
      });
      // The body stream of the latest export closes once its reading has stopped for good: a page in
      // flight finishes first, and a closed stream asks for no further page.
      let bodyClosed: Promise<void> = Promise.resolve();
      app.addHook('onSend', async (_request, _reply, payload) => {
        if (payload instanceof Readable) bodyClosed = once(payload, 'close').then(() => undefined);
        return payload;
      });
      try {
        await insertBiScenario(raw, 1_000);
        await app.register(exportRoutes, { db, pageSize, reading: 'pages' });

        await t.test('bad input answers 400 BAD_USER_INPUT naming the argument, with no statement run', async () => {
          const cases: Array<[string, string]> = [
            ['/export/loan-things.csv', 'kind'],
            ['/export/loan-facts.xlsx', 'format'],
            ['/export/loan-facts', 'format'],
            ['/export/loan-facts.csv?where=%7Bnot%20json', 'where'],
            ['/export/loan-facts.csv?where=%5B1%5D', 'where'],
            [`/export/loan-facts.csv?where=${encodeURIComponent('{"status":{"in":["NOPE"]}}')}`, 'where.status.in[0]'],
            [`/export/loan-facts.csv?where=${encodeURIComponent('{"colour":{"eq":"red"}}')}`, 'where.colour'],
            [
              `/export/loan-facts.csv?where=${encodeURIComponent('{"contractDate":{"gte":"2020-13-45"}}')}`,
              'where.contractDate.gte',
            ],
            [`/export/loan-facts.csv?where=${encodeURIComponent('{"inRegion":"henan"}')}`, 'where.inRegion'],
            [`/export/impact-facts.jsonl?where=${encodeURIComponent('{"product":{"eq":"PROJECT"}}')}`, 'where.product'],
            ['/export/loan-facts.csv?bom=maybe', 'bom'],
            ['/export/loan-facts.csv?updatedSince=yesterday', 'updatedSince'],
          ];
          for (const [url, argument] of cases) {
            const before = statements.count;
            const response = await app.inject({ method: 'GET', url });
            assert.equal(response.statusCode, 400, url);
            const body = response.json();
            assert.equal(body.error.code, 'BAD_USER_INPUT', url);
            assert.equal(body.error.argument, argument, `${url}: ${body.error.message}`);
            assert.equal(typeof body.error.message, 'string');
            assert.equal(statements.count, before, `${url} ran no statement`);
          }
        });

        await t.test('a full export reads every row in pages of the configured size', async () => {
          const before = statements.count;
          const response = await app.inject({ method: 'GET', url: '/export/loan-facts.jsonl' });
          const ids = response.body
            .trimEnd()
            .split('\n')
            .map((line) => JSON.parse(line).loanId as number);
          const expected = (
            await raw.prisma.enterpriseLoan.findMany({ select: { id: true }, orderBy: { id: 'asc' } })
          ).map((l) => l.id);
          assert.deepEqual(ids, expected);
          // 1,000 rows in pages of 10: 100 full pages and one empty one that ends the keyset walk.
          assert.equal(statements.count - before, 1_000 / pageSize + 1);
        });

        await t.test('a client that disconnects after the first bytes stops the reading', async () => {
          await app.listen({ port: 0, host: '127.0.0.1' });
          const { port } = app.server.address() as AddressInfo;
          const before = statements.count;
          await new Promise<void>((resolve, reject) => {
            const request = http.get({ host: '127.0.0.1', port, path: '/export/loan-facts.csv' }, (response) => {
              response.once('data', () => {
                request.destroy();
                resolve();
              });
            });
            request.on('error', (error) =>
              (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error),
            );
          });
          await bodyClosed;
          const read = statements.count - before;
          await new Promise((resolve) => setImmediate(resolve));
          assert.equal(statements.count - before, read, 'no page is read after the client left');
          assert.ok(read < 1_000 / pageSize / 2, `read ${read} of ${1_000 / pageSize + 1} pages`);
        });
      } finally {
        await app.close();
        await dispose();
      }
    });
  }
});
