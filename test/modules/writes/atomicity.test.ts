import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../../src/db/client.js';
import { disburseLoan } from '../../../src/modules/loans/loanMoney.service.js';
import { runMutation } from '../../../src/modules/writes/runMutation.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';
import { openLoan } from '../loans/loanFixture.js';
import { fingerprint, insertWriteFixture, officer, writeIds } from './writeFixture.js';

describe('a mutation is one transaction: a failure midway leaves no trace, and a database rule becomes a user error', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let db: Database;
      before(async () => {
        database = await createTestDatabase(backend);
        db = database.db;
        await insertWriteFixture(db);
      });
      after(() => database?.dispose());

      test('a disbursement whose last write (the audit event) fails leaves the loan, schedule and key as they were', async () => {
        const loanId = await openLoan(db, { contractNo: 'ATOM-1' }, false);
        // The failure comes from the database after the loan, schedule and key rows are written.
        await db.sql.exec(`
          CREATE FUNCTION test_fail_schedule_audit() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF NEW."entityType" = 'RepaymentSchedule' THEN RAISE EXCEPTION 'forced failure after the first writes'; END IF;
            RETURN NEW;
          END $$;
          CREATE TRIGGER test_fail_schedule_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION test_fail_schedule_audit();
        `);
        try {
          const before = await fingerprint(db);
          await assert.rejects(
            disburseLoan(db, officer, {
              loanId,
              amount: '500000.00',
              disbursedOn: '2020-01-10',
              idempotencyKey: 'atom-1',
            }),
            /forced failure/,
          );
          assert.deepEqual(await fingerprint(db), before);
        } finally {
          await db.sql.exec(
            'DROP TRIGGER test_fail_schedule_audit ON "AuditEvent"; DROP FUNCTION test_fail_schedule_audit();',
          );
        }
        const retried = await disburseLoan(db, officer, {
          loanId,
          amount: '500000.00',
          disbursedOn: '2020-01-10',
          idempotencyKey: 'atom-1',
        });
        assert.equal(retried.replayed, false, 'the aborted call did not keep its key');
        assert.equal(retried.record!.disbursedAmount!.toFixed(2), '500000.00');
      });

      test('a CHECK constraint breach that slips past the checks is a user error naming the field, not a failure', async () => {
        const before = await fingerprint(db);
        const result = await runMutation(
          db,
          officer,
          {},
          {
            operation: 'testNegativePopulation',
            entityType: 'Village',
            input: {},
            load: (tx, id) => tx.village.findUnique({ where: { id } }),
          },
          async ({ tx }) => {
            await tx.village.update({ where: { id: writeIds.village }, data: { note: 'written first' } });
            return tx.village.update({ where: { id: writeIds.village }, data: { population: -5 } });
          },
        );
        assert.equal(result.record, null);
        assert.deepEqual(
          result.userErrors.map((error) => [error.code, error.field]),
          [['NEGATIVE_COUNT', ['input', 'population']]],
        );
        assert.deepEqual(await fingerprint(db), before);
      });

      test('a trigger rule (a village in a prefecture) that slips through is REGION_LEVEL_MISMATCH', async () => {
        const result = await runMutation(
          db,
          officer,
          {},
          {
            operation: 'testVillageInPrefecture',
            entityType: 'Village',
            input: {},
            load: (tx, id) => tx.village.findUnique({ where: { id } }),
          },
          ({ tx }) => tx.village.create({ data: { name: '某村', countyId: writeIds.zhengzhou } }),
        );
        assert.deepEqual(
          result.userErrors.map((error) => [error.code, error.field]),
          [['REGION_LEVEL_MISMATCH', ['input', 'countyId']]],
        );
      });
    });
  }
});
