import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../src/db/client.js';
import { buildServer } from '../../../src/server/buildServer.js';
import { adminHeaders, bearerHeaders, testServerConfig } from '../../support/auth.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';
import { fingerprint, insertWriteFixture } from '../writes/writeFixture.js';

const loanHeader =
  'contractNo,enterpriseId,orgUnitCode,regionCode,product,regulatoryClass,policyRegime,repaymentMethod,effectiveRate,contractAmount,contractDate,termMonths,status,disbursedAmount,outstandingBalance';
const goodLoan = (no: string) =>
  `${no},9401,FIX-ZZ,410422,WORKING_CAPITAL,INDUSTRY,TARGETED_2016_2020,EQUAL_INSTALMENT,0.0435,500000.00,2020-03-01,12,DISBURSED,500000.00,400000.00`;
const badLoan = (no: string) => goodLoan(no).replace('WORKING_CAPITAL', 'CONSUMER');

describe('POST /import/{kind}: the CSV import over HTTP, as the caller, all rows or none', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let db: Database;
      let app: FastifyInstance;
      const upload = async (kind: string, text: string, headers: Record<string, string>, query = '') =>
        app.inject({
          method: 'POST',
          url: `/import/${kind}${query}`,
          payload: text,
          headers: { 'content-type': 'text/csv; charset=utf-8', ...headers },
        });
      before(async () => {
        database = await createTestDatabase(backend);
        db = database.db;
        await insertWriteFixture(db);
        app = await buildServer({ config: testServerConfig, db });
      });
      after(async () => {
        await app?.close();
        await database?.dispose();
      });

      test('a good file is written in full and answered 200; the audit names the caller and the request', async () => {
        const headers = {
          ...(await bearerHeaders({ sub: 'officer-7', roles: ['LOAN_OFFICER'], orgUnit: 'FIX-ZZ' })),
          'x-request-id': 'upload-good-1',
        };
        const response = await upload('loans', [loanHeader, goodLoan('UP-1'), goodLoan('UP-2')].join('\n'), headers);
        assert.equal(response.statusCode, 200, response.body);
        assert.deepEqual(response.json(), { kind: 'loans', rowsRead: 2, rowsWritten: 2, problems: [] });
        assert.equal(await db.prisma.enterpriseLoan.count({ where: { contractNo: { in: ['UP-1', 'UP-2'] } } }), 2);
        const events = await db.prisma.auditEvent.findMany({ where: { requestId: 'upload-good-1' } });
        assert.deepEqual(
          events.map((event) => [event.operation, event.actorId, event.actorRole]),
          [['importLoans', 'user:officer-7', 'LOAN_OFFICER']],
        );
      });

      test('a file with a bad row writes nothing and answers 422 listing line, column, code and message', async () => {
        const before = await fingerprint(db);
        const response = await upload(
          'loans',
          [loanHeader, goodLoan('UP-3'), badLoan('UP-4')].join('\n'),
          await adminHeaders(),
        );
        assert.equal(response.statusCode, 422);
        const body = response.json();
        assert.equal(body.rowsWritten, 0);
        assert.deepEqual(
          body.problems.map((p: Record<string, unknown>) => [p.line, p.column, p.code, typeof p.message]),
          [[3, 'product', 'INVALID_FORMAT', 'string']],
        );
        assert.deepEqual(await fingerprint(db), before);
      });

      test('with ?validOnly=true a mixed file writes its good rows and still lists the bad ones', async () => {
        const response = await upload(
          'loans',
          [loanHeader, goodLoan('UP-5'), badLoan('UP-6')].join('\n'),
          await adminHeaders(),
          '?validOnly=true',
        );
        assert.equal(response.statusCode, 422);
        assert.equal(response.json().rowsWritten, 1);
        assert.equal(await db.prisma.enterpriseLoan.count({ where: { contractNo: { in: ['UP-5', 'UP-6'] } } }), 1);
      });

      test('no caller is 401, a caller without the role is 403, and nothing is written', async () => {
        const before = await fingerprint(db);
        const text = [loanHeader, goodLoan('UP-7')].join('\n');
        const anonymous = await upload('loans', text, {});
        assert.equal(anonymous.statusCode, 401);
        assert.equal(anonymous.json().error.code, 'UNAUTHENTICATED');
        const cases: Array<[string, Parameters<typeof bearerHeaders>[0]]> = [
          ['loans', { roles: ['ANALYST'], orgUnit: 'FIX-ZZ' }],
          ['loans', { roles: ['PROGRAMME_MANAGER'], orgUnit: 'FIX-ZZ' }],
          ['villages', { roles: ['LOAN_OFFICER'], orgUnit: 'FIX-ZZ' }],
          ['enterprises', { roles: ['VIEWER', 'ANALYST'], orgUnit: 'FIX-ZZ' }],
        ];
        for (const [kind, viewer] of cases) {
          const response = await upload(kind, 'name\nx\n', await bearerHeaders(viewer));
          assert.equal(response.statusCode, 403, `${kind} as ${viewer!.roles}`);
          assert.equal(response.json().error.code, 'FORBIDDEN');
          assert.match(response.json().error.message, /needs the role/);
        }
        assert.deepEqual(await fingerprint(db), before);
      });

      test('the anonymous VIEWER of an open server may not import either', async () => {
        const open = await buildServer({ config: { ...testServerConfig, DISHUI_ANONYMOUS: 'viewer' }, db });
        try {
          const response = await open.inject({
            method: 'POST',
            url: '/import/villages',
            payload: 'name\nx\n',
            headers: { 'content-type': 'text/csv' },
          });
          assert.equal(response.statusCode, 401);
        } finally {
          await open.close();
        }
      });

      test('a programme manager imports villages; an unknown kind is 404', async () => {
        const text =
          'name,aliases,countyCode,townshipCode,code,population\n冶中村,,410185,410185105,410185105203,500\n';
        const response = await upload(
          'villages',
          text,
          await bearerHeaders({ roles: ['PROGRAMME_MANAGER'], orgUnit: 'FIX-ZZ' }),
        );
        assert.equal(response.statusCode, 200, response.body);
        assert.equal((await upload('regions', text, await adminHeaders())).statusCode, 404);
      });
    });
  }
});
