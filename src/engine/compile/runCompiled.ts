import type { Database } from '../../db/client.js';
import type { CompiledOperation } from './compileOperation.js';
import { violationMarker } from './render.js';

const marker = `"${violationMarker}"`;

/**
 * Runs a compiled operation's statements (one per root field, on the database's own driver:
 * node-postgres or PGlite, not Prisma) and returns the `data` of the response; null when a
 * statement found a place where the executed path would raise an error (then execute instead).
 * Each statement counts in `db.statements`.
 * @throws the driver's error when a statement fails.
 */
export async function runCompiled(db: Database, compiled: CompiledOperation): Promise<Record<string, unknown> | null> {
  const texts = await Promise.all(
    compiled.fields.map(async ({ statement }) => {
      db.statements.count += 1;
      const rows = await db.sql.query<{ v: string | null }>(statement.text, statement.values);
      return rows[0]?.v ?? null;
    }),
  );
  const data: Record<string, unknown> = {};
  for (const [i, { responseKey }] of compiled.fields.entries()) {
    const text = texts[i]!;
    if (text?.includes(marker)) return null;
    data[responseKey] = text === null ? null : JSON.parse(text);
  }
  return data;
}
