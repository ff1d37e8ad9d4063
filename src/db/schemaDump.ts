import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The structure of the database at `url` as `pg_dump --schema-only` prints it, without what changes
 * from one dump to the next (the server version, `\restrict` keys, session SETs), so that the dump of
 * a freshly migrated database is a stable text: `prisma/schema.sql`, the one place to read the
 * current text of every table, view, function and trigger the migrations build.
 */
export async function dumpSchema(url: string): Promise<string> {
  const { stdout } = await run('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', '--dbname', url], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const kept = stdout
    .split('\n')
    .filter((line) => !/^(\\restrict|\\unrestrict|SET |SELECT pg_catalog\.set_config|-- Dumped (from|by))/.test(line));
  return `${kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
