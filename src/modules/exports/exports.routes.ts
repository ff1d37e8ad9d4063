import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Database } from '../../db/client.js';
import { factLinePages } from '../analytics/index.js';
import { badInput } from '../../engine/badInput.js';
import { type AccessScope, exportRoles } from '../auth/index.js';
import { copyFactLines } from './copyFactLines.js';
import { exporterScope, sendBadInput } from './exportRefusals.js';
import { encodeFactLines, factExportHeader } from './factExportChunks.js';
import { planFactExport, type FactExportPlan } from './planFactExport.js';
import { reportExportRows } from '../../observability/telemetry.js';

/** Options of {@link exportRoutes}. */
export interface ExportRoutesOptions {
  db: Database;
  /** Rows read per statement when reading pages; memory holds about one page. Defaults to 5,000. */
  pageSize?: number;
  /**
   * How rows are read: one streaming `COPY` (PostgreSQL's default: no statement per page, about
   * five times the rows per second) or keyset pages of `pageSize` (PGlite, which has no COPY).
   */
  reading?: 'copy' | 'pages';
  /**
   * How long one export's COPY may run (DISHUI_EXPORT_TIMEOUT_MS; 0 = no limit), in place of the
   * pool's interactive statement timeout. Undefined keeps the pool's timeout.
   */
  exportTimeoutMs?: number;
}

const formats = {
  csv: 'text/csv; charset=utf-8; header=present',
  jsonl: 'application/x-ndjson; charset=utf-8',
} as const;

interface ExportQuery {
  where?: string;
  updatedSince?: string;
  bom?: string;
}

/**
 * Registers `GET /export/{loan-facts|impact-facts}.{csv|jsonl}`: every fact row matching the
 * `where` query parameter (JSON of the connections' filter) and `updatedSince`, streamed (one COPY on
 * PostgreSQL, keyset pages on PGlite) so memory stays flat; CSV is RFC 4180 with a header row (`bom=true` prepends Excel's UTF-8
 * BOM). Bad input answers 400 `{ error: { code: 'BAD_USER_INPUT', message, argument } }` before
 * any row is read; a client that disconnects stops the reading before the next page. Only the
 * roles of {@link exportRoles} may export (else 403 FORBIDDEN), and only rows within the caller's
 * scope are written.
 */
export async function exportRoutes(app: FastifyInstance, options: ExportRoutesOptions): Promise<void> {
  const pageSize = options.pageSize ?? 5_000;
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new Error(`exportRoutes: pageSize must be a positive integer, got ${pageSize}`);
  const reading = options.reading ?? (options.db.sql.copyOut ? 'copy' : 'pages');
  if (reading === 'copy' && !options.db.sql.copyOut) throw new Error('exportRoutes: reading "copy" needs PostgreSQL');
  app.get<{ Params: { file: string }; Querystring: ExportQuery }>('/export/:file', async (request, reply) => {
    const scope = exporterScope(request, reply);
    if (!scope) return reply;
    let plan: FactExportPlan;
    try {
      plan = planExport(request.params.file, request.query, scope);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT')
        return sendBadInput(reply, error);
      throw error;
    }
    const { source, format, query } = plan;
    let gone = false;
    // After 'close' nothing can reach the client: a finished export has read its last page anyway,
    // and an abandoned one must read no further page.
    reply.raw.on('close', () => {
      gone = true;
    });
    const stopped = () => gone || request.raw.socket?.destroyed === true;
    let reported = 0;
    const report = (rowsSoFar: number) => {
      reportExportRows(source.kind, format, rowsSoFar - reported);
      reported = rowsSoFar;
    };
    const chunks =
      reading === 'copy'
        ? copyFactLines(options.db, query, format, {
            stopped,
            onChunk: report,
            statementTimeoutMs: options.exportTimeoutMs,
          })
        : pageChunks();
    async function* pageChunks(): AsyncGenerator<string> {
      for await (const page of factLinePages(options.db, query, format, pageSize, stopped)) {
        yield encodeFactLines(page, format);
        report(reported + page.length);
      }
    }
    // The first chunk is read before the status line, so a failing database still gets a 500.
    const firstChunk = await chunks.next();
    async function* body(): AsyncGenerator<string | Buffer> {
      const header = factExportHeader(plan);
      if (header) yield header;
      try {
        if (!firstChunk.done) yield firstChunk.value;
        for await (const chunk of chunks) yield chunk;
      } catch (error) {
        // The status line has gone out as 200: the file must not look complete. Its last line
        // says so, and the connection is cut without the chunked body's terminating chunk.
        request.log.error({ err: error, rowsWritten: reported }, 'export failed mid-stream; response cut');
        yield incompleteExportLine(format, reported);
        await cutAfterFlush(reply);
        throw error;
      }
    }
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', formats[format])
      .header('content-disposition', `attachment; filename="${source.kind}-${stamp}.${format}"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(body(), { objectMode: false, highWaterMark: 1 }));
  });
}

/**
 * The last line of an export that failed after its first rows: a `#` comment line in CSV, an object
 * with the single key `dishuiExportIncomplete` in JSON lines. A complete export never has it.
 */
export function incompleteExportLine(format: 'csv' | 'jsonl', rowsWritten: number): string {
  const message = `The export failed after ${rowsWritten} rows; this file is incomplete. Download it again.`;
  return format === 'csv'
    ? `#DISHUI_EXPORT_INCOMPLETE ${message}\r\n`
    : `${JSON.stringify({ dishuiExportIncomplete: { rowsWritten, message } })}\n`;
}

// Waits until what was written reached the socket (writes complete in order), then destroys it.
async function cutAfterFlush(reply: FastifyReply): Promise<void> {
  const socket = reply.raw.socket;
  if (!socket || socket.destroyed) return;
  await new Promise<void>((resolve) => {
    reply.raw.write('', () => resolve());
    setTimeout(resolve, 1_000).unref();
  });
  await new Promise<void>((resolve) => {
    if (socket.destroyed || socket.writableLength === 0) return resolve();
    socket.once('drain', () => resolve());
    socket.once('close', () => resolve());
    setTimeout(resolve, 1_000).unref();
  });
  socket.destroy();
}

function planExport(file: string, query: ExportQuery, scope: AccessScope): FactExportPlan {
  const match = /^([a-z-]+)\.([a-z]+)$/.exec(file);
  const kind = match?.[1] ?? file;
  const format = match?.[2];
  const bomText = query.bom ?? 'false';
  // bom belongs to the route alone, so it is checked after the checks every export shares.
  const plan = planFactExport({ kind, format, where: query.where, updatedSince: query.updatedSince }, scope);
  if (!['true', 'false', '1', '0'].includes(bomText)) throw badInput('bom', 'must be true or false.');
  return { ...plan, bom: bomText === 'true' || bomText === '1' };
}
