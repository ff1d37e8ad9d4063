import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { graphqlClient, type GraphQLClient } from '../modules/support/graphqlClient.js';
import { insertReadScenario } from '../modules/support/readScenario.js';

const encode = (text: string) => Buffer.from(text).toString('base64url');

describe('bad arguments get a coded error naming the argument', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let client: GraphQLClient;
      before(async () => {
        database = await createTestDatabase(backend);
        await insertReadScenario(database.db, { villages: 3, initiatives: 2, loans: 4 });
        client = await graphqlClient(database.db);
      });
      after(async () => {
        await database.dispose();
      });
      const errorOf = async (query: string, variables?: Record<string, unknown>) => {
        const response = await client.request(query, variables);
        assert.ok(response.errors?.length, `expected an error for ${query}`);
        return response.errors[0]!;
      };

      test('a malformed ID is BAD_USER_INPUT naming id', async () => {
        for (const id of ['not an id', encode('Village:abc'), encode('Nope:1'), encode('Village:0')]) {
          const error = await errorOf(`query($id: ID!) { node(id: $id) { id } }`, { id });
          assert.equal(error.extensions?.code, 'BAD_USER_INPUT');
          assert.equal(error.extensions?.argument, 'id');
        }
      });
      test('an unknown ID is a plain null with no error, in node() and in its nodes() entry', async () => {
        const single = await client.request(`query($id: ID!) { node(id: $id) { id } }`, {
          id: encode('Village:999999'),
        });
        assert.deepEqual(single, { data: { node: null } });
        const known = encode('Village:1');
        const response = await client.request(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
          ids: [known, encode('Village:999999')],
        });
        assert.deepEqual(response, { data: { nodes: [{ id: known }, null] } });
      });
      test('a cursor from another connection or ordering is BAD_USER_INPUT naming after/before', async () => {
        const page = await client.request(`{ villages(first: 1) { pageInfo { endCursor } } }`);
        const cursor = page.data?.villages.pageInfo.endCursor as string;
        const other = await errorOf(`query($c: String) { enterpriseLoans(after: $c) { nodes { id } } }`, { c: cursor });
        assert.equal(other.extensions?.code, 'BAD_USER_INPUT');
        assert.equal(other.extensions?.argument, 'after');
        const reordered = await errorOf(
          `query($c: String) { villages(before: $c, last: 1, orderBy: [{ field: NAME }]) { nodes { id } } }`,
          { c: cursor },
        );
        assert.equal(reordered.extensions?.argument, 'before');
        const garbage = await errorOf(`{ villages(after: "zzz") { nodes { id } } }`);
        assert.equal(garbage.extensions?.code, 'BAD_USER_INPUT');
      });
      test('a page over 500 is BAD_USER_INPUT naming first or last, also on nested connections', async () => {
        assert.equal((await errorOf(`{ villages(first: 501) { nodes { id } } }`)).extensions?.argument, 'first');
        assert.equal((await errorOf(`{ villages(last: 501) { nodes { id } } }`)).extensions?.argument, 'last');
        const nested = await errorOf(`{ villages { nodes { initiatives(first: 1000) { nodes { id } } } } }`);
        assert.equal(nested.extensions?.code, 'BAD_USER_INPUT');
        assert.equal(nested.extensions?.argument, 'first');
      });
      test('bad filter values are BAD_USER_INPUT naming the filter', async () => {
        const region = await errorOf(`{ enterpriseLoans(where: { inRegion: "Henan" }) { nodes { id } } }`);
        assert.equal(region.extensions?.code, 'BAD_USER_INPUT');
        assert.equal(region.extensions?.argument, 'where.inRegion');
        const id = await errorOf(
          `query($id: ID) { enterpriseLoans(where: { enterprise: { id: { eq: $id } } }) { nodes { id } } }`,
          {
            id: encode('Village:1'),
          },
        );
        assert.equal(id.extensions?.argument, 'where.enterprise.id.eq');
        const decimal = await errorOf(
          `query($d: Decimal) { enterpriseLoans(where: { contractAmount: { gt: $d } }) { nodes { id } } }`,
          { d: '1e5' },
        );
        assert.equal(decimal.extensions?.code, 'BAD_USER_INPUT');
      });
    });
  }
});
