import type { SqlConnection } from '../../db/client.js';
import type { AccessScope } from '../auth/index.js';
import type { UserErrorCode } from '../writes/index.js';

/** A bad cell of an import file: where it is and which rule it breaks. */
export interface ImportProblem {
  line: number;
  column: string;
  code: UserErrorCode;
  message: string;
}

/** What an import did: rows written, and every problem found. */
export interface ImportReport {
  kind: string;
  rowsRead: number;
  rowsWritten: number;
  problems: ImportProblem[];
}

/** A column of the target table and the PostgreSQL type its values are cast from text to. */
export interface ImportColumn {
  name: string;
  type: string;
}

/**
 * One kind of import (loans, enterprises, villages): its CSV columns, how to look up the
 * references of all rows at once, and how to turn one row into the table's values or problems.
 */
export interface ImportKind<Lookups> {
  kind: string;
  table: string;
  required: readonly string[];
  optional: readonly string[];
  columns: readonly ImportColumn[];
  /**
   * Reads what the rows refer to (regions, units, borrowers) in a few queries, finding only rows
   * within `scope`: a row naming another branch's unit or borrower gets the same problem as one
   * naming a missing one.
   */
  lookups(sql: SqlConnection, rows: Array<Record<string, string>>, scope: AccessScope): Promise<Lookups>;
  /** The row's values in `columns` order (as text or null), or its problems by column. */
  toValues(
    cells: Record<string, string>,
    lookups: Lookups,
  ): { values?: Array<string | null>; problems: Array<{ column: string; code: UserErrorCode; message: string }> };
  /** The unique key of a row, to find duplicates within the file and against the table. */
  uniqueKey?: { column: string; existing(sql: SqlConnection, keys: string[]): Promise<Set<string>> };
}
