import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SignJWT, UnsecuredJWT } from 'jose';
import { buildServer } from '../../src/server/buildServer.js';
import { bearerHeaders, signTestToken, testServerConfig } from '../support/auth.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/database.js';

// What the authentication hook decided, read back through a route added for the test.
async function viewerOf(app: FastifyInstance, headers: Record<string, string>) {
  const response = await app.inject({ method: 'GET', url: '/test/viewer', headers });
  return { status: response.statusCode, body: response.json() };
}

describe('authentication: bearer tokens name the viewer, anything else is 401 UNAUTHENTICATED', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let app: FastifyInstance;
      let branchId: number;
      before(async () => {
        database = await createTestDatabase(backend);
        branchId = (
          await database.db.prisma.orgUnit.create({
            data: { code: 'AUTH-BR-1', name: 'Auth branch', nameZh: '測試分行', kind: 'TIER2_BRANCH' },
          })
        ).id;
        app = await buildServer({ config: testServerConfig, db: database.db });
        app.get('/test/viewer', async (request) => request.viewer);
      });
      after(async () => {
        await app?.close();
        await database?.dispose();
      });

      test('a valid HS256 token names its user, roles and org unit (resolved from its code to its id)', async () => {
        const answer = await viewerOf(
          app,
          await bearerHeaders({ sub: 'alice', roles: ['ANALYST', 'LOAN_OFFICER'], orgUnit: 'AUTH-BR-1' }),
        );
        assert.equal(answer.status, 200);
        assert.deepEqual(answer.body, {
          kind: 'user',
          id: 'user:alice',
          roles: ['ANALYST', 'LOAN_OFFICER'],
          orgUnitId: branchId,
        });
      });

      test('an ADMIN token without org_unit covers the whole bank', async () => {
        const answer = await viewerOf(app, await bearerHeaders({ sub: 'root', roles: ['ADMIN'] }));
        assert.deepEqual(answer.body, { kind: 'user', id: 'user:root', roles: ['ADMIN'], orgUnitId: null });
      });

      const refused: Array<[string, () => Promise<string>]> = [
        ['expired', () => signTestToken({ expiresIn: Math.floor(Date.now() / 1000) - 120 })],
        [
          'forged (signed with another secret)',
          () => signTestToken({ secret: 'another-secret-of-at-least-32-characters!!' }),
        ],
        ['for another audience', () => signTestToken({ audience: 'someone-else' })],
        ['from another issuer', () => signTestToken({ issuer: 'evil-idp' })],
        ['malformed', async () => 'not.a.jwt'],
        [
          'unsigned (alg none)',
          async () =>
            new UnsecuredJWT({ roles: ['ADMIN'] })
              .setSubject('x')
              .setIssuer('dishui')
              .setAudience('dishui')
              .setExpirationTime('1h')
              .encode(),
        ],
        [
          'without exp',
          () =>
            new SignJWT({ roles: ['ADMIN'] })
              .setProtectedHeader({ alg: 'HS256' })
              .setSubject('x')
              .setIssuer('dishui')
              .setAudience('dishui')
              .sign(new TextEncoder().encode(testServerConfig.DISHUI_JWT_SECRET)),
        ],
        [
          'issued in the future, beyond the clock skew',
          () =>
            new SignJWT({ roles: ['ADMIN'] })
              .setProtectedHeader({ alg: 'HS256' })
              .setSubject('x')
              .setIssuer('dishui')
              .setAudience('dishui')
              .setIssuedAt(Math.floor(Date.now() / 1000) + 3600)
              .setExpirationTime('2h')
              .sign(new TextEncoder().encode(testServerConfig.DISHUI_JWT_SECRET)),
        ],
        ['with an unknown role', () => signTestToken({ roles: ['SUPERUSER' as never] })],
        ['with a subject too long for the audit trail', () => signTestToken({ sub: 'x'.repeat(101) })],
        ['of a non-admin without org_unit', () => signTestToken({ roles: ['ANALYST'] })],
        [
          'naming an org unit that does not exist',
          () => signTestToken({ roles: ['ANALYST'], orgUnit: 'NO-SUCH-UNIT' }),
        ],
      ];
      for (const [name, token] of refused) {
        test(`a token ${name} is 401 UNAUTHENTICATED on GraphQL and on the other routes`, async () => {
          const headers = { authorization: `Bearer ${await token()}` };
          const graphql = await app.inject({
            method: 'POST',
            url: '/graphql',
            payload: { query: '{ __typename }' },
            headers,
          });
          assert.equal(graphql.statusCode, 401);
          assert.equal(graphql.json().errors[0].extensions.code, 'UNAUTHENTICATED');
          assert.equal(graphql.json().data, undefined);
          const exported = await app.inject({ method: 'GET', url: '/export/loan-facts.csv', headers });
          assert.equal(exported.statusCode, 401);
          assert.equal(exported.json().error.code, 'UNAUTHENTICATED');
        });
      }

      test('a token within the clock skew of its expiry is still accepted', async () => {
        const answer = await viewerOf(app, await bearerHeaders({ expiresIn: Math.floor(Date.now() / 1000) - 5 }));
        assert.equal(answer.status, 200);
      });

      test('without a credential and with anonymous access off, only /healthz and /readyz answer', async () => {
        assert.equal(
          (await app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ __typename }' } })).statusCode,
          401,
        );
        assert.equal((await app.inject({ method: 'GET', url: '/export/loan-facts.csv' })).statusCode, 401);
        assert.equal((await app.inject({ method: 'GET', url: '/export-jobs/1/download' })).statusCode, 401);
        assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
        assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
        // Paths that only look like the health checks are not let through.
        assert.equal((await app.inject({ method: 'GET', url: '/healthz/../export/loan-facts.csv' })).statusCode, 401);
        // A CORS preflight passes (browsers send no credential on it); a bare OPTIONS does not.
        const preflight = await app.inject({
          method: 'OPTIONS',
          url: '/graphql',
          headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'POST' },
        });
        assert.notEqual(preflight.statusCode, 401);
        assert.equal((await app.inject({ method: 'OPTIONS', url: '/graphql' })).statusCode, 401);
      });

      test('with anonymous access "viewer", a caller without a credential is the anonymous VIEWER', async () => {
        const open = await buildServer({
          config: { ...testServerConfig, DISHUI_ANONYMOUS: 'viewer' },
          db: database.db,
        });
        open.get('/test/viewer', async (request) => request.viewer);
        try {
          assert.deepEqual((await viewerOf(open, {})).body, {
            kind: 'anonymous',
            id: 'anonymous',
            roles: ['VIEWER'],
            orgUnitId: null,
          });
          const graphql = await open.inject({ method: 'POST', url: '/graphql', payload: { query: '{ __typename }' } });
          assert.equal(graphql.statusCode, 200);
          // A bad credential is never downgraded to anonymous.
          assert.equal((await viewerOf(open, { authorization: 'Bearer nope' })).status, 401);
        } finally {
          await open.close();
        }
      });
    });
  }
});
