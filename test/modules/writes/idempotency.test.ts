import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyForLoan } from '../../../src/modules/loans/loanLifecycle.service.js';
import { disburseLoan } from '../../../src/modules/loans/loanMoney.service.js';
import { forEachBackend } from '../../support/forEachBackend.js';
import { loanApplication, openLoan } from '../loans/loanFixture.js';
import { fingerprint, officer, writeFixtureRows } from './writeFixture.js';

forEachBackend(
  'an idempotency key makes a retry return the first result and write nothing more',
  writeFixtureRows,
  (fx) => {
    test('a retry with the same key and input replays the first loan and changes no row', async () => {
      const input = loanApplication({ contractNo: 'IDEM-1', idempotencyKey: 'apply-IDEM-1' });
      const first = await applyForLoan(fx.db, officer, input);
      assert.equal(first.replayed, false);
      const before = await fingerprint(fx.db);
      const retry = await applyForLoan(fx.db, officer, { ...input });
      assert.equal(retry.replayed, true);
      assert.deepEqual(retry.userErrors, []);
      assert.equal(retry.record!.id, first.record!.id);
      assert.deepEqual(await fingerprint(fx.db), before);
    });

    test('a retried disbursement moves the money once', async () => {
      const loanId = await openLoan(fx.db, { contractNo: 'IDEM-DISB' }, false);
      const input = { loanId, amount: '300000.00', disbursedOn: '2020-01-10', idempotencyKey: 'disb-1' };
      await disburseLoan(fx.db, officer, input);
      const retry = await disburseLoan(fx.db, officer, input);
      assert.equal(retry.replayed, true);
      const loan = await fx.db.prisma.enterpriseLoan.findUniqueOrThrow({ where: { id: loanId } });
      assert.equal(loan.disbursedAmount!.toFixed(2), '300000.00');
    });

    test('the same key with a different input is IDEMPOTENCY_KEY_REUSED and writes nothing', async () => {
      await applyForLoan(fx.db, officer, loanApplication({ contractNo: 'IDEM-2', idempotencyKey: 'apply-IDEM-2' }));
      const before = await fingerprint(fx.db);
      const reused = await applyForLoan(
        fx.db,
        officer,
        loanApplication({ contractNo: 'IDEM-3', idempotencyKey: 'apply-IDEM-2' }),
      );
      assert.equal(reused.record, null);
      assert.deepEqual(
        reused.userErrors.map((error) => [error.code, error.field]),
        [['IDEMPOTENCY_KEY_REUSED', ['input', 'idempotencyKey']]],
      );
      assert.deepEqual(await fingerprint(fx.db), before);
    });

    test('keys belong to their actor: another actor may use the same key for its own request', async () => {
      await applyForLoan(fx.db, officer, loanApplication({ contractNo: 'IDEM-4', idempotencyKey: 'shared-key' }));
      const other = await applyForLoan(
        fx.db,
        { id: 'staff-0099', role: 'LOAN_OFFICER' },
        loanApplication({ contractNo: 'IDEM-5', idempotencyKey: 'shared-key' }),
      );
      assert.deepEqual(other.userErrors, []);
      assert.equal(other.replayed, false);
    });

    test('a call that failed with user errors does not use up its key', async () => {
      const bad = await applyForLoan(
        fx.db,
        officer,
        loanApplication({ contractNo: 'IDEM-6', contractAmount: '-1', idempotencyKey: 'apply-IDEM-6' }),
      );
      assert.equal(bad.userErrors[0]!.code, 'AMOUNT_NOT_POSITIVE');
      const good = await applyForLoan(
        fx.db,
        officer,
        loanApplication({ contractNo: 'IDEM-6', idempotencyKey: 'apply-IDEM-6' }),
      );
      assert.deepEqual(good.userErrors, []);
    });

    test('two calls with the same key at the same moment create one loan and both return it', async () => {
      const input = loanApplication({ contractNo: 'IDEM-RACE', idempotencyKey: 'apply-race' });
      const results = await Promise.all([
        applyForLoan(fx.db, officer, input),
        applyForLoan(fx.db, officer, input),
        applyForLoan(fx.db, officer, input),
      ]);
      assert.deepEqual(
        results.map((result) => result.userErrors),
        [[], [], []],
      );
      assert.equal(new Set(results.map((result) => result.record!.id)).size, 1);
      assert.equal(results.filter((result) => !result.replayed).length, 1);
      assert.equal(await fx.db.prisma.enterpriseLoan.count({ where: { contractNo: 'IDEM-RACE' } }), 1);
      assert.equal(
        await fx.db.prisma.auditEvent.count({
          where: { operation: 'applyForLoan', entityId: String(results[0]!.record!.id) },
        }),
        1,
      );
    });
  },
);
