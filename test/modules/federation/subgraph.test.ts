import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { composeServices } from '@apollo/composition';
import type { FastifyInstance } from 'fastify';
import { parse } from 'graphql';
import { seedArticle } from '../../../src/db/seeds/article/index.js';
import { entityKeys, FEDERATION_SPEC_URL } from '../../../src/modules/federation/index.js';
import { toGlobalId } from '../../../src/engine/globalId.js';
import { typeDefs } from '../../../src/schema/typeDefs.js';
import { buildServer } from '../../../src/server/buildServer.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';
import { adminHeaders, testServerConfig } from '../../support/auth.js';

// A bank's CRM service: it knows who manages each loan's relationship, keyed by contract number.
const crmSubgraph = `
  extend schema @link(url: "${FEDERATION_SPEC_URL}", import: ["@key"])
  type EnterpriseLoan @key(fields: "contractNo") {
    contractNo: String!
    relationshipManager: String
  }
  type Query { relationshipManagers: [String!]! }
`;

const entitiesQuery = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on EnterpriseLoan { id contractNo enterprise { name } }
    ... on Region { code name }
    ... on Village { name }
  }
}`;

describe('subgraph keys derived from schema.graphql', () => {
  test('every Node type is an entity; natural keys come from the Query lookups', () => {
    const keys = entityKeys(parse(typeDefs));
    const nodeTypes = [...typeDefs.matchAll(/^type (\w+) implements Node\b/gm)].map((m) => m[1]);
    assert.deepEqual([...keys.keys()].sort(), nodeTypes.sort());
    const natural = Object.fromEntries(
      [...keys].filter(([, k]) => k.length > 0).map(([type, k]) => [type, k.map((key) => key.field)]),
    );
    assert.deepEqual(natural, {
      Region: ['code'],
      Village: ['code'],
      OrgUnit: ['code'],
      Initiative: ['code'],
      Campaign: ['code'],
      EnterpriseLoan: ['contractNo'],
    });
  });
});

for (const backend of await testBackends()) {
  describe(`federation subgraph on ${backend}`, () => {
    let database: TestDatabase;
    let app: FastifyInstance;
    const post = async (query: string, variables?: Record<string, unknown>, server = app) => {
      const response = await server.inject({
        method: 'POST',
        url: '/graphql',
        headers: await adminHeaders(),
        payload: { query, variables },
      });
      return response.json();
    };

    before(async () => {
      database = await createTestDatabase(backend);
      await seedArticle(database.db);
      app = await buildServer({ config: { ...testServerConfig, FEDERATION: true }, db: database.db });
    });
    after(async () => {
      await app?.close();
      await database?.dispose();
    });

    test('the served _service SDL composes with a CRM subgraph extending EnterpriseLoan', async () => {
      const { data } = await post('{ _service { sdl } }');
      const result = composeServices([
        { name: 'dishui', url: 'http://dishui/graphql', typeDefs: parse(data._service.sdl) },
        { name: 'crm', url: 'http://crm/graphql', typeDefs: parse(crmSubgraph) },
      ]);
      assert.deepEqual(
        result.errors?.map((e) => e.message),
        undefined,
      );
      const loan = /type EnterpriseLoan[^{]*\{[^}]*\}/.exec(result.supergraphSdl!)![0];
      assert.match(loan, /join__type\(graph: DISHUI, key: "id"\)/);
      assert.match(loan, /join__type\(graph: DISHUI, key: "contractNo"\)/);
      assert.match(loan, /join__type\(graph: CRM, key: "contractNo"\)/);
      assert.match(loan, /relationshipManager: String @join__field\(graph: CRM\)/);
      assert.match(loan, /outstandingBalance: Decimal/);
      if (backend === 'pglite') {
        const printed = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/subgraph-sdl.ts'], {
          cwd: new URL('../../../', import.meta.url),
          encoding: 'utf8',
        });
        assert.equal(printed, `${data._service.sdl}\n`, 'npm run federation:sdl prints what the server serves');
      }
    });

    test('_entities resolves references by global id and by natural key, in order, batched', async () => {
      const { data: listed } = await post(
        '{ enterpriseLoans(first: 2, orderBy: [{ field: CONTRACT_NO, direction: ASC }]) { nodes { id contractNo enterprise { name } } } }',
      );
      const [first, second] = listed.enterpriseLoans.nodes;
      const before = database.db.statements.count;
      const { data, errors } = await post(entitiesQuery, {
        representations: [
          { __typename: 'EnterpriseLoan', contractNo: second.contractNo },
          { __typename: 'EnterpriseLoan', id: first.id },
          { __typename: 'EnterpriseLoan', contractNo: first.contractNo },
          { __typename: 'Region', code: '410185' },
          { __typename: 'EnterpriseLoan', contractNo: 'NO-SUCH-CONTRACT' },
        ],
      });
      assert.equal(errors, undefined);
      assert.deepEqual(data._entities, [
        { __typename: 'EnterpriseLoan', ...second },
        { __typename: 'EnterpriseLoan', ...first },
        { __typename: 'EnterpriseLoan', ...first },
        { __typename: 'Region', code: '410185', name: '登封市' },
        null,
      ]);
      // Loans by contract number in one statement, by id in one, the region, the enterprises.
      assert.ok(database.db.statements.count - before <= 4, `${database.db.statements.count - before} statements`);
    });

    test('an ID of another type or a representation without a key is refused, not guessed', async () => {
      const { data, errors } = await post(entitiesQuery, {
        representations: [
          { __typename: 'Village', id: toGlobalId('EnterpriseLoan', 1) },
          { __typename: 'Region', name: '登封市' },
          { __typename: 'Village', id: toGlobalId('Village', 999999) },
        ],
      });
      assert.deepEqual(data._entities, [null, null, null]);
      assert.deepEqual(
        errors.map((e: { extensions: { code: string } }) => e.extensions.code),
        ['BAD_USER_INPUT', 'BAD_USER_INPUT'],
      );
    });

    test('without FEDERATION the gateway serves the plain contract', async () => {
      const plain = await buildServer({ config: testServerConfig, db: database.db });
      try {
        const { errors } = await post('{ _service { sdl } }', undefined, plain);
        assert.match(errors[0].message, /Cannot query field "_service"/);
      } finally {
        await plain.close();
      }
    });
  });
}
