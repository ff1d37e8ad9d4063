import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runToken, TokenUsageError } from '../../../src/cli/tokenCommand.js';
import { loadConfig } from '../../../src/config.js';
import { localSecretFile, withLocalSecret } from '../../../src/modules/auth/localSecret.js';
import { buildServer } from '../../../src/server/buildServer.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

// The policy is about HTTP, not SQL: one PGlite database is enough.
describe('who may call by default, and how a local user gets an admin token', () => {
  let directory: string;
  let database: TestDatabase;
  before(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-auth-'));
    database = await createTestDatabase('pglite');
    await database.db.prisma.orgUnit.create({
      data: { code: 'LOCAL-BR', name: 'Local branch', nameZh: '本地支行', kind: 'SUB_BRANCH' },
    });
  });
  after(async () => {
    await database?.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  test('anonymous access: off in production and on a real database, VIEWER for the embedded demo, or as set', () => {
    assert.equal(loadConfig({}).DISHUI_ANONYMOUS, 'viewer');
    assert.equal(loadConfig({ NODE_ENV: 'production' }).DISHUI_ANONYMOUS, 'off');
    assert.equal(loadConfig({ DATABASE_URL: 'postgresql://x@127.0.0.1/db' }).DISHUI_ANONYMOUS, 'off');
    assert.equal(loadConfig({ NODE_ENV: 'production', DISHUI_ANONYMOUS: 'viewer' }).DISHUI_ANONYMOUS, 'viewer');
    assert.equal(loadConfig({ DISHUI_ANONYMOUS: 'off' }).DISHUI_ANONYMOUS, 'off');
    assert.throws(() => loadConfig({ DISHUI_ANONYMOUS: 'admin' }), /DISHUI_ANONYMOUS/);
  });

  test('in production a caller without a credential gets 401 everywhere but /healthz and /readyz', async () => {
    const config = {
      ...loadConfig({ NODE_ENV: 'production', DISHUI_DATA_DIR: directory }),
      LOG_LEVEL: 'silent' as const,
    };
    const app = await buildServer({ config, db: database.db });
    try {
      for (const [method, url] of [
        ['POST', '/graphql'],
        ['GET', '/graphql?query=%7B__typename%7D'],
        ['GET', '/export/loan-facts.csv'],
        ['GET', '/export-jobs/1/download'],
        ['POST', '/import/loans'],
      ] as const) {
        const response = await app.inject({
          method,
          url,
          payload: method === 'POST' ? { query: '{ __typename }' } : undefined,
          headers: { 'apollo-require-preflight': 'true' },
        });
        assert.equal(response.statusCode, 401, `${method} ${url}`);
        assert.match(String(response.headers['www-authenticate']), /^Bearer/);
      }
      assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
      assert.equal((await app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
    } finally {
      await app.close();
    }
  });

  test('a local install gets a random secret once, kept in the data folder; production and a configured secret get none', () => {
    const local = loadConfig({ DISHUI_DATA_DIR: directory });
    const first = withLocalSecret(local).DISHUI_JWT_SECRET;
    assert.ok(first && first.length >= 32);
    assert.equal(withLocalSecret(local).DISHUI_JWT_SECRET, first, 'the same secret after a restart');
    assert.equal(fs.statSync(localSecretFile(directory)).mode & 0o777, 0o600);
    assert.equal(
      withLocalSecret(loadConfig({ DISHUI_DATA_DIR: directory, NODE_ENV: 'production' })).DISHUI_JWT_SECRET,
      undefined,
    );
    assert.equal(
      withLocalSecret(loadConfig({ DISHUI_DATA_DIR: directory, DISHUI_JWT_SECRET: 'c'.repeat(32) })).DISHUI_JWT_SECRET,
      'c'.repeat(32),
    );
  });

  test('`dishui token` prints a token the server accepts, with the roles and org unit asked for', async () => {
    const config = withLocalSecret(loadConfig({ DISHUI_DATA_DIR: directory }));
    const app = await buildServer({
      config: { ...config, LOG_LEVEL: 'silent', DISHUI_ANONYMOUS: 'off' },
      db: database.db,
    });
    app.get('/test/viewer', async (request) => request.viewer);
    try {
      const printed: string[] = [];
      assert.equal(
        await runToken(
          config,
          ['--role', 'ANALYST', '--org-unit', 'LOCAL-BR', '--ttl', '30m', '--sub', 'wang'],
          (line) => printed.push(line),
        ),
        0,
      );
      const response = await app.inject({
        method: 'GET',
        url: '/test/viewer',
        headers: { authorization: `Bearer ${printed[0]}` },
      });
      assert.equal(response.statusCode, 200);
      const body = response.json() as Record<string, unknown>;
      assert.deepEqual(
        { ...body, orgUnitId: typeof body.orgUnitId },
        { kind: 'user', id: 'user:wang', roles: ['ANALYST'], orgUnitId: 'number' },
      );
      printed.length = 0;
      await runToken(config, [], (line) => printed.push(line));
      assert.deepEqual(
        (
          await app.inject({ method: 'GET', url: '/test/viewer', headers: { authorization: `Bearer ${printed[0]}` } })
        ).json().roles,
        ['ADMIN'],
      );
    } finally {
      await app.close();
    }
    await assert.rejects(runToken(config, ['--role', 'ANALYST']), /must have the ADMIN role/);
    await assert.rejects(runToken(config, ['--ttl', 'forever']), TokenUsageError);
    await assert.rejects(
      runToken(loadConfig({ DISHUI_DATA_DIR: directory, NODE_ENV: 'production' }), []),
      /no DISHUI_JWT_SECRET/,
    );
  });
});
