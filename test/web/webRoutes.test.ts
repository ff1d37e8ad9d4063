import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { buildSchema, parse, validate } from 'graphql';
import { graphiqlEnabled, loadConfig } from '../../src/config.js';
import { buildServer, type ServerDependencies } from '../../src/server/buildServer.js';
import { adminHeaders, testServerConfig } from '../support/auth.js';
import { seedArticle } from '../../src/db/seeds/article/index.js';
import { dashboardQuery, dashboardVariables, optionsQuery } from '../../web/src/dashboard/queries.js';
import { exampleOperations } from '../../web/src/graphiql/examples.js';
import { ensureWebBuilt } from '../support/browser.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

// Serving files does not depend on the database kind: PGlite only.
describe('GraphiQL and dashboard routes', () => {
  let database: TestDatabase;

  before(async () => {
    ensureWebBuilt();
    database = await createTestDatabase('pglite');
    await seedArticle(database.db);
  });
  after(async () => database?.dispose());

  async function withServer(
    config: Partial<ServerDependencies['config']>,
    run: (app: Awaited<ReturnType<typeof buildServer>>) => Promise<void>,
  ) {
    const app = await buildServer({ config: { ...testServerConfig, ...config }, db: database.db });
    try {
      await run(app);
    } finally {
      await app.close();
    }
  }

  test("a browser's GET /graphql gets the bundled GraphiQL, with no third-party address in the page", async () => {
    await withServer({}, async (app) => {
      const page = await app.inject({ method: 'GET', url: '/graphql', headers: html });
      assert.equal(page.statusCode, 200);
      assert.match(page.headers['content-type'] as string, /^text\/html/);
      assert.match(page.body, /<script src="\/web\/graphiql\.js"><\/script>/);
      assert.doesNotMatch(page.body, /https?:\/\//);
      const script = await app.inject({ method: 'GET', url: '/web/graphiql.js' });
      assert.equal(script.statusCode, 200);
      assert.match(script.headers['content-type'] as string, /^text\/javascript/);
      assert.equal((await app.inject({ method: 'GET', url: '/web/graphiql.css' })).statusCode, 200);
      // A client asking for JSON still gets GraphQL.
      const query = await app.inject({
        method: 'GET',
        url: '/graphql?query=%7B__typename%7D',
        headers: { 'apollo-require-preflight': 'true', ...(await adminHeaders()) },
      });
      assert.deepEqual(query.json(), { data: { __typename: 'Query' } });
    });
  });

  test('in production GraphiQL is off unless DISHUI_GRAPHIQL=true', async () => {
    await withServer({ NODE_ENV: 'production' }, async (app) => {
      const page = await app.inject({ method: 'GET', url: '/graphql', headers: html });
      assert.doesNotMatch(page.body, /graphiql/i);
      assert.equal((await app.inject({ method: 'GET', url: '/web/graphiql.js' })).statusCode, 404);
    });
    await withServer({ NODE_ENV: 'production', DISHUI_GRAPHIQL: true }, async (app) => {
      const page = await app.inject({ method: 'GET', url: '/graphql', headers: html });
      assert.match(page.body, /\/web\/graphiql\.js/);
    });
    await withServer({ NODE_ENV: 'development', DISHUI_GRAPHIQL: false }, async (app) => {
      assert.equal((await app.inject({ method: 'GET', url: '/web/graphiql.js' })).statusCode, 404);
    });
  });

  test('the dashboard page and its bundle are served; nothing outside web/dist is', async () => {
    await withServer({}, async (app) => {
      const page = await app.inject({ method: 'GET', url: '/dashboard' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<script src="\/web\/dashboard\.js"><\/script>/);
      assert.doesNotMatch(page.body, /https?:\/\//);
      assert.equal((await app.inject({ method: 'GET', url: '/web/dashboard.js' })).statusCode, 200);
      assert.equal((await app.inject({ method: 'GET', url: '/web/dashboard.css' })).statusCode, 200);
      for (const url of [
        '/web/..%2Fpackage.json',
        '/web/%2e%2e%2f%2e%2e%2fpackage.json',
        '/web/dashboard.ts',
        '/web/.env',
        '/web/nothing.js',
      ]) {
        assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404, url);
      }
    });
    await withServer({ DISHUI_DASHBOARD: false }, async (app) => {
      assert.equal((await app.inject({ method: 'GET', url: '/dashboard' })).statusCode, 404);
      assert.equal((await app.inject({ method: 'GET', url: '/web/dashboard.js' })).statusCode, 404);
    });
  });
  test("the dashboard's queries answer without errors for every kind of filter, and the filters narrow", async () => {
    await withServer({}, async (app) => {
      const run = async (query: string, variables: Record<string, unknown>) => {
        const body = (
          await app.inject({
            method: 'POST',
            url: '/graphql',
            headers: await adminHeaders(),
            payload: { query, variables },
          })
        ).json();
        assert.equal(body.errors, undefined, JSON.stringify(body.errors));
        return body.data;
      };
      const options = await run(optionsQuery, {});
      assert.ok(options.regions.nodes.some((region: { code: string }) => region.code === '41'));
      const all = await run(
        dashboardQuery,
        dashboardVariables({ region: '', orgUnit: '', from: '2017-01', to: '2020-12' }),
      );
      const counted = (data: {
        initiatives: { nodes: unknown[] };
        loansByCounty: { groups: { loanCount: number }[] };
      }) => [data.initiatives.nodes.length, data.loansByCounty.groups.reduce((sum, group) => sum + group.loanCount, 0)];
      for (const filters of [
        { region: '41', orgUnit: '', from: '2017-01', to: '2020-12' },
        { region: '', orgUnit: 'ICBC-ZZ-OPERATIONS-SUPPORT', from: '2017-01', to: '2020-12' },
        { region: '6505', orgUnit: 'ICBC-ZZ', from: '2020-01', to: '2020-03' },
      ]) {
        const narrowed = counted(await run(dashboardQuery, dashboardVariables(filters)));
        const whole = counted(all);
        assert.ok(narrowed[0]! <= whole[0]! && narrowed[1]! <= whole[1]!, JSON.stringify(filters));
        assert.notDeepEqual(narrowed, whole, JSON.stringify(filters));
      }
    });
  });
});

describe('GraphiQL settings and examples', () => {
  test('DISHUI_GRAPHIQL is read as a flag; unset, GraphiQL follows NODE_ENV', () => {
    assert.equal(graphiqlEnabled(loadConfig({ NODE_ENV: 'production' })), false);
    assert.equal(graphiqlEnabled(loadConfig({ NODE_ENV: 'production', DISHUI_GRAPHIQL: 'true' })), true);
    assert.equal(graphiqlEnabled(loadConfig({})), true);
    assert.equal(graphiqlEnabled(loadConfig({ DISHUI_GRAPHIQL: 'no' })), false);
    assert.equal(loadConfig({}).DISHUI_DASHBOARD, true);
    assert.throws(
      () => loadConfig({ DISHUI_GRAPHIQL: 'maybe', DISHUI_DASHBOARD: 'sometimes' }),
      /DISHUI_GRAPHIQL[\s\S]*DISHUI_DASHBOARD/,
    );
  });

  test("the first example is the README's first query, and every example fits the schema", () => {
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.split('## A first query')[1]!.split('\n## ')[0]!;
    const readmeQuery = JSON.parse(/-d '(.+)'/.exec(section)![1]!).query as string;
    const first = exampleOperations[0]!.query
      .replace(/^#.*\n/, '')
      .replace(/^query FirstQuery /, '')
      .trim();
    assert.equal(first, readmeQuery);

    const schema = buildSchema(fs.readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
    assert.deepEqual(
      exampleOperations.map(
        (example) =>
          parse(example.query).definitions[0]!.kind === 'OperationDefinition' &&
          (parse(example.query).definitions[0] as { operation: string }).operation,
      ),
      ['query', 'query', 'mutation'],
    );
    for (const example of exampleOperations)
      assert.deepEqual(validate(schema, parse(example.query)), [], example.title);
  });
});
