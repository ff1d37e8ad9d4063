import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toGlobalId } from '../../../src/engine/globalId.js';
import { forEachBackend } from '../../support/forEachBackend.js';
import { openLoan } from '../loans/loanFixture.js';
import {
  assertRefused,
  cents,
  httpActor,
  loanApplication,
  loanGlobalId,
  rowId,
  succeeded,
  writeHttpFixture,
} from './httpClient.js';
import { fingerprint } from './writeFixture.js';

forEachBackend(
  'over HTTP, versions, idempotency keys and the audit trail hold under retries and concurrent calls',
  writeHttpFixture,
  (fx) => {
    const application = (contractNo: string, idempotencyKey?: string) =>
      loanApplication(fx.ids, contractNo, idempotencyKey);
    const currentVersion = async (globalId: string) =>
      (
        await fx.client.read(
          'query V($id: ID!) { node(id: $id) { ... on Village { version } ... on Initiative { version } ... on Enterprise { version } } }',
          { id: globalId },
        )
      ).node.version as number;

    test('a stale expectedVersion is CONFLICT with the current version; reloading and retrying with it succeeds', async () => {
      succeeded(
        await fx.client.mutate('updateInitiative', { id: fx.ids.initiative, expectedVersion: 1, note: 'first edit' }),
      );
      const before = await fingerprint(fx.db);
      const stale = await fx.client.mutate('updateInitiative', {
        id: fx.ids.initiative,
        expectedVersion: 1,
        note: 'second edit',
      });
      assert.equal(stale.payload.initiative, null);
      assert.deepEqual(
        stale.payload.userErrors.map((error) => [error.field, error.code, error.currentVersion]),
        [[['input', 'expectedVersion'], 'CONFLICT', 2]],
      );
      assert.match(stale.payload.userErrors[0]!.message, /since version 1: it is now at version 2\. Reload/);
      assert.deepEqual(await fingerprint(fx.db), before, 'nothing was written');
      const reloaded = await currentVersion(fx.ids.initiative);
      assert.equal(reloaded, 2);
      const retried = succeeded(
        await fx.client.mutate(
          'updateInitiative',
          { id: fx.ids.initiative, expectedVersion: reloaded, note: 'second edit' },
          'note version',
        ),
      );
      assert.deepEqual([retried.note, retried.version], ['second edit', 3]);
    });

    test('of two concurrent updates from the same version exactly one wins; the other gets CONFLICT and the winner value stays', async () => {
      const version = await currentVersion(fx.ids.village);
      const [first, second] = await Promise.all([
        fx.client.mutate(
          'updateVillage',
          { id: fx.ids.village, expectedVersion: version, population: 900 },
          'population version',
          'req-race-900',
        ),
        fx.client.mutate(
          'updateVillage',
          { id: fx.ids.village, expectedVersion: version, population: 950 },
          'population version',
          'req-race-950',
        ),
      ]);
      const winners = [first, second].filter((call) => call.payload.village !== null);
      const losers = [first, second].filter((call) => call.payload.village === null);
      assert.equal(winners.length, 1);
      assert.deepEqual(
        losers[0]!.payload.userErrors.map((error) => [error.code, error.currentVersion]),
        [['CONFLICT', version + 1]],
      );
      const row = await fx.db.prisma.village.findUniqueOrThrow({ where: { id: rowId(fx.ids.village) } });
      assert.deepEqual([row.population, row.version], [winners[0]!.payload.village.population, version + 1]);
      assert.deepEqual(
        (await fx.client.auditEventsOf(winners[0]!.requestId)).map((event) => event.operation),
        ['updateVillage'],
      );
      assert.deepEqual(await fx.client.auditEventsOf(losers[0]!.requestId), []);
    });

    test('two concurrent disbursements that together exceed the contract: one pays out, the other is refused', async () => {
      await openLoan(fx.db, { contractNo: 'RACE-DISB' }, false);
      const loan = await loanGlobalId(fx.client, 'RACE-DISB');
      const input = { loanId: loan, amount: '600000.00', disbursedOn: '2020-01-10' };
      const calls = await Promise.all([
        fx.client.mutate('disburseLoan', input, 'id'),
        fx.client.mutate('disburseLoan', input, 'id'),
      ]);
      assert.equal(calls.filter((call) => call.payload.loan !== null).length, 1);
      assert.deepEqual(
        calls.flatMap((call) => call.payload.userErrors.map((error) => error.code)),
        ['AMOUNT_EXCEEDS_CONTRACT'],
      );
      const row = await fx.db.prisma.enterpriseLoan.findUniqueOrThrow({ where: { id: rowId(loan) } });
      assert.deepEqual([cents(row.disbursedAmount), cents(row.outstandingBalance)], ['600000.00', '600000.00']);
      assert.equal(
        await fx.db.prisma.repaymentScheduleItem.count({ where: { loanId: row.id } }),
        12,
        'one schedule, not two',
      );
    });

    test('concurrent calls with one idempotency key create one loan; all return its id and all but one say replayed', async () => {
      const input = application('RACE-KEY', 'http-race-key');
      const calls = await Promise.all([1, 2, 3].map(() => fx.client.mutate('applyForLoan', input, 'id contractNo')));
      assert.deepEqual(
        calls.map((call) => call.payload.userErrors),
        [[], [], []],
      );
      assert.equal(new Set(calls.map((call) => call.payload.loan.id)).size, 1);
      assert.deepEqual(calls.map((call) => call.payload.replayed).sort(), [false, true, true]);
      const rows = await fx.db.prisma.enterpriseLoan.findMany({ where: { contractNo: 'RACE-KEY' } });
      assert.deepEqual(
        rows.map((row) => row.id),
        [rowId(calls[0]!.payload.loan.id)],
      );
      assert.equal(
        await fx.db.prisma.auditEvent.count({ where: { operation: 'applyForLoan', entityId: String(rows[0]!.id) } }),
        1,
      );
      assert.equal(await fx.db.prisma.idempotencyRecord.count({ where: { key: 'http-race-key' } }), 1);
    });

    test('concurrent createVillage calls with one key create one village', async () => {
      const input = { name: '冶下村', countyId: fx.ids.dengfeng, idempotencyKey: 'http-race-village' };
      const [first, second] = await Promise.all([
        fx.client.mutate('createVillage', input, 'id name'),
        fx.client.mutate('createVillage', input, 'id name'),
      ]);
      assert.equal(first.payload.village.id, second.payload.village.id);
      assert.deepEqual([first.payload.replayed, second.payload.replayed].sort(), [false, true]);
      assert.equal(await fx.db.prisma.village.count({ where: { name: '冶下村' } }), 1);
    });

    test('a retry with the same key and input replays the first result and writes nothing', async () => {
      const input = { ...application('RETRY-1', 'http-retry-1') };
      const first = succeeded(await fx.client.mutate('applyForLoan', input, 'id version'));
      const before = await fingerprint(fx.db);
      const retry = await fx.client.mutate('applyForLoan', input, 'id version', 'req-retry-replayed');
      assert.deepEqual([retry.payload.userErrors, retry.payload.replayed, retry.payload.loan.id], [[], true, first.id]);
      assert.deepEqual(await fingerprint(fx.db), before);
      assert.deepEqual(await fx.client.auditEventsOf('req-retry-replayed'), []);
    });

    test('the same key with a different input is IDEMPOTENCY_KEY_REUSED and writes nothing', async () => {
      succeeded(await fx.client.mutate('applyForLoan', application('REUSE-1', 'http-reuse'), 'id'));
      await assertRefused(fx.client, fx.db, 'applyForLoan', application('REUSE-2', 'http-reuse'), {
        code: 'IDEMPOTENCY_KEY_REUSED',
        field: ['input', 'idempotencyKey'],
        message: /"http-reuse" was already used with a different input/,
      });
      await assertRefused(
        fx.client,
        fx.db,
        'createVillage',
        { name: '冶上村', countyId: fx.ids.dengfeng, idempotencyKey: 'http-reuse' },
        {
          code: 'IDEMPOTENCY_KEY_REUSED',
          field: ['input', 'idempotencyKey'],
          message: /for applyForLoan/,
        },
      );
    });

    test('a refused call leaves its key unused, so the corrected call goes through', async () => {
      await assertRefused(
        fx.client,
        fx.db,
        'applyForLoan',
        { ...application('FIXED-1', 'http-fixed'), termMonths: 0 },
        { code: 'TERM_NOT_POSITIVE', field: ['input', 'termMonths'], message: /\S/ },
      );
      const fixed = await fx.client.mutate('applyForLoan', application('FIXED-1', 'http-fixed'), 'contractNo');
      assert.deepEqual(
        [fixed.payload.userErrors, fixed.payload.replayed, fixed.payload.loan.contractNo],
        [[], false, 'FIXED-1'],
      );
    });

    test('auditEvents(first:, after:) pages the whole trail in order without overlap, and says when more follow', async () => {
      const all = await fx.db.prisma.auditEvent.findMany({ orderBy: { id: 'asc' }, select: { id: true } });
      assert.ok(all.length > 6, 'the tests above left a trail to page');
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 100; page += 1) {
        const data = await fx.client.read(
          'query Page($after: String) { auditEvents(first: 3, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }',
          { after },
        );
        const connection = data.auditEvents;
        assert.ok(connection.edges.length <= 3);
        assert.equal(connection.pageInfo.hasPreviousPage, after !== null);
        seen.push(...connection.edges.map((edge: { node: { id: string } }) => edge.node.id));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      assert.deepEqual(
        seen,
        all.map((event) => toGlobalId('AuditEvent', event.id)),
      );
      const newest = await fx.client.read('{ auditEvents(first: 1, newestFirst: true) { nodes { id } } }');
      assert.deepEqual(newest.auditEvents.nodes, [{ id: seen.at(-1) }]);
    });

    test('node(id:) refetches an audit event by its global ID', async () => {
      const newest = await fx.client.read('{ auditEvents(first: 1, newestFirst: true) { nodes { id operation } } }');
      const event = newest.auditEvents.nodes[0] as { id: string; operation: string };
      const data = await fx.client.read(
        'query One($id: ID!) { node(id: $id) { id ... on AuditEvent { operation } } }',
        {
          id: event.id,
        },
      );
      assert.deepEqual(data.node, { id: event.id, operation: event.operation });
    });

    test('auditEvents filters by row and operation: the village trail lists exactly its updates', async () => {
      const data = await fx.client.read(
        'query Trail($entityId: String!) { auditEvents(where: { entityType: "Village", entityId: $entityId, operation: "updateVillage" }) { nodes { actorId before after } } }',
        { entityId: String(rowId(fx.ids.village)) },
      );
      const nodes = data.auditEvents.nodes as Array<{
        actorId: string;
        before: { version: number };
        after: { version: number };
      }>;
      assert.equal(
        nodes.length,
        await fx.db.prisma.auditEvent.count({
          where: { entityType: 'Village', entityId: String(rowId(fx.ids.village)), operation: 'updateVillage' },
        }),
      );
      assert.ok(nodes.length >= 1);
      assert.ok(nodes.every((node) => node.actorId === httpActor.id && node.after.version === node.before.version + 1));
    });

    test('a malformed request id header is replaced by a generated one, which the audit event carries', async () => {
      const answer = await fx.client.post(
        'mutation M($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } userErrors { code } } }',
        { input: { code: 'HDR-1', name: 'header test' } },
        'not a valid id!',
      );
      assert.deepEqual(answer.body.data!.createCampaign.userErrors, []);
      const [event] = await fx.db.prisma.auditEvent.findMany({
        where: { operation: 'createCampaign', entityId: String(rowId(answer.body.data!.createCampaign.campaign.id)) },
      });
      assert.match(event!.requestId!, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    });

    // Variables the schema refuses before any resolver runs: a 400 naming the problem, never a 500.
    const badVariables: Array<[string, string, Record<string, unknown>]> = [
      [
        'an amount sent as a number',
        'DisburseLoanInput',
        { loanId: toGlobalId('EnterpriseLoan', 9501), amount: 12, disbursedOn: '2020-01-10' },
      ],
      [
        'a version sent as a string',
        'DisburseLoanInput',
        {
          loanId: toGlobalId('EnterpriseLoan', 9501),
          amount: '12.00',
          disbursedOn: '2020-01-10',
          expectedVersion: 'two',
        },
      ],
      [
        'a date that is not a date',
        'DisburseLoanInput',
        { loanId: toGlobalId('EnterpriseLoan', 9501), amount: '12.00', disbursedOn: '10/01/2020' },
      ],
      [
        'a required field left out',
        'DisburseLoanInput',
        { loanId: toGlobalId('EnterpriseLoan', 9501), amount: '12.00' },
      ],
      [
        'a field the input does not have',
        'DisburseLoanInput',
        { loanId: toGlobalId('EnterpriseLoan', 9501), amount: '12.00', disbursedOn: '2020-01-10', currency: 'CNY' },
      ],
    ];
    for (const [what, inputType, input] of badVariables) {
      test(`${what} is HTTP 400 with BAD_USER_INPUT and writes nothing`, async () => {
        const before = await fingerprint(fx.db);
        const answer = await fx.client.post(
          `mutation M($input: ${inputType}!) { disburseLoan(input: $input) { loan { id } } }`,
          { input },
        );
        assert.equal(answer.status, 400, JSON.stringify(answer.body));
        assert.deepEqual(
          answer.body.errors!.map((error) => error.extensions?.code),
          ['BAD_USER_INPUT'],
        );
        assert.match(answer.body.errors![0]!.message, /input/);
        assert.deepEqual(await fingerprint(fx.db), before);
      });
    }

    test('an enum value the schema lacks, written in the document, is HTTP 400 with GRAPHQL_VALIDATION_FAILED', async () => {
      const answer = await fx.client.post(
        `mutation { changeInitiativeStatus(input: { id: "${fx.ids.initiative}", expectedVersion: 1, status: FINISHED }) { initiative { id } } }`,
      );
      assert.equal(answer.status, 400);
      assert.deepEqual(
        answer.body.errors!.map((error) => error.extensions?.code),
        ['GRAPHQL_VALIDATION_FAILED'],
      );
    });

    test('a day that does not exist (2020-02-30) is refused, not booked on another day', async () => {
      await openLoan(fx.db, { contractNo: 'BAD-DAY' });
      const loan = await loanGlobalId(fx.client, 'BAD-DAY');
      const before = await fingerprint(fx.db);
      const answer = await fx.client.post(
        'mutation M($input: RecordRepaymentInput!) { recordRepayment(input: $input) { loan { id } userErrors { field code } } }',
        {
          input: { loanId: loan, amount: '100.00', paidOn: '2020-02-30' },
        },
      );
      const refusedByScalar = answer.status === 400 && answer.body.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT';
      const refusedByService =
        answer.status === 200 &&
        answer.body.data?.recordRepayment.userErrors.some(
          (error: { code: string; field: string[] }) =>
            error.code === 'INVALID_FORMAT' && error.field.join('.') === 'input.paidOn',
        );
      assert.ok(refusedByScalar || refusedByService, JSON.stringify(answer.body));
      assert.deepEqual(await fingerprint(fx.db), before);
    });

    test('a malformed audit cursor or page size is BAD_USER_INPUT naming the argument', async () => {
      for (const [args, argument] of [
        ['after: "bm90LWEtY3Vyc29y"', 'after'],
        ['first: 1000', 'first'],
      ] as const) {
        const answer = await fx.client.post(`{ auditEvents(${args}) { nodes { id } } }`);
        assert.deepEqual(
          answer.body.errors!.map((error) => [error.extensions?.code, error.extensions?.argument]),
          [['BAD_USER_INPUT', argument]],
        );
      }
    });
  },
);
