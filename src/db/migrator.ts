import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, SqlConnection } from './client.js';

/** Where the SQL migrations live, in Prisma's layout: `<timestamp>_<name>/migration.sql`. */
export const defaultMigrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

/** Any two Dishui processes migrating one database take this lock, so only one migrates. */
const MIGRATION_LOCK_KEY = 7_346_001_998;

/** One migration file on disk. */
export interface MigrationFile {
  name: string;
  checksum: string;
  sql: string;
}

/** What a migration run did. */
export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** Thrown when the migrations cannot be applied safely; the message says what to do. */
export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** Reads the migration folders in name (timestamp) order, each with its SHA-256 checksum. */
export function readMigrations(dir: string = defaultMigrationsDir): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies every pending migration in order, each in its own transaction, and records it with
 * its checksum in `_dishui_migrations`. Holds a PostgreSQL advisory lock for the whole run, so
 * a second process starting at the same time waits and then finds nothing left to do.
 * @throws MigrationError when an applied migration's file has changed or disappeared, or a
 *   migration fails (that migration is rolled back; earlier ones stay).
 */
export async function migrate(db: Database, dir: string = defaultMigrationsDir): Promise<MigrationResult> {
  const files = readMigrations(dir);
  return db.sql.withConnection(async (connection) => {
    await connection.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await ensureHistoryTable(connection);
      const applied = await appliedMigrations(connection);
      verifyHistory(files, applied);
      const pending = files.filter((file) => !applied.has(file.name));
      for (const file of pending) await applyOne(connection, file);
      return { applied: pending.map((file) => file.name), alreadyApplied: applied.size };
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

/** Names of migrations on disk that the database has not applied yet (for readiness checks). */
export async function pendingMigrations(db: Database, dir: string = defaultMigrationsDir): Promise<string[]> {
  const files = readMigrations(dir);
  const exists = await db.sql.query<{ present: boolean }>(
    "SELECT to_regclass('_dishui_migrations') IS NOT NULL AS present",
  );
  if (!exists[0]?.present) return files.map((file) => file.name);
  const applied = await appliedMigrations(db.sql);
  return files.filter((file) => !applied.has(file.name)).map((file) => file.name);
}

async function ensureHistoryTable(connection: SqlConnection): Promise<void> {
  await connection.exec(`
    CREATE TABLE IF NOT EXISTS _dishui_migrations (
      name        text PRIMARY KEY,
      checksum    char(64) NOT NULL,
      applied_at  timestamptz NOT NULL DEFAULT now(),
      duration_ms integer NOT NULL
    )`);
}

async function appliedMigrations(connection: SqlConnection): Promise<Map<string, string>> {
  const rows = await connection.query<{ name: string; checksum: string }>(
    'SELECT name, checksum FROM _dishui_migrations ORDER BY name',
  );
  return new Map(rows.map((row) => [row.name, row.checksum]));
}

function verifyHistory(files: MigrationFile[], applied: Map<string, string>): void {
  const onDisk = new Map(files.map((file) => [file.name, file.checksum]));
  for (const [name, checksum] of applied) {
    const current = onDisk.get(name);
    if (current === undefined) {
      throw new MigrationError(
        `Migration ${name} is applied to this database but its folder is missing from prisma/migrations. ` +
          'Restore it from version control; applied migrations must never be deleted.',
      );
    }
    if (current !== checksum) {
      throw new MigrationError(
        `Migration ${name} was changed after it was applied (checksum ${checksum.slice(0, 12)}… in the ` +
          `database, ${current.slice(0, 12)}… on disk). Restore the original file and put the change ` +
          'in a new migration.',
      );
    }
  }
}

async function applyOne(connection: SqlConnection, file: MigrationFile): Promise<void> {
  const started = Date.now();
  await connection.exec('BEGIN');
  try {
    await connection.exec(file.sql);
    await connection.query('INSERT INTO _dishui_migrations (name, checksum, duration_ms) VALUES ($1, $2, $3)', [
      file.name,
      file.checksum,
      Date.now() - started,
    ]);
    await connection.exec('COMMIT');
  } catch (error) {
    await connection.exec('ROLLBACK').catch(() => {});
    throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
