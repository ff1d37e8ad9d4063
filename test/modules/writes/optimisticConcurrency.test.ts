import assert from 'node:assert/strict';
import { test } from 'node:test';
import { approveLoan } from '../../../src/modules/loans/loanLifecycle.service.js';
import { disburseLoan } from '../../../src/modules/loans/loanMoney.service.js';
import { forEachBackend } from '../../support/forEachBackend.js';
import { openLoan } from '../loans/loanFixture.js';
import { fingerprint, officer, writeFixtureRows } from './writeFixture.js';
import { applyForLoan } from '../../../src/modules/loans/loanLifecycle.service.js';
import { loanApplication } from '../loans/loanFixture.js';

forEachBackend(
  'versions stop lost updates: a stale expectedVersion is a CONFLICT and writers of one row queue',
  writeFixtureRows,
  (fx) => {
    test('a successful write increments the version by one', async () => {
      const applied = await applyForLoan(fx.db, officer, loanApplication({ contractNo: 'VER-1' }));
      assert.equal(applied.record!.version, 1);
      const approved = await approveLoan(fx.db, officer, { loanId: applied.record!.id, expectedVersion: 1 });
      assert.equal(approved.record!.version, 2);
    });

    test('a stale expectedVersion gets CONFLICT carrying the current version, and nothing is written', async () => {
      const applied = await applyForLoan(fx.db, officer, loanApplication({ contractNo: 'VER-2' }));
      await approveLoan(fx.db, officer, { loanId: applied.record!.id, expectedVersion: 1 });
      const before = await fingerprint(fx.db);
      const stale = await disburseLoan(fx.db, officer, {
        loanId: applied.record!.id,
        amount: '1.00',
        disbursedOn: '2020-01-10',
        expectedVersion: 1,
      });
      assert.deepEqual(
        stale.userErrors.map((error) => [error.code, error.field, error.currentVersion]),
        [['CONFLICT', ['input', 'expectedVersion'], 2]],
      );
      assert.deepEqual(await fingerprint(fx.db), before);
    });

    test('of two concurrent updates from the same version exactly one wins; the other gets CONFLICT', async () => {
      const applied = await applyForLoan(fx.db, officer, loanApplication({ contractNo: 'VER-RACE' }));
      const loanId = applied.record!.id;
      const results = await Promise.all([
        approveLoan(fx.db, officer, { loanId, expectedVersion: 1, reason: 'first' }),
        approveLoan(fx.db, officer, { loanId, expectedVersion: 1, reason: 'second' }),
      ]);
      assert.deepEqual(results.map((result) => result.record === null).sort(), [false, true]);
      const loser = results.find((result) => result.record === null)!;
      assert.deepEqual(
        loser.userErrors.map((error) => [error.code, error.currentVersion]),
        [['CONFLICT', 2]],
      );
      const loan = await fx.db.prisma.enterpriseLoan.findUniqueOrThrow({ where: { id: loanId } });
      assert.equal(loan.version, 2);
    });

    test('two concurrent disbursements that together exceed the contract: one pays out, the other is refused', async () => {
      const loanId = await openLoan(fx.db, { contractNo: 'VER-DISB' }, false);
      const results = await Promise.all([
        disburseLoan(fx.db, officer, { loanId, amount: '600000.00', disbursedOn: '2020-01-10' }),
        disburseLoan(fx.db, officer, { loanId, amount: '600000.00', disbursedOn: '2020-01-11' }),
      ]);
      assert.deepEqual(
        results.flatMap((result) => result.userErrors.map((error) => error.code)),
        ['AMOUNT_EXCEEDS_CONTRACT'],
      );
      const loan = await fx.db.prisma.enterpriseLoan.findUniqueOrThrow({ where: { id: loanId } });
      assert.equal(loan.disbursedAmount!.toFixed(2), '600000.00');
    });
  },
);
