// The Power Query recipe of docs/bi.md, replayed request by request: the URL (base + RelativePath),
// the API key as the query parameter named by ApiKeyName (what the Power BI service's "Web API"
// credential sends), the header and the body Json.FromValue writes, and List.Generate's paging.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createApiKey } from '../../src/modules/auth/apiKeys.service.js';
import { buildServer } from '../../src/server/buildServer.js';
import { insertBiScenario } from '../modules/analytics/biScenario.js';
import { testServerConfig } from '../support/auth.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/database.js';

/** The M code block of docs/bi.md that sends the API key, and the literals the test replays. */
function recipe() {
  const docs = fs.readFileSync(new URL('../../docs/bi.md', import.meta.url), 'utf8');
  const block = [...docs.matchAll(/```m\n([\s\S]*?)```/g)].map((m) => m[1]!).find((m) => m.includes('ApiKeyName'));
  assert.ok(block, 'docs/bi.md has the API-key recipe');
  const text = (name: string) => {
    const match = new RegExp(`${name} = "((?:[^"]|"")*)"`).exec(block);
    assert.ok(match, `the recipe sets ${name}`);
    return match[1]!.replace(/""/g, '"');
  };
  return {
    block,
    baseUrl: text('BaseUrl'),
    relativePath: text('RelativePath'),
    apiKeyName: text('ApiKeyName'),
    query: text('Query'),
    contentType: text('Headers = \\[#"Content-Type"'),
  };
}

interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; changedAt: string; node: Record<string, unknown> }>;
}

describe('the Power Query change-feed recipe, replayed', async () => {
  const m = recipe();
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let app: FastifyInstance;
      let key: string;
      // Exactly what Web.Contents(BaseUrl, [RelativePath, ApiKeyName, Headers, Content]) sends once
      // the service has the key: POST <base>/<path>?<ApiKeyName>=<key>, the body as Json.FromValue writes it.
      const getPage = async (cursor: string | null, apiKey: string | null = key) => {
        const url = new URL(`${m.baseUrl}/${m.relativePath}`);
        if (apiKey !== null) url.searchParams.set(m.apiKeyName, apiKey);
        return app.inject({
          method: 'POST',
          url: `${url.pathname}${url.search}`,
          headers: { 'content-type': m.contentType },
          payload: JSON.stringify({ query: m.query, variables: { after: cursor } }),
        });
      };
      // List.Generate: the first page from LastCursor, then each endCursor while hasNextPage.
      const walk = async (lastCursor: string | null) => {
        const rows: Array<Record<string, unknown>> = [];
        let page: Page | null = (await getPage(lastCursor)).json().data.loanFactChanges;
        while (page) {
          for (const edge of page.edges)
            rows.push({ ...edge.node, changedAt: edge.changedAt, changeCursor: edge.cursor });
          page = page.pageInfo.hasNextPage
            ? (await getPage(page.pageInfo.endCursor)).json().data.loanFactChanges
            : null;
        }
        return rows;
      };

      before(async () => {
        database = await createTestDatabase(backend);
        await insertBiScenario(database.db, 40);
        app = await buildServer({ config: testServerConfig, db: database.db });
        ({ key } = await createApiKey(database.db, { label: 'Power BI', roles: ['ANALYST'], orgUnitCode: 'ZZ' }));
      });
      after(async () => {
        await app?.close();
        await database?.dispose();
      });

      test('the recipe names a static base URL, RelativePath and ApiKeyName, and no key', () => {
        assert.equal(m.relativePath, 'graphql');
        assert.equal(m.apiKeyName, 'api_key');
        assert.doesNotMatch(m.block, /dsh_/);
        assert.match(m.query, /loanFactChanges\(first: 5000, after: \$after\)/);
      });

      test('without the key the request is refused, as on any real server', async () => {
        const response = await getPage(null, null);
        assert.equal(response.statusCode, 401);
      });

      test('a first load reads every loan once; a refresh from the last changeCursor reads only the renamed', async () => {
        const first = await walk(null);
        assert.equal(first.length, 40);
        assert.equal(new Set(first.map((row) => row.loanId)).size, 40);
        const lastCursor = String(first.at(-1)?.changeCursor);
        assert.deepEqual(await walk(lastCursor), []);
        const enterprise = await database.db.prisma.enterprise.findFirstOrThrow({ orderBy: { id: 'asc' } });
        await database.db.prisma.enterprise.update({ where: { id: enterprise.id }, data: { name: 'Renamed Co.' } });
        const refreshed = await walk(lastCursor);
        const expected = await database.db.prisma.enterpriseLoan.findMany({
          where: { enterpriseId: enterprise.id },
          orderBy: { id: 'asc' },
        });
        assert.deepEqual(
          refreshed.map((row) => row.loanId).sort((a, b) => Number(a) - Number(b)),
          expected.map((loan) => loan.id),
        );
        assert.ok(refreshed.every((row) => row.enterpriseName === 'Renamed Co.'));
      });

      test('a key beside a header, or a JWT in api_key, is refused', async () => {
        const both = await app.inject({
          method: 'POST',
          url: `/${m.relativePath}?${m.apiKeyName}=${encodeURIComponent(key)}`,
          headers: { 'content-type': m.contentType, 'x-api-key': key },
          payload: JSON.stringify({ query: m.query, variables: { after: null } }),
        });
        assert.equal(both.statusCode, 401);
        const jwt = await getPage(null, 'eyJhbGciOiJIUzI1NiJ9.e30.x');
        assert.equal(jwt.statusCode, 401);
      });
    });
  }
});
