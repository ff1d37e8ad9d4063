import type { Database } from '../../db/client.js';
import type { CompiledOperation } from './compileOperation.js';
import { violationMarker } from './render.js';

const marker = `"${violationMarker}"`;

/**
 * One root field's answer as the JSON text PostgreSQL built, sent as it is (PostgreSQL's blanks
 * after `:` and `,` included) by {@link compiledDataText}. Anything that serialises it another way
 * (JSON.stringify of a response a plugin changed) gets the parsed value through `toJSON`.
 */
export class JsonText {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** The `data` of a compiled answer: each root field's JSON text, or null. */
export type CompiledData = Record<string, JsonText | null>;

const compiledData = new WeakSet<object>();

/**
 * Runs a compiled operation's statements (one per root field, on the database's own driver:
 * node-postgres, as named prepared statements, or PGlite, not Prisma) and returns the `data` of the response, each root field
 * as PostgreSQL's JSON text, not parsed; null when a statement found a place where the executed
 * path would raise an error (then execute instead). Each statement counts in `db.statements`.
 * @throws the driver's error when a statement fails.
 */
export async function runCompiled(db: Database, compiled: CompiledOperation): Promise<CompiledData | null> {
  const texts = await Promise.all(
    compiled.fields.map(async ({ statement, name }) => {
      db.statements.count += 1;
      const rows = db.sql.prepared
        ? await db.sql.prepared<{ v: string | null }>(name, statement.text, statement.values)
        : await db.sql.query<{ v: string | null }>(statement.text, statement.values);
      return rows[0]?.v ?? null;
    }),
  );
  const data: CompiledData = {};
  for (const [i, { responseKey }] of compiled.fields.entries()) {
    const text = texts[i] ?? null;
    if (text?.includes(marker)) return null;
    data[responseKey] = text === null ? null : new JsonText(text);
  }
  compiledData.add(data);
  return data;
}

/**
 * The JSON text of a response `{ data }` whose data {@link runCompiled} made, written around
 * PostgreSQL's JSON text without parsing it; undefined for any other value.
 */
export function compiledDataText(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !compiledData.has(data)) return undefined;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(data as CompiledData)) {
    parts.push(`${JSON.stringify(key)}:${value === null ? 'null' : value.text}`);
  }
  return `{"data":{${parts.join(',')}}}`;
}
