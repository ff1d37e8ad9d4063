import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { scopeOf } from '../../../src/modules/auth/accessScope.js';
import { importKinds } from '../../../src/modules/imports/index.js';
import { importFile } from '../../../src/modules/imports/importFile.js';
import { toGlobalId } from '../../../src/engine/globalId.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';
import { fingerprint } from '../writes/writeFixture.js';
import { callerClient, type CallerClient } from './callerClient.js';
import { callers, insertScopeFixture, scopeIds, type CallerName } from './scopeFixture.js';

const id = toGlobalId;

/** A mutation a caller may not make: refused on the input path given, with nothing written. */
interface RefusedWrite {
  caller: CallerName;
  mutation: string;
  payload: string;
  input: Record<string, unknown>;
  refused: { code: string; field: string[] }[];
}

// Targets and new rows outside the caller's subtree behave like missing ones; a role that may
// not read a type cannot name its rows either.
const refusedWrites: RefusedWrite[] = [
  {
    caller: 'officerA',
    mutation: 'rejectLoan',
    payload: 'loan',
    input: { loanId: id('EnterpriseLoan', scopeIds.loanB) },
    refused: [{ code: 'NOT_FOUND', field: ['input', 'loanId'] }],
  },
  {
    caller: 'adminA',
    mutation: 'classifyLoan',
    payload: 'loan',
    input: { loanId: id('EnterpriseLoan', scopeIds.loanB), monthEnd: '2020-07-31', riskClass: 'LOSS' },
    refused: [{ code: 'NOT_FOUND', field: ['input', 'loanId'] }],
  },
  {
    caller: 'managerA',
    mutation: 'createInitiative',
    payload: 'initiative',
    input: {
      code: 'SC-NEW',
      name: 'New',
      nameZh: '新',
      category: 'OTHER',
      ownerOrgUnitId: id('OrgUnit', scopeIds.branchB),
    },
    refused: [{ code: 'NOT_FOUND', field: ['input', 'ownerOrgUnitId'] }],
  },
  {
    caller: 'managerA',
    mutation: 'updateInitiative',
    payload: 'initiative',
    input: {
      id: id('Initiative', scopeIds.initiativeA),
      expectedVersion: 1,
      ownerOrgUnitId: id('OrgUnit', scopeIds.parent),
    },
    refused: [{ code: 'NOT_FOUND', field: ['input', 'ownerOrgUnitId'] }],
  },
  {
    caller: 'managerA',
    mutation: 'addToCampaign',
    payload: 'campaign',
    input: {
      campaignId: id('Campaign', scopeIds.campaign),
      initiativeIds: [id('Initiative', scopeIds.initiativeB)],
      loanIds: [id('EnterpriseLoan', scopeIds.loanA)],
    },
    refused: [
      { code: 'NOT_FOUND', field: ['input', 'initiativeIds', '0'] },
      { code: 'NOT_FOUND', field: ['input', 'loanIds', '0'] },
    ],
  },
];

describe('refusals: roles, hidden fields, writes, audit and exports', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let client: CallerClient;
      let directory: string;
      before(async () => {
        database = await createTestDatabase(backend);
        await insertScopeFixture(database.db);
        directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-scope-'));
        client = await callerClient(database.db, { directory });
      });
      after(async () => {
        await client?.app.close();
        await database?.dispose();
        fs.rmSync(directory, { recursive: true, force: true });
      });

      test('a hidden field is null with FORBIDDEN at its path, the rest of the answer intact; a filter on it is refused', async () => {
        const query = '{ enterprises(orderBy: [{ field: NAME }]) { nodes { name creditCode } } }';
        const shown = await client.request('analystA', query);
        assert.deepEqual(shown.body.data!.enterprises.nodes, [
          { name: 'Borrower A', creditCode: '91350100M000100Y43' },
          { name: 'Prospect', creditCode: null },
        ]);
        const hidden = await client.request('viewerA', query);
        assert.equal(hidden.status, 200);
        assert.deepEqual(hidden.body.data!.enterprises.nodes, [
          { name: 'Borrower A', creditCode: null },
          { name: 'Prospect', creditCode: null },
        ]);
        assert.deepEqual(
          hidden.body.errors!.map((e) => [e.extensions?.code, e.path]),
          [
            ['FORBIDDEN', ['enterprises', 'nodes', 0, 'creditCode']],
            ['FORBIDDEN', ['enterprises', 'nodes', 1, 'creditCode']],
          ],
        );
        const probe = await client.request(
          'viewerA',
          '{ enterprises(where: { creditCode: { startsWith: "9135" } }) { totalCount } }',
        );
        assert.equal(probe.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
        assert.equal(probe.body.errors?.[0]?.extensions?.argument, 'where.creditCode');
        const sorted = await client.request(
          'viewerA',
          '{ enterprises(orderBy: [{ field: CREDIT_CODE }]) { totalCount } }',
        );
        assert.deepEqual(
          sorted.body.errors?.map((e) => [e.extensions?.code, e.extensions?.argument]),
          [['FORBIDDEN', 'orderBy[0].field']],
        );
      });

      test('a request refused as a whole answers 403 FORBIDDEN, for queries and mutations alike', async () => {
        const read = await client.request('viewerA', '{ enterpriseLoans { totalCount } }');
        assert.equal(read.status, 403);
        assert.equal(read.body.data, null);
        const before = await fingerprint(database.db);
        const write = await client.request(
          'analystA',
          `mutation { approveLoan(input: { loanId: "${id('EnterpriseLoan', scopeIds.loanA)}" }) { loan { id } } }`,
        );
        assert.equal(write.status, 403);
        assert.deepEqual(
          write.body.errors!.map((e) => e.extensions?.code),
          ['FORBIDDEN'],
        );
        assert.deepEqual(await fingerprint(database.db), before);
      });

      test('writes out of scope are NOT_FOUND on their input path and write nothing; in scope they succeed', async () => {
        for (const write of refusedWrites) {
          const before = await fingerprint(database.db);
          const { body } = await client.request(
            write.caller,
            `mutation ($input: ${write.mutation[0]!.toUpperCase()}${write.mutation.slice(1)}Input!) { ${write.mutation}(input: $input) { ${write.payload} { id } userErrors { code field } } }`.replace(
              /\$input: (\w+)Input!/,
              (_, name: string) =>
                `$input: ${{ RejectLoan: 'LoanDecision', AddToCampaign: 'CampaignMembers' }[name] ?? name}Input!`,
            ),
            { input: write.input },
          );
          assert.equal(body.errors, undefined, `${write.mutation}: ${JSON.stringify(body.errors)}`);
          assert.deepEqual(body.data![write.mutation].userErrors, write.refused, write.mutation);
          assert.deepEqual(await fingerprint(database.db), before, `${write.mutation} wrote nothing`);
        }
        const allowed = await client.request(
          'managerA',
          `mutation { createInitiative(input: { code: "SC-NEW-A1", name: "New", nameZh: "新", category: OTHER, ownerOrgUnitId: "${id('OrgUnit', scopeIds.outletA1)}" }) { initiative { code } userErrors { code } } }`,
        );
        assert.deepEqual(allowed.body.data!.createInitiative, { initiative: { code: 'SC-NEW-A1' }, userErrors: [] });
        const event = await database.db.prisma.auditEvent.findFirstOrThrow({
          where: { operation: 'createInitiative' },
        });
        assert.deepEqual(
          [event.actorId, event.actorRole, event.actorOrgUnitId],
          ['user:manager-a', 'PROGRAMME_MANAGER', scopeIds.branchA],
        );
      });

      test('an import finds only the booking units and borrowers within the importer’s scope', async () => {
        const header =
          'contractNo,enterpriseId,orgUnitCode,product,regulatoryClass,policyRegime,repaymentMethod,effectiveRate,contractAmount,contractDate,termMonths';
        const row = (no: string, enterprise: number, unit: string) =>
          `${no},${enterprise},${unit},WORKING_CAPITAL,INDUSTRY,TARGETED_2016_2020,EQUAL_INSTALMENT,0.0435,500000.00,2020-03-01,12`;
        const text = [
          header,
          row('IMP-A', scopeIds.enterpriseNoLoan, 'SC-A1'),
          row('IMP-B', scopeIds.enterpriseB, 'SC-B'),
        ].join('\n');
        const officer = callers.officerA;
        const report = await importFile(
          database.db,
          { id: officer.id, role: 'LOAN_OFFICER' },
          scopeOf(officer),
          importKinds.loans,
          text,
          { validOnly: true },
        );
        assert.deepEqual(
          report.problems.map((p) => [p.line, p.column, p.code]),
          [
            [3, 'enterpriseId', 'NOT_FOUND'],
            [3, 'orgUnitCode', 'NOT_FOUND'],
          ],
        );
        assert.equal(report.rowsWritten, 1);
      });

      test('the audit trail is read by a bank-wide ADMIN only', async () => {
        // The createInitiative of the test before wrote it.
        const event = await database.db.prisma.auditEvent.findFirstOrThrow();
        const query = `{ auditEvents { nodes { id } } }`;
        assert.equal((await client.request('admin', query)).body.errors, undefined);
        assert.equal((await client.request('adminA', query)).status, 403);
        assert.equal((await client.request('analystP', query)).status, 403);
        const node = `{ node(id: "${id('AuditEvent', event.id)}") { id } }`;
        assert.ok((await client.request('admin', node)).body.data!.node);
        assert.deepEqual((await client.request('adminA', node)).body, { data: { node: null } });
      });

      test('exports: refused below ANALYST; rows limited to the scope; a job is its creator’s, found by node and nodes', async () => {
        assert.equal((await client.get('officerA', '/export/loan-facts.csv')).status, 403);
        const csv = await client.get('analystA', '/export/loan-facts.csv');
        assert.equal(csv.status, 200);
        assert.ok(csv.body.includes('SC-LOAN-A') && !csv.body.includes('SC-LOAN-B') && !csv.body.includes('FIX-LOAN'));

        const created = await client.request(
          'analystA',
          'mutation { createExport(input: { kind: LOAN_FACTS, format: CSV }) { exportJob { id } userErrors { code } } }',
        );
        const jobId = created.body.data!.createExport.exportJob.id as string;
        let status = '';
        for (let i = 0; i < 100 && status !== 'SUCCEEDED'; i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          status = (await client.request('analystA', `{ exportJob(id: "${jobId}") { status } }`)).body.data!.exportJob
            .status;
        }
        assert.equal(status, 'SUCCEEDED');
        const file = await client.get('analystA', `/export-jobs/${jobId}/download`);
        assert.ok(
          file.body.includes('SC-LOAN-A') && !file.body.includes('SC-LOAN-B'),
          'the job ran with its creator’s scope',
        );
        const both = await client.request(
          'analystA',
          `{ node(id: "${jobId}") { id } nodes(ids: ["${jobId}"]) { __typename } }`,
        );
        assert.deepEqual(both.body.data, { node: { id: jobId }, nodes: [{ __typename: 'ExportJob' }] });

        assert.equal((await client.get('analystB', `/export-jobs/${jobId}/download`)).status, 404);
        assert.equal(
          (await client.request('analystB', `{ exportJob(id: "${jobId}") { status } }`)).body.data!.exportJob,
          null,
        );
        assert.deepEqual((await client.request('analystB', `{ nodes(ids: ["${jobId}"]) { id } }`)).body, {
          data: { nodes: [null] },
        });
        assert.ok((await client.request('admin', `{ exportJob(id: "${jobId}") { status } }`)).body.data!.exportJob);
      });
    });
  }
});
