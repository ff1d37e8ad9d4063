import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/buildServer.js';
import { bearerHeaders, testServerConfig } from '../support/auth.js';
import { forEachBackend } from '../support/forEachBackend.js';
import { callers, type CallerName, insertScopeFixture, scopeIds } from '../modules/auth/scopeFixture.js';
import { insertReadScenario } from '../modules/support/readScenario.js';
import { randomQueries } from './support/randomQueries.js';

const unitCodes: Record<number, string> = {
  [scopeIds.parent]: 'FIX-ZZ',
  [scopeIds.branchA]: 'SC-A',
  [scopeIds.branchB]: 'SC-B',
};

async function headersOf(name: CallerName): Promise<Record<string, string>> {
  const viewer = callers[name];
  const orgUnit = viewer.orgUnitId === null ? {} : { orgUnit: unitCodes[viewer.orgUnitId]! };
  return bearerHeaders({ roles: [...viewer.roles], sub: viewer.id.replace(/^user:/, ''), ...orgUnit });
}

// A compiled answer carries PostgreSQL's JSON text as it is (blanks after ':' and ','); the same
// values in the same key order, with the same global IDs and decimals, re-serialise to the same
// bytes as the executed answer.
const canonical = (body: string) => JSON.stringify(JSON.parse(body));

interface Pair {
  compiled: FastifyInstance;
  executed: FastifyInstance;
}

// Posts `query` to both apps; returns whether the compiled app answered with one statement per root field.
async function compare(
  fx: Pair & { db: { statements: { count: number } } },
  headers: Record<string, string>,
  query: string,
) {
  const before = fx.db.statements.count;
  const compiled = await fx.compiled.inject({ method: 'POST', url: '/graphql', headers, payload: { query } });
  const statements = fx.db.statements.count - before;
  const executed = await fx.executed.inject({ method: 'POST', url: '/graphql', headers, payload: { query } });
  assert.equal(compiled.statusCode, executed.statusCode, query);
  assert.equal(canonical(compiled.body), canonical(executed.body), query);
  assert.ok(compiled.body.endsWith('\n') && executed.body.endsWith('\n'));
  const roots = Object.keys((JSON.parse(compiled.body).data ?? {}) as object).length;
  return statements === roots && !JSON.parse(compiled.body).errors;
}

const apps = async (db: Parameters<typeof buildServer>[0]['db']): Promise<Pair & { close: () => Promise<void> }> => {
  const compiled = await buildServer({ config: testServerConfig, db });
  const executed = await buildServer({ config: testServerConfig, db, compiledReads: false });
  return {
    compiled,
    executed,
    close: async () => {
      await compiled.close();
      await executed.close();
    },
  };
};

forEachBackend(
  'compiled reads answer the values, in the key order, that execution answers, for callers with different scopes',
  async ({ db }) => {
    await insertScopeFixture(db);
    return apps(db);
  },
  (fx) => {
    for (const caller of ['admin', 'analystA', 'analystB', 'analystP', 'managerA', 'viewerA'] as CallerName[]) {
      test(`${caller}: 40 generated nested queries`, async () => {
        const headers = await headersOf(caller);
        let onePerRoot = 0;
        for (const query of randomQueries(1000 + caller.length, 40)) {
          if (await compare(fx, headers, query)) onePerRoot += 1;
        }
        assert.ok(onePerRoot >= 10, `only ${onePerRoot} of 40 queries were compiled`);
      });
    }
  },
);

forEachBackend(
  'compiled reads answer the values, in the key order, that execution answers, on the read scenario',
  async ({ db }) => {
    await insertReadScenario(db, { villages: 8, initiatives: 4, loans: 12 });
    return apps(db);
  },
  (fx) => {
    test('120 generated nested queries as a whole-bank admin', async () => {
      const headers = await headersOf('admin');
      let onePerRoot = 0;
      for (const query of randomQueries(42, 120)) if (await compare(fx, headers, query)) onePerRoot += 1;
      assert.ok(onePerRoot >= 40, `only ${onePerRoot} of 120 queries were compiled`);
    });
    test('computed fields compile from their SQL: the region fallback, nonPerforming, spreadOverLpr, ancestors', async () => {
      const headers = await headersOf('admin');
      const query = `{ enterpriseLoans(first: 50, orderBy: [{ field: CONTRACT_NO, direction: ASC }]) { nodes {
        contractNo riskClass nonPerforming lprTenor termMonths contractDate spreadOverLpr
        region { code name ancestors { code level } } } }
        regions(first: 30) { nodes { code ancestors { code ancestors { code } } } } }`;
      assert.ok(await compare(fx, headers, query), 'one statement per root field');
      const body = (await fx.compiled.inject({ method: 'POST', url: '/graphql', headers, payload: { query } })).body;
      assert.match(body, /^\{"data":\{"enterpriseLoans":\{"nodes" : \[/, "PostgreSQL's JSON text goes out unparsed");
      const loans = JSON.parse(body).data.enterpriseLoans.nodes as {
        nonPerforming: boolean;
        spreadOverLpr: string | null;
        region: unknown;
      }[];
      // The fixture covers each branch of the rules, so the comparison above means something.
      assert.ok(loans.some((loan) => loan.nonPerforming) && loans.some((loan) => !loan.nonPerforming));
      assert.ok(loans.some((loan) => loan.spreadOverLpr !== null) && loans.some((loan) => loan.region !== null));
    });
    test('paging on with the cursors a compiled answer returns', async () => {
      const headers = await headersOf('admin');
      let after: string | null = null;
      for (let page = 0; page < 4; page += 1) {
        const query: string = `{ enterpriseLoans(first: 3${after ? `, after: "${after}"` : ''}, orderBy: [{ field: OUTSTANDING_BALANCE, direction: DESC }]) { pageInfo { hasNextPage endCursor } nodes { contractNo outstandingBalance } } }`;
        assert.ok(await compare(fx, headers, query));
        const response: { json(): any } = await fx.compiled.inject({
          method: 'POST',
          url: '/graphql',
          headers,
          payload: { query },
        });
        after = response.json().data.enterpriseLoans.pageInfo.endCursor;
      }
    });
    test('node, nodes and natural-key lookups, fragments, aliases, variables and @include/@skip', async () => {
      const headers = await headersOf('admin');
      const ids = await fx.compiled.inject({
        method: 'POST',
        url: '/graphql',
        headers,
        payload: {
          query: '{ enterpriseLoans(first: 3) { nodes { id contractNo } } villages(first: 2) { nodes { id } } }',
        },
      });
      const data = ids.json().data;
      const loanId = data.enterpriseLoans.nodes[0].id;
      const query = `query Q($id: ID!, $ids: [ID!]!, $withSchedule: Boolean!, $n: Int) {
        node(id: $id) { __typename id ... on EnterpriseLoan { ...Loan } }
        many: nodes(ids: $ids) { id ... on Village { name county { code } } }
        byContract: enterpriseLoan(contractNo: "${data.enterpriseLoans.nodes[1].contractNo}") { ...Loan }
        missing: region(code: "no-such-code") { id }
        gone: node(id: "${Buffer.from('Village:999999').toString('base64url')}") { id }
        __typename
      }
      fragment Loan on EnterpriseLoan { contractNo amount: contractAmount
        scheduleItems(first: $n) @include(if: $withSchedule) { nodes { seq dueDate } }
        enterprise @skip(if: $withSchedule) { name } }`;
      for (const withSchedule of [true, false]) {
        const variables = {
          id: loanId,
          ids: [
            ...data.villages.nodes.map((v: { id: string }) => v.id),
            Buffer.from('Village:999999').toString('base64url'),
          ],
          withSchedule,
          n: 2,
        };
        const compiled = await fx.compiled.inject({
          method: 'POST',
          url: '/graphql',
          headers,
          payload: { query, variables },
        });
        const executed = await fx.executed.inject({
          method: 'POST',
          url: '/graphql',
          headers,
          payload: { query, variables },
        });
        assert.equal(canonical(compiled.body), canonical(executed.body));
      }
    });
  },
);
