import type { Database } from '../../db/client.js';
import type { AccessScope } from '../auth/index.js';
import { type Actor, changeChannel, databaseErrorToUserErrors, rowChangePayloads } from '../writes/index.js';
import type { ImportKind, ImportProblem, ImportReport } from './importTypes.js';
import { nulMessage } from '../../rules/index.js';
import { parseCsv } from './parseCsv.js';

/** Options of an import. */
export interface ImportOptions {
  /** Write the good rows and report the bad ones, instead of writing nothing when one is bad. */
  validOnly?: boolean;
  requestId?: string;
  /** Rows per INSERT statement. */
  chunkSize?: number;
}

/**
 * Imports a CSV file of `kind`: checks the header, validates every row by the same rules as the
 * mutations (reporting each bad cell with its line, column and rule), then writes all rows in one
 * transaction with multi-row INSERT … SELECT FROM unnest(…) in chunks, plus one audit event for
 * the batch, announcing the rows written to subscribers at commit (docs/live.md). With a bad row
 * nothing is written, unless `validOnly`. References (a loan's booking
 * unit and borrower) are looked up within `scope`, so a caller bound to an org unit imports only
 * into its own subtree.
 * Returns the report; never throws for bad data.
 * @throws Error when the database fails for another reason (the transaction is rolled back).
 */
export async function importFile<Lookups>(
  db: Database,
  actor: Actor,
  scope: AccessScope,
  kind: ImportKind<Lookups>,
  text: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const problems: ImportProblem[] = [];
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(text);
  } catch (error) {
    return {
      kind: kind.kind,
      rowsRead: 0,
      rowsWritten: 0,
      problems: [{ line: 0, column: '', code: 'INVALID_FORMAT', message: (error as Error).message }],
    };
  }
  const known = new Set([...kind.required, ...kind.optional]);
  for (const column of kind.required) {
    if (!parsed.header.includes(column))
      problems.push({
        line: 1,
        column,
        code: 'REQUIRED',
        message: `The header lacks the required column "${column}".`,
      });
  }
  for (const column of parsed.header) {
    if (!known.has(column))
      problems.push({
        line: 1,
        column,
        code: 'INVALID_FORMAT',
        message: `"${column}" is not a column of a ${kind.kind} import; known: ${[...known].join(', ')}.`,
      });
  }
  // PostgreSQL text holds no U+0000 (POST /import refuses such a body before this; the CLI does not).
  for (const row of parsed.rows) {
    for (const [column, value] of Object.entries(row.cells)) {
      if (value.includes('\u0000'))
        problems.push({ line: row.line, column, code: 'INVALID_FORMAT', message: `The cell ${nulMessage}` });
    }
  }
  if (problems.length > 0) return { kind: kind.kind, rowsRead: parsed.rows.length, rowsWritten: 0, problems };
  const lookups = await kind.lookups(
    db.sql,
    parsed.rows.map((row) => row.cells),
    scope,
  );
  const existing = kind.uniqueKey
    ? await kind.uniqueKey.existing(
        db.sql,
        parsed.rows.map((row) => row.cells[kind.uniqueKey!.column] ?? ''),
      )
    : new Set<string>();
  const seen = new Map<string, number>();
  const good: Array<Array<string | null>> = [];
  for (const row of parsed.rows) {
    const result = kind.toValues(row.cells, lookups);
    const rowProblems = result.problems.map((problem) => ({ line: row.line, ...problem }));
    if (kind.uniqueKey) {
      const key = row.cells[kind.uniqueKey.column] ?? '';
      const column = kind.uniqueKey.column;
      if (key && existing.has(key))
        rowProblems.push({ line: row.line, column, code: 'ALREADY_EXISTS', message: `${key} already exists.` });
      else if (key && seen.has(key))
        rowProblems.push({
          line: row.line,
          column,
          code: 'ALREADY_EXISTS',
          message: `${key} is already on line ${seen.get(key)}.`,
        });
      else if (key) seen.set(key, row.line);
    }
    problems.push(...rowProblems);
    if (rowProblems.length === 0 && result.values) good.push(result.values);
  }
  const report = { kind: kind.kind, rowsRead: parsed.rows.length, rowsWritten: 0, problems };
  if (good.length === 0 || (problems.length > 0 && !options.validOnly)) return report;
  try {
    await writeRows(db, actor, kind, good, options);
  } catch (error) {
    const userErrors = databaseErrorToUserErrors(error);
    if (!userErrors) throw error;
    return {
      ...report,
      problems: [
        ...problems,
        ...userErrors.map((e) => ({ line: 0, column: e.field.slice(1).join('.'), code: e.code, message: e.message })),
      ],
    };
  }
  return { ...report, rowsWritten: good.length };
}

async function writeRows<Lookups>(
  db: Database,
  actor: Actor,
  kind: ImportKind<Lookups>,
  rows: Array<Array<string | null>>,
  options: ImportOptions,
): Promise<void> {
  const chunkSize = options.chunkSize ?? 5000;
  const names = kind.columns.map((column) => `"${column.name}"`).join(', ');
  const casts = kind.columns.map((column, index) => `c${index}::${column.type}`).join(', ');
  const unnest = kind.columns.map((_, index) => `$${index + 1}::text[]`).join(', ');
  const aliases = kind.columns.map((_, index) => `c${index}`).join(', ');
  const statement = `INSERT INTO "${kind.table}" (${names}, "dataSource") SELECT ${casts}, 'IMPORT' FROM unnest(${unnest}) AS u(${aliases}) RETURNING "id"`;
  await db.sql.withConnection(async (sql) => {
    await sql.exec('BEGIN');
    try {
      const ids: number[] = [];
      for (let start = 0; start < rows.length; start += chunkSize) {
        const chunk = rows.slice(start, start + chunkSize);
        const written = await sql.query<{ id: number }>(
          statement,
          kind.columns.map((_, index) => chunk.map((row) => row[index] ?? null)),
        );
        for (const row of written) ids.push(row.id);
      }
      const [audit] = await sql.query<{ id: number }>(
        `INSERT INTO "AuditEvent" ("actorId", "actorRole", "actorOrgUnitId", "operation", "entityType", "entityId", "after", "requestId")
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) RETURNING "id"`,
        [
          actor.id,
          actor.role,
          actor.orgUnitId ?? null,
          `import${kind.kind[0]!.toUpperCase()}${kind.kind.slice(1)}`,
          kind.table,
          'import',
          JSON.stringify({ rowsWritten: rows.length }),
          options.requestId ?? null,
        ],
      );
      // Subscribers hear of the rows written (docs/live.md): NOTIFYs are delivered at COMMIT, dropped on ROLLBACK.
      const notices = rowChangePayloads(db, kind.table, ids);
      if (audit) notices.push(...rowChangePayloads(db, 'AuditEvent', [audit.id]));
      for (const payload of notices) await sql.query('SELECT pg_notify($1, $2)', [changeChannel, payload]);
      await sql.exec('COMMIT');
    } catch (error) {
      await sql.exec('ROLLBACK');
      throw error;
    }
  });
}
