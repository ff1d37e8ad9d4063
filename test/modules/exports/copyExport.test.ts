import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import Fastify from 'fastify';
import pg from 'pg';
import { binaryCopyFields } from '../../../src/modules/exports/copyFactLines.js';
import { exportRoutes } from '../../../src/modules/exports/exports.routes.js';
import { createTestDatabase, testBackends } from '../../support/database.js';
import { copyScenarioLoans, insertBiScenario } from '../analytics/biScenario.js';
import { insertExportScenario } from './exportScenario.js';
import { callers } from '../auth/scopeFixture.js';

// A binary COPY stream of rows "a", "" and "héllo\r\n", as PostgreSQL frames it.
function binaryCopy(values: string[]): Buffer {
  const header = Buffer.concat([
    Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
    Buffer.alloc(4),
    Buffer.from([0, 0, 0, 2, 9, 9]),
  ]);
  const rows = values.map((value) => {
    const bytes = Buffer.from(value);
    const frame = Buffer.alloc(6);
    frame.writeInt16BE(1, 0);
    frame.writeInt32BE(bytes.length, 2);
    return Buffer.concat([frame, bytes]);
  });
  return Buffer.concat([header, ...rows, Buffer.from([0xff, 0xff])]);
}

describe('binary COPY framing is stripped to the field bytes whatever the chunk boundaries', () => {
  test('split into chunks of every size from 1 to 7 bytes, and in one piece', async () => {
    const values = ['a', '', 'héllo\r\n', 'x,"y"\n'];
    const whole = binaryCopy(values);
    for (const size of [1, 2, 3, 5, 7, whole.length]) {
      const chunks = async function* () {
        for (let i = 0; i < whole.length; i += size) yield whole.subarray(i, i + size);
      };
      let rows = 0;
      const out: Buffer[] = [];
      for await (const part of binaryCopyFields(chunks())) {
        out.push(part.data);
        rows += part.rows;
      }
      assert.equal(Buffer.concat(out).toString(), values.join(''), `chunks of ${size}`);
      assert.equal(rows, values.length, `chunks of ${size}`);
    }
  });
});

/** A bare app whose every request comes from a whole-bank ADMIN, as the authentication plugin would set. */
function adminFastify() {
  const app = Fastify();
  app.addHook('onRequest', async (request) => {
    request.viewer = callers.admin;
  });
  return app;
}

describe('the streaming COPY export writes the keyset pages’ bytes exactly, and stops when the client leaves', async () => {
  const backends = (await testBackends()).filter((backend) => backend === 'postgres');
  for (const backend of backends) {
    test(backend, async (t) => {
      const { db, url, dispose } = await createTestDatabase(backend);
      const copying = adminFastify();
      const paging = adminFastify();
      try {
        await insertBiScenario(db, 1_000);
        await copying.register(exportRoutes, { db, reading: 'copy' });
        await paging.register(exportRoutes, { db, reading: 'pages', pageSize: 300 });

        await t.test('quoting, Chinese text, decimals and nulls: the same bytes both ways', async () => {
          const quoting = await createTestDatabase(backend);
          const a = adminFastify();
          const b = adminFastify();
          try {
            await insertExportScenario(quoting.db);
            await a.register(exportRoutes, { db: quoting.db, reading: 'copy' });
            await b.register(exportRoutes, { db: quoting.db, reading: 'pages', pageSize: 1 });
            for (const url of [
              '/export/loan-facts.csv',
              '/export/loan-facts.jsonl',
              '/export/impact-facts.csv',
              '/export/impact-facts.jsonl',
            ]) {
              const [copied, paged] = await Promise.all([
                a.inject({ method: 'GET', url }),
                b.inject({ method: 'GET', url }),
              ]);
              assert.match(paged.body, /[,\n]/);
              assert.ok(copied.rawPayload.equals(paged.rawPayload), url);
            }
          } finally {
            await a.close();
            await b.close();
            await quoting.dispose();
          }
        });

        await t.test('every format, filter and option gives the same bytes both ways', async () => {
          const where = (value: unknown) => encodeURIComponent(JSON.stringify(value));
          const urls = [
            '/export/loan-facts.csv',
            '/export/loan-facts.csv?bom=true',
            '/export/loan-facts.jsonl',
            '/export/impact-facts.csv',
            '/export/impact-facts.jsonl',
            `/export/loan-facts.csv?where=${where({ inRegion: '4104', status: { in: ['DISBURSED', 'OVERDUE'] } })}`,
            `/export/loan-facts.csv?where=${where({ campaigns: { some: { code: { eq: 'GYPHX' } } } })}`,
            `/export/loan-facts.jsonl?where=${where({ contractAmount: { gte: '1000000.50' }, enterprise: { name: { contains: "o'" } } })}`,
            '/export/loan-facts.csv?updatedSince=2020-04-20T08:00:00.001Z',
          ];
          for (const url of urls) {
            const [copied, paged] = await Promise.all([
              copying.inject({ method: 'GET', url }),
              paging.inject({ method: 'GET', url }),
            ]);
            assert.equal(copied.statusCode, 200, url);
            assert.equal(copied.headers['content-type'], paged.headers['content-type'], url);
            assert.ok(
              copied.rawPayload.equals(paged.rawPayload),
              `${url}: ${copied.rawPayload.length} bytes copied, ${paged.rawPayload.length} paged`,
            );
          }
          const all = await copying.inject({ method: 'GET', url: '/export/loan-facts.csv' });
          assert.equal(all.body.split('\r\n').length - 2, await db.prisma.enterpriseLoan.count());
        });

        await t.test('a client that leaves ends the COPY on the server, and the pool still works', async () => {
          // 40,000 loans (copies of the scenario's), some 20 MB of CSV: more than the sockets
          // buffer, so the COPY is still running when the client goes.
          const marker = '2001-02-03T04:05:06.789Z';
          await copyScenarioLoans(db, 39);
          await copying.listen({ port: 0, host: '127.0.0.1' });
          const { port } = copying.server.address() as AddressInfo;
          // Watched from a connection of its own: a pooled one could be the very connection checked.
          const watcher = new pg.Client({ connectionString: url });
          await watcher.connect();
          try {
            const request = await new Promise<http.ClientRequest>((resolve, reject) => {
              const sent = http.get(
                { host: '127.0.0.1', port, path: `/export/loan-facts.csv?updatedSince=${marker}` },
                (response) => {
                  // Stop reading so the server's socket buffers fill and the COPY stays mid-stream.
                  response.pause();
                  response.once('readable', () => resolve(sent));
                },
              );
              sent.on('error', (error) =>
                (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error),
              );
            });
            // The export's server process, found while its COPY runs (the only active one here).
            const running = await watcher.query<{ pid: number }>(
              `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'COPY (%'`,
            );
            assert.equal(running.rows.length, 1, 'the COPY is running while the client holds its response');
            const { pid } = running.rows[0]!;
            request.destroy();
            const alive = async () =>
              (
                await watcher.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1', [
                  pid,
                ])
              ).rows[0]!.n;
            let left = await alive();
            for (let i = 0; i < 50 && left > 0; i++) {
              await sleep(100);
              left = await alive();
            }
            // Not even idle: a COPY drained to its end would leave its connection in the pool.
            assert.equal(left, 0, 'the connection that ran the COPY was closed when the client left');
          } finally {
            await watcher.end();
          }
          const again = await copying.inject({ method: 'GET', url: '/export/impact-facts.jsonl' });
          assert.equal(again.statusCode, 200);
        });
      } finally {
        await copying.close();
        await paging.close();
        await dispose();
      }
    });
  }
});
