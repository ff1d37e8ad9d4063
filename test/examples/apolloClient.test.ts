import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildSchema, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { createDishuiClient } from '../../examples/apollo-client/src/client.js';
import { disburse } from '../../examples/apollo-client/src/operations/disburseLoan.js';
import { allLoans } from '../../examples/apollo-client/src/operations/loansPage.js';
import { describeNode } from '../../examples/apollo-client/src/operations/refetchNode.js';
import { watchLoans, type LoanStatusEvent } from '../../examples/apollo-client/src/operations/loanStatus.js';
import { possibleTypes } from '../../examples/apollo-client/src/possibleTypes.js';
import { possibleTypesSource } from '../../src/schema/possibleTypes.js';
import WebSocket from 'ws';
import { seedArticle } from '../../src/db/seeds/article/index.js';
import { typeDefs } from '../../src/schema/typeDefs.js';
import { rowIdOf } from '../../src/engine/globalId.js';
import { runMutation } from '../../src/modules/writes/index.js';
import { buildServer } from '../../src/server/buildServer.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { adminHeaders, testServerConfig } from '../support/auth.js';

const example = new URL('../../examples/apollo-client/', import.meta.url);
const manifest: Record<string, string> = JSON.parse(
  fs.readFileSync(new URL('src/gql/persisted-documents.json', example), 'utf8'),
);

describe('the persisted-operations manifest of examples/apollo-client', () => {
  test('every entry is keyed by the SHA-256 of its text and validates against schema.graphql', () => {
    const schema = buildSchema(typeDefs);
    assert.ok(Object.keys(manifest).length >= 3);
    for (const [hash, document] of Object.entries(manifest)) {
      assert.equal(hash, createHash('sha256').update(document).digest('hex'));
      assert.deepEqual(
        validate(schema, parse(document)).map((error) => error.message),
        [],
        document,
      );
    }
  });

  test("it holds exactly the example's operations: a stale manifest fails here", () => {
    const folder = new URL('src/operations/', example);
    const inSource = fs
      .readdirSync(folder)
      .flatMap((file) =>
        [...fs.readFileSync(new URL(file, folder), 'utf8').matchAll(/graphql\(`([\s\S]*?)`\)/g)].map((m) =>
          parse(m[1]!),
        ),
      );
    const names = (documents: ReturnType<typeof parse>[]) =>
      documents
        .flatMap((d) => d.definitions.filter((x): x is OperationDefinitionNode => x.kind === Kind.OPERATION_DEFINITION))
        .map((o) => `${o.operation} ${o.name?.value}`)
        .sort();
    assert.deepEqual(names(Object.values(manifest).map((text) => parse(text))), names(inSource));
    assert.deepEqual(names(inSource), [
      'mutation DisburseLoan',
      'query LoansPage',
      'query RefetchNode',
      'subscription LoanStatus',
    ]);
  });
});

describe('the typed client against a running Dishui (PGlite)', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let uri: string;

  before(async () => {
    database = await createTestDatabase('pglite');
    await seedArticle(database.db);
    app = await buildServer({ config: testServerConfig, db: database.db });
    await app.listen({ host: '127.0.0.1', port: 0 });
    uri = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
  });
  after(async () => {
    await app?.close();
    await database?.dispose();
  });

  test('pages fetched one loan at a time merge in the cache into the whole list', async () => {
    const client = createDishuiClient({ uri, authorization: (await adminHeaders()).authorization });
    const loans = await allLoans(client, {}, 1);
    const rows = await database.db.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM "EnterpriseLoan"');
    assert.ok(rows[0]!.count >= 2, 'the article has several loans, so paging happens');
    assert.equal(loans.length, rows[0]!.count);
    assert.equal(new Set(loans.map((loan) => loan.id)).size, loans.length);
    assert.equal(typeof loans[0]!.enterprise.name, 'string');
  });

  test('node refetch and a refused mutation come back typed', async () => {
    const client = createDishuiClient({ uri, authorization: (await adminHeaders()).authorization });
    const [loan] = await allLoans(client, {}, 5);
    assert.match((await describeNode(client, loan!.id))!, new RegExp(`^loan ${loan!.contractNo} \\(`));
    const outcome = await disburse(client, {
      loanId: loan!.id,
      amount: '-1.00',
      disbursedOn: '2020-01-10',
      idempotencyKey: 'example-client-test',
    });
    assert.equal(outcome.ok, false);
    // Each refusal is keyed by the input path a form field binds to, with its code.
    const errors = Object.entries(outcome.ok ? {} : outcome.errors);
    assert.ok(errors.length > 0);
    for (const [field, message] of errors) {
      assert.match(field, /^input\.(loanId|amount)$/);
      assert.match(message, /^[A-Z_]+: /);
    }
    assert.match((await describeNode(client, loan!.id))!, new RegExp(`^loan ${loan!.contractNo} \\(`));
  });

  test('the split link: a subscription over graphql-ws hears a mutation sent over HTTP', async () => {
    const authorization = (await adminHeaders()).authorization;
    const client = createDishuiClient({
      uri,
      authorization,
      wsUri: uri.replace('http', 'ws'),
      webSocketImpl: WebSocket,
    });
    try {
      const [loan] = await allLoans(client, {}, 5);
      const events: LoanStatusEvent[] = [];
      const stop = watchLoans(client, { id: { eq: loan!.id } }, (event) => events.push(event));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const outcome = await disburse(client, {
        loanId: loan!.id,
        amount: '-1.00',
        disbursedOn: '2020-01-10',
        idempotencyKey: 'example-client-split',
      });
      assert.equal(outcome.ok, false, 'a refused mutation commits nothing and sends nothing');
      const rowId = rowIdOf(loan!.id, 'EnterpriseLoan', 'id');
      await runMutation(
        database.db,
        { id: 'staff-example', role: 'ADMIN' },
        {},
        { operation: 'noteLoan', entityType: 'EnterpriseLoan', input: {}, load: async () => null },
        (scope) => scope.tx.enterpriseLoan.update({ where: { id: rowId }, data: { version: { increment: 1 } } }),
      );
      for (let waited = 0; events.length === 0 && waited < 5_000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      stop();
      assert.equal(events.length, 1);
      assert.equal(events[0]!.id, loan!.id);
    } finally {
      await client.dispose();
    }
  });
});

describe('examples/apollo-client/src/possibleTypes.ts', () => {
  test('is generated from schema.graphql and current (npm run possible-types), ExportJob included', () => {
    const file = fs.readFileSync(new URL('src/possibleTypes.ts', example), 'utf8');
    assert.equal(file, possibleTypesSource(typeDefs), 'stale: run npm run possible-types');
    assert.ok((possibleTypes.Node as readonly string[]).includes('ExportJob'));
  });
});
