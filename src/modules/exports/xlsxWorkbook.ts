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
  const write = async () => {
    let rows = 0;
    for await (const page of pages) {
      // A reader that went away: read no further page.
      if (out.destroyed) return;
      for (const row of page) {
        sheet.addRow(columns.map((column) => excelValue(column, row[column.name]))).commit();
      }
      rows += page.length;
      await options.onPage?.(rows);
      while (out.readableLength > maxBuffered && !out.destroyed) await sleep(5);
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
    for await (const chunk of out) yield chunk as Buffer;
  } finally {
    if (!out.readableEnded) out.destroy();
    await writing;
  }
}
