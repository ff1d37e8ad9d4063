import pg from 'pg';
import type { CopyOut, Database } from '../../db/client.js';
import { Prisma } from '../../generated/prisma/client.js';
import { type FactQuery, arrayLiteral, factLineSql } from '../analytics/index.js';

/**
 * The `COPY` statement of a whole fact export: every row of the query in id order, each rendered
 * by the same SQL as the keyset pages and ended by CRLF (CSV) or LF (JSON lines), in COPY's binary
 * format so the line's bytes arrive untouched (CSV and text COPY would re-quote or escape them).
 * COPY takes no parameters, so the filter's bound values are inlined as quoted literals, which
 * PostgreSQL types from their context exactly as it types untyped parameters.
 */
export function copyFactLinesSql(query: FactQuery, format: 'csv' | 'jsonl'): string {
  const end = format === 'csv' ? `E'\\r\\n'` : `E'\\n'`;
  const sql = Prisma.sql`COPY (SELECT ${factLineSql(query, format)} || ${Prisma.raw(end)}
      FROM (SELECT ${query.select} FROM ${Prisma.raw(query.source.bulkFrom ?? query.source.from)} WHERE ${query.condition}) f
      ORDER BY ${Prisma.raw(`f."${query.source.columns[0]!.name}"`)}) TO STDOUT (FORMAT binary)`;
  return sql.text.replace(/\$(\d+)/g, (_, n: string) => literal(sql.values[Number(n) - 1]));
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return pg.escapeLiteral(arrayLiteral(value));
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  return pg.escapeLiteral(String(value));
}

/** Options of {@link copyFactLines}. */
export interface CopyFactLineOptions {
  /** Checked as each chunk arrives: true abandons the COPY and closes its connection. */
  stopped?: () => boolean;
  /** Called after each chunk was taken by the consumer, with the rows so far. */
  onChunk?: (rowsSoFar: number) => Promise<void> | void;
  /**
   * How long the COPY may run (0 = no limit), in place of the interactive statement timeout: an
   * export reads a whole table at its reader's pace (DISHUI_EXPORT_TIMEOUT_MS).
   */
  statementTimeoutMs?: number;
}

/**
 * Every rendered line of the query as byte chunks from one streaming COPY (PostgreSQL): no
 * per-page statements, no row objects, and memory bounded by the socket's backpressure.
 * The generator rejects with the driver's error when the statement fails.
 */
export async function* copyFactLines(
  db: Database,
  query: FactQuery,
  format: 'csv' | 'jsonl',
  options: CopyFactLineOptions = {},
): AsyncGenerator<Buffer> {
  if (!db.sql.copyOut) throw new Error('copyFactLines needs PostgreSQL (COPY TO STDOUT)');
  const copy: CopyOut = await db.sql.copyOut(copyFactLinesSql(query, format), {
    statementTimeoutMs: options.statementTimeoutMs,
  });
  let finished = false;
  try {
    let rows = 0;
    for await (const chunk of binaryCopyFields(copy.stream)) {
      if (options.stopped?.()) return;
      yield chunk.data;
      rows += chunk.rows;
      await options.onChunk?.(rows);
    }
    finished = true;
  } finally {
    // Leaving early (a client gone, a consumer that threw) must not hand a connection still in
    // COPY back to the pool.
    if (!finished) copy.release(new Error('COPY abandoned by its reader'));
  }
}

const signatureLength = 11;

/**
 * The field bytes of a one-column binary COPY stream, concatenated per incoming chunk. Format:
 * an 11-byte signature, flags and header-extension length (int32 each) and the extension; then per
 * row an int16 field count, an int32 length and the bytes; an int16 -1 ends the data.
 */
export async function* binaryCopyFields(chunks: AsyncIterable<Buffer>): AsyncGenerator<{ data: Buffer; rows: number }> {
  let rest: Buffer = Buffer.alloc(0);
  let headerRead = false;
  for await (const chunk of chunks) {
    const buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let at = 0;
    if (!headerRead) {
      if (
        buffer.length < signatureLength + 8 ||
        buffer.length < signatureLength + 8 + buffer.readUInt32BE(signatureLength + 4)
      ) {
        rest = buffer;
        continue;
      }
      at = signatureLength + 8 + buffer.readUInt32BE(signatureLength + 4);
      headerRead = true;
    }
    const fields: Buffer[] = [];
    while (buffer.length - at >= 2) {
      if (buffer.readInt16BE(at) === -1) {
        at = buffer.length;
        break;
      }
      if (buffer.length - at < 6) break;
      const length = buffer.readInt32BE(at + 2);
      const size = Math.max(length, 0);
      if (buffer.length - at - 6 < size) break;
      fields.push(buffer.subarray(at + 6, at + 6 + size));
      at += 6 + size;
    }
    // Copied, so a short remainder does not keep the whole chunk alive.
    rest = Buffer.from(buffer.subarray(at));
    if (fields.length > 0) yield { data: Buffer.concat(fields), rows: fields.length };
  }
}
