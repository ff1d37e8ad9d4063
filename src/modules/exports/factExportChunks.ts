import type { Database } from '../../db/client.js';
import { type FactLine, factLinePages } from '../analytics/index.js';
import { copyFactLines } from './copyFactLines.js';
import { csvRecord, utf8Bom } from './csvEncoding.js';
import type { FactExportPlan } from './planFactExport.js';
import { reportExportRows } from '../../observability/telemetry.js';

/** Options of {@link factExportChunks}. */
export interface FactExportChunkOptions {
  /** Rows read per statement. */
  pageSize: number;
  /** Checked before each page: true stops the reading (a client that went away). */
  stopped?: () => boolean;
  /** Called after each page's text was taken by the consumer, with the rows so far. */
  onPage?: (rowsSoFar: number) => Promise<void> | void;
  /**
   * Set (0 = no limit) on PostgreSQL: the rows come from one streaming COPY bounded by this many
   * milliseconds instead of by the interactive statement timeout, and `onPage` is called per
   * chunk. Unset, or on PGlite: keyset pages of `pageSize`, each a short statement.
   */
  copyTimeoutMs?: number;
}

/** The CSV header record (with Excel's BOM when asked), or nothing for JSON lines. */
export function factExportHeader(plan: FactExportPlan): string {
  if (plan.format !== 'csv') return '';
  return `${plan.bom ? utf8Bom : ''}${csvRecord(plan.source.columns.map((c) => c.name))}`;
}

/** The text of one page of rendered rows, each ended by CRLF (CSV) or LF (JSON lines). */
export function encodeFactLines(lines: readonly FactLine[], format: FactExportPlan['format']): string {
  const end = format === 'csv' ? '\r\n' : '\n';
  let out = '';
  for (const { line } of lines) out += line + end;
  return out;
}

/**
 * The whole export file as chunks: the header, then one chunk per keyset page or COPY chunk (see
 * `copyTimeoutMs`). Memory holds about one page. The generator rejects with the driver's error
 * when a statement fails.
 */
export async function* factExportChunks(
  db: Database,
  plan: FactExportPlan,
  options: FactExportChunkOptions,
): AsyncGenerator<string | Buffer> {
  const header = factExportHeader(plan);
  if (header) yield header;
  let rows = 0;
  if (options.copyTimeoutMs !== undefined && db.sql.copyOut) {
    yield* copyFactLines(db, plan.query, plan.format, {
      stopped: options.stopped,
      statementTimeoutMs: options.copyTimeoutMs,
      onChunk: async (rowsSoFar) => {
        reportExportRows(plan.source.kind, plan.format, rowsSoFar - rows);
        rows = rowsSoFar;
        await options.onPage?.(rows);
      },
    });
    return;
  }
  for await (const page of factLinePages(
    db,
    plan.query,
    plan.format,
    options.pageSize,
    options.stopped ?? (() => false),
  )) {
    yield encodeFactLines(page, plan.format);
    reportExportRows(plan.source.kind, plan.format, page.length);
    rows += page.length;
    await options.onPage?.(rows);
  }
}
