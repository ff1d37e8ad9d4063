import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../../src/db/client.js';
import { applyForLoan, approveLoan } from '../../../src/modules/loans/loanLifecycle.service.js';
import { listAuditEvents } from '../../../src/modules/writes/auditEvents.service.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';
import { loanApplication } from '../loans/loanFixture.js';
import { insertWriteFixture, officer } from './writeFixture.js';

describe('every successful write appends an audit event with actor, operation, row, before, after and request id', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let db: Database;
      let loanId: number;
      before(async () => {
        database = await createTestDatabase(backend);
        db = database.db;
        await insertWriteFixture(db);
        loanId = (await applyForLoan(db, officer, loanApplication({ contractNo: 'AUD-1' }), { requestId: 'req-apply' }))
          .record!.id;
        await approveLoan(db, officer, { loanId, expectedVersion: 1 }, { requestId: 'req-approve' });
        await approveLoan(db, officer, { loanId, expectedVersion: 2 }, { requestId: 'req-refused' });
      });
      after(() => database?.dispose());

      test('the approval event holds the loan before (APPLIED, version 1) and after (APPROVED, version 2)', async () => {
        const page = await listAuditEvents(db, {
          where: { entityType: 'EnterpriseLoan', entityId: loanId, operation: 'approveLoan' },
        });
        assert.equal(page.nodes.length, 1, 'the refused second approval left no event');
        const event = page.nodes[0]!;
        assert.deepEqual(
          [event.actorId, event.actorRole, event.actorOrgUnitId, event.requestId],
          [officer.id, officer.role, officer.orgUnitId, 'req-approve'],
        );
        const before = event.before as Record<string, unknown>;
        const afterValues = event.after as Record<string, unknown>;
        assert.deepEqual(
          [before.status, before.version, afterValues.status, afterValues.version],
          ['APPLIED', 1, 'APPROVED', 2],
        );
        assert.equal(afterValues.contractAmount, '1000000', 'decimals are stored as exact strings');
      });

      test('the creation event has no before and lists the loan as created', async () => {
        const page = await listAuditEvents(db, { where: { requestId: 'req-apply' } });
        assert.equal(page.nodes.length, 1);
        assert.equal(page.nodes[0]!.before, null);
        assert.equal((page.nodes[0]!.after as { contractNo: string }).contractNo, 'AUD-1');
      });

      test('auditEvents pages by keyset: pages do not overlap, cover every event and say when more follow', async () => {
        for (let i = 0; i < 4; i += 1)
          await applyForLoan(db, officer, loanApplication({ contractNo: `AUD-PAGE-${i}` }));
        const all = await listAuditEvents(db, { first: 100 });
        const seen: number[] = [];
        let after: string | null = null;
        for (;;) {
          const page = await listAuditEvents(db, { first: 2, after });
          seen.push(...page.nodes.map((node) => node.id));
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        assert.deepEqual(
          seen,
          all.nodes.map((node) => node.id),
        );
        assert.deepEqual(
          [...seen].sort((a, b) => a - b),
          seen,
        );
        const newest = await listAuditEvents(db, { first: 1, newestFirst: true });
        assert.equal(newest.nodes[0]!.id, Math.max(...seen));
      });

      test('the trail is append-only: the database refuses to change or delete an event', async () => {
        await assert.rejects(db.sql.query('UPDATE "AuditEvent" SET "actorId" = $1', ['someone-else']), /append-only/);
        await assert.rejects(db.sql.query('DELETE FROM "AuditEvent"'), /append-only/);
      });

      test('a malformed cursor or page size is refused as bad input', async () => {
        await assert.rejects(listAuditEvents(db, { after: 'bm90LWEtY3Vyc29y' }), /not a cursor/);
        await assert.rejects(listAuditEvents(db, { first: 1000 }), /first/);
      });
    });
  }
});
