import { setImmediate } from 'node:timers';
import type { Database } from '../../db/client.js';
import type { AccessScope } from '../auth/index.js';
import { Prisma } from '../../generated/prisma/client.js';
import { badInput } from '../../engine/badInput.js';
import { aliasSource, compileWhere, type WhereInput } from '../../engine/compileWhere.js';
import { entitySpec } from '../entities.js';
import { csvFieldSql, factSelect } from './factColumns.js';
import type { FactSource } from './factSources.js';
import { runSql } from './runSql.js';

/** A flat fact row: column name to int, string, boolean or null. */
export type FactRow = Record<string, string | number | boolean | null>;

/** The filter of a fact read: the connections' `where` and an incremental-refresh bound. */
export interface FactFilter {
  where?: WhereInput | null;
  /** Only rows changed (own or copied values) at or after this instant (a Date or ISO 8601 text). */
  updatedSince?: unknown;
}

/** A fact read, compiled once and run page by page. */
export interface FactQuery {
  source: FactSource;
  condition: Prisma.Sql;
  select: Prisma.Sql;
}

/**
 * Compiles the filter of a fact read, limited to the rows within `scope` (the compiled query keeps
 * it, so an export job runs with its creator's scope however late it runs); nothing is read yet, so bad input fails before any work.
 * @throws GraphQLError BAD_USER_INPUT naming `where…` or `updatedSince`.
 */
export function compileFactQuery(source: FactSource, filter: FactFilter, scope: AccessScope): FactQuery {
  const parts = [compileWhere(entitySpec(source.whereType), filter.where, source.alias, 'where', aliasSource(scope))];
  if (filter.updatedSince !== null && filter.updatedSince !== undefined) {
    const since = filter.updatedSince instanceof Date ? filter.updatedSince : new Date(String(filter.updatedSince));
    if (Number.isNaN(since.getTime()))
      throw badInput('updatedSince', 'is not an ISO 8601 instant such as "2020-04-20T08:00:00Z".');
    // The fact's change time covers values copied in from other rows (a borrower's rename); the
    // row's own updatedAt is kept beside it, in case the application's clock runs ahead.
    const id = Prisma.raw(`${source.alias}."id"`);
    const at = Prisma.sql`CAST(${since.toISOString()} AS timestamptz)`;
    parts.push(
      Prisma.sql`(${Prisma.raw(`${source.alias}."updatedAt"`)} >= ${at} OR EXISTS (SELECT 1 FROM "FactChange" fc
        WHERE fc."kind" = ${source.kind} AND fc."factId" = ${id} AND fc."changedAt" >= ${at}))`,
    );
  }
  return {
    source,
    condition: Prisma.join(parts, ' AND '),
    select: Prisma.raw(source.columns.map(factSelect).join(',\n')),
  };
}

/**
 * Up to `limit` rows whose id is above `afterId`, in id order: one keyset page, one statement.
 * @throws the driver's error when the statement fails.
 */
export async function readFactPage(db: Database, query: FactQuery, afterId: number, limit: number): Promise<FactRow[]> {
  const id = Prisma.raw(`${query.source.alias}."id"`);
  return runSql<FactRow>(
    db,
    Prisma.sql`SELECT ${query.select} FROM ${Prisma.raw(query.source.from)}
      WHERE ${query.condition} AND ${id} > ${afterId}
      ORDER BY ${id} LIMIT ${limit}`,
  );
}

/** One fact row rendered by the database as a CSV record or a JSON object, with its id. */
export interface FactLine {
  id: number;
  line: string;
}

/**
 * Up to `limit` rows above `afterId`, in id order, each rendered by the database as one CSV record
 * (without its CRLF) or one compact JSON object: the driver then parses two columns, not dozens.
 * @throws the driver's error when the statement fails.
 */
export async function readFactLines(
  db: Database,
  query: FactQuery,
  afterId: number,
  limit: number,
  format: 'csv' | 'jsonl',
): Promise<FactLine[]> {
  const id = Prisma.raw(`${query.source.alias}."id"`);
  const idName = Prisma.raw(`f."${query.source.columns[0]!.name}"`);
  const line = factLineSql(query, format);
  return runSql<FactLine>(
    db,
    Prisma.sql`SELECT ${idName} AS "id", ${line} AS "line"
      FROM (SELECT ${query.select} FROM ${Prisma.raw(query.source.from)}
            WHERE ${query.condition} AND ${id} > ${afterId}
            ORDER BY ${id} LIMIT ${limit}) f
      ORDER BY ${idName}`,
  );
}

/**
 * SQL rendering one row, selected into alias `f` by the query's select list, as one CSV record
 * (without its CRLF) or one compact JSON object. Keyset pages and the streaming COPY share it, so
 * both write the same bytes.
 */
export function factLineSql(query: FactQuery, format: 'csv' | 'jsonl'): Prisma.Sql {
  return Prisma.raw(
    format === 'csv' ? query.source.columns.map(csvFieldSql).join(` || ',' || `) : 'row_to_json(f)::text',
  );
}

/**
 * Every rendered row of the query, page by page in id order; stops before the next page once
 * `stopped()` says so (a client that went away), so an abandoned export costs at most one page.
 */
export async function* factLinePages(
  db: Database,
  query: FactQuery,
  format: 'csv' | 'jsonl',
  pageSize: number,
  stopped: () => boolean,
): AsyncGenerator<FactLine[]> {
  let after = 0;
  for (;;) {
    // An embedded database answers without any I/O turn; yielding one lets a socket's close arrive.
    await new Promise((resolve) => setImmediate(resolve));
    if (stopped()) return;
    const lines = await readFactLines(db, query, after, pageSize, format);
    if (lines.length > 0) yield lines;
    if (lines.length < pageSize) return;
    after = lines.at(-1)!.id;
  }
}
