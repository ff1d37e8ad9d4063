// XLSX exports read back with exceljs (cell types and formats), export jobs in XLSX and with the
// BOM, and the statistics export of every group.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { loanStatistics } from '../../../src/modules/analytics/loanStatistics.service.js';
import { unrestrictedScope } from '../../../src/modules/auth/accessScope.js';
import { biExportRoutes } from '../../../src/modules/exports/biExports.routes.js';
import { createExportJob, getExportJob } from '../../../src/modules/exports/exportJobs.service.js';
import { createTestDatabase, testBackends } from '../../support/database.js';
import { callers } from '../auth/scopeFixture.js';
import { insertExportScenario } from './exportScenario.js';

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The data sheet's cells of one row by header name. */
function rowByHeader(sheet: ExcelJS.Worksheet, rowNumber: number): Map<string, ExcelJS.Cell> {
  const headers = sheet.getRow(1).values as Array<string | undefined>;
  const row = sheet.getRow(rowNumber);
  const cells = new Map<string, ExcelJS.Cell>();
  headers.forEach((name, column) => {
    if (name) cells.set(name, row.getCell(column));
  });
  return cells;
}

describe('XLSX exports and the statistics export', async () => {
  for (const backend of await testBackends()) {
    test(backend, async (t) => {
      const { db, dispose } = await createTestDatabase(backend);
      const app = Fastify();
      app.addHook('onRequest', async (request) => {
        request.viewer = request.headers['x-test-viewer'] === 'viewer' ? callers.viewerA : callers.admin;
      });
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-xlsx-'));
      try {
        await insertExportScenario(db);
        // Codes Excel's General format mangles: an 18-digit credit code, a class code with a leading zero.
        const [first] = await db.prisma.enterpriseLoan.findMany({ orderBy: { id: 'asc' } });
        await db.prisma.enterprise.update({
          where: { id: first!.enterpriseId },
          data: { creditCode: '914103282767680009', industryCode: '0311' },
        });
        await app.register(biExportRoutes, { db, pageSize: 1 });

        await t.test(
          'loan facts as XLSX: codes as text, money, rates, dates, frozen header, column sheet',
          async () => {
            const response = await app.inject({ method: 'GET', url: '/export/loan-facts.xlsx' });
            assert.equal(response.statusCode, 200);
            assert.equal(
              response.headers['content-type'],
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            );
            assert.match(
              String(response.headers['content-disposition']),
              /filename="loan-facts-\d{4}-\d\d-\d\d\.xlsx"/,
            );
            const workbook = await workbookOf(response.rawPayload);
            const sheet = workbook.getWorksheet('loan-facts')!;
            assert.equal(sheet.rowCount, 3, 'a header and two loans, read one per page');
            assert.deepEqual(sheet.views[0], { ...sheet.views[0], state: 'frozen', ySplit: 1 });
            const cells = rowByHeader(sheet, 2);
            const code = cells.get('enterpriseCreditCode')!;
            assert.equal(code.type, ExcelJS.ValueType.String);
            assert.equal(code.value, '914103282767680009');
            assert.equal(cells.get('industryCode')!.value, '0311');
            assert.equal(cells.get('regionCode')!.value, '410422');
            assert.equal(cells.get('regionCode')!.numFmt, '@');
            const amount = cells.get('contractAmount')!;
            assert.equal(amount.type, ExcelJS.ValueType.Number);
            assert.equal(amount.value, 12_000_000);
            assert.equal(amount.numFmt, '#,##0.00');
            assert.equal(cells.get('disbursedAmount')!.value, 10_000_000.5);
            const rate = cells.get('effectiveRate')!;
            assert.equal(rate.value, 0.0375);
            assert.equal(rate.numFmt, '0.00##%');
            assert.equal(cells.get('rateType')!.value, 'FLOATING');
            const date = cells.get('contractDate')!;
            assert.equal(date.type, ExcelJS.ValueType.Date);
            assert.equal((date.value as Date).toISOString(), '2020-03-02T00:00:00.000Z');
            assert.equal(date.numFmt, 'yyyy-mm-dd');
            assert.equal(cells.get('nonPerforming')!.value, true);
            assert.equal(cells.get('spreadBps')!.value, -10);
            assert.equal(rowByHeader(sheet, 3).get('contractAmount')!.value, null, 'null stays an empty cell');
            const about = workbook.getWorksheet('Columns')!;
            assert.equal(about.rowCount, 1 + (sheet.getRow(1).cellCount ?? 0));
            assert.deepEqual((about.getRow(1).values as unknown[]).slice(1), [
              'column',
              'type',
              'format',
              'description',
            ]);
            const described = about.getRow(2).values as unknown[];
            assert.equal(described[1], 'loanId');
            assert.match(String(described[4]), /Row id of the loan/);
          },
        );

        await t.test('impact facts as XLSX, and the where filter as for CSV', async () => {
          const response = await app.inject({ method: 'GET', url: '/export/impact-facts.xlsx' });
          assert.equal(response.statusCode, 200);
          assert.ok((await workbookOf(response.rawPayload)).getWorksheet('impact-facts'));
          const filtered = await app.inject({
            method: 'GET',
            url: `/export/loan-facts.xlsx?where=${encodeURIComponent(JSON.stringify({ status: { eq: 'APPLIED' } }))}`,
          });
          assert.equal((await workbookOf(filtered.rawPayload)).getWorksheet('loan-facts')!.rowCount, 2);
          const bad = await app.inject({ method: 'GET', url: '/export/loan-facts.xlsx?where=%7B' });
          assert.equal(bad.statusCode, 400);
          assert.equal(bad.json().error.argument, 'where');
          const denied = await app.inject({
            method: 'GET',
            url: '/export/loan-facts.xlsx',
            headers: { 'x-test-viewer': 'viewer' },
          });
          assert.equal(denied.statusCode, 403);
        });

        await t.test('export jobs write XLSX, and CSV with the BOM when asked', async () => {
          const options = { directory };
          const xlsx = await createExportJob(db, callers.admin, { kind: 'loan-facts', format: 'xlsx' }, options);
          const csv = await createExportJob(
            db,
            callers.admin,
            { kind: 'loan-facts', format: 'csv', bom: true },
            options,
          );
          for (let i = 0; i < 200; i++) {
            const jobs = await Promise.all([getExportJob(db, xlsx.id), getExportJob(db, csv.id)]);
            if (jobs.every((job) => job?.status === 'SUCCEEDED' || job?.status === 'FAILED')) break;
            await sleep(50);
          }
          const doneXlsx = await getExportJob(db, xlsx.id);
          assert.equal(doneXlsx?.status, 'SUCCEEDED');
          assert.equal(doneXlsx?.format, 'xlsx');
          const sheet = (await workbookOf(fs.readFileSync(doneXlsx!.filePath!))).getWorksheet('loan-facts')!;
          assert.equal(sheet.rowCount, 3);
          assert.equal(rowByHeader(sheet, 2).get('enterpriseCreditCode')!.value, '914103282767680009');
          const doneCsv = await getExportJob(db, csv.id);
          const bytes = fs.readFileSync(doneCsv!.filePath!);
          assert.deepEqual(bytes.subarray(0, 3), Buffer.from([0xef, 0xbb, 0xbf]));
          assert.match(bytes.subarray(3).toString('utf8'), /^loanId,contractNo,/);
        });

        await t.test('loan statistics export every group in CSV, JSON lines and XLSX', async () => {
          const query = `groupBy=PRODUCT,STATUS&orderBy=${encodeURIComponent(JSON.stringify([{ measure: 'LOAN_COUNT', direction: 'DESC' }]))}`;
          const expected = await loanStatistics(
            db,
            { groupBy: ['PRODUCT', 'STATUS'], orderBy: [{ measure: 'LOAN_COUNT', direction: 'DESC' }], first: 10_000 },
            unrestrictedScope,
          );
          const csv = await app.inject({ method: 'GET', url: `/export/loan-statistics.csv?${query}&bom=true` });
          assert.equal(csv.statusCode, 200);
          assert.deepEqual(csv.rawPayload.subarray(0, 3), Buffer.from([0xef, 0xbb, 0xbf]));
          const lines = csv.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n');
          assert.match(lines[0]!, /^product,status,loanCount,borrowerCount,contractAmount,/);
          assert.equal(lines.length, 1 + expected.groups.length);
          const jsonl = await app.inject({ method: 'GET', url: `/export/loan-statistics.jsonl?${query}` });
          const objects = jsonl.body
            .trimEnd()
            .split('\n')
            .map((line) => JSON.parse(line));
          assert.deepEqual(
            objects.map((o) => [o.product, o.status, o.loanCount, o.contractAmount]),
            expected.groups.map((g) => [g.key.product, g.key.status, g.loanCount, g.contractAmount]),
          );
          const xlsx = await app.inject({ method: 'GET', url: `/export/loan-statistics.xlsx?${query}` });
          const sheet = (await workbookOf(xlsx.rawPayload)).getWorksheet('loan-statistics')!;
          assert.equal(sheet.rowCount, 1 + expected.groups.length);
          const cells = rowByHeader(sheet, 2);
          assert.equal(cells.get('loanCount')!.type, ExcelJS.ValueType.Number);
          assert.equal(cells.get('contractAmount')!.numFmt, '#,##0.00');
          assert.equal(cells.get('nplRatio')!.numFmt, '0.00##%');
          const bad = await app.inject({ method: 'GET', url: '/export/loan-statistics.csv?groupBy=NOPE' });
          assert.equal(bad.statusCode, 400);
          assert.match(bad.json().error.argument, /^groupBy/);
          const format = await app.inject({ method: 'GET', url: '/export/loan-statistics.pdf' });
          assert.equal(format.statusCode, 400);
        });
      } finally {
        await app.close();
        await dispose();
        fs.rmSync(directory, { recursive: true, force: true });
      }
    });
  }
});
