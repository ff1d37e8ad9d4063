import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/buildServer.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { insertWriteFixture } from '../modules/writes/writeFixture.js';
import { adminHeaders, signTestToken, testServerConfig } from '../support/auth.js';

describe('request logs', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const lines: string[] = [];
  before(async () => {
    database = await createTestDatabase('pglite');
    await insertWriteFixture(database.db);
    app = await buildServer({
      config: { ...testServerConfig, LOG_LEVEL: 'info' },
      db: database.db,
      logStream: { write: (line: string) => void lines.push(line) },
    });
  });
  after(async () => {
    await app?.close();
    await database?.dispose();
  });

  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, any>);

  test('one JSON line per request with its id, operation, caller, duration and outcome; no token, cookie or variables', async () => {
    const secret = await signTestToken();
    const personal = '张秀英-personal';
    const answer = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'x-request-id': 'log-test-1', authorization: `Bearer ${secret}`, cookie: 'session=cookie-secret-7' },
      payload: {
        query: 'query Firms($name: String) { enterprises(first: 2, where: { name: { eq: $name } }) { nodes { id } } }',
        variables: { name: personal },
      },
    });
    assert.equal(answer.statusCode, 200);
    const failed = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'x-request-id': 'log-test-2', ...(await adminHeaders()) },
      payload: { query: '{ nope }' },
    });
    assert.equal(failed.statusCode, 400);
    const refused = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'x-api-key': 'key-secret-42' },
      payload: { query: '{ __typename }' },
    });
    assert.equal(refused.statusCode, 401);

    const mine = logged().filter((line) => line.msg === 'request' && line.reqId === 'log-test-1');
    assert.equal(mine.length, 1, 'exactly one line for the request');
    // JSON.parse keeps the last of duplicate keys, so count them in the raw text.
    for (const raw of lines) assert.equal(raw.match(/"reqId":/g)?.length ?? 0, raw.includes('"reqId"') ? 1 : 0, raw);
    const [line] = mine;
    assert.equal(line!.operation, 'Firms');
    assert.equal(line!.operationType, 'query');
    assert.equal(line!.caller, 'user:test-admin');
    assert.equal(line!.outcome, 'ok');
    assert.equal(line!.status, 200);
    assert.equal(typeof line!.durationMs, 'number');
    assert.equal(
      logged().filter((entry) => entry.reqId === 'log-test-1').length,
      1,
      "Fastify's own request lines are off",
    );

    const [bad] = logged().filter((entry) => entry.reqId === 'log-test-2');
    assert.deepEqual([bad!.outcome, bad!.errorCodes, bad!.status], ['error', ['GRAPHQL_VALIDATION_FAILED'], 400]);

    const everything = lines.join('\n');
    for (const leak of [secret, 'key-secret-42', 'cookie-secret-7', personal])
      assert.ok(!everything.includes(leak), `the logs hold ${leak}`);
  });

  test('a logged object with headers or variables has them redacted', async () => {
    app.log.info({ headers: { authorization: 'Bearer t0ken-x' }, variables: { name: 'someone' } }, 'diagnostic');
    const [line] = logged().filter((entry) => entry.msg === 'diagnostic');
    assert.equal(line!.headers.authorization, '[redacted]');
    assert.equal(line!.variables, '[redacted]');
  });
});
