import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/buildServer.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { insertWriteFixture } from '../modules/writes/writeFixture.js';
import { adminHeaders, testServerConfig } from '../support/auth.js';

/** The value of one sample of the Prometheus text, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let app: FastifyInstance;
      before(async () => {
        database = await createTestDatabase(backend);
        await insertWriteFixture(database.db);
        app = await buildServer({ config: testServerConfig, db: database.db, compiledReads: false });
      });
      after(async () => {
        await app?.close();
        await database?.dispose();
      });

      test('counts operations by name and type, errors and refusals by code, batches, statements, pools and export rows', async () => {
        const post = async (query: string) =>
          app.inject({ method: 'POST', url: '/graphql', headers: await adminHeaders(), payload: { query } });
        for (let i = 0; i < 2; i += 1)
          assert.equal(
            (await post('query Firms { enterprises(first: 5) { nodes { id sites { nodes { id } } } } }')).statusCode,
            200,
          );
        assert.equal((await post('query Broken { enterprises { noSuchField } }')).statusCode, 400);
        const exported = await app.inject({
          method: 'GET',
          url: '/export/loan-facts.csv',
          headers: await adminHeaders(),
        });
        assert.equal(exported.statusCode, 200);
        const exportedRows = exported.body.trimEnd().split('\n').length - 1;
        assert.ok(exportedRows > 0);

        const response = await app.inject({ method: 'GET', url: '/metrics' });
        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers['content-type']), /^text\/plain/);
        const text = response.body;
        assert.equal(
          sample(text, 'dishui_graphql_operations_total', { operation: 'Firms', type: 'query', outcome: 'ok' }),
          2,
        );
        assert.equal(
          sample(text, 'dishui_graphql_operation_duration_seconds_count', { operation: 'Firms', type: 'query' }),
          2,
        );
        assert.equal(sample(text, 'dishui_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' }), 1);
        assert.equal(
          sample(text, 'dishui_graphql_rejected_operations_total', { code: 'GRAPHQL_VALIDATION_FAILED' }),
          1,
        );
        assert.equal(
          sample(text, 'dishui_dataloader_batch_size_count', { loader: 'Enterprise.sites' }),
          2,
          'one batch per request',
        );
        assert.ok(sample(text, 'dishui_dataloader_batch_size_sum', { loader: 'Enterprise.sites' })! >= 2);
        assert.equal(sample(text, 'dishui_export_rows_total', { kind: 'loan-facts', format: 'csv' }), exportedRows);
        assert.ok(sample(text, 'dishui_db_statement_duration_seconds_count', { outcome: 'ok' })! > 0);
        assert.equal(
          sample(text, 'dishui_http_requests_total', { route: '/graphql', method: 'POST', status: '200' }),
          2,
        );
        assert.ok(sample(text, 'dishui_process_resident_memory_bytes')! > 0);
        if (backend === 'postgres') {
          assert.ok(sample(text, 'dishui_db_pool_connections', { pool: 'primary' })! >= 1);
          assert.equal(sample(text, 'dishui_db_pool_waiting_requests', { pool: 'primary' }), 0);
        }
      });
    });
  }
});
