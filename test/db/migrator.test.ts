import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../../src/db/client.js';
import {
  defaultMigrationsDir,
  migrate,
  MigrationError,
  pendingMigrations,
  readMigrations,
} from '../../src/db/migrator.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/database.js';

/** A scratch copy of prisma/migrations that a test may change; removed by the returned function. */
function copyMigrations(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-migrations-'));
  fs.cpSync(defaultMigrationsDir, dir, { recursive: true });
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function addMigration(dir: string, name: string, sql: string): void {
  fs.mkdirSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

async function history(database: TestDatabase): Promise<{ name: string; checksum: string }[]> {
  return database.db.sql.query('SELECT name, checksum FROM _dishui_migrations ORDER BY name');
}

async function tableExists(database: TestDatabase, table: string): Promise<boolean> {
  const [row] = await database.db.sql.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [
    `"${table}"`,
  ]);
  return row?.present === true;
}

/**
 * Empties the database's schema (tables, types, functions and the migration history), runs `work`
 * on it with a scratch copy of the migrations, and always removes the copy. One database per
 * backend is reused this way because starting a PGlite instance costs seconds.
 */
async function onEmptySchema(
  database: TestDatabase,
  work: (database: TestDatabase, migrations: string) => Promise<void>,
): Promise<void> {
  await database.db.sql.exec(
    'DROP SCHEMA IF EXISTS reporting CASCADE; DROP SCHEMA IF EXISTS reporting_private CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;',
  );
  const scratch = copyMigrations();
  try {
    await work(database, scratch.dir);
  } finally {
    scratch.remove();
  }
}

describe('migrate', async () => {
  const onDisk = readMigrations();

  test('there are migrations to apply, in timestamp order', () => {
    assert.ok(onDisk.length >= 2, 'expected the init and invariants migrations');
    assert.deepEqual(
      onDisk.map((file) => file.name),
      onDisk.map((file) => file.name).sort(),
    );
    for (const file of onDisk) assert.match(file.name, /^\d{14}_[a-z0-9_]+$/);
  });

  for (const backend of await testBackends()) {
    describe(backend, () => {
      let shared: TestDatabase;
      before(async () => {
        shared = await createTestDatabase(backend, { migrated: false });
      });
      after(() => shared?.dispose());

      test('applies every migration to an empty database, records each name and checksum, and a second run applies nothing', async () => {
        await onEmptySchema(shared, async (database) => {
          const first = await migrate(database.db);
          assert.deepEqual(first, { applied: onDisk.map((file) => file.name), alreadyApplied: 0 });
          assert.deepEqual(
            await history(database),
            onDisk.map(({ name, checksum }) => ({ name, checksum })),
          );
          assert.deepEqual(await pendingMigrations(database.db), []);

          const second = await migrate(database.db);
          assert.deepEqual(second, { applied: [], alreadyApplied: onDisk.length });
          assert.deepEqual(
            await history(database),
            onDisk.map(({ name, checksum }) => ({ name, checksum })),
          );
        });
      });

      test('applies only the new migration when one is added', async () => {
        await onEmptySchema(shared, async (database, migrations) => {
          await migrate(database.db, migrations);
          addMigration(
            migrations,
            '20991231000000_scratch',
            'CREATE TABLE "MigratorScratch" ("id" INTEGER PRIMARY KEY);\n',
          );
          assert.deepEqual(await pendingMigrations(database.db, migrations), ['20991231000000_scratch']);
          const result = await migrate(database.db, migrations);
          assert.deepEqual(result, { applied: ['20991231000000_scratch'], alreadyApplied: onDisk.length });
          assert.equal(await tableExists(database, 'MigratorScratch'), true);
        });
      });

      test('refuses to run when an applied migration was changed, naming it, and applies nothing', async () => {
        await onEmptySchema(shared, async (database, migrations) => {
          await migrate(database.db, migrations);
          const changed = onDisk[0]!.name;
          fs.appendFileSync(path.join(migrations, changed, 'migration.sql'), '\n-- an edit after the fact\n');
          addMigration(
            migrations,
            '20991231000000_scratch',
            'CREATE TABLE "MigratorScratch" ("id" INTEGER PRIMARY KEY);\n',
          );

          await assert.rejects(migrate(database.db, migrations), (error: unknown) => {
            assert.ok(error instanceof MigrationError);
            assert.match(error.message, new RegExp(`Migration ${changed} was changed after it was applied`));
            return true;
          });
          assert.equal(await tableExists(database, 'MigratorScratch'), false);
          assert.deepEqual(
            await history(database),
            onDisk.map(({ name, checksum }) => ({ name, checksum })),
          );
        });
      });

      test('refuses to run when an applied migration is missing from disk, naming it', async () => {
        await onEmptySchema(shared, async (database, migrations) => {
          await migrate(database.db, migrations);
          const removed = onDisk.at(-1)!.name;
          fs.rmSync(path.join(migrations, removed), { recursive: true });
          await assert.rejects(migrate(database.db, migrations), (error: unknown) => {
            assert.ok(error instanceof MigrationError);
            assert.match(
              error.message,
              new RegExp(`Migration ${removed} is applied to this database but its folder is missing`),
            );
            return true;
          });
        });
      });

      test('rolls a failing migration back entirely: its table is absent and it is not recorded', async () => {
        await onEmptySchema(shared, async (database, migrations) => {
          addMigration(
            migrations,
            '20991231000000_breaks_halfway',
            'CREATE TABLE "MigratorScratch" ("id" INTEGER PRIMARY KEY);\n' +
              'INSERT INTO "MigratorScratch" VALUES (1);\n' +
              'INSERT INTO "MigratorScratch" VALUES (1);\n',
          );
          await assert.rejects(migrate(database.db, migrations), (error: unknown) => {
            assert.ok(error instanceof MigrationError);
            assert.match(
              error.message,
              /Migration 20991231000000_breaks_halfway failed and was rolled back: .*duplicate key/,
            );
            return true;
          });
          assert.equal(await tableExists(database, 'MigratorScratch'), false);
          // The migrations before it were each committed on their own and stay applied.
          assert.deepEqual(
            await history(database),
            onDisk.map(({ name, checksum }) => ({ name, checksum })),
          );
          assert.deepEqual(await pendingMigrations(database.db, migrations), ['20991231000000_breaks_halfway']);
        });
      });

      if (backend === 'postgres') {
        test('two processes migrating one database at the same moment both succeed and exactly one applies (advisory lock)', async () => {
          await onEmptySchema(shared, async (database) => {
            const other = await openDatabase({
              DATABASE_URL: database.url,
              DISHUI_DATA_DIR: 'memory://',
              DATABASE_POOL_MAX: 2,
              DATABASE_POOL_IDLE_MS: 1000,
              DATABASE_CONNECT_TIMEOUT_MS: 5000,
            });
            try {
              const results = await Promise.all([migrate(database.db), migrate(other)]);
              const appliedCounts = results.map((result) => result.applied.length).sort();
              assert.deepEqual(appliedCounts, [0, onDisk.length]);
              const waiter = results.find((result) => result.applied.length === 0);
              assert.equal(waiter?.alreadyApplied, onDisk.length);
              assert.deepEqual(
                await history(database),
                onDisk.map(({ name, checksum }) => ({ name, checksum })),
              );
            } finally {
              await other.close();
            }
          });
        });
      }
    });
  }
});
