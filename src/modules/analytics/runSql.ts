import type { Database } from '../../db/client.js';
import type { Prisma } from '../../generated/prisma/client.js';

/**
 * Runs one composed statement on the raw driver (not through Prisma, whose row mapping costs too
 * much for exports) and returns its rows. Analytics select only text, int and boolean columns, so
 * both drivers return the same values.
 * @throws the driver's error when the statement fails.
 */
export async function runSql<Row = Record<string, unknown>>(db: Database, sql: Prisma.Sql): Promise<Row[]> {
  // PGlite binds a JS array as its String() ("a,b"); an array literal reads the same on both.
  const values = db.kind === 'pglite' ? sql.values.map((v) => (Array.isArray(v) ? arrayLiteral(v) : v)) : sql.values;
  return db.sql.query<Row>(sql.text, values);
}

/** A PostgreSQL array literal of the values, every element quoted. */
export function arrayLiteral(values: unknown[]): string {
  const element = (v: unknown) =>
    v === null || v === undefined ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `{${values.map(element).join(',')}}`;
}
