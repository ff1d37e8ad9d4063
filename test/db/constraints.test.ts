import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SqlConnection } from '../../src/db/client.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { invariantCases } from '../support/invariantCases.js';
import { invariantUpdateCases } from '../support/invariantUpdateCases.js';
import { insertInvariantFixture, insertRow, type Row } from '../support/invariantFixture.js';

const CHECK_VIOLATION = '23514';
const creditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Runs `work` in a transaction that is always rolled back, so every case starts from the fixture. */
async function rolledBack(database: TestDatabase, work: (sql: SqlConnection) => Promise<void>): Promise<unknown> {
  return database.db.sql.withConnection(async (sql) => {
    await sql.exec('BEGIN');
    try {
      await work(sql);
      return undefined;
    } catch (error) {
      return error;
    } finally {
      await sql.exec('ROLLBACK');
    }
  });
}

/**
 * Statements that switch `constraint` off inside a transaction: drops a CHECK constraint, or
 * disables the table's own triggers for a trigger rule (foreign keys stay on).
 */
async function disabling(sql: SqlConnection, table: string, constraint: string): Promise<string> {
  const [row] = await sql.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = $1::regclass AND conname = $2) AS present`,
    [`"${table}"`, constraint],
  );
  return row?.present
    ? `ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`
    : `ALTER TABLE "${table}" DISABLE TRIGGER USER`;
}

function assertViolation(error: unknown, constraint: string, what: string): void {
  assert.ok(error, `${what} was accepted, but should break ${constraint}`);
  const { code, constraint: reported, message } = error as { code?: string; constraint?: string; message?: string };
  assert.deepEqual({ code, constraint: reported }, { code: CHECK_VIOLATION, constraint }, `${what}: ${message}`);
}

describe('the database refuses rows that break the domain invariants', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      before(async () => {
        database = await createTestDatabase(backend);
        await insertInvariantFixture(database.db.sql);
      });
      after(() => database?.dispose());

      for (const rule of invariantCases) {
        test(`${rule.constraint}: ${rule.rule}`, async () => {
          for (const overrides of [rule.broken, ...(rule.alsoBroken ?? [])]) {
            const row: Row = { ...rule.valid, ...overrides };
            const error = await rolledBack(database, (sql) => insertRow(sql, rule.table, row));
            assertViolation(error, rule.constraint, `${rule.table} ${JSON.stringify(row)}`);
            // Breaks nothing else: with this one rule switched off the row goes in.
            const alone = await rolledBack(database, async (sql) => {
              await sql.exec(await disabling(sql, rule.table, rule.constraint));
              await insertRow(sql, rule.table, row);
            });
            assert.equal(
              alone,
              undefined,
              `${rule.table} ${JSON.stringify(row)} breaks more than ${rule.constraint}: ${alone}`,
            );
          }
          for (const overrides of [{}, ...(rule.alsoValid ?? [])]) {
            const row: Row = { ...rule.valid, ...overrides };
            const error = await rolledBack(database, (sql) => insertRow(sql, rule.table, row));
            assert.equal(error, undefined, `${rule.table} ${JSON.stringify(row)} should be accepted`);
          }
        });
      }

      for (const rule of invariantUpdateCases) {
        test(`${rule.constraint} on update: ${rule.rule}`, async () => {
          const setup = async (sql: SqlConnection) => {
            if (rule.setup) await sql.exec(rule.setup);
          };
          const error = await rolledBack(database, async (sql) => {
            await setup(sql);
            await sql.exec(rule.broken);
          });
          assertViolation(error, rule.constraint, rule.broken);
          const alone = await rolledBack(database, async (sql) => {
            await setup(sql);
            await sql.exec(await disabling(sql, rule.table, rule.constraint));
            await sql.exec(rule.broken);
          });
          assert.equal(alone, undefined, `${rule.broken} breaks more than ${rule.constraint}: ${alone}`);
          const accepted = await rolledBack(database, async (sql) => {
            await setup(sql);
            await sql.exec(rule.valid);
          });
          assert.equal(accepted, undefined, `${rule.valid} should be accepted`);
        });
      }

      test('every CHECK constraint and every trigger rule in the database has a case above', async () => {
        const checks = await database.db.sql.query<{ name: string }>(
          `SELECT con.conname AS name FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
           WHERE con.contype = 'c' AND n.nspname = current_schema()`,
        );
        const triggers = await database.db.sql.query<{ source: string }>(
          `SELECT p.prosrc AS source FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE p.prorettype = 'trigger'::regtype AND n.nspname = current_schema()`,
        );
        const triggerRules = triggers.flatMap((row) =>
          [...row.source.matchAll(/CONSTRAINT = '([^']+)'/g)].map((match) => match[1]!),
        );
        const inDatabase = new Set([...checks.map((row) => row.name), ...triggerRules]);
        const covered = new Set([...invariantCases, ...invariantUpdateCases].map((rule) => rule.constraint));
        assert.deepEqual([...inDatabase].filter((name) => !covered.has(name)).sort(), [], 'rules without a case');
        assert.deepEqual(
          [...covered].filter((name) => !inDatabase.has(name)).sort(),
          [],
          'cases for rules that do not exist',
        );
      });

      test('dishui_credit_code_valid accepts exactly one check character per 17-character body, the GB 32100 one', async () => {
        // 91350100M000100Y43 is the example code GB 32100 implementations cite; for body
        // 91350100M000100Y3 the weighted sum is a multiple of 31, so its check character is 0.
        const bodies = ['91350100M000100Y4', '91350100M000100Y3'];
        // Thirty more bodies spread over the alphabet, the same on every run.
        for (let index = 1; index <= 30; index++) {
          bodies.push(
            Array.from(
              { length: 17 },
              (_, at) => creditCodeAlphabet[(index * 7 + at * 13 + index * at * at) % 31],
            ).join(''),
          );
        }
        const rows = await database.db.sql.query<{ body: string; accepted: string[] }>(
          `SELECT body, json_agg(ch ORDER BY ch) FILTER (WHERE dishui_credit_code_valid(body || ch)) AS accepted
           FROM unnest($1::text[]) AS body, unnest(string_to_array($2, NULL)) AS ch
           GROUP BY body`,
          [bodies, creditCodeAlphabet],
        );
        const accepted = new Map(rows.map((row) => [row.body, row.accepted ?? []]));
        assert.deepEqual(accepted.get('91350100M000100Y4'), ['3']);
        assert.deepEqual(accepted.get('91350100M000100Y3'), ['0']);
        for (const body of bodies) assert.equal(accepted.get(body)?.length, 1, `body ${body}: ${accepted.get(body)}`);
      });

      test('dishui_credit_code_valid is false for malformed codes and null for null', async () => {
        const [row] = await database.db.sql.query<Record<string, boolean | null>>(
          `SELECT dishui_credit_code_valid('91350100M000100Y43') AS valid,
                  dishui_credit_code_valid('91350100M000100Y4') AS short,
                  dishui_credit_code_valid('91350100M000100Y433') AS long,
                  dishui_credit_code_valid('91350100M000100O43') AS letter_o,
                  dishui_credit_code_valid('91350100m000100y43') AS lower_case,
                  dishui_credit_code_valid(NULL) AS missing`,
        );
        assert.deepEqual(row, {
          valid: true,
          short: false,
          long: false,
          letter_o: false,
          lower_case: false,
          missing: null,
        });
      });
    });
  }
});
