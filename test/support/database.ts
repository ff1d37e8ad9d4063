import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrator.js';

/** The two backends every data test runs on. */
export type Backend = Database['kind'];

/** Server that PostgreSQL tests create their throwaway databases on. */
export const adminUrl = process.env.DISHUI_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

let postgresReachable: Promise<boolean> | undefined;

/**
 * The backends to test on: PGlite always, PostgreSQL when reachable. Under CI (CI=true) or with
 * DISHUI_REQUIRE_POSTGRES=1 an unreachable PostgreSQL fails the run instead of being skipped.
 */
export async function testBackends(): Promise<Backend[]> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch (error) {
      if (process.env.CI === 'true' || process.env.DISHUI_REQUIRE_POSTGRES === '1') {
        throw new Error(`PostgreSQL is required but unreachable at ${adminUrl}: ${(error as Error).message}`);
      }
      return false;
    }
  })();
  return (await postgresReachable) ? ['pglite', 'postgres'] : ['pglite'];
}

/** A database made for one test file, dropped by `dispose`. */
export interface TestDatabase {
  db: Database;
  /** PostgreSQL URL of the database (undefined on PGlite). */
  url: string | undefined;
  dispose(): Promise<void>;
}

/**
 * Creates a fresh, uniquely named database on `backend` (PGlite in memory, or a new database on
 * the PostgreSQL server) and applies the migrations unless `migrated` is false.
 */
export async function createTestDatabase(
  backend: Backend,
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  const settings = {
    DATABASE_POOL_MAX: 5,
    DATABASE_POOL_IDLE_MS: 1000,
    DATABASE_CONNECT_TIMEOUT_MS: 5000,
    DISHUI_DATA_DIR: 'memory://',
  };
  let url: string | undefined;
  let name: string | undefined;
  if (backend === 'postgres') {
    name = `dishui_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  }
  const db = await openDatabase({ ...settings, DATABASE_URL: url });
  if (options.migrated !== false) await migrate(db);
  return {
    db,
    url,
    dispose: async () => {
      await db.close();
      if (name) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
