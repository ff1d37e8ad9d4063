import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrator.js';
import { importFile, importKinds } from '../modules/imports/index.js';
import { unrestrictedScope } from '../modules/auth/accessScope.js';

/** Thrown for a bad `dishui import` command line; main.ts prints it as a usage error. */
export class ImportUsageError extends Error {}

/**
 * `dishui import loans|enterprises|villages FILE.csv [--valid-only] [--actor ID]`: validates
 * every row, prints each problem as "FILE:LINE: COLUMN: CODE: message", and writes all rows or
 * none (with --valid-only, the good rows). Returns the exit code: 0 when every row was written,
 * 1 when a row was refused.
 * @throws ImportUsageError when the kind, file or options are wrong.
 */
export async function runImport(config: Config, args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { 'valid-only': { type: 'boolean', default: false }, actor: { type: 'string', default: 'cli' } },
    });
  } catch (error) {
    throw new ImportUsageError(`import: ${(error as Error).message}`);
  }
  const [kindName, file, ...extra] = parsed.positionals;
  const kind = importKinds[kindName as keyof typeof importKinds];
  if (!kind || !file || extra.length > 0) {
    throw new ImportUsageError(
      `import takes a kind (${Object.keys(importKinds).join(', ')}) and one CSV file, e.g. "dishui import loans loans.csv".`,
    );
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ImportUsageError(`import: cannot read ${file}: ${(error as Error).message}`);
  }
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const started = Date.now();
    const report = await importFile(
      db,
      { id: parsed.values.actor ?? 'cli', role: 'IMPORT' },
      unrestrictedScope,
      kind as never,
      text,
      { validOnly: parsed.values['valid-only'] },
    );
    for (const problem of report.problems) {
      process.stderr.write(`${file}:${problem.line}: ${problem.column}: ${problem.code}: ${problem.message}\n`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `dishui: ${report.kind}: ${report.rowsRead} rows read, ${report.rowsWritten} written, ${report.problems.length} problems (${seconds} s)`,
    );
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await db.close();
  }
}
