import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Database } from '../../db/client.js';
import { badInput } from '../../engine/badInput.js';
import {
  loanDimensions,
  loanJoins,
  loanMeasures,
  loanStatistics,
  maxGroups,
  resolveGrouping,
  type StatisticsGroup,
} from '../analytics/index.js';
import type { AccessScope } from '../auth/index.js';
import { csvRecord, utf8Bom } from './csvEncoding.js';
import { exporterScope, sendBadInput } from './exportRefusals.js';
import { parseWhereParameter } from './parseWhereParameter.js';
import { planXlsxExport, xlsxFactChunks } from './xlsxFactExport.js';
import { type SheetColumn, type SheetRow, xlsxChunks, xlsxContentType } from './xlsxWorkbook.js';

/** Options of {@link biExportRoutes}. */
export interface BiExportRoutesOptions {
  db: Database;
  /** Fact rows read per statement. Defaults to 5,000. */
  pageSize?: number;
}

interface FactQueryString {
  where?: string;
  updatedSince?: string;
}

interface StatisticsQueryString {
  where?: string;
  groupBy?: string;
  having?: string;
  orderBy?: string;
  bom?: string;
}

const statisticsTypes = {
  csv: 'text/csv; charset=utf-8; header=present',
  jsonl: 'application/x-ndjson; charset=utf-8',
  xlsx: xlsxContentType,
} as const;

/**
 * Registers the exports beside `GET /export/{kind}.{csv|jsonl}`:
 * - `GET /export/loan-facts.xlsx` and `/export/impact-facts.xlsx`: the fact rows (same `where` and
 *   `updatedSince` as the CSV) as a workbook: codes as text, money with two decimals, rates as
 *   percentages, dates as dates, frozen header row, and a "Columns" sheet describing each column;
 * - `GET /export/loan-statistics.{csv|jsonl|xlsx}`: every group of a `loanStatistics` query
 *   (`groupBy` as comma-separated LoanDimension values, `where`, `having`, `orderBy` as JSON), read
 *   page by page through the analytics service, so no 10,000-group cap applies.
 * Same rules as the CSV exports ({@link exporterScope}: 401 anonymous, 403 without an export role), the caller's scope,
 * 400 `{ error: { code: 'BAD_USER_INPUT', message, argument } }` before anything is sent.
 */
export async function biExportRoutes(app: FastifyInstance, options: BiExportRoutesOptions): Promise<void> {
  const pageSize = options.pageSize ?? 5_000;
  for (const kind of ['loan-facts', 'impact-facts'] as const) {
    app.get<{ Querystring: FactQueryString }>(`/export/${kind}.xlsx`, async (request, reply) => {
      const scope = exporterScope(request, reply);
      if (!scope) return reply;
      return guarded(reply, async () => {
        const plan = planXlsxExport(
          { kind, where: request.query.where, updatedSince: request.query.updatedSince },
          scope,
        );
        let gone = false;
        reply.raw.on('close', () => {
          gone = true;
        });
        const chunks = xlsxFactChunks(options.db, plan, { pageSize, stopped: () => gone });
        return send(reply, await started(chunks), xlsxContentType, `${kind}-${today()}.xlsx`);
      });
    });
  }
  app.get<{ Params: { format: string }; Querystring: StatisticsQueryString }>(
    '/export/loan-statistics.:format',
    async (request, reply) => {
      const scope = exporterScope(request, reply);
      if (!scope) return reply;
      return guarded(reply, async () => {
        const format = request.params.format;
        if (format !== 'csv' && format !== 'jsonl' && format !== 'xlsx')
          throw badInput('format', `unknown format "${format}"; use csv, jsonl or xlsx.`);
        const bom = parseBoolean(request.query.bom, 'bom');
        const args = {
          where: parseWhereParameter(request.query.where, 'EnterpriseLoan'),
          groupBy: request.query.groupBy ? request.query.groupBy.split(',').map((d) => d.trim()) : [],
          having: parseJson(request.query.having, 'having') as never,
          orderBy: parseJson(request.query.orderBy, 'orderBy') as never,
        };
        const columns = statisticsColumns(args.groupBy);
        let gone = false;
        reply.raw.on('close', () => {
          gone = true;
        });
        const pages = statisticsPages(options.db, args, scope, () => gone);
        const body: AsyncGenerator<string | Buffer> =
          format === 'xlsx'
            ? xlsxChunks(columns, pages, { sheetName: 'loan-statistics' })
            : textChunks(columns, pages, format, bom);
        return send(reply, await started(body), statisticsTypes[format], `loan-statistics-${today()}.${format}`);
      });
    },
  );
}

/** The columns of a statistics export: the group key's fields, then every loan measure. */
export function statisticsColumns(groupBy: readonly string[]): SheetColumn[] {
  const grouping = resolveGrouping(groupBy, loanDimensions, loanJoins, 'groupBy');
  return [
    ...grouping.keys.map((key) => ({
      name: key.field,
      type: 'text' as const,
      description: `Group key: ${key.field}.`,
    })),
    ...Object.entries(loanMeasures).map(([name, measure]) => ({
      name,
      type: measure.type,
      description: `Measure ${name} of the group (loanStatistics).`,
    })),
  ];
}

/** Every group of a statistics query, page by page (10,000 groups a statement), as flat rows. */
async function* statisticsPages(
  db: Database,
  args: { where: unknown; groupBy: string[]; having: never; orderBy: never },
  scope: AccessScope,
  stopped: () => boolean,
): AsyncGenerator<SheetRow[]> {
  let after: string | null = null;
  for (;;) {
    if (stopped()) return;
    const page = await loanStatistics(db, { ...(args as object), first: maxGroups, after }, scope);
    if (page.groups.length > 0) yield page.groups.map(flatGroup);
    if (!page.pageInfo.hasNextPage) return;
    after = page.pageInfo.endCursor;
  }
}

function flatGroup(group: StatisticsGroup): SheetRow {
  const { key, ...measures } = group;
  return { ...key, ...(measures as SheetRow) };
}

async function* textChunks(
  columns: readonly SheetColumn[],
  pages: AsyncIterable<readonly SheetRow[]>,
  format: 'csv' | 'jsonl',
  bom: boolean,
): AsyncGenerator<string> {
  if (format === 'csv') yield `${bom ? utf8Bom : ''}${csvRecord(columns.map((c) => c.name))}`;
  for await (const page of pages) {
    let out = '';
    for (const row of page) {
      out +=
        format === 'csv'
          ? csvRecord(columns.map((c) => row[c.name]))
          : `${JSON.stringify(Object.fromEntries(columns.map((c) => [c.name, row[c.name] ?? null])))}\n`;
    }
    yield out;
  }
}

// Bad input, found while planning or reading the first page, answers 400 before the status line.
async function guarded(reply: FastifyReply, work: () => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') return sendBadInput(reply, error);
    throw error;
  }
}

// Reads the first chunk before the status line, so a failing query still gets its 400 or 500.
async function started<T>(chunks: AsyncGenerator<T>): Promise<AsyncGenerator<T>> {
  const first = await chunks.next();
  return (async function* () {
    if (!first.done) yield first.value;
    yield* chunks;
  })();
}

function send(reply: FastifyReply, body: AsyncGenerator<string | Buffer>, type: string, file: string): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${file}"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(body, { objectMode: false, highWaterMark: 1 }));
}

function parseJson(text: string | undefined, argument: string): unknown {
  if (text === undefined || text === '') return null;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badInput(argument, `is not JSON: ${(error as Error).message}`);
  }
}

function parseBoolean(text: string | undefined, argument: string): boolean {
  if (text === undefined || ['false', '0'].includes(text)) return false;
  if (['true', '1'].includes(text)) return true;
  throw badInput(argument, 'must be true or false.');
}

const today = () => new Date().toISOString().slice(0, 10);
