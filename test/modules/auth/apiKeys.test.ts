import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { apiKeyCommand, ApiKeyUsageError } from '../../../src/cli/apiKeyCommand.js';
import { ApiKeyInputError, createApiKeyAuthenticator } from '../../../src/modules/auth/apiKeys.service.js';
import { buildServer } from '../../../src/server/buildServer.js';
import { testServerConfig } from '../../support/auth.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';

// Runs `dishui apikey …` against the test database and returns what it printed.
async function cli(database: TestDatabase, ...args: string[]): Promise<string[]> {
  const lines: string[] = [];
  assert.equal(await apiKeyCommand(database.db, args, (line) => lines.push(line)), 0);
  return lines;
}

function keyFrom(lines: string[]): string {
  const match = /key \(shown once[^)]*\): (dsh_\S+)$/.exec(lines.at(-1)!);
  assert.ok(match, lines.join('\n'));
  return match[1]!;
}

describe('API keys: created, listed and revoked from the command line; only live keys get in', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let app: FastifyInstance;
      let branchId: number;
      before(async () => {
        database = await createTestDatabase(backend);
        branchId = (
          await database.db.prisma.orgUnit.create({
            data: { code: 'KEY-BR-1', name: 'Key branch', nameZh: '鑰匙支行', kind: 'SUB_BRANCH' },
          })
        ).id;
        app = await buildServer({ config: testServerConfig, db: database.db });
        app.get('/test/viewer', async (request) => request.viewer);
      });
      after(async () => {
        await app?.close();
        await database?.dispose();
      });

      test('a created key is stored only as a hash, listed without the secret, and names its viewer in either header', async () => {
        const created = await cli(
          database,
          'create',
          '--role',
          'ANALYST',
          '--org-unit',
          'KEY-BR-1',
          '--label',
          'Power BI',
          '--expires',
          '2099-01-01',
        );
        const key = keyFrom(created);
        const row = await database.db.prisma.apiKey.findFirstOrThrow({ where: { label: 'Power BI' } });
        assert.notEqual(row.keyHash, key);
        assert.ok(!JSON.stringify(row).includes(key.split('_')[2]!), 'the secret part is not stored');
        const listed = await cli(database, 'list');
        assert.ok(
          listed.some(
            (line) =>
              line.includes('"Power BI"') &&
              line.includes('ANALYST') &&
              line.includes('KEY-BR-1') &&
              line.includes('active'),
          ),
          listed.join('\n'),
        );
        assert.ok(!listed.join('\n').includes(key));

        const expected = { kind: 'apiKey', id: `apikey:${row.id}`, roles: ['ANALYST'], orgUnitId: branchId };
        for (const headers of [{ 'x-api-key': key }, { authorization: `ApiKey ${key}` }]) {
          const response = await app.inject({ method: 'GET', url: '/test/viewer', headers });
          assert.deepEqual(response.json(), expected);
        }
        const graphql = await app.inject({
          method: 'POST',
          url: '/graphql',
          payload: { query: '{ __typename }' },
          headers: { 'x-api-key': key },
        });
        assert.equal(graphql.statusCode, 200);
      });

      test('a revoked key, an expired key, an unknown key and a key with one character changed are 401', async () => {
        const revoked = keyFrom(
          await cli(database, 'create', '--role', 'VIEWER', '--org-unit', 'KEY-BR-1', '--label', 'to revoke'),
        );
        const id = (await database.db.prisma.apiKey.findFirstOrThrow({ where: { label: 'to revoke' } })).id;
        assert.equal(
          (await app.inject({ method: 'GET', url: '/test/viewer', headers: { 'x-api-key': revoked } })).statusCode,
          200,
        );
        assert.match((await cli(database, 'revoke', String(id)))[0]!, /^revoked: #\d+ .*revoked 20/);

        const expired = keyFrom(
          await cli(
            database,
            'create',
            '--role',
            'VIEWER',
            '--org-unit',
            'KEY-BR-1',
            '--label',
            'to expire',
            '--expires',
            '2099-01-01',
          ),
        );
        await database.db.prisma.apiKey.updateMany({
          where: { label: 'to expire' },
          data: { expiresAt: new Date(Date.now() - 1000) },
        });
        const tampered = `${expired.slice(0, -1)}${expired.endsWith('A') ? 'B' : 'A'}`;

        for (const [what, key, message] of [
          ['revoked', revoked, /revoked/],
          ['expired', expired, /expired/],
          ['unknown', `dsh_000000000000_${'x'.repeat(43)}`, /not known/],
          ['tampered', tampered, /not known/],
          ['malformed', 'hello', /not known/],
        ] as const) {
          const response = await app.inject({
            method: 'POST',
            url: '/graphql',
            payload: { query: '{ __typename }' },
            headers: { 'x-api-key': key },
          });
          assert.equal(response.statusCode, 401, what);
          assert.match(response.json().errors[0].message, message, what);
          assert.equal(response.json().errors[0].extensions.code, 'UNAUTHENTICATED', what);
        }
      });

      test('last use is recorded, at most once per interval', async () => {
        const key = keyFrom(
          await cli(database, 'create', '--role', 'ANALYST', '--org-unit', 'KEY-BR-1', '--label', 'usage'),
        );
        let clock = new Date('2030-01-01T00:00:00Z');
        const authenticate = createApiKeyAuthenticator(database.db, { lastUseIntervalMs: 60_000, now: () => clock });
        const lastUsed = async () =>
          (await database.db.prisma.apiKey.findFirstOrThrow({ where: { label: 'usage' } })).lastUsedAt?.toISOString();
        assert.equal(await lastUsed(), undefined);
        await authenticate(key);
        assert.equal(await lastUsed(), '2030-01-01T00:00:00.000Z');
        clock = new Date('2030-01-01T00:00:59Z');
        await authenticate(key);
        assert.equal(await lastUsed(), '2030-01-01T00:00:00.000Z', 'within the interval nothing is written');
        clock = new Date('2030-01-01T00:01:00Z');
        await authenticate(key);
        assert.equal(await lastUsed(), '2030-01-01T00:01:00.000Z');
      });

      test('wrong values are refused with a message naming them, and nothing is created', async () => {
        const count = await database.db.prisma.apiKey.count();
        const print = () => {};
        await assert.rejects(
          apiKeyCommand(database.db, ['create', '--role', 'ANALYST', '--label', 'no unit'], print),
          ApiKeyInputError,
        );
        await assert.rejects(
          apiKeyCommand(database.db, ['create', '--role', 'GOD', '--org-unit', 'KEY-BR-1', '--label', 'x'], print),
          /GOD/,
        );
        await assert.rejects(
          apiKeyCommand(database.db, ['create', '--role', 'ANALYST', '--org-unit', 'NOPE', '--label', 'x'], print),
          /NOPE/,
        );
        await assert.rejects(
          apiKeyCommand(
            database.db,
            ['create', '--role', 'ANALYST', '--org-unit', 'KEY-BR-1', '--label', 'x', '--expires', '2001-01-01'],
            print,
          ),
          /future/,
        );
        await assert.rejects(
          apiKeyCommand(
            database.db,
            ['create', '--role', 'ANALYST', '--org-unit', 'KEY-BR-1', '--label', 'x', '--expires', 'soon'],
            print,
          ),
          ApiKeyUsageError,
        );
        await assert.rejects(apiKeyCommand(database.db, ['revoke', '999999'], print), /no API key has the id 999999/);
        await assert.rejects(apiKeyCommand(database.db, ['rotate'], print), ApiKeyUsageError);
        assert.equal(await database.db.prisma.apiKey.count(), count);
        // A whole-bank key is an ADMIN key.
        await cli(database, 'create', '--role', 'ADMIN', '--label', 'ops');
        assert.equal((await database.db.prisma.apiKey.findFirstOrThrow({ where: { label: 'ops' } })).orgUnitId, null);
      });
    });
  }
});
