// seedArticle may run on every start of a server: running it again must change nothing, and a
// run that fails must leave nothing behind.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Database } from '../../../src/db/client.js';
import { seedArticle } from '../../../src/db/seeds/article/index.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';

/** Every row of every table (migration history aside) as text, so any change shows. */
async function snapshot(db: Database): Promise<Record<string, string[]>> {
  const tables = await db.sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_dishui_migrations'
     ORDER BY table_name`,
  );
  const result: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await db.sql.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${name}" t ORDER BY 1`);
    result[name] = rows.map((r) => r.row);
  }
  return result;
}

function rowCounts(tables: Record<string, string[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));
}

async function withDatabase(backend: TestDatabase['db']['kind'], work: (db: Database) => Promise<void>): Promise<void> {
  const database = await createTestDatabase(backend);
  try {
    await work(database.db);
  } finally {
    await database.dispose();
  }
}

for (const backend of await testBackends()) {
  describe(`article seed idempotency (${backend})`, () => {
    test('Seeding twice leaves every table identical: same rows, ids and updatedAt', async () => {
      await withDatabase(backend, async (db) => {
        await seedArticle(db);
        const first = await snapshot(db);
        // Timestamps have millisecond precision: let the clock move so a rewrite would show.
        await new Promise((resolve) => setTimeout(resolve, 20));
        await seedArticle(db);
        const second = await snapshot(db);
        assert.ok(
          Object.values(first).some((rows) => rows.length > 0),
          'the first run wrote rows',
        );
        assert.deepEqual(second, first);
      });
    });

    test('The second run reports nothing created, updated or deleted', async () => {
      await withDatabase(backend, async (db) => {
        const first = await seedArticle(db);
        const second = await seedArticle(db);
        const changed = Object.entries(second).filter(([, c]) => c.created + c.updated + c.deleted > 0);
        const rowsDiffer = Object.entries(second).filter(
          ([entity, c]) => c.rows !== first[entity as keyof typeof first].rows,
        );
        assert.deepEqual([first.regions.created > 0, changed, rowsDiffer], [true, [], []]);
      });
    });

    test('A changed or extra row is put back to the article and only it is touched', async () => {
      await withDatabase(backend, async (db) => {
        await seedArticle(db);
        const village = await db.prisma.village.findFirstOrThrow({ where: { name: '冶上村' } });
        await db.prisma.village.update({ where: { id: village.id }, data: { aliases: [] } });
        const loan = await db.prisma.enterpriseLoan.findUniqueOrThrow({ where: { contractNo: 'ARTICLE-LOAN-C' } });
        const region = await db.prisma.region.findUniqueOrThrow({ where: { code: '410422' } });
        await db.prisma.impactRecord.create({
          data: {
            loanId: loan.id,
            regionId: region.id,
            mechanism: 'TRAINING',
            verifiedBy: 'BANK',
            dataSource: 'ARTICLE',
          },
        });
        const before = await snapshot(db);
        const result = await seedArticle(db);
        const after = await snapshot(db);
        const repaired = await db.prisma.village.findUniqueOrThrow({ where: { id: village.id } });
        const changedTables = Object.keys(after).filter(
          (name) => JSON.stringify(after[name]) !== JSON.stringify(before[name]),
        );
        assert.deepEqual(
          [repaired.aliases, result.villages.updated, result.impactRecords.deleted, changedTables.sort()],
          // FactChange: the deleted impact record's tombstone, for the deletion feed.
          [['上冶村'], 1, 1, ['FactChange', 'ImpactRecord', 'Village']],
        );
      });
    });

    test('A run that fails part-way leaves nothing written', async () => {
      await withDatabase(backend, async (db) => {
        // The LPR table is written last: a rule it cannot pass makes the run fail at its end.
        await db.sql.exec('ALTER TABLE "LprRate" ADD CONSTRAINT "LprRate_test_refuses_check" CHECK (false)');
        await assert.rejects(seedArticle(db), /LprRate_test_refuses_check|check/i);
        const counts = rowCounts(await snapshot(db));
        assert.deepEqual(
          Object.entries(counts).filter(([, rows]) => rows > 0),
          [],
        );
      });
    });

    test('Two seeds at the same time leave one data set', async () => {
      await withDatabase(backend, async (db) => {
        await Promise.all([seedArticle(db), seedArticle(db)]);
        const together = rowCounts(await snapshot(db));
        await withDatabase(backend, async (alone) => {
          await seedArticle(alone);
          assert.deepEqual(together, rowCounts(await snapshot(alone)));
        });
      });
    });
  });
}
