import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { toGlobalId } from '../../src/engine/globalId.js';
import { buildServer } from '../../src/server/buildServer.js';
import { adminHeaders, anonymousTestServerConfig, bearerHeaders, testServerConfig } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

type Config = Parameters<typeof buildServer>[0]['config'];

/** One real request that answers `code`, on a server built with `config`. */
interface StatusCase {
  config?: Config;
  request: () => Promise<InjectOptions>;
}

const graphql =
  (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  async (): Promise<InjectOptions> => ({ method: 'POST', url: '/graphql', payload: { query, variables }, headers });
const asAdmin = (query: string, variables?: Record<string, unknown>) => async () =>
  graphql(query, variables, await adminHeaders())();
const encode = (text: string) => Buffer.from(text).toString('base64url');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const manifest = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-status-')), 'persisted-documents.json');
fs.writeFileSync(manifest, JSON.stringify({ [sha256('{ __typename }')]: '{ __typename }' }));

let failedJob = '';
let expiredJob = '';

/** A request per code of docs/errors.md that Dishui answers with it. */
const cases: Record<string, StatusCase> = {
  BAD_USER_INPUT: { request: asAdmin('{ villages(first: -1) { nodes { id } } }') },
  UNAUTHENTICATED: { config: testServerConfig, request: graphql('{ villages(first: 1) { nodes { id } } }') },
  NOT_FOUND: {
    request: async () => ({
      method: 'GET',
      url: `/export-jobs/${encode('ExportJob:999999')}/download`,
      headers: await adminHeaders(),
    }),
  },
  FORBIDDEN: {
    request: async () =>
      graphql(
        '{ auditEvents { nodes { id } } }',
        undefined,
        await bearerHeaders({ roles: ['ANALYST'], sub: 'analyst', orgUnit: 'ST-BRANCH' }),
      )(),
  },
  GRAPHQL_PARSE_FAILED: { request: asAdmin('{ villages(') },
  GRAPHQL_VALIDATION_FAILED: { request: asAdmin('{ noSuchField }') },
  BAD_REQUEST: {
    request: async () => ({
      method: 'POST',
      url: '/graphql',
      payload: '{"query": ',
      headers: { ...(await adminHeaders()), 'content-type': 'application/json' },
    }),
  },
  METHOD_NOT_ALLOWED: {
    request: async () => ({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('mutation { __typename }')}`,
      headers: { ...(await adminHeaders()), 'apollo-require-preflight': 'true' },
    }),
  },
  UNSUPPORTED_MEDIA_TYPE: {
    request: async () => ({
      method: 'POST',
      url: '/graphql',
      payload: '<query/>',
      headers: { ...(await adminHeaders()), 'content-type': 'application/xml' },
    }),
  },
  OPERATION_RESOLUTION_FAILURE: { request: asAdmin('query A { __typename } query B { __typename }') },
  QUERY_TOO_COMPLEX: {
    config: { ...anonymousTestServerConfig, DISHUI_MAX_DEPTH: 2 },
    request: graphql('{ villages { nodes { county { code } } } }'),
  },
  INTROSPECTION_DISABLED: {
    config: { ...anonymousTestServerConfig, NODE_ENV: 'production' },
    request: graphql('{ __schema { queryType { name } } }'),
  },
  PERSISTED_QUERY_NOT_FOUND: {
    request: async () => ({
      method: 'POST',
      url: '/graphql',
      payload: { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ nothing }') } } },
    }),
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    config: { ...anonymousTestServerConfig, DISHUI_PERSISTED_OPERATIONS: 'off' },
    request: async () => ({
      method: 'POST',
      url: '/graphql',
      payload: { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ nothing }') } } },
    }),
  },
  PERSISTED_QUERY_HASH_MISMATCH: {
    request: async () => ({
      method: 'POST',
      url: '/graphql',
      payload: {
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ other }') } },
      },
    }),
  },
  OPERATION_NOT_IN_SAFELIST: {
    config: {
      ...anonymousTestServerConfig,
      DISHUI_PERSISTED_OPERATIONS: 'safelist',
      DISHUI_PERSISTED_OPERATIONS_MANIFEST: manifest,
    },
    request: graphql('{ villages(first: 1) { nodes { id } } }'),
  },
  PAYLOAD_TOO_LARGE: {
    config: { ...anonymousTestServerConfig, DISHUI_BODY_LIMIT_BYTES: 1024 },
    request: graphql(`{ __typename ${'a: __typename '.repeat(200)} }`),
  },
  RATE_LIMITED: {
    config: { ...anonymousTestServerConfig, DISHUI_RATE_LIMIT_POINTS: 1 },
    // The first request spends the one point; the case is the second.
    request: graphql('{ villages(first: 1) { nodes { id } } }'),
  },
  NOT_READY: {
    request: async () => ({ method: 'GET', url: `/export-jobs/${failedJob}/download`, headers: await adminHeaders() }),
  },
  GONE: {
    request: async () => ({ method: 'GET', url: `/export-jobs/${expiredJob}/download`, headers: await adminHeaders() }),
  },
};

/**
 * Codes a real request proves in another file: they need a stalled or stopped database or a bug,
 * or (TOO_MANY_SUBSCRIPTIONS) they travel over a WebSocket, never as an HTTP status.
 */
const provenElsewhere: Record<string, string> = {
  EXECUTION_TIMEOUT: 'test/server/executionTimeout.test.ts',
  TOO_MANY_SUBSCRIPTIONS: 'test/modules/live/subscriptions.test.ts',
  SERVICE_UNAVAILABLE: 'test/server/databaseOutage.test.ts',
  INTERNAL_SERVER_ERROR: 'test/server/errorMasking.test.ts',
};

const documentedStatuses = [
  ...fs
    .readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8')
    .matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \| (.+) \|$/gm),
].map((match) => ({ code: match[1]!, status: Number(match[2]) }));

/** The error code of a GraphQL or REST error body. */
function codeOf(body: string): unknown {
  const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[]; error?: { code?: unknown } };
  return parsed.errors?.[0]?.extensions?.code ?? parsed.error?.code;
}

describe('every code of the error table answers its documented status on a real request', () => {
  let database: TestDatabase;
  const apps = new Map<Config | undefined, FastifyInstance>();
  const appFor = async (config: Config | undefined) => {
    let app = apps.get(config);
    if (!app) {
      app = await buildServer({ config: config ?? anonymousTestServerConfig, db: database.db });
      apps.set(config, app);
      if (config?.DISHUI_RATE_LIMIT_POINTS === 1) await app.inject(await cases.RATE_LIMITED!.request());
    }
    return app;
  };
  before(async () => {
    database = await createTestDatabase('pglite');
    await database.db.prisma.orgUnit.create({
      data: { code: 'ST-BRANCH', name: 'Status branch', nameZh: '狀態支行', kind: 'SUB_BRANCH' },
    });
    const job = (status: 'FAILED' | 'EXPIRED') =>
      database.db.prisma.exportJob.create({
        data: { kind: 'loan-facts', format: 'csv', status, createdBy: 'user:test-admin' },
      });
    failedJob = toGlobalId('ExportJob', (await job('FAILED')).id);
    expiredJob = toGlobalId('ExportJob', (await job('EXPIRED')).id);
  });
  after(async () => {
    for (const app of apps.values()) await app.close();
    await database.dispose();
  });

  test('docs/errors.md lists every code once, and each has a case here or a test elsewhere', () => {
    const codes = documentedStatuses.map((row) => row.code);
    assert.equal(new Set(codes).size, codes.length);
    assert.deepEqual([...codes].sort(), [...Object.keys(cases), ...Object.keys(provenElsewhere)].sort());
    for (const [code, file] of Object.entries(provenElsewhere)) {
      assert.ok(
        fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8').includes(code),
        `${file} tests ${code}`,
      );
    }
  });

  for (const { code, status } of documentedStatuses) {
    const statusCase = cases[code];
    if (!statusCase) continue;
    test(`${code} answers ${status}`, async () => {
      const app = await appFor(statusCase.config);
      const response = await app.inject(await statusCase.request());
      assert.equal(codeOf(response.body), code, response.body);
      assert.equal(response.statusCode, status, response.body);
      if (status === 401) assert.equal(response.headers['www-authenticate'], 'Bearer realm="dishui"');
      if (status === 429) assert.ok(Number(response.headers['retry-after']) >= 1);
    });
  }

  test('a resolver-level BAD_USER_INPUT with no data is 400: a bad cursor, first: -1, 600 ids; with data it stays 200', async () => {
    const app = await appFor(undefined);
    const headers = await adminHeaders();
    const ids = Array.from({ length: 600 }, (_, i) => encode(`Village:${i + 1}`));
    for (const [query, variables] of [
      ['{ villages(after: "zzz") { nodes { id } } }', undefined],
      ['{ enterpriseLoans(first: -1) { nodes { id } } }', undefined],
      ['query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }],
    ] as const) {
      const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables }, headers });
      assert.equal(codeOf(response.body), 'BAD_USER_INPUT', response.body);
      assert.equal(response.statusCode, 400, response.body);
    }
    const partial = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: '{ node(id: "not an id") { id } __typename }' },
      headers,
    });
    assert.equal(partial.statusCode, 200, partial.body);
    assert.equal(codeOf(partial.body), 'BAD_USER_INPUT');
  });
});
