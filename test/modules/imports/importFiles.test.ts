import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../../src/db/client.js';
import { importFile, importKinds } from '../../../src/modules/imports/index.js';
import { parseCsv } from '../../../src/modules/imports/parseCsv.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';
import { fingerprint, insertWriteFixture, officer } from '../writes/writeFixture.js';
import { unrestrictedScope } from '../../../src/modules/auth/accessScope.js';

const loanHeader =
  'contractNo,enterpriseId,orgUnitCode,regionCode,product,regulatoryClass,policyRegime,repaymentMethod,effectiveRate,contractAmount,contractDate,termMonths,status,disbursedAmount,outstandingBalance';
const goodLoan = (no: string) =>
  `${no},9401,FIX-ZZ,410422,WORKING_CAPITAL,INDUSTRY,TARGETED_2016_2020,EQUAL_INSTALMENT,0.0435,500000.00,2020-03-01,12,DISBURSED,500000.00,400000.00`;

test('the CSV reader keeps quoted commas, quotes and line breaks, and numbers lines as a text editor does', () => {
  const { header, rows } = parseCsv('\ufeffname,aliases\r\n"冶上村, 登封","上冶村|""冶上"""\n\n"two\nlines",x\n');
  assert.deepEqual(header, ['name', 'aliases']);
  assert.deepEqual(rows, [
    { line: 2, cells: { name: '冶上村, 登封', aliases: '上冶村|"冶上"' } },
    { line: 4, cells: { name: 'two\nlines', aliases: 'x' } },
  ]);
});

describe('dishui import validates every row by the mutation rules and writes all rows or none', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let db: Database;
      before(async () => {
        database = await createTestDatabase(backend);
        db = database.db;
        await insertWriteFixture(db);
      });
      after(() => database?.dispose());

      test('a good loan file is written in full, marked IMPORT, with one audit event for the batch', async () => {
        const report = await importFile(
          db,
          officer,
          unrestrictedScope,
          importKinds.loans,
          [loanHeader, goodLoan('IMP-1'), goodLoan('IMP-2')].join('\n'),
          { chunkSize: 1 },
        );
        assert.deepEqual(report.problems, []);
        assert.equal(report.rowsWritten, 2);
        const loans = await db.prisma.enterpriseLoan.findMany({
          where: { contractNo: { startsWith: 'IMP-' } },
          orderBy: { contractNo: 'asc' },
        });
        assert.deepEqual(
          loans.map((loan) => [
            loan.contractNo,
            loan.dataSource,
            loan.outstandingBalance!.toFixed(2),
            loan.maturityDate!.toISOString().slice(0, 10),
          ]),
          [
            ['IMP-1', 'IMPORT', '400000.00', '2021-03-01'],
            ['IMP-2', 'IMPORT', '400000.00', '2021-03-01'],
          ],
        );
        assert.equal(await db.prisma.auditEvent.count({ where: { operation: 'importLoans' } }), 1);
      });

      test('a file with bad rows writes nothing and reports each bad cell by line, column and rule', async () => {
        const before = await fingerprint(db);
        const text = [
          loanHeader,
          goodLoan('IMP-3'),
          goodLoan('IMP-4').replace('500000.00,2020-03-01', '500000.00,2019-02-30'),
          goodLoan('IMP-5').replace('DISBURSED,500000.00,400000.00', 'DISBURSED,600000.00,400000.00'),
          goodLoan('IMP-1'),
          goodLoan('IMP-6').replace('WORKING_CAPITAL', 'CONSUMER'),
          goodLoan('IMP-7').replace('410422', '4104'),
          goodLoan('IMP-3'),
        ].join('\n');
        const report = await importFile(db, officer, unrestrictedScope, importKinds.loans, text);
        assert.equal(report.rowsWritten, 0);
        assert.deepEqual(
          report.problems.map((problem) => [problem.line, problem.column, problem.code]),
          [
            [3, 'contractDate', 'INVALID_FORMAT'],
            [4, 'disbursedAmount', 'AMOUNT_EXCEEDS_CONTRACT'],
            [5, 'contractNo', 'ALREADY_EXISTS'],
            [6, 'product', 'INVALID_FORMAT'],
            [7, 'regionCode', 'REGION_LEVEL_MISMATCH'],
            [8, 'contractNo', 'ALREADY_EXISTS'],
          ],
        );
        assert.deepEqual(await fingerprint(db), before);
      });

      test('with --valid-only a mixed file writes its good rows and reports the rest', async () => {
        const text = [loanHeader, goodLoan('IMP-8'), goodLoan('IMP-9').replace('0.0435', '4.35')].join('\n');
        const report = await importFile(db, officer, unrestrictedScope, importKinds.loans, text, { validOnly: true });
        assert.equal(report.rowsWritten, 1);
        assert.deepEqual(
          report.problems.map((problem) => [problem.line, problem.column, problem.code]),
          [[3, 'effectiveRate', 'RATE_OUT_OF_RANGE']],
        );
        assert.equal(await db.prisma.enterpriseLoan.count({ where: { contractNo: { in: ['IMP-8', 'IMP-9'] } } }), 1);
      });

      test('a header without a required column or with an unknown one is refused before any row is read', async () => {
        const report = await importFile(db, officer, unrestrictedScope, importKinds.loans, 'contractNo,colour\nX,red');
        assert.equal(report.rowsWritten, 0);
        assert.ok(
          report.problems.some(
            (problem) => problem.line === 1 && problem.column === 'colour' && problem.code === 'INVALID_FORMAT',
          ),
        );
        assert.ok(
          report.problems.some((problem) => problem.column === 'contractAmount' && problem.code === 'REQUIRED'),
        );
      });

      test('a cell holding U+0000 is reported by line and column and nothing is written', async () => {
        const text =
          'name,aliases,countyCode,townshipCode,code,population\n好村,,410185,410185105,,10\n坏\u0000村,,410185,410185105,,10\n';
        const report = await importFile(db, officer, unrestrictedScope, importKinds.villages, text);
        assert.equal(report.rowsWritten, 0);
        assert.deepEqual(
          report.problems.map((problem) => [problem.line, problem.column, problem.code]),
          [[3, 'name', 'INVALID_FORMAT']],
        );
      });

      test('villages import with aliases; a village in the wrong township is reported', async () => {
        const text =
          'name,aliases,countyCode,townshipCode,code,population\n冶下村,"下冶村|冶下",410185,410185105,410185105202,800\n某村,,410422,410185105,,10\n';
        const bad = await importFile(db, officer, unrestrictedScope, importKinds.villages, text);
        assert.deepEqual(
          bad.problems.map((problem) => [problem.line, problem.column, problem.code]),
          [[3, 'townshipCode', 'REGION_LEVEL_MISMATCH']],
        );
        const good = await importFile(
          db,
          officer,
          unrestrictedScope,
          importKinds.villages,
          text.split('\n').slice(0, 2).join('\n'),
        );
        assert.equal(good.rowsWritten, 1);
        const village = await db.prisma.village.findFirstOrThrow({ where: { name: '冶下村' } });
        assert.deepEqual(village.aliases, ['下冶村', '冶下']);
      });

      test('enterprises import; a bad credit code is INVALID_CREDIT_CODE on its line', async () => {
        const text =
          'name,creditCode,industrySection,industryCode,size\nA dairy company,91350100M000100Y43,A,0311,LARGE\nA bio company,91350100M000100Y44,A,0313,MEDIUM\n';
        const report = await importFile(db, officer, unrestrictedScope, importKinds.enterprises, text, {
          validOnly: true,
        });
        assert.equal(report.rowsWritten, 1);
        assert.deepEqual(
          report.problems.map((problem) => [problem.line, problem.column, problem.code]),
          [[3, 'creditCode', 'INVALID_CREDIT_CODE']],
        );
      });
    });
  }
});
