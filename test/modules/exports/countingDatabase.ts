import type { Database } from '../../../src/db/client.js';

/** The same database, with a count of the raw statements sent through `sql.query`. */
export function countingDatabase(db: Database): { db: Database; statements: { count: number } } {
  const statements = { count: 0 };
  const sql = {
    ...db.sql,
    query: <Row>(text: string, params?: unknown[]) => {
      statements.count += 1;
      return db.sql.query<Row>(text, params);
    },
  };
  return { db: { ...db, sql } as Database, statements };
}
