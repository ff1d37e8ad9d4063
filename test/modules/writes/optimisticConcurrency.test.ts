import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../../src/db/client.js';
import { approveLoan } from '../../../src/modules/loans/loanLifecycle.service.js';
import { disburseLoan } from '../../../src/modules/loans/loanMoney.service.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';
import { openLoan } from '../loans/loanFixture.js';
import { fingerprint, insertWriteFixture, officer } from './writeFixture.js';
import { applyForLoan } from '../../../src/modules/loans/loanLifecycle.service.js';
import { loanApplication } from '../loans/loanFixture.js';

describe('versions stop lost updates: a stale expectedVersion is a CONFLICT and writers of one row queue', async () => {
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

      test('a successful write increments the version by one', async () => {
        const applied = await applyForLoan(db, officer, loanApplication({ contractNo: 'VER-1' }));
        assert.equal(applied.record!.version, 1);
        const approved = await approveLoan(db, officer, { loanId: applied.record!.id, expectedVersion: 1 });
        assert.equal(approved.record!.version, 2);
      });

      test('a stale expectedVersion gets CONFLICT carrying the current version, and nothing is written', async () => {
        const applied = await applyForLoan(db, officer, loanApplication({ contractNo: 'VER-2' }));
        await approveLoan(db, officer, { loanId: applied.record!.id, expectedVersion: 1 });
        const before = await fingerprint(db);
        const stale = await disburseLoan(db, officer, {
          loanId: applied.record!.id,
          amount: '1.00',
          disbursedOn: '2020-01-10',
          expectedVersion: 1,
        });
        assert.deepEqual(
          stale.userErrors.map((error) => [error.code, error.field, error.currentVersion]),
          [['CONFLICT', ['input', 'expectedVersion'], 2]],
        );
        assert.deepEqual(await fingerprint(db), before);
      });

      test('of two concurrent updates from the same version exactly one wins; the other gets CONFLICT', async () => {
        const applied = await applyForLoan(db, officer, loanApplication({ contractNo: 'VER-RACE' }));
        const loanId = applied.record!.id;
        const results = await Promise.all([
          approveLoan(db, officer, { loanId, expectedVersion: 1, reason: 'first' }),
          approveLoan(db, officer, { loanId, expectedVersion: 1, reason: 'second' }),
        ]);
        assert.deepEqual(results.map((result) => result.record === null).sort(), [false, true]);
        const loser = results.find((result) => result.record === null)!;
        assert.deepEqual(
          loser.userErrors.map((error) => [error.code, error.currentVersion]),
          [['CONFLICT', 2]],
        );
        const loan = await db.prisma.enterpriseLoan.findUniqueOrThrow({ where: { id: loanId } });
        assert.equal(loan.version, 2);
      });

      test('two concurrent disbursements that together exceed the contract: one pays out, the other is refused', async () => {
        const loanId = await openLoan(db, { contractNo: 'VER-DISB' }, false);
        const results = await Promise.all([
          disburseLoan(db, officer, { loanId, amount: '600000.00', disbursedOn: '2020-01-10' }),
          disburseLoan(db, officer, { loanId, amount: '600000.00', disbursedOn: '2020-01-11' }),
        ]);
        assert.deepEqual(
          results.flatMap((result) => result.userErrors.map((error) => error.code)),
          ['AMOUNT_EXCEEDS_CONTRACT'],
        );
        const loan = await db.prisma.enterpriseLoan.findUniqueOrThrow({ where: { id: loanId } });
        assert.equal(loan.disbursedAmount!.toFixed(2), '600000.00');
      });
    });
  }
});
