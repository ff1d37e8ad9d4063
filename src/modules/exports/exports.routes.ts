import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Database } from '../../db/client.js';
import { compileFactQuery, factLinePages, type FactLine } from '../analytics/factQuery.js';
import { factSources, type FactSource } from '../analytics/factSources.js';
import { badInput } from '../relay/badInput.js';
import { csvRecord, utf8Bom } from './csvEncoding.js';
import { parseWhereParameter } from './parseWhereParameter.js';

/** Options of {@link exportRoutes}. */
export interface ExportRoutesOptions {
  db: Database;
  /** Rows read per statement; memory holds about one page. Defaults to 5,000. */
  pageSize?: number;
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
 * `where` query parameter (JSON of the connections' filter) and `updatedSince`, streamed in keyset
 * pages so memory stays flat; CSV is RFC 4180 with a header row (`bom=true` prepends Excel's UTF-8
 * BOM). Bad input answers 400 `{ error: { code: 'BAD_USER_INPUT', message, argument } }` before
 * any row is read; a client that disconnects stops the reading before the next page.
 */
export async function exportRoutes(app: FastifyInstance, options: ExportRoutesOptions): Promise<void> {
  const pageSize = options.pageSize ?? 5_000;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`exportRoutes: pageSize must be a positive integer, got ${pageSize}`);
  app.get<{ Params: { file: string }; Querystring: ExportQuery }>('/export/:file', async (request, reply) => {
    let plan: { source: FactSource; format: keyof typeof formats; bom: boolean; query: ReturnType<typeof compileFactQuery> };
    try {
      plan = planExport(request.params.file, request.query);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') return sendBadInput(reply, error);
      throw error;
    }
    const { source, format, bom, query } = plan;
    let gone = false;
    // After 'close' nothing can reach the client: a finished export has read its last page anyway,
    // and an abandoned one must read no further page.
    reply.raw.on('close', () => {
      gone = true;
    });
    const stopped = () => gone || request.raw.socket?.destroyed === true;
    const pages = factLinePages(options.db, query, format, pageSize, stopped);
    // The first page is read before the status line, so a failing database still gets a 500.
    const firstPage = await pages.next();
    const columns = source.columns.map((c) => c.name);
    const end = format === 'csv' ? '\r\n' : '\n';
    const encode = (lines: FactLine[]) => {
      let out = '';
      for (const { line } of lines) out += line + end;
      return out;
    };
    async function* body(): AsyncGenerator<string> {
      if (format === 'csv') yield `${bom ? utf8Bom : ''}${csvRecord(columns)}`;
      if (!firstPage.done) yield encode(firstPage.value);
      for await (const page of pages) yield encode(page);
    }
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', formats[format])
      .header('content-disposition', `attachment; filename="${source.kind}-${stamp}.${format}"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(body(), { objectMode: false, highWaterMark: 1 }));
  });
}

function planExport(file: string, query: ExportQuery) {
  const match = /^([a-z-]+)\.([a-z]+)$/.exec(file);
  const kind = match?.[1] ?? file;
  const source = Object.hasOwn(factSources, kind) ? factSources[kind as FactSource['kind']] : undefined;
  if (!source) throw badInput('kind', `unknown export "${kind}"; use ${Object.keys(factSources).join(' or ')}.`);
  const format = match?.[2];
  if (format !== 'csv' && format !== 'jsonl') throw badInput('format', `unknown format "${format ?? ''}"; use csv or jsonl.`);
  const bomText = query.bom ?? 'false';
  if (!['true', 'false', '1', '0'].includes(bomText)) throw badInput('bom', 'must be true or false.');
  const where = parseWhereParameter(query.where, source.whereType);
  return {
    source,
    format: format as keyof typeof formats,
    bom: bomText === 'true' || bomText === '1',
    query: compileFactQuery(source, { where, updatedSince: query.updatedSince }),
  };
}

function sendBadInput(reply: FastifyReply, error: GraphQLError) {
  return reply.code(400).send({ error: { code: 'BAD_USER_INPUT', message: error.message, argument: error.extensions.argument } });
}
