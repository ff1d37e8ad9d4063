import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildServer } from '../../src/server/buildServer.js';
import { adminHeaders, testServerConfig } from '../support/auth.js';
import { createTestDatabase, testBackends } from '../support/database.js';

describe('errors the client sees', () => {
  test("a client's mistakes keep their own code: no query, several operations without a name", async () => {
    const database = await createTestDatabase('pglite');
    const app = await buildServer({ config: testServerConfig, db: database.db });
    try {
      const noQuery = await app.inject({ headers: await adminHeaders(), method: 'POST', url: '/graphql', payload: {} });
      assert.equal(noQuery.statusCode, 400);
      assert.equal(noQuery.json().errors[0].extensions.code, 'BAD_REQUEST');
      const twoOperations = await app.inject({
        headers: await adminHeaders(),
        method: 'POST',
        url: '/graphql',
        payload: {
          query: 'query A { villages(first: 1) { nodes { id } } } query B { regions(first: 1) { nodes { id } } }',
        },
      });
      assert.equal(twoOperations.statusCode, 400);
      assert.equal(twoOperations.json().errors[0].extensions.code, 'OPERATION_RESOLUTION_FAILURE');
    } finally {
      await app.close();
      await database.dispose();
    }
  });

  test('a failure inside Dishui is masked, with the request id and without SQL or driver text', async () => {
    if (!(await testBackends()).includes('postgres')) return;
    const database = await createTestDatabase('postgres');
    const app = await buildServer({ config: testServerConfig, db: database.db });
    try {
      // The pool is gone: every statement now fails inside the driver.
      await database.db.close();
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { ...(await adminHeaders()), 'x-request-id': 'support-call-42' },
        payload: { query: '{ villages(first: 1) { nodes { id } } }' },
      });
      const [error] = response.json().errors;
      // Nothing was answered: the status is the code's (docs/errors.md), not 200.
      assert.equal(response.statusCode, 500, response.body);
      assert.equal(error.message, 'Internal server error');
      assert.deepEqual(error.extensions, { code: 'INTERNAL_SERVER_ERROR', requestId: 'support-call-42' });
      assert.doesNotMatch(response.body, /SELECT|pool|pg|prisma/i);
    } finally {
      await app.close();
      await database.dispose();
    }
  });
});
