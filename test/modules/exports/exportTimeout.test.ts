import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { openDatabase, type Database } from '../../../src/db/client.js';
import { exportRoutes } from '../../../src/modules/exports/exports.routes.js';
import { createTestDatabase, type TestDatabase, testBackends } from '../../support/database.js';
import { copyScenarioLoans, insertBiScenario } from '../analytics/biScenario.js';
import { callers } from '../auth/scopeFixture.js';

const interactiveTimeoutMs = 150;

/** A bare app whose every request comes from a whole-bank ADMIN, as the authentication plugin would set. */
async function adminApp(db: Database, exportTimeoutMs?: number): Promise<FastifyInstance> {
  const app = Fastify();
  app.addHook('onRequest', async (request) => {
    request.viewer = callers.admin;
  });
  await app.register(exportRoutes, { db, reading: 'copy', exportTimeoutMs });
  return app;
}

/** Reads a whole response over a real socket: status, body, and whether it ended cleanly. */
function download(
  port: number,
  path: string,
  onFirstData?: () => Promise<void>,
): Promise<{ status: number; body: string; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path }, (response) => {
      const parts: Buffer[] = [];
      let waited = !onFirstData;
      response.on('data', (chunk: Buffer) => {
        parts.push(chunk);
        if (waited) return;
        waited = true;
        response.pause();
        void onFirstData?.().then(() => response.resume(), reject);
      });
      response.on('error', () => {});
      response.on('close', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(parts).toString(),
          complete: response.complete,
        }),
      );
    });
    request.on('error', (error) =>
      (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error),
    );
  });
}

describe('exports run under their own timeout, and a cut export never looks complete', async () => {
  const backends = (await testBackends()).filter((backend) => backend === 'postgres');
  for (const backend of backends) {
    describe(backend, () => {
      let database: TestDatabase;
      let interactive: Database;
      let watcher: pg.Client;
      let loans = 0;
      before(async () => {
        database = await createTestDatabase(backend);
        await insertBiScenario(database.db, 1_000);
        // Copies of the scenario's loans: some 20 MB of CSV, more than the sockets buffer, so a
        // paused reader leaves the COPY mid-stream.
        await copyScenarioLoans(database.db, 39);
        loans = await database.db.prisma.enterpriseLoan.count();
        // The server's pool as `dishui serve` opens it, with a small interactive statement timeout.
        interactive = await openDatabase(
          {
            DATABASE_URL: database.url,
            DATABASE_POOL_MAX: 3,
            DATABASE_POOL_IDLE_MS: 1_000,
            DATABASE_CONNECT_TIMEOUT_MS: 5_000,
            DISHUI_DATA_DIR: 'memory://',
          },
          { statementTimeoutMs: interactiveTimeoutMs },
        );
        watcher = new pg.Client({ connectionString: database.url });
        await watcher.connect();
      });
      after(async () => {
        await watcher?.end();
        await interactive?.close();
        await database?.dispose();
      });

      test('an export running longer than the interactive statement timeout completes, and the pool keeps its timeout', async () => {
        const app = await adminApp(interactive, 60_000);
        try {
          // Holding the table makes the COPY wait four times the interactive timeout before its first row.
          await watcher.query('BEGIN');
          await watcher.query('LOCK TABLE "EnterpriseLoan" IN ACCESS EXCLUSIVE MODE');
          const answer = app.inject({ method: 'GET', url: '/export/loan-facts.csv' });
          await sleep(interactiveTimeoutMs * 4);
          await watcher.query('ROLLBACK');
          const response = await answer;
          assert.equal(response.statusCode, 200, response.body.slice(0, 300));
          const lines = response.body.split('\r\n');
          assert.equal(lines.length - 2, loans);
          assert.equal(lines.at(-1), '');
          assert.ok(!response.body.includes('DISHUI_EXPORT_INCOMPLETE'));
          // The connection went back with the interactive timeout.
          const timeouts = await interactive.sql.query<{ statement_timeout: string }>('SHOW statement_timeout');
          assert.equal(timeouts[0]?.statement_timeout, `${interactiveTimeoutMs}ms`);
        } finally {
          await app.close();
        }
      });

      test('the export timeout bounds the COPY instead', async () => {
        const app = await adminApp(interactive, interactiveTimeoutMs * 2);
        try {
          await watcher.query('BEGIN');
          await watcher.query('LOCK TABLE "EnterpriseLoan" IN ACCESS EXCLUSIVE MODE');
          const answer = app.inject({ method: 'GET', url: '/export/loan-facts.csv' });
          await sleep(interactiveTimeoutMs * 6);
          await watcher.query('ROLLBACK');
          assert.equal((await answer).statusCode, 500);
        } finally {
          await app.close();
        }
      });

      for (const format of ['csv', 'jsonl'] as const) {
        test(`a ${format} export cut mid-stream ends without its terminating chunk, on a line saying it is incomplete`, async () => {
          const app = await adminApp(interactive, 60_000);
          try {
            await app.listen({ port: 0, host: '127.0.0.1' });
            const { port } = app.server.address() as AddressInfo;
            const result = await download(port, `/export/loan-facts.${format}`, async () => {
              // This database's only COPY is the export's (pg_stat_activity keeps the first 1 kB of its text).
              let cut = 0;
              for (let tries = 0; cut === 0 && tries < 50; tries += 1) {
                const rows = await watcher.query<{ n: number }>(
                  `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
                    WHERE datname = current_database() AND query LIKE 'COPY (%' AND state = 'active'`,
                );
                cut = rows.rows[0]?.n ?? 0;
                if (cut === 0) await sleep(50);
              }
              assert.equal(cut, 1, 'the COPY was still running when the first bytes arrived');
            });
            assert.equal(result.status, 200);
            assert.equal(result.complete, false, 'the response did not end cleanly');
            const lines = result.body.split(format === 'csv' ? '\r\n' : '\n');
            assert.equal(lines.at(-1), '');
            const last = lines.at(-2) ?? '';
            const rows = lines.length - (format === 'csv' ? 3 : 2);
            assert.ok(rows < loans, `${rows} of ${loans} rows arrived`);
            if (format === 'csv') assert.match(last, /^#DISHUI_EXPORT_INCOMPLETE The export failed after \d+ rows/);
            else assert.equal(typeof JSON.parse(last).dishuiExportIncomplete.rowsWritten, 'number');
          } finally {
            await app.close();
          }
        });
      }
    });
  }
});
