import type { Database } from '../../db/client.js';
import { type FactRow, readFactPage } from '../analytics/index.js';
import type { AccessScope } from '../auth/index.js';
import { type FactExportPlan, type FactExportRequest, planFactExport } from './planFactExport.js';
import { xlsxChunks } from './xlsxWorkbook.js';

/** What an XLSX export writes: the rows of a compiled fact query, as a workbook. */
export type XlsxExportPlan = Omit<FactExportPlan, 'format'> & { format: 'xlsx' };

/**
 * Checks an XLSX export request as {@link planFactExport} checks a CSV one (same kinds, filters
 * and scope) and compiles its query; nothing is read.
 * @throws GraphQLError BAD_USER_INPUT naming `kind`, `where…` or `updatedSince`.
 */
export function planXlsxExport(request: Omit<FactExportRequest, 'format'>, scope: AccessScope): XlsxExportPlan {
  return { ...planFactExport({ ...request, format: 'csv', bom: false }, scope), format: 'xlsx' };
}

/** Options of {@link xlsxFactChunks}. */
export interface XlsxFactOptions {
  /** Rows read per statement. */
  pageSize: number;
  /** Checked before each page: true stops the reading (a client that went away). */
  stopped?: () => boolean;
  /** Called after each page was added to the workbook, with the rows so far. */
  onPage?: (rowsSoFar: number) => Promise<void> | void;
}

/**
 * The fact rows of `plan` as an XLSX workbook in byte chunks (see xlsxWorkbook.ts for the cell
 * types and formats), read in keyset pages by id. Rejects with the driver's error when a page fails.
 */
export function xlsxFactChunks(db: Database, plan: XlsxExportPlan, options: XlsxFactOptions): AsyncGenerator<Buffer> {
  const idColumn = plan.source.columns[0]?.name ?? 'id';
  async function* pages(): AsyncGenerator<FactRow[]> {
    let after = 0;
    for (;;) {
      if (options.stopped?.()) return;
      const rows = await readFactPage(db, plan.query, after, options.pageSize);
      if (rows.length > 0) yield rows;
      if (rows.length < options.pageSize) return;
      after = Number(rows.at(-1)?.[idColumn]);
    }
  }
  return xlsxChunks(plan.source.columns, pages(), { sheetName: plan.source.kind, onPage: options.onPage });
}
