import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { FactType } from '../analytics/index.js';

/** The media type of an XLSX file. */
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One column of a sheet: its header, how its values are typed and what it means. */
export interface SheetColumn {
  name: string;
  type: FactType;
  description: string;
}

/** A row of a sheet: column name to the value as the API returns it (decimals and dates as text). */
export type SheetRow = Record<string, string | number | boolean | null | undefined>;

// Fractions shown as percentages: rates, ratios and shares (rateType is text, so never matched).
const percentColumn = /(Rate|Ratio|Share)$|^lprAtPricing$/;
// The zip writer is not paced by the reader: past this many buffered bytes, rows wait.
const maxBuffered = 4 * 2 ** 20;

// What exceljs' stream of a sheet (a StreamBuf) exposes: its own buffers, and the stream it
// writes into (archiver's readable-stream v2 PassThrough, which has no writableLength).
interface SheetStream {
  buffers?: ReadonlyArray<{ length: number }>;
  pipes?: ReadonlyArray<{ _writableState?: { length: number }; _readableState?: { length: number } }>;
}

/**
 * Bytes of a sheet's XML not yet compressed. exceljs' StreamBuf writes into the zip without
 * heeding `write()`'s false, so the XML of every row added piles up in front of the deflate
 * stream (1.7 GB of RSS on 1,000,000 loans) unless rows wait for this to fall.
 */
function sheetBacklog(sheet: ExcelJS.Worksheet): number {
  const stream = (sheet as unknown as { stream?: SheetStream }).stream;
  let bytes = 0;
  for (const buffer of stream?.buffers ?? []) bytes += buffer.length;
  for (const pipe of stream?.pipes ?? [])
    bytes += (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0);
  return bytes;
}

/** The Excel number format of a column: codes as text, money with two decimals, rates as percentages. */
export function excelFormat(column: SheetColumn): string | undefined {
  switch (column.type) {
    case 'text':
      return '@';
    case 'decimal':
      return percentColumn.test(column.name) ? '0.00##%' : '#,##0.00';
    case 'int':
      return '0';
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm:ss';
    default:
      return undefined;
  }
}

/** The cell value of an API value: decimals as numbers, dates as dates (UTC), text stays text. */
export function excelValue(column: SheetColumn, value: SheetRow[string]): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'decimal':
      return Number(value);
    case 'date':
      return new Date(`${value}T00:00:00.000Z`);
    case 'datetime':
      return new Date(String(value));
    case 'text':
      return String(value);
    default:
      return value;
  }
}

/** Options of {@link xlsxChunks}. */
export interface XlsxOptions {
  /** Name of the data sheet (at most 31 characters). */
  sheetName: string;
  /** Called after each page was added, with the rows so far. */
  onPage?: (rowsSoFar: number) => Promise<void> | void;
}

/**
 * An XLSX workbook streamed as byte chunks: a data sheet (header row frozen, typed cells and
 * formats per {@link excelFormat}) filled page by page from `pages`, and a "Columns" sheet
 * describing each column. Memory holds about one page and the zip writer's buffer. Rejects with
 * the pages' error when reading fails.
 */
export async function* xlsxChunks(
  columns: readonly SheetColumn[],
  pages: AsyncIterable<readonly SheetRow[]>,
  options: XlsxOptions,
): AsyncGenerator<Buffer> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => {
    const numFmt = excelFormat(column);
    return {
      header: column.name,
      key: column.name,
      width: Math.min(40, Math.max(10, column.name.length + 2)),
      ...(numFmt ? { style: { numFmt } } : {}),
    };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  // Zip bytes made (archiver's pointer) less those the reader took: what waits between them,
  // wherever in the zip's chain of streams it is buffered.
  const zip = (workbook as unknown as { zip?: { pointer(): number } }).zip;
  let taken = 0;
  const behind = () => Math.max(out.readableLength, (zip?.pointer() ?? 0) - taken) + sheetBacklog(sheet);
  // One style object per column, given to each of its cells: exceljs copies the column's style into
  // every cell, and a copy misses its cache of style ids (a fifth of the time spent per row).
  const cellStyles = columns.map((column) => {
    const numFmt = excelFormat(column);
    return numFmt ? { numFmt } : undefined;
  });
  const write = async () => {
    let rows = 0;
    for await (const page of pages) {
      // A reader that went away: read no further page.
      if (out.destroyed) return;
      for (const row of page) {
        const added = sheet.addRow(columns.map((column) => excelValue(column, row[column.name])));
        cellStyles.forEach((style, index) => {
          if (style) added.getCell(index + 1).style = style;
        });
        added.commit();
      }
      rows += page.length;
      await options.onPage?.(rows);
      while (behind() > maxBuffered && !out.destroyed) await sleep(5);
    }
    sheet.commit();
    const about = workbook.addWorksheet('Columns', { views: [{ state: 'frozen', ySplit: 1 }] });
    about.columns = [
      { header: 'column', key: 'column', width: 28 },
      { header: 'type', key: 'type', width: 10 },
      { header: 'format', key: 'format', width: 18 },
      { header: 'description', key: 'description', width: 90 },
    ];
    about.getRow(1).font = { bold: true };
    about.getRow(1).commit();
    for (const column of columns) {
      about
        .addRow({
          column: column.name,
          type: column.type,
          format: excelFormat(column) ?? 'General',
          description: column.description,
        })
        .commit();
    }
    about.commit();
    await workbook.commit();
  };
  const writing = write().catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  try {
    for await (const chunk of out) {
      taken += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  } finally {
    if (!out.readableEnded) out.destroy();
    await writing;
  }
}
