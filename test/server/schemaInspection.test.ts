import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/buildServer.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { seedArticle } from '../../src/db/seeds/article/index.js';
import type { Role } from '../../src/modules/auth/viewer.js';
import { anonymousTestServerConfig, bearerHeaders } from '../support/auth.js';

const introspection = '{ __schema { queryType { name } } }';
const typo = '{ regions(first: 1) { nodes { cod } } }';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase('pglite');
  await seedArticle(database.db); // its org unit ICBC-ZZ is what non-ADMIN tokens are bound to
});
after(() => database.dispose());

async function build(nodeEnv: 'production' | 'development'): Promise<FastifyInstance> {
  return buildServer({ config: { ...anonymousTestServerConfig, NODE_ENV: nodeEnv }, db: database.db });
}

/** Asks as anonymous, or as a caller of the given comma-separated roles in the article's branch. */
const ask = async (app: FastifyInstance, query: string, roles?: string) => {
  const headers = roles ? await bearerHeaders({ roles: roles.split(',') as Role[], orgUnit: 'ICBC-ZZ' }) : {};
  return app.inject({ method: 'POST', url: '/graphql', payload: { query }, headers });
};

describe('introspection and "did you mean" suggestions', () => {
  test('in production: refused to anonymous callers and plain viewers, allowed to ADMIN and ANALYST', async () => {
    const app = await build('production');
    try {
      for (const roles of [undefined, 'VIEWER', 'LOAN_OFFICER']) {
        const refused = await ask(app, introspection, roles);
        assert.equal(refused.statusCode, 400, refused.body);
        assert.equal(refused.json().errors[0].extensions.code, 'INTROSPECTION_DISABLED');
        const hidden = await ask(app, typo, roles);
        assert.equal(hidden.statusCode, 400);
        assert.equal(hidden.json().errors[0].message, 'Cannot query field "cod" on type "Region".');
      }
      for (const roles of ['ADMIN', 'VIEWER,ANALYST']) {
        const allowed = await ask(app, introspection, roles);
        assert.equal(allowed.statusCode, 200, allowed.body);
        assert.equal(allowed.json().data.__schema.queryType.name, 'Query');
        assert.match((await ask(app, typo, roles)).json().errors[0].message, /Did you mean "code"/);
      }
      // __typename is not introspection.
      assert.equal((await ask(app, '{ __typename }')).statusCode, 200);
    } finally {
      await app.close();
    }
  });

  test('outside production: open to everyone', async () => {
    const app = await build('development');
    try {
      assert.equal((await ask(app, introspection)).statusCode, 200);
      assert.match((await ask(app, typo)).json().errors[0].message, /Did you mean "code"/);
    } finally {
      await app.close();
    }
  });
});

describe('CORS from an allowlist', () => {
  test('an allowed origin gets CORS headers and its preflight; another origin gets none', async () => {
    const app = await buildServer({
      config: { ...anonymousTestServerConfig, DISHUI_CORS_ORIGINS: ['https://dash.example.cn'] },
      db: database.db,
    });
    try {
      const preflight = await app.inject({
        method: 'OPTIONS',
        url: '/graphql',
        headers: {
          origin: 'https://dash.example.cn',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      assert.equal(preflight.statusCode, 204, preflight.body);
      assert.equal(preflight.headers['access-control-allow-origin'], 'https://dash.example.cn');
      const allowed = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { origin: 'https://dash.example.cn' },
        payload: { query: '{ __typename }' },
      });
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://dash.example.cn');
      const other = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { origin: 'https://evil.example.com' },
        payload: { query: '{ __typename }' },
      });
      assert.equal(other.headers['access-control-allow-origin'], undefined);
    } finally {
      await app.close();
    }
  });
});
