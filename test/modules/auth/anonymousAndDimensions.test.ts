import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../src/server/buildServer.js';
import { adminHeaders, anonymousTestServerConfig, bearerHeaders } from '../../support/auth.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';

const post = async (app: FastifyInstance, query: string, headers: Record<string, string> = {}) => {
  const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query }, headers });
  return { status: response.statusCode, headers: response.headers, body: response.json() };
};

describe('anonymous callers are told to sign in; loan dimensions need a loan reader; _service follows introspection', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let app: FastifyInstance;
      let viewer: Record<string, string>;
      let analyst: Record<string, string>;
      before(async () => {
        database = await createTestDatabase(backend);
        await database.db.prisma.orgUnit.create({
          data: { code: 'AD-BRANCH', name: 'Branch', nameZh: '支行', kind: 'SUB_BRANCH' },
        });
        app = await buildServer({ config: anonymousTestServerConfig, db: database.db });
        viewer = await bearerHeaders({ roles: ['VIEWER'], sub: 'viewer', orgUnit: 'AD-BRANCH' });
        analyst = await bearerHeaders({ roles: ['ANALYST'], sub: 'analyst', orgUnit: 'AD-BRANCH' });
      });
      after(async () => {
        await app.close();
        await database.dispose();
      });

      test('a creditCode filter: anonymous gets 401 UNAUTHENTICATED naming it, a VIEWER 403 FORBIDDEN', async () => {
        const query = '{ enterprises(where: { creditCode: { eq: "91410100MA00000000" } }) { nodes { id } } }';
        const anonymous = await post(app, query);
        assert.equal(anonymous.status, 401, JSON.stringify(anonymous.body));
        assert.equal(anonymous.headers['www-authenticate'], 'Bearer realm="dishui"');
        assert.equal(anonymous.body.errors[0].extensions.code, 'UNAUTHENTICATED');
        assert.equal(anonymous.body.errors[0].extensions.argument, 'where.creditCode');
        assert.match(anonymous.body.errors[0].message, /^Not authenticated: sign in; .*creditCode/);
        const signedIn = await post(app, query, viewer);
        assert.equal(signedIn.status, 403);
        assert.equal(signedIn.body.errors[0].extensions.code, 'FORBIDDEN');
        assert.equal((await post(app, query, analyst)).body.errors, undefined);
      });

      test('an export: anonymous gets 401 UNAUTHENTICATED, a VIEWER 403 FORBIDDEN, at every export URL and by mutation', async () => {
        // Every export door: the CSV/JSONL facts, the XLSX facts and the statistics export.
        for (const url of ['/export/loan-facts.csv', '/export/loan-facts.xlsx', '/export/loan-statistics.csv']) {
          const anonymous = await app.inject({ method: 'GET', url });
          assert.equal(anonymous.statusCode, 401, url);
          assert.equal(anonymous.headers['www-authenticate'], 'Bearer realm="dishui"');
          assert.equal(anonymous.json().error.code, 'UNAUTHENTICATED');
          const signedIn = await app.inject({ method: 'GET', url, headers: viewer });
          assert.equal(signedIn.statusCode, 403, url);
          assert.equal(signedIn.json().error.code, 'FORBIDDEN');
        }
        const mutation = 'mutation { createExport(input: { kind: LOAN_FACTS, format: CSV }) { exportJob { id } } }';
        const job = await post(app, mutation);
        assert.equal(job.status, 401);
        assert.equal(job.body.errors[0].extensions.code, 'UNAUTHENTICATED');
        assert.equal((await post(app, mutation, viewer)).body.errors[0].extensions.code, 'FORBIDDEN');
      });

      test('impactStatistics by a loan dimension needs a role that may read loans; other dimensions do not', async () => {
        for (const dimension of ['LOAN_PRODUCT', 'LOAN_REGULATORY_CLASS']) {
          const query = `{ impactStatistics(groupBy: [COUNTY, ${dimension}]) { groups { peopleDriven } } }`;
          const anonymous = await post(app, query);
          assert.equal(anonymous.status, 401, JSON.stringify(anonymous.body));
          assert.equal(anonymous.body.errors[0].extensions.code, 'UNAUTHENTICATED');
          assert.match(anonymous.body.errors[0].message, new RegExp(`${dimension} is taken from loans`));
          const signedIn = await post(app, query, viewer);
          assert.equal(signedIn.status, 403);
          assert.deepEqual(
            [signedIn.body.errors[0].extensions.code, signedIn.body.errors[0].extensions.argument],
            ['FORBIDDEN', 'groupBy'],
          );
          assert.match(signedIn.body.errors[0].message, /needs one of the roles ANALYST, LOAN_OFFICER, ADMIN/);
          assert.equal((await post(app, query, analyst)).body.errors, undefined);
        }
        const open = await post(app, '{ impactStatistics(groupBy: [COUNTY, SUBJECT]) { groups { peopleDriven } } }');
        assert.equal(open.body.errors, undefined);
      });

      test('FEDERATION=true in production: _service { sdl } is refused like introspection, but for the inspecting roles', async () => {
        const federated = await buildServer({
          config: { ...anonymousTestServerConfig, FEDERATION: true, NODE_ENV: 'production' },
          db: database.db,
        });
        try {
          for (const query of ['{ _service { sdl } }', 'query { ...S } fragment S on Query { _service { sdl } }']) {
            for (const headers of [{}, viewer]) {
              const refused = await post(federated, query, headers);
              assert.equal(refused.status, 400, JSON.stringify(refused.body));
              assert.equal(refused.body.errors[0].extensions.code, 'INTROSPECTION_DISABLED');
              assert.equal(refused.body.data, undefined);
            }
          }
          const allowed = await post(federated, '{ _service { sdl } }', await adminHeaders());
          assert.match(allowed.body.data._service.sdl, /type Query/);
        } finally {
          await federated.close();
        }
      });
    });
  }
});
