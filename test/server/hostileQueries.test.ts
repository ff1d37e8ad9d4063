import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildServer } from '../../src/server/buildServer.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { anonymousTestServerConfig } from '../support/auth.js';

const normal = { query: '{ regions(first: 2) { nodes { code name } } }' };
const repeat = (count: number, make: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => make(i)).join(' ');

let database: TestDatabase;
let app: FastifyInstance;

before(async () => {
  database = await createTestDatabase('pglite');
  app = await buildServer({ config: anonymousTestServerConfig, db: database.db });
});
after(async () => {
  await app.close();
  await database.dispose();
});

function post(payload: unknown, options: Partial<InjectOptions> = {}) {
  return app.inject({ method: 'POST', url: '/graphql', payload: payload as object, ...options });
}

/** The hostile request was refused, and the very next ordinary query is answered. */
async function refusedThenServing(
  response: Awaited<ReturnType<typeof post>>,
  status: number,
  code: string,
  extensions: Record<string, unknown> = {},
) {
  assert.equal(response.statusCode, status, response.body);
  const errors = response.json().errors as { extensions: Record<string, unknown> }[];
  const match = errors.find((error) => error.extensions.code === code);
  assert.ok(match, `no ${code} in ${response.body}`);
  for (const [key, value] of Object.entries(extensions)) assert.equal(match.extensions[key], value, key);
  const next = await post(normal);
  assert.equal(next.statusCode, 200, next.body);
  assert.equal(next.json().errors, undefined);
}

describe('hostile queries are refused with their status and code, and the server keeps serving', () => {
  test('deep nesting passes the depth limit', async () => {
    const query = `{ regions(first: 1) { nodes { ${'parent { '.repeat(20)}code${' }'.repeat(20)} } } }`;
    await refusedThenServing(await post({ query }), 400, 'QUERY_TOO_COMPLEX', {
      limit: 'depth',
      maximum: 12,
      actual: 23,
    });
  });

  test('an alias flood passes the alias limit', async () => {
    const query = `{ regions(first: 1) { nodes { ${repeat(40, (i) => `c${i}: code`)} } } }`;
    await refusedThenServing(await post({ query }), 400, 'QUERY_TOO_COMPLEX', {
      limit: 'aliases',
      maximum: 30,
      actual: 40,
    });
  });

  test('too many root fields', async () => {
    const query = `{ ${repeat(16, (i) => `r${i}: regions(first: 1) { nodes { code } }`)} }`;
    await refusedThenServing(await post({ query }), 400, 'QUERY_TOO_COMPLEX', { limit: 'rootFields', actual: 16 });
  });

  test('a directive flood', async () => {
    const query = `{ regions(first: 1) { nodes { ${repeat(60, () => '... on Region @include(if: true) { code }')} } } }`;
    await refusedThenServing(await post({ query }), 400, 'QUERY_TOO_COMPLEX', { limit: 'directives', actual: 60 });
  });

  test('fragment cycles still fail validation', async () => {
    const query =
      '{ regions(first: 1) { nodes { ...A } } } fragment A on Region { parent { ...B } } fragment B on Region { parent { ...A } }';
    await refusedThenServing(await post({ query }), 400, 'GRAPHQL_VALIDATION_FAILED');
  });

  test('a huge `first` is counted at the page maximum and refused by name; a costly nesting passes the cost limit', async () => {
    const huge = await post({ query: '{ regions(first: 100000) { nodes { code } } }' });
    const error = huge.json().errors[0];
    assert.deepEqual([error.extensions.code, error.extensions.argument], ['BAD_USER_INPUT', 'first'], huge.body);
    assert.equal(huge.headers['x-query-cost'], String(1 + 500 * 1));
    const nested = 'query ($n: Int) { regions(first: $n) { nodes { villages(first: 500) { nodes { code } } } } }';
    await refusedThenServing(await post({ query: nested, variables: { n: 500 } }), 400, 'QUERY_TOO_COMPLEX', {
      limit: 'cost',
      actual: 1 + 500 * (1 + 1 + 500),
    });
  });

  test('a token flood is stopped by the parser; a plain syntax error stays a 400', async () => {
    const query = `{ regions(first: 1) { nodes { ${'code '.repeat(6000)} } } }`;
    await refusedThenServing(await post({ query }), 400, 'QUERY_TOO_COMPLEX', { limit: 'tokens', maximum: 5000 });
    await refusedThenServing(await post({ query: '{ regions(' }), 400, 'GRAPHQL_PARSE_FAILED');
  });

  test('an oversized body is refused before it is parsed', async () => {
    const payload = { ...normal, variables: { padding: 'x'.repeat(300_000) } };
    await refusedThenServing(await post(payload), 413, 'PAYLOAD_TOO_LARGE', { maximum: 262_144 });
  });

  test('a batched array body is refused', async () => {
    await refusedThenServing(await post([normal, normal]), 400, 'BAD_REQUEST');
  });

  test('CSRF prevention: a GET mutation and a text/plain POST are refused', async () => {
    const mutation = 'mutation ($i: LoanDecisionInput!) { approveLoan(input: $i) { __typename } }';
    const url = `/graphql?query=${encodeURIComponent(mutation)}&variables=${encodeURIComponent('{"i":{}}')}`;
    // Without a preflight-forcing header the CSRF check refuses any GET.
    await refusedThenServing(await app.inject({ method: 'GET', url }), 400, 'BAD_REQUEST');
    // With one, a mutation over GET is still refused.
    const withHeader = await app.inject({ method: 'GET', url, headers: { 'apollo-require-preflight': 'true' } });
    await refusedThenServing(withHeader, 405, 'METHOD_NOT_ALLOWED');
    assert.equal(withHeader.headers.allow, 'POST');
    const textPlain = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify(normal),
    });
    await refusedThenServing(textPlain, 400, 'BAD_REQUEST');
    // A GET query with the header is fine.
    const getQuery = await app.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent(normal.query)}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    assert.equal(getQuery.statusCode, 200, getQuery.body);
  });

  test('every answered query reports its cost', async () => {
    const response = await post({ query: '{ regions(first: 20) { nodes { code villages { nodes { code } } } } }' });
    assert.equal(response.statusCode, 200, response.body);
    // regions: 1 + 20 × (nodes 1 + villages (1 + 50 default × nodes 1))
    assert.equal(response.headers['x-query-cost'], String(1 + 20 * (1 + 1 + 50)));
  });
});
