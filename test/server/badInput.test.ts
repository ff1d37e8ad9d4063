import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { seedArticle } from '../../src/db/seeds/article/index.js';
import { buildServer } from '../../src/server/buildServer.js';
import { adminHeaders, testServerConfig } from '../support/auth.js';
import { forEachBackend } from '../support/forEachBackend.js';

const normal = '{ regions(first: 2) { nodes { code } } }';
const nested = (levels: number, inner: Record<string, unknown>) => {
  let value: Record<string, unknown> = inner;
  for (let level = 0; level < levels; level += 1) value = { NOT: value };
  return value;
};
const enterprisesByVariable = 'query ($where: EnterpriseWhere) { enterprises(first: 1, where: $where) { totalCount } }';

interface Fixture {
  app: FastifyInstance;
  federated: FastifyInstance;
  logs: Array<{ level: number; msg: string }>;
  enterpriseId: string;
  orgUnitId: string;
}

forEachBackend<Fixture>(
  'bad input is a named 400 (or a userError on its field) and nothing runs',
  async ({ db }) => {
    await seedArticle(db);
    const logs: Fixture['logs'] = [];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    });
    const app = await buildServer({ config: { ...testServerConfig, LOG_LEVEL: 'info' }, db, logStream });
    const federated = await buildServer({ config: { ...testServerConfig, FEDERATION: true }, db });
    const ids = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: await adminHeaders(),
      payload: { query: '{ enterprises(first: 1) { nodes { id } } orgUnits(first: 1) { nodes { id } } }' },
    });
    const data = ids.json().data;
    return {
      app,
      federated,
      logs,
      enterpriseId: data.enterprises.nodes[0].id,
      orgUnitId: data.orgUnits.nodes[0].id,
      close: async () => {
        await app.close();
        await federated.close();
      },
    };
  },
  (fx) => {
    const post = async (payload: Record<string, unknown> | string, server = fx.app) =>
      server.inject({
        method: 'POST',
        url: '/graphql',
        headers: { ...(await adminHeaders()), 'content-type': 'application/json' },
        payload,
      });
    // JSON.stringify itself overflows the stack on 5,000 levels, so the body is written out.
    const deepBody = (query: string, variable: string, levels: number) =>
      `{"query":${JSON.stringify(query)},"variables":{"${variable}":${'{"NOT":'.repeat(levels)}{}${'}'.repeat(levels)}}}`;

    /** The refusal has `code` and names `argument`; then an ordinary query is answered. */
    async function refusedThenServing(
      response: LightMyRequestResponse,
      code: string,
      argument: string | RegExp,
      status = 400,
    ) {
      assert.equal(response.statusCode, status, response.body);
      const error = response.json().errors[0];
      assert.equal(error.extensions.code, code, response.body);
      if (typeof argument === 'string') assert.equal(error.extensions.argument, argument, response.body);
      else assert.match(error.extensions.argument, argument, response.body);
      const next = await post({ query: normal });
      assert.equal(next.statusCode, 200, next.body);
      assert.equal(next.json().errors, undefined, next.body);
    }

    test('a NUL in a literal, a variable and a mutation input', async () => {
      const literal = '{ enterprises(where: { name: { contains: "a\\u0000b" } }) { totalCount } }';
      await refusedThenServing(await post({ query: literal }), 'BAD_USER_INPUT', 'where.name.contains');
      const variable = await post({
        query: enterprisesByVariable,
        variables: { where: { name: { contains: 'a\u0000' } } },
      });
      await refusedThenServing(variable, 'BAD_USER_INPUT', 'where.name.contains');
      const mutation = `mutation ($input: ApplyForLoanInput!) { applyForLoan(input: $input) { userErrors { field } } }`;
      const input = {
        contractNo: 'NUL\u0000-1',
        enterpriseId: fx.enterpriseId,
        orgUnitId: fx.orgUnitId,
        product: 'WORKING_CAPITAL',
        regulatoryClass: 'INDUSTRY',
        policyRegime: 'TARGETED_2016_2020',
        repaymentMethod: 'EQUAL_INSTALMENT',
        effectiveRate: '0.043500',
        contractAmount: '1000.00',
        contractDate: '2020-01-10',
        termMonths: 12,
      };
      await refusedThenServing(
        await post({ query: mutation, variables: { input } }),
        'BAD_USER_INPUT',
        'input.contractNo',
      );
    });

    test('a NUL in an export where and in an import cell', async () => {
      const where = encodeURIComponent(JSON.stringify({ contractNo: { eq: '\u0000' } }));
      const exported = await fx.app.inject({
        method: 'GET',
        url: `/export/loan-facts.csv?where=${where}`,
        headers: await adminHeaders(),
      });
      assert.equal(exported.statusCode, 400, exported.body);
      assert.equal(exported.json().error.code, 'BAD_USER_INPUT');
      assert.equal(exported.json().error.argument, 'where.contractNo.eq');
      const imported = await fx.app.inject({
        method: 'POST',
        url: '/import/enterprises',
        headers: { ...(await adminHeaders()), 'content-type': 'text/csv; charset=utf-8' },
        payload: 'name,creditCode\nfine,\nbad\u0000name,\n',
      });
      assert.equal(imported.statusCode, 400, imported.body);
      assert.deepEqual(
        { ...imported.json().error, message: undefined },
        { code: 'BAD_USER_INPUT', argument: 'body', line: 3, message: undefined },
      );
      const after = await fx.app.inject({
        method: 'GET',
        url: '/export/loan-facts.csv',
        headers: await adminHeaders(),
      });
      assert.equal(after.statusCode, 200, after.body);
    });

    test('input nesting: 5,000 NOTs and 33 levels are refused, 32 levels run', async () => {
      const deep = await post(deepBody(enterprisesByVariable, 'where', 5000));
      await refusedThenServing(deep, 'BAD_USER_INPUT', /^where(\.NOT)+$/);
      const jobs = await post(
        deepBody(
          'mutation ($where: JSON) { createExport(input: { kind: LOAN_FACTS, format: CSV, where: $where }) { exportJob { id } } }',
          'where',
          5000,
        ),
      );
      await refusedThenServing(jobs, 'BAD_USER_INPUT', /^input\.where(\.NOT)+$/);
      // 30 NOTs around { name: { eq } }: the innermost object is the 32nd level.
      const atLimit = await post({
        query: enterprisesByVariable,
        variables: { where: nested(30, { name: { eq: 'x' } }) },
      });
      assert.equal(atLimit.statusCode, 200, atLimit.body);
      assert.equal(atLimit.json().errors, undefined, atLimit.body);
      const over = await post({
        query: enterprisesByVariable,
        variables: { where: nested(31, { name: { eq: 'x' } }) },
      });
      await refusedThenServing(over, 'BAD_USER_INPUT', /^where(\.NOT){31}\.name$/);
      const literal = `{ enterprises(where: ${'{ NOT: '.repeat(31)}{ name: { eq: "x" } }${' }'.repeat(31)}) { totalCount } }`;
      await refusedThenServing(await post({ query: literal }), 'BAD_USER_INPUT', /^where(\.NOT){31}\.name$/);
      // As deep as the token limit lets a literal go: refused by depth, not by the stack.
      const deepest = `{ enterprises(where: ${'{ NOT: '.repeat(1200)}{}${' }'.repeat(1200)}) { totalCount } }`;
      await refusedThenServing(await post({ query: deepest }), 'BAD_USER_INPUT', /^where(\.NOT){32}$/);
    });

    test('more than 10,000 input values are refused', async () => {
      const ids = Array.from({ length: 10_001 }, (_, i) => String(i));
      const response = await post({ query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids } });
      await refusedThenServing(response, 'BAD_USER_INPUT', /^ids\[\d+\]$/);
    });

    test('Date and DateTime refuse years outside 0001-9999', async () => {
      const literal = await post({
        query: '{ enterpriseLoans(where: { contractDate: { gt: "0000-01-01" } }) { totalCount } }',
      });
      assert.equal(literal.statusCode, 400, literal.body);
      assert.match(literal.json().errors[0].message, /0001 to 9999/);
      const query = 'query ($where: EnterpriseLoanWhere) { enterpriseLoans(where: $where) { totalCount } }';
      for (const where of [
        { contractDate: { gt: '0000-12-31' } },
        { updatedAt: { gt: '0000-06-01T00:00:00Z' } },
        { updatedAt: { lt: '+010000-01-01T00:00:00Z' } },
      ]) {
        const response = await post({ query, variables: { where } });
        assert.equal(response.statusCode, 400, response.body);
        assert.equal(response.json().errors[0].extensions.code, 'BAD_USER_INPUT', response.body);
        assert.match(response.json().errors[0].message, /0001 to 9999/);
      }
      const fine = await post({ query, variables: { where: { contractDate: { gt: '0001-01-01' } } } });
      assert.equal(fine.statusCode, 200, fine.body);
      assert.equal(fine.json().errors, undefined, fine.body);
    });

    test('an APQ hash that does not match its query is a 400, not an internal error', async () => {
      fx.logs.length = 0;
      const response = await post({
        query: normal,
        extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
      });
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.json().errors[0].extensions.code, 'PERSISTED_QUERY_HASH_MISMATCH');
      assert.deepEqual(
        fx.logs.filter((line) => line.level >= 50),
        [],
      );
      const sha256Hash = createHash('sha256').update(normal).digest('hex');
      const registered = await post({ query: normal, extensions: { persistedQuery: { version: 1, sha256Hash } } });
      assert.equal(registered.statusCode, 200, registered.body);
      assert.equal(registered.json().errors, undefined);
    });

    test('_entities with __typename "__proto__" or an unknown type names representations', async () => {
      const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
      for (const typeName of ['__proto__', 'NoSuchType', 'PageInfo']) {
        const response = await post({ query, variables: { r: [{ __typename: typeName, id: 'x' }] } }, fx.federated);
        const error = response.json().errors?.[0];
        assert.equal(error?.extensions.code, 'BAD_USER_INPUT', response.body);
        assert.equal(error.extensions.argument, 'representations');
      }
      const fine = await post({ query, variables: { r: [{ __typename: 'Region', code: 'none' }] } }, fx.federated);
      assert.deepEqual(fine.json(), { data: { _entities: [null] } });
    });

    test('a contract amount too large for its column is a userError on ["input", "contractAmount"]', async () => {
      const mutation = `mutation ($input: ApplyForLoanInput!) {
        applyForLoan(input: $input) { loan { id } userErrors { field code } }
      }`;
      const input = (contractAmount: string) => ({
        contractNo: `BIG-${contractAmount.length}`,
        enterpriseId: fx.enterpriseId,
        orgUnitId: fx.orgUnitId,
        product: 'WORKING_CAPITAL',
        regulatoryClass: 'INDUSTRY',
        policyRegime: 'TARGETED_2016_2020',
        repaymentMethod: 'EQUAL_INSTALMENT',
        effectiveRate: '0.043500',
        contractAmount,
        contractDate: '2020-01-10',
        termMonths: 12,
      });
      const refused = await post({ query: mutation, variables: { input: input('10000000000000000.00') } });
      assert.deepEqual(refused.json().data.applyForLoan, {
        loan: null,
        userErrors: [{ field: ['input', 'contractAmount'], code: 'INVALID_FORMAT' }],
      });
      const largest = await post({ query: mutation, variables: { input: input('9999999999999999.99') } });
      assert.deepEqual(largest.json().data.applyForLoan.userErrors, [], largest.body);
    });

    test('first: 100000 and up get the page-size error naming first, like 501', async () => {
      for (const first of [501, 100_000, 2_000_000_000]) {
        const response = await post({ query: `{ regions(first: ${first}) { nodes { code } } }` });
        const error = response.json().errors[0];
        assert.equal(error.extensions.code, 'BAD_USER_INPUT', response.body);
        assert.equal(error.extensions.argument, 'first');
        assert.match(error.message, /must be between 0 and 500/);
      }
      const facts = await post({ query: '{ loanFacts(first: 100000) { nodes { contractNo } } }' });
      assert.equal(facts.json().errors[0].extensions.argument, 'first', facts.body);
    });
  },
);

test('the input limits are the documented ones', async () => {
  const { inputLimits } = await import('../../src/rules/index.js');
  assert.deepEqual({ ...inputLimits }, { maxDepth: 32, maxValues: 10_000 });
});
