// The change feeds: every change once, renames of copied values included, deletions, scope.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Database } from '../../../src/db/client.js';
import {
  factDeletions,
  impactFactChanges,
  loanFactChanges,
  type FactChangesArgs,
} from '../../../src/modules/analytics/factChanges.service.js';
import { loanFacts } from '../../../src/modules/analytics/facts.service.js';
import { unrestrictedScope, type AccessScope } from '../../../src/modules/auth/accessScope.js';
import { createTestDatabase, testBackends } from '../../support/database.js';
import { insertBiScenario } from './biScenario.js';

type Feed = typeof loanFactChanges;

/** Walks a feed from `after` to its end in pages of `first`: the ids seen and the cursor to resume from. */
async function walk(
  db: Database,
  feed: Feed,
  after: string | null,
  first = 7,
  scope: AccessScope = unrestrictedScope,
  extra: FactChangesArgs = {},
): Promise<{ ids: number[]; cursor: string | null }> {
  const ids: number[] = [];
  let cursor = after;
  for (;;) {
    const page = await feed(db, { ...extra, first, after: cursor }, scope);
    for (const edge of page.edges) ids.push(Number(edge.node.impactId ?? edge.node.loanId));
    if (page.pageInfo.endCursor) cursor = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) return { ids, cursor };
  }
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe('loanFactChanges, impactFactChanges and factDeletions', async () => {
  for (const backend of await testBackends()) {
    test(backend, async (t) => {
      const { db, dispose } = await createTestDatabase(backend);
      try {
        await insertBiScenario(db, 60);
        const p = db.prisma;
        const loans = await p.enterpriseLoan.findMany({ orderBy: { id: 'asc' } });
        const records = await p.impactRecord.findMany({ orderBy: { id: 'asc' } });
        let loanCursor: string | null = null;
        let impactCursor: string | null = null;

        await t.test('a walk from the start visits every fact once, though many share one change time', async () => {
          const all = await walk(db, loanFactChanges, null);
          assert.deepEqual(
            sorted(all.ids),
            loans.map((l) => l.id),
          );
          assert.equal(new Set(all.ids).size, all.ids.length);
          loanCursor = all.cursor;
          const impacts = await walk(db, impactFactChanges, null);
          assert.deepEqual(
            sorted(impacts.ids),
            records.map((r) => r.id),
          );
          impactCursor = impacts.cursor;
        });

        await t.test(
          'resuming from the last cursor returns nothing until something changes, then only that',
          async () => {
            assert.deepEqual((await walk(db, loanFactChanges, loanCursor)).ids, []);
            // One statement touching 20 loans: they share one change time, and pages of 3 split them.
            const touched = loans.filter((_, i) => i % 3 === 0).map((l) => l.id);
            await p.enterpriseLoan.updateMany({ where: { id: { in: touched } }, data: { note: 'classified again' } });
            const next = await walk(db, loanFactChanges, loanCursor, 3);
            assert.deepEqual(next.ids, touched);
            const page = await loanFactChanges(db, { first: 1, after: loanCursor }, unrestrictedScope);
            assert.match(page.edges[0]!.changedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
            assert.equal(page.edges[0]!.node.note, undefined, 'the node is the LoanFact row');
            loanCursor = next.cursor;
            assert.deepEqual((await walk(db, loanFactChanges, loanCursor)).ids, []);
          },
        );

        await t.test('a no-op update moves nothing', async () => {
          await db.sql.query(`UPDATE "EnterpriseLoan" SET "note" = "note"`);
          assert.deepEqual((await walk(db, loanFactChanges, loanCursor)).ids, []);
        });

        await t.test(
          "a borrower's rename moves its loans and their impact records, also for updatedSince",
          async () => {
            const enterprise = loans[0]!.enterpriseId;
            const since = new Date(Date.now() - 1);
            await new Promise((resolve) => setTimeout(resolve, 5));
            await p.enterprise.update({ where: { id: enterprise }, data: { name: 'Renamed Co.' } });
            const mine = loans.filter((l) => l.enterpriseId === enterprise).map((l) => l.id);
            const next = await walk(db, loanFactChanges, loanCursor);
            assert.deepEqual(sorted(next.ids), mine);
            const rows = await loanFactChanges(db, { first: 5_000, after: loanCursor }, unrestrictedScope);
            assert.ok(rows.nodes.every((row) => row.enterpriseName === 'Renamed Co.'));
            loanCursor = next.cursor;
            const legacy = await loanFacts(db, { updatedSince: since, first: 5_000 }, unrestrictedScope);
            assert.ok(
              mine.every((id) => legacy.nodes.some((row) => row.loanId === id)),
              'updatedSince sees the rename',
            );
            const impacts = await walk(db, impactFactChanges, impactCursor);
            const expected = records.filter((r) => r.loanId !== null && mine.includes(r.loanId)).map((r) => r.id);
            assert.deepEqual(sorted(impacts.ids), expected);
            impactCursor = impacts.cursor;
          },
        );

        await t.test('renames of an org unit, a county and a province move the facts that show them', async () => {
          const unit = loans[0]!.orgUnitId;
          await p.orgUnit.update({ where: { id: unit }, data: { name: 'Renamed unit' } });
          assert.deepEqual(
            sorted((await walk(db, loanFactChanges, loanCursor)).ids),
            loans.filter((l) => l.orgUnitId === unit).map((l) => l.id),
          );
          loanCursor = (await walk(db, loanFactChanges, loanCursor)).cursor;

          const county = await p.region.findUniqueOrThrow({ where: { code: '410422' } });
          await p.region.update({ where: { id: county.id }, data: { name: '叶县（改）' } });
          assert.deepEqual(
            sorted((await walk(db, loanFactChanges, loanCursor)).ids),
            loans.filter((l) => l.regionId === county.id).map((l) => l.id),
          );
          loanCursor = (await walk(db, loanFactChanges, loanCursor)).cursor;

          // Every loan in Henan shows the province's name: each Henan loan moves, no other.
          const henanRegions = (await p.region.findMany({ where: { code: { startsWith: '41' } } })).map((r) => r.id);
          await p.region.update({ where: { code: '41' }, data: { name: '河南' } });
          assert.deepEqual(
            sorted((await walk(db, loanFactChanges, loanCursor)).ids),
            loans.filter((l) => l.regionId !== null && henanRegions.includes(l.regionId)).map((l) => l.id),
          );
          loanCursor = (await walk(db, loanFactChanges, loanCursor)).cursor;
          impactCursor = (await walk(db, impactFactChanges, impactCursor)).cursor;
        });

        await t.test("a campaign link and a campaign's new code move the loans that list it", async () => {
          const campaign = await p.campaign.findFirstOrThrow({ where: { code: 'WHXW' } });
          const link = await p.loanCampaign.findFirstOrThrow({ where: { campaignId: campaign.id } });
          const loan = loans.find((l) => l.id === link.loanId)!;
          await p.loanCampaign.deleteMany({ where: { loanId: loan.id, campaignId: campaign.id } });
          assert.deepEqual((await walk(db, loanFactChanges, loanCursor)).ids, [loan.id]);
          loanCursor = (await walk(db, loanFactChanges, loanCursor)).cursor;
          await p.loanCampaign.create({ data: { loanId: loan.id, campaignId: campaign.id } });
          assert.deepEqual((await walk(db, loanFactChanges, loanCursor)).ids, [loan.id]);
          loanCursor = (await walk(db, loanFactChanges, loanCursor)).cursor;
          await p.campaign.update({ where: { id: campaign.id }, data: { code: 'WHXW2' } });
          const listing = await p.loanCampaign.findMany({ where: { campaignId: campaign.id } });
          assert.deepEqual(
            sorted((await walk(db, loanFactChanges, loanCursor)).ids),
            sorted([...new Set(listing.map((l) => l.loanId))]),
          );
          loanCursor = (await walk(db, loanFactChanges, loanCursor)).cursor;
        });

        await t.test(
          'a deleted loan leaves the change feed and enters the deletion feed with its records',
          async () => {
            const loan = loans.find((l) => records.some((r) => r.loanId === l.id))!;
            const gone = records.filter((r) => r.loanId === loan.id).map((r) => r.id);
            await p.enterpriseLoan.delete({ where: { id: loan.id } });
            const deletions = await factDeletions(db, { kind: 'LOAN' }, unrestrictedScope);
            assert.deepEqual(
              deletions.nodes.map((d) => d.id),
              [loan.id],
            );
            assert.deepEqual(
              sorted(
                (await factDeletions(db, { kind: 'IMPACT', first: 5_000 }, unrestrictedScope)).nodes.map((d) => d.id),
              ),
              gone,
            );
            const after = deletions.pageInfo.endCursor;
            assert.deepEqual((await factDeletions(db, { kind: 'LOAN', after }, unrestrictedScope)).nodes, []);
            const all = await walk(db, loanFactChanges, null, 5_000);
            assert.ok(!all.ids.includes(loan.id));
            assert.equal(all.ids.length, loans.length - 1);
          },
        );

        await t.test('a caller bound to a sub-branch sees its own changes and deletions only', async () => {
          const sub = await p.orgUnit.findFirstOrThrow({ where: { code: 'ZZ-YX' } });
          const scope: AccessScope = { roles: ['ANALYST'], orgUnitId: sub.id };
          const seen = await walk(db, loanFactChanges, null, 9, scope);
          const own = sorted((await p.enterpriseLoan.findMany({ where: { orgUnitId: sub.id } })).map((l) => l.id));
          assert.deepEqual(sorted(seen.ids), own);
          const other = loans.find((l) => l.orgUnitId !== sub.id && !records.some((r) => r.loanId === l.id))!;
          await p.enterpriseLoan.delete({ where: { id: other.id } });
          const deleted = await factDeletions(db, { kind: 'LOAN', first: 5_000 }, scope);
          assert.ok(!deleted.nodes.some((d) => d.id === other.id));
          const filtered = await walk(db, loanFactChanges, null, 50, unrestrictedScope, {
            where: { status: { eq: 'REPAID' } },
          });
          const repaid = await p.enterpriseLoan.findMany({ where: { status: 'REPAID' }, orderBy: { id: 'asc' } });
          assert.deepEqual(
            sorted(filtered.ids),
            repaid.map((l) => l.id),
          );
        });

        await t.test('bad page sizes and foreign cursors are BAD_USER_INPUT', async () => {
          await assert.rejects(loanFactChanges(db, { first: 5_001 }, unrestrictedScope), {
            extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
          });
          const impact = (await impactFactChanges(db, { first: 1 }, unrestrictedScope)).pageInfo.endCursor;
          await assert.rejects(loanFactChanges(db, { after: impact }, unrestrictedScope), {
            extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
          });
          const plain = (await loanFacts(db, { first: 1 }, unrestrictedScope)).pageInfo.endCursor;
          await assert.rejects(loanFactChanges(db, { after: plain }, unrestrictedScope), {
            extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
          });
        });
      } finally {
        await dispose();
      }
    });
  }
});
