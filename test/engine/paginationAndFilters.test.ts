import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { entitySpecs } from '../../src/modules/entities.js';
import { orderFieldValue } from '../../src/engine/entitySpec.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { graphqlClient, type GraphQLClient } from '../modules/support/graphqlClient.js';
import { insertReadScenario } from '../modules/support/readScenario.js';

const orderFields = Object.keys(entitySpecs.EnterpriseLoan!.fields).map(orderFieldValue);

describe('connections page both ways in every order and filter with every operator', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let client: GraphQLClient;
      before(async () => {
        database = await createTestDatabase(backend);
        await insertReadScenario(database.db, { villages: 6, initiatives: 3, loans: 23 });
        client = await graphqlClient(database.db);
      });
      after(async () => database.dispose());

      const loans = async (variables: Record<string, unknown>) => {
        const response = await client.request(
          `query($first: Int, $after: String, $last: Int, $before: String, $where: EnterpriseLoanWhere, $orderBy: [EnterpriseLoanOrder!]) {
            enterpriseLoans(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {
              totalCount edges { cursor node { contractNo } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
          variables,
        );
        assert.equal(response.errors, undefined, JSON.stringify(response.errors));
        return response.data!.enterpriseLoans;
      };
      const numbers = async (where: Record<string, unknown>) =>
        (await loans({ where, first: 500 })).edges.map((edge: any) => edge.node.contractNo as string).sort();

      test('walking forward and backward by 4 gives every loan once, in the same order, for every orderBy', async () => {
        for (const field of orderFields) {
          for (const direction of ['ASC', 'DESC']) {
            const orderBy = [{ field, direction }];
            const all = (await loans({ first: 500, orderBy })).edges.map((edge: any) => edge.node.contractNo);
            assert.equal(new Set(all).size, 23);
            const forward: string[] = [];
            let cursor: string | null = null;
            for (let page; !page || page.pageInfo.hasNextPage; cursor = page.pageInfo.endCursor) {
              page = await loans({ first: 4, after: cursor, orderBy });
              forward.push(...page.edges.map((edge: any) => edge.node.contractNo));
            }
            const backward: string[] = [];
            cursor = null;
            for (let page; !page || page.pageInfo.hasPreviousPage; cursor = page.pageInfo.startCursor) {
              page = await loans({ last: 4, before: cursor, orderBy });
              backward.unshift(...page.edges.map((edge: any) => edge.node.contractNo));
            }
            assert.deepEqual(forward, all, `forward ${field} ${direction}`);
            assert.deepEqual(backward, all, `backward ${field} ${direction}`);
          }
        }
      });

      test('a cursor stays valid when rows are inserted before it', async () => {
        const first = await loans({ first: 3, orderBy: [{ field: 'CONTRACT_NO' }] });
        const expected = (
          await loans({ first: 3, after: first.pageInfo.endCursor, orderBy: [{ field: 'CONTRACT_NO' }] })
        ).edges;
        const loan = await database.db.prisma.enterpriseLoan.findFirstOrThrow({ where: { contractNo: 'L-0001' } });
        const { id: _id, contractNo: _no, createdAt: _c, updatedAt: _u, ...rest } = loan;
        await database.db.prisma.enterpriseLoan.create({ data: { ...rest, contractNo: 'L-0000' } });
        const again = await loans({ first: 3, after: first.pageInfo.endCursor, orderBy: [{ field: 'CONTRACT_NO' }] });
        assert.deepEqual(again.edges, expected);
        await database.db.prisma.enterpriseLoan.delete({ where: { contractNo: 'L-0000' } });
      });

      test('each operator selects what it says', async () => {
        assert.deepEqual(await numbers({ contractNo: { eq: 'L-0002' } }), ['L-0002']);
        assert.deepEqual(await numbers({ contractNo: { in: ['L-0002', 'L-0003'] } }), ['L-0002', 'L-0003']);
        assert.equal((await numbers({ contractNo: { notIn: ['L-0002'] } })).length, 22);
        assert.deepEqual(await numbers({ contractNo: { contains: '002' } }), [
          'L-0002',
          'L-0020',
          'L-0021',
          'L-0022',
          'L-0023',
        ]);
        assert.deepEqual(
          await numbers({ contractNo: { startsWith: 'l-001' } }),
          Array.from({ length: 10 }, (_, i) => `L-001${i}`),
        );
        assert.deepEqual(await numbers({ riskClass: { isNull: true } }), [
          'L-0001',
          'L-0006',
          'L-0011',
          'L-0016',
          'L-0021',
        ]);
        // contract amounts cycle 0.5M, 1.5M, … 6.5M with i % 7.
        assert.deepEqual(await numbers({ contractAmount: { gte: '6500000' } }), ['L-0007', 'L-0014', 'L-0021']);
        assert.deepEqual(await numbers({ contractAmount: { lt: '1000000.00' } }), [
          'L-0001',
          'L-0008',
          'L-0015',
          'L-0022',
        ]);
        assert.deepEqual(await numbers({ contractAmount: { gt: '500000', lte: '1500000' } }), [
          'L-0002',
          'L-0009',
          'L-0016',
          'L-0023',
        ]);
        assert.deepEqual(await numbers({ contractDate: { eq: '2020-01-01' } }), ['L-0001']);
        assert.deepEqual(await numbers({ contractDate: { lt: '2020-01-10' } }), ['L-0001', 'L-0007']);
        assert.equal((await numbers({ daysPastDue: { isNull: false } })).length, 0);
        assert.equal((await numbers({ status: { eq: 'DISBURSED' }, illustrative: { eq: false } })).length, 23);
        // Enum lists: PGlite once failed to bind an array of an enum type.
        assert.equal((await numbers({ status: { in: ['DISBURSED', 'REPAID'] } })).length, 23);
        assert.equal((await numbers({ status: { notIn: ['DISBURSED'] } })).length, 0);
        const substandard = await numbers({ riskClass: { eq: 'SUBSTANDARD' } });
        assert.ok(substandard.length > 0);
        assert.deepEqual(await numbers({ riskClass: { in: ['SUBSTANDARD'] } }), substandard);
        assert.deepEqual(await numbers({ OR: [{ contractNo: { eq: 'L-0001' } }, { contractNo: { eq: 'L-0005' } }] }), [
          'L-0001',
          'L-0005',
        ]);
        assert.equal((await numbers({ NOT: { contractNo: { startsWith: 'L-00' } } })).length, 0);
        assert.deepEqual(
          await numbers({ AND: [{ riskClass: { eq: 'SUBSTANDARD' } }, { contractNo: { in: ['L-0004', 'L-0005'] } }] }),
          ['L-0004'],
        );
      });

      test('relation filters and the region subtree filter follow relations', async () => {
        const national = await numbers({ enterprise: { leadingEnterpriseLevel: { eq: 'NATIONAL' } } });
        assert.equal(national.length, 12);
        assert.deepEqual(await numbers({ scheduleItems: { some: { status: { eq: 'OVERDUE' } } } }), ['L-0001']);
        assert.equal((await numbers({ scheduleItems: { none: { status: { eq: 'OVERDUE' } } } })).length, 22);
        // Even-numbered loans are in 若羌 (65…); odd ones go through their site (封丘, 41…) or borrower (湯陰, 41…).
        assert.deepEqual(await numbers({ inRegion: '41' }), national);
        assert.deepEqual(
          await numbers({ inRegion: '410727' }),
          national.filter((_: string, i: number) => i % 2 === 0),
        );
        assert.equal((await numbers({ inRegion: '65' })).length, 11);
        const villages =
          await client.request(`{ villages(where: { county: { povertyTier: { eq: NATIONAL } } }) { totalCount }
          alias: villages(where: { name: { eq: "上冶村" } }) { nodes { name aliases } }
          traditional: regions(where: { name: { contains: "湯陰" } }) { nodes { code } } }`);
        assert.equal(villages.data?.villages.totalCount, 4);
        assert.deepEqual(villages.data?.alias.nodes, [{ name: '冶上村', aliases: ['上冶村'] }]);
        assert.deepEqual(villages.data?.traditional.nodes, [{ code: '410523' }]);
      });
    });
  }
});
