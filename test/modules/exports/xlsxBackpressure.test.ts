// The XLSX writer is paced by its reader: exceljs writes a sheet into the zip without heeding
// backpressure, so without the pacing every row added would wait in memory (1.7 GB on 1,000,000 loans).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { xlsxChunks } from '../../../src/modules/exports/xlsxWorkbook.js';

const pageCount = 40;
const columns = [{ name: 'note', type: 'text' as const, description: 'Incompressible text.' }];

test('a reader that stops reading stops the rows: pages are read only as far as the zip is taken', async () => {
  let pagesRead = 0;
  // 40 pages of 1 MB of incompressible text: the zip's output is as large as its input.
  async function* pages() {
    for (let page = 0; page < pageCount; page++) {
      pagesRead += 1;
      yield Array.from({ length: 100 }, () => ({ note: randomBytes(7_680).toString('base64') }));
    }
  }
  const chunks = xlsxChunks(columns, pages(), { sheetName: 'notes' });
  await chunks.next();
  // The reader stalls; the writer has all the time it needs to run ahead.
  await sleep(1_500);
  const whileStalled = pagesRead;
  let bytes = 0;
  for await (const chunk of chunks) bytes += chunk.length;
  assert.ok(whileStalled < pageCount / 2, `${whileStalled} of ${pageCount} pages read while the reader stalled`);
  assert.equal(pagesRead, pageCount);
  // Base64 deflates to about 3/4 of its size.
  assert.ok(bytes > pageCount * 2 ** 20 * 0.7, `the workbook has every page (${bytes} bytes)`);
});
