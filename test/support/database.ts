import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
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

const settings = {
  DATABASE_POOL_MAX: 5,
  DATABASE_POOL_IDLE_MS: 1000,
  DATABASE_CONNECT_TIMEOUT_MS: 5000,
  DISHUI_DATA_DIR: 'memory://',
};

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
  let url: string | undefined;
  let name: string | undefined;
  if (backend === 'postgres') {
    name = `dishui_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  }
  const migrated = options.migrated !== false;
  const db =
    backend === 'pglite' && migrated
      ? await openDatabase(settings, { pglite: await PGlite.create({ loadDataDir: await migratedPgliteSnapshot() }) })
      : await openDatabase({ ...settings, DATABASE_URL: url });
  if (migrated && backend === 'postgres') await migrate(db);
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

const migrationsDir = new URL('../../prisma/migrations/', import.meta.url);
let snapshot: Promise<Blob> | undefined;

/**
 * A dump of a freshly migrated PGlite database. Starting PGlite from it takes about 2 s instead of
 * 12–20 s for initdb plus the migrations, on every test file; it is cached in the temp folder under
 * a hash of the migrations and PGlite's version, so a changed migration makes a new one.
 */
function migratedPgliteSnapshot(): Promise<Blob> {
  snapshot ??= (async () => {
    const hash = createHash('sha256');
    const pglite = JSON.parse(
      fs.readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
    );
    hash.update(String(pglite.version));
    for (const name of fs.readdirSync(migrationsDir).sort()) {
      hash.update(name);
      hash.update(fs.readFileSync(new URL(`${name}/migration.sql`, migrationsDir)));
    }
    const file = path.join(os.tmpdir(), `dishui-test-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
    if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
    const lite = await PGlite.create();
    const db = await openDatabase(settings, { pglite: lite });
    await migrate(db);
    const dump = await lite.dumpDataDir('none');
    await db.close();
    // Written aside and renamed, so a test file running at the same time never reads half a dump.
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
    return dump;
  })();
  return snapshot;
}
