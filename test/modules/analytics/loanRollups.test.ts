import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Database } from '../../../src/db/client.js';
import { loanMeasures } from '../../../src/modules/analytics/loanMeasures.js';
import { unrestrictedScope, type AccessScope } from '../../../src/modules/auth/accessScope.js';
import {
  fitsLoanBorrowerRollup,
  fitsLoanMonthRollup,
  loanBorrowerRollupSource,
  loanMonthRollupSource,
  monthCellsAreCounties,
} from '../../../src/modules/analytics/loanRollups.js';
import { runStatistics } from '../../../src/modules/analytics/runStatistics.js';
import { loanStatistics, type LoanStatisticsArgs } from '../../../src/modules/analytics/loanStatistics.service.js';
import { portfolioSeries } from '../../../src/modules/analytics/portfolioSeries.service.js';
import { seedSynthetic } from '../../../src/db/seeds/synthetic/index.js';
import { createTestDatabase, testBackends } from '../../support/database.js';
import { insertBiScenario } from './biScenario.js';

// Every measure but borrowers, which the rollup answers only for groups of one cell.
const rollupMeasures = Object.keys(loanMeasures).filter((m) => m !== 'borrowerCount');
const npl = `('SUBSTANDARD', 'DOUBTFUL', 'LOSS')`;

// The rollups recomputed from scratch, as text, in key order: what the triggers must have kept.
const recomputed = {
  months: `SELECT l."regionId", date_trunc('month', l."firstDisbursementDate"::timestamp)::date::text AS month, count(*)::int AS n,
      COALESCE(sum(l."contractAmount"), 0)::numeric(24,2)::text AS contract, COALESCE(sum(l."disbursedAmount"), 0)::numeric(24,2)::text AS disbursed,
      COALESCE(sum(l."outstandingBalance"), 0)::numeric(24,2)::text AS balance, COALESCE(sum(l."overduePrincipal"), 0)::numeric(24,2)::text AS overdue,
      COALESCE(sum(l."outstandingBalance") FILTER (WHERE l."riskClass" IN ${npl}), 0)::numeric(24,2)::text AS npl,
      count(l."effectiveRate")::int AS rated, COALESCE(sum(l."effectiveRate"), 0)::numeric(24,6)::text AS rate_sum,
      COALESCE(sum(l."effectiveRate" * l."outstandingBalance"), 0)::numeric(32,8)::text AS rate_balance,
      COALESCE(sum(l."outstandingBalance") FILTER (WHERE l."effectiveRate" IS NOT NULL), 0)::numeric(24,2)::text AS rated_balance,
      count(DISTINCT l."enterpriseId")::int AS borrowers, min(l."effectiveRate")::text AS min_rate, max(l."effectiveRate")::text AS max_rate
    FROM "EnterpriseLoan" l GROUP BY 1, 2 ORDER BY 1, 2`,
  monthTable: `SELECT "regionId", "disbursementMonth"::text AS month, "loanCount" AS n, "contractAmount"::text AS contract,
      "disbursedAmount"::text AS disbursed, "outstandingBalance"::text AS balance, "overduePrincipal"::text AS overdue,
      "nonPerformingBalance"::text AS npl, "rateCount" AS rated, "rateSum"::text AS rate_sum, "rateTimesBalance"::text AS rate_balance,
      "ratedBalance"::text AS rated_balance, "borrowerCount" AS borrowers, "minRate"::text AS min_rate, "maxRate"::text AS max_rate
    FROM "LoanMonthRollup" ORDER BY 1, 2`,
  borrowers: `SELECT "regionId", "enterpriseId", count(*)::int AS n FROM "EnterpriseLoan" GROUP BY 1, 2 ORDER BY 1, 2`,
  borrowerTable: `SELECT "regionId", "enterpriseId", "loanCount" AS n FROM "LoanBorrowerRollup" ORDER BY 1, 2`,
  snapshots: `SELECT l."regionId", s."monthEnd"::text AS month, count(*)::int AS n, COALESCE(sum(s."outstandingBalance"), 0)::numeric(24,2)::text AS balance,
      COALESCE(sum(s."outstandingBalance") FILTER (WHERE s."riskClass" IN ${npl}), 0)::numeric(24,2)::text AS npl
    FROM "LoanClassificationSnapshot" s JOIN "EnterpriseLoan" l ON l.id = s."loanId" GROUP BY 1, 2 ORDER BY 1, 2`,
  snapshotTable: `SELECT "regionId", "monthEnd"::text AS month, "loanCount" AS n, "outstandingBalance"::text AS balance,
      "nonPerformingBalance"::text AS npl FROM "LoanSnapshotRollup" ORDER BY 1, 2`,
};

const statisticsCases: LoanStatisticsArgs[] = [
  { groupBy: [] },
  { groupBy: ['PROVINCE'] },
  { groupBy: ['PREFECTURE'] },
  { groupBy: ['COUNTY', 'DISBURSEMENT_MONTH'] },
  { groupBy: ['COUNTY_POVERTY_TIER', 'DISBURSEMENT_QUARTER'] },
  {
    groupBy: ['DISBURSEMENT_YEAR'],
    having: { loanCount: { gte: 2 }, nplRatio: { lt: '0.9' } },
    orderBy: [{ measure: 'NPL_RATIO', direction: 'DESC' }],
  },
  { groupBy: ['PREFECTURE', 'DISBURSEMENT_MONTH'], orderBy: [{ measure: 'WEIGHTED_AVERAGE_RATE' }], first: 7 },
  {
    groupBy: ['PROVINCE', 'DISBURSEMENT_YEAR'],
    having: { minRate: { gte: '0.031' } },
    orderBy: [{ measure: 'MAX_RATE', direction: 'DESC' }, { measure: 'MIN_RATE' }],
  },
];

// Requests with borrowers whose every group is one cell, when every cell's region is a county.
const borrowerCases: LoanStatisticsArgs[] = [
  { groupBy: ['COUNTY', 'DISBURSEMENT_MONTH'] },
  {
    groupBy: ['PROVINCE', 'COUNTY', 'DISBURSEMENT_MONTH', 'COUNTY_POVERTY_TIER'],
    having: { borrowerCount: { gte: 2 } },
    orderBy: [{ measure: 'BORROWER_COUNT', direction: 'DESC' }, { measure: 'MAX_RATE' }],
    first: 9,
  },
];

// Requests with borrowers grouped by the region hierarchy alone: the borrower rollup answers them.
const regionBorrowerCases: LoanStatisticsArgs[] = [
  { groupBy: [] },
  { groupBy: ['PROVINCE'] },
  {
    groupBy: ['PREFECTURE', 'COUNTY_POVERTY_TIER'],
    having: { borrowerCount: { gte: 2 } },
    orderBy: [{ measure: 'BORROWER_COUNT' }, { measure: 'MIN_RATE' }],
  },
  {
    groupBy: ['COUNTY'],
    measures: ['borrowerCount', 'loanCount'],
    first: 3,
    orderBy: [{ measure: 'BORROWER_COUNT', direction: 'DESC' }],
  },
];

/** A rollup source's answer, whatever loanStatistics would choose, in loanStatistics' shape. */
async function fromRollupSource(db: Database, args: LoanStatisticsArgs, source = loanMonthRollupSource) {
  // The page and its cursors too: a rollup's page and the loans' page must be interchangeable.
  const { groups, groupCount, pageInfo } = await runStatistics(db, source, args, unrestrictedScope);
  return { groups, groupCount, pageInfo };
}

async function assertSameFigures(db: Database, label: string): Promise<void> {
  assert.deepEqual(
    await db.sql.query(recomputed.monthTable),
    await db.sql.query(recomputed.months),
    `${label}: LoanMonthRollup`,
  );
  assert.deepEqual(
    await db.sql.query(recomputed.snapshotTable),
    await db.sql.query(recomputed.snapshots),
    `${label}: LoanSnapshotRollup`,
  );
  assert.deepEqual(
    await db.sql.query(recomputed.borrowerTable),
    await db.sql.query(recomputed.borrowers),
    `${label}: LoanBorrowerRollup`,
  );
  for (const args of regionBorrowerCases) {
    const request = { ...args, first: args.first ?? 10_000 };
    assert.ok(
      fitsLoanBorrowerRollup(request) && !fitsLoanMonthRollup(request),
      `${label}: ${JSON.stringify(args)} fits the borrower rollup`,
    );
    const fromLoans = await loanStatistics(db, { ...request, rollups: false }, unrestrictedScope);
    assert.ok(fromLoans.groups.some((g) => (g.borrowerCount as number) > 1));
    assert.deepEqual(
      await fromRollupSource(db, request, loanBorrowerRollupSource),
      fromLoans,
      `${label}: borrower rollup ${JSON.stringify(args)}`,
    );
    assert.deepEqual(
      await loanStatistics(db, request, unrestrictedScope),
      fromLoans,
      `${label}: loanStatistics ${JSON.stringify(args)}`,
    );
  }
  for (const args of statisticsCases) {
    const request = { ...args, measures: rollupMeasures, first: args.first ?? 10_000 };
    assert.ok(fitsLoanMonthRollup(request), `${label}: ${JSON.stringify(args)} is answered from the rollup`);
    const [fromRollup, fromLoans] = await Promise.all([
      loanStatistics(db, request, unrestrictedScope),
      loanStatistics(db, { ...request, rollups: false }, unrestrictedScope),
    ]);
    assert.ok(fromLoans.groups.length > 0);
    assert.deepEqual(fromRollup, fromLoans, `${label}: loanStatistics ${JSON.stringify(args)}`);
  }
  const counties = await monthCellsAreCounties(db);
  for (const args of borrowerCases) {
    const request = { ...args, first: args.first ?? 10_000 };
    assert.ok(fitsLoanMonthRollup(request), `${label}: ${JSON.stringify(args)} fits the rollup`);
    const fromLoans = await loanStatistics(db, { ...request, rollups: false }, unrestrictedScope);
    assert.ok(
      fromLoans.groups.some((g) => (g.borrowerCount as number) > 1),
      `${label}: some cell has several borrowers`,
    );
    assert.deepEqual(
      await loanStatistics(db, request, unrestrictedScope),
      fromLoans,
      `${label}: loanStatistics ${JSON.stringify(args)}`,
    );
    if (counties)
      assert.deepEqual(
        await fromRollupSource(db, request),
        fromLoans,
        `${label}: rollup borrowers ${JSON.stringify(args)}`,
      );
  }
  for (const groupBy of [[], ['PROVINCE'], ['PREFECTURE'], ['COUNTY', 'COUNTY_POVERTY_TIER']]) {
    const args = { groupBy, from: '2019-01-01', to: '2021-12-31', first: 1_000 };
    const [fromRollup, fromLoans] = await Promise.all([
      portfolioSeries(db, args, unrestrictedScope),
      portfolioSeries(db, { ...args, rollups: false }, unrestrictedScope),
    ]);
    assert.ok(
      fromLoans.series.some((s) => s.points.some((p) => p.loanCount > 0)),
      `${label}: the series has snapshots`,
    );
    assert.deepEqual(fromRollup, fromLoans, `${label}: portfolioSeries ${groupBy.join(' × ')}`);
  }
}

describe('the monthly rollups equal the raw computation, before and after writes', async () => {
  for (const backend of await testBackends()) {
    test(backend, async (t) => {
      const { db, dispose } = await createTestDatabase(backend);
      try {
        await insertBiScenario(db, 200);

        await t.test('requests the rollups cannot answer read the loans', () => {
          // Borrowers of several cells may overlap: only county × disbursement month groups are one cell.
          assert.equal(fitsLoanMonthRollup({ groupBy: ['COUNTY'], measures: ['loanCount', 'borrowerCount'] }), false);
          assert.equal(fitsLoanMonthRollup({ groupBy: ['DISBURSEMENT_MONTH'], measures: ['borrowerCount'] }), false);
          assert.equal(
            fitsLoanMonthRollup({ groupBy: ['PREFECTURE', 'DISBURSEMENT_MONTH'], measures: ['borrowerCount'] }),
            false,
          );
          assert.equal(
            fitsLoanMonthRollup({ groupBy: ['COUNTY', 'DISBURSEMENT_QUARTER'], measures: ['borrowerCount'] }),
            false,
          );
          assert.equal(fitsLoanMonthRollup({ measures: ['borrowerCount'] }), false);
          assert.equal(fitsLoanMonthRollup({ groupBy: ['COUNTY'] }), false, 'no measure list means every measure');
          assert.equal(
            fitsLoanMonthRollup({
              groupBy: ['PROVINCE'],
              measures: ['loanCount'],
              having: { borrowerCount: { gt: 1 } },
            }),
            false,
          );
          assert.equal(
            fitsLoanMonthRollup({
              groupBy: ['PROVINCE'],
              measures: ['loanCount'],
              orderBy: [{ measure: 'BORROWER_COUNT' }],
            }),
            false,
          );
          assert.equal(fitsLoanMonthRollup({ groupBy: ['COUNTY', 'DISBURSEMENT_MONTH'] }), true);
          // Borrowers by region alone: the borrower rollup (loans per region and borrower), which has no month.
          assert.equal(fitsLoanBorrowerRollup({ groupBy: ['PROVINCE', 'COUNTY_POVERTY_TIER'] }), true);
          assert.equal(
            fitsLoanBorrowerRollup({ groupBy: ['PROVINCE', 'DISBURSEMENT_YEAR'], measures: ['borrowerCount'] }),
            false,
          );
          assert.equal(
            fitsLoanBorrowerRollup({ groupBy: ['PROVINCE'], where: { status: { eq: 'DISBURSED' } } }),
            false,
          );
          assert.equal(fitsLoanBorrowerRollup({ groupBy: ['PRODUCT'] }), false);
          assert.equal(
            fitsLoanMonthRollup({ groupBy: ['COUNTY'], measures: ['minRate', 'maxRate'] }),
            true,
            "a group's extreme is its cells' extreme",
          );
          assert.equal(
            fitsLoanMonthRollup({
              measures: ['minRate'],
              having: { maxRate: { gt: 0 } },
              orderBy: [{ measure: 'MIN_RATE' }],
            }),
            true,
          );
          assert.equal(fitsLoanMonthRollup({ groupBy: ['PRODUCT'], measures: ['loanCount'] }), false);
          assert.equal(fitsLoanMonthRollup({ groupBy: ['DISBURSEMENT_WEEK'], measures: ['loanCount'] }), false);
          assert.equal(
            fitsLoanMonthRollup({
              groupBy: ['COUNTY'],
              measures: ['loanCount'],
              where: { status: { eq: 'DISBURSED' } },
            }),
            false,
          );
          assert.equal(fitsLoanMonthRollup({ groupBy: ['COUNTY'], measures: ['key', 'loanCount'], where: {} }), true);
        });

        await t.test('after the scenario was inserted', () => assertSameFigures(db, 'inserted'));

        await t.test(
          'borrowers by county and month come from the loans while a cell has a region that is not a county',
          async () => {
            // The scenario's prefecture Hami holds loans: they share the null county group with loans without a region.
            assert.equal(await monthCellsAreCounties(db), false);
            const request = { groupBy: ['COUNTY', 'DISBURSEMENT_MONTH'], first: 10_000 };
            const fromLoans = await loanStatistics(db, { ...request, rollups: false }, unrestrictedScope);
            assert.deepEqual(await loanStatistics(db, request, unrestrictedScope), fromLoans);
            const merged = await fromRollupSource(db, request);
            assert.notDeepEqual(merged, fromLoans, 'summing the cells of a group would count a borrower twice');
            const [hami] = await db.sql.query<{ id: number }>(`SELECT id FROM "Region" WHERE code = '6505'`);
            const [ruoqiang] = await db.sql.query<{ id: number }>(`SELECT id FROM "Region" WHERE code = '652824'`);
            // Moving its loans to a county (between cells) makes every group of county × month one cell.
            const moved = await db.prisma.enterpriseLoan.updateMany({
              where: { regionId: hami!.id },
              data: { regionId: ruoqiang!.id },
            });
            assert.ok(moved.count > 0);
            assert.equal(await monthCellsAreCounties(db), true);
            await assertSameFigures(db, 'moved to a county');
          },
        );

        await t.test('a caller limited to a branch never reads the rollups, which hold every branch', async () => {
          // The leaf unit with the fewest loans: its subtree is exactly its own loans.
          const [unit] = await db.sql.query<{ orgUnitId: number; loans: number }>(
            `SELECT l."orgUnitId", count(*)::int AS loans FROM "EnterpriseLoan" l
              WHERE NOT EXISTS (SELECT 1 FROM "OrgUnit" c WHERE c."parentId" = l."orgUnitId")
              GROUP BY 1 ORDER BY 2, 1 LIMIT 1`,
          );
          const [bank] = await db.sql.query<{ loans: number }>('SELECT count(*)::int AS loans FROM "EnterpriseLoan"');
          assert.ok(unit && bank && unit.loans < bank.loans, 'the scenario has loans outside the chosen branch');
          const branch: AccessScope = { roles: ['ANALYST'], orgUnitId: unit.orgUnitId };
          const request = { measures: ['loanCount'], first: 10_000 };
          assert.ok(fitsLoanMonthRollup(request));
          const scoped = await loanStatistics(db, request, branch);
          assert.deepEqual(scoped, await loanStatistics(db, { ...request, rollups: false }, branch));
          assert.equal(scoped.groups[0]!.loanCount, unit.loans);
          const series = { from: '2019-01-01', to: '2021-12-31', first: 1_000 };
          assert.deepEqual(
            await portfolioSeries(db, series, branch),
            await portfolioSeries(db, { ...series, rollups: false }, branch),
          );
        });

        await t.test(
          'after updates of balances, classes, rates, dates and regions, and new and changed snapshots',
          async () => {
            const loans = await db.prisma.enterpriseLoan.findMany({
              orderBy: { id: 'asc' },
              select: { id: true, regionId: true },
            });
            const regions = [...new Set(loans.map((l) => l.regionId).filter((r): r is number => r !== null))];
            assert.ok(regions.length >= 2);
            await db.prisma.enterpriseLoan.update({
              where: { id: loans[0]!.id },
              data: { outstandingBalance: '1234.56', riskClass: 'LOSS' },
            });
            await db.prisma.enterpriseLoan.update({ where: { id: loans[1]!.id }, data: { effectiveRate: null } });
            await db.sql.exec(
              `UPDATE "EnterpriseLoan" SET "firstDisbursementDate" = "contractDate" + 45 WHERE id = ${loans[2]!.id}`,
            );
            await db.prisma.enterpriseLoan.update({
              where: { id: loans[3]!.id },
              data: { firstDisbursementDate: null },
            });
            // Moving loans to another region moves their snapshots with them.
            await db.prisma.enterpriseLoan.updateMany({
              where: { id: { in: loans.slice(4, 40).map((l) => l.id) } },
              data: { regionId: regions[1]! },
            });
            await db.prisma.enterpriseLoan.updateMany({
              where: { id: { in: loans.slice(40, 45).map((l) => l.id) } },
              data: { regionId: null },
            });
            await db.prisma.enterpriseLoan.updateMany({ data: { note: 'touched' } });
            // The lowest and highest rate of a cell rise and fall: its extremes are recounted.
            const [low] = await db.sql.query<{ id: number }>(
              `SELECT id FROM "EnterpriseLoan" WHERE "effectiveRate" IS NOT NULL ORDER BY "effectiveRate", id LIMIT 1`,
            );
            const [high] = await db.sql.query<{ id: number }>(
              `SELECT id FROM "EnterpriseLoan" WHERE "effectiveRate" IS NOT NULL ORDER BY "effectiveRate" DESC, id LIMIT 1`,
            );
            await db.prisma.enterpriseLoan.update({ where: { id: low!.id }, data: { effectiveRate: '0.059000' } });
            await db.prisma.enterpriseLoan.update({ where: { id: high!.id }, data: { effectiveRate: '0.031000' } });
            // A change of borrower changes no sum, only its cell's borrower count.
            const enterprises = await db.prisma.enterprise.findMany({ orderBy: { id: 'asc' }, select: { id: true } });
            await db.sql.exec(`UPDATE "EnterpriseLoan" SET "enterpriseId" = ${enterprises[0]!.id} WHERE id % 7 = 0`);
            assert.deepEqual(
              await db.sql.query(recomputed.monthTable),
              await db.sql.query(recomputed.months),
              'after a change of borrowers',
            );
            // New loans of a borrower in existing cells, one statement.
            await db.sql.exec(`INSERT INTO "EnterpriseLoan" ("contractNo", "enterpriseId", "orgUnitId", "regionId", product, "regulatoryClass", "policyRegime",
              "effectiveRate", "contractAmount", "disbursedAmount", "outstandingBalance", "contractDate", "firstDisbursementDate", "maturityDate", status,
              "riskClass", "dataSource", "updatedAt")
            SELECT 'BI-NEW-' || id, ${enterprises.at(-1)!.id}, "orgUnitId", "regionId", product, "regulatoryClass", "policyRegime", 0.029, "contractAmount",
              "disbursedAmount", "outstandingBalance", "contractDate", "firstDisbursementDate", "maturityDate", status, "riskClass", "dataSource", now()
            FROM "EnterpriseLoan" WHERE id % 11 = 0 AND "contractNo" LIKE 'BI-0%'`);
            await db.sql.exec(
              `UPDATE "EnterpriseLoan" SET "outstandingBalance" = round("outstandingBalance" / 3, 2) WHERE id % 3 = 0`,
            );
            await db.sql.exec(
              `UPDATE "LoanClassificationSnapshot" SET "riskClass" = 'DOUBTFUL', "outstandingBalance" = "outstandingBalance" + 0.01 WHERE id % 4 = 0`,
            );
            await db.prisma.loanClassificationSnapshot.create({
              data: {
                loanId: loans[50]!.id,
                monthEnd: new Date('2021-11-30'),
                riskClass: 'SUBSTANDARD',
                outstandingBalance: '777.77',
              },
            });
            await assertSameFigures(db, 'updated');
          },
        );

        await t.test('after deleting snapshots, and loans whose snapshots go with them', async () => {
          const loans = await db.prisma.enterpriseLoan.findMany({
            orderBy: { id: 'desc' },
            take: 30,
            select: { id: true },
          });
          await db.sql.exec(`DELETE FROM "LoanClassificationSnapshot" WHERE id % 5 = 1`);
          await db.prisma.loanCampaign.deleteMany({ where: { loanId: { in: loans.map((l) => l.id) } } });
          await db.prisma.impactRecord.deleteMany({ where: { loanId: { in: loans.map((l) => l.id) } } });
          await db.prisma.enterpriseLoan.deleteMany({ where: { id: { in: loans.map((l) => l.id) } } });
          await assertSameFigures(db, 'deleted');
        });

        await t.test(
          'the synthetic seeder, which adds its chunks to the rollups itself, leaves them exact',
          async () => {
            const seeded = await createTestDatabase(backend);
            try {
              await seedSynthetic(seeded.db, { loans: 400, seed: 5 });
              const months = await seeded.db.sql.query(recomputed.months);
              assert.ok(months.length > 10);
              assert.deepEqual(await seeded.db.sql.query(recomputed.monthTable), months);
              assert.deepEqual(
                await seeded.db.sql.query(recomputed.snapshotTable),
                await seeded.db.sql.query(recomputed.snapshots),
              );
              assert.deepEqual(
                await seeded.db.sql.query(recomputed.borrowerTable),
                await seeded.db.sql.query(recomputed.borrowers),
              );
            } finally {
              await seeded.dispose();
            }
          },
        );

        if (backend === 'postgres') {
          await t.test('two writers adding the same new borrower to a cell at once count it once', async () => {
            const [cell] = await db.sql.query<{ id: number; enterpriseId: number }>(
              `SELECT l.id, e.id AS "enterpriseId" FROM "EnterpriseLoan" l CROSS JOIN "Enterprise" e
                WHERE l."regionId" IS NOT NULL AND l."firstDisbursementDate" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "EnterpriseLoan" o
                  WHERE o."enterpriseId" = e.id AND o."regionId" = l."regionId"
                    AND date_trunc('month', o."firstDisbursementDate") = date_trunc('month', l."firstDisbursementDate"))
                ORDER BY l.id, e.id LIMIT 1`,
            );
            assert.ok(cell, 'some borrower has no loan in some cell');
            const copy = (
              suffix: string,
            ) => `INSERT INTO "EnterpriseLoan" ("contractNo", "enterpriseId", "orgUnitId", "regionId", product, "regulatoryClass",
                "policyRegime", "effectiveRate", "contractAmount", "contractDate", "firstDisbursementDate", "maturityDate", status, "riskClass", "dataSource", "updatedAt")
              SELECT 'RACE-${suffix}', ${cell.enterpriseId}, "orgUnitId", "regionId", product, "regulatoryClass", "policyRegime", "effectiveRate",
                "contractAmount", "contractDate", "firstDisbursementDate", "maturityDate", status, "riskClass", "dataSource", now()
              FROM "EnterpriseLoan" WHERE id = ${cell.id}`;
            await db.sql.withConnection((a) =>
              db.sql.withConnection(async (b) => {
                await a.exec('BEGIN');
                await b.exec('BEGIN');
                await a.exec(copy('A'));
                // B's trigger waits for A's lock on the cell's rollup row, then must see A's loan.
                const second = b.exec(copy('B'));
                await new Promise((resolve) => setTimeout(resolve, 200));
                await a.exec('COMMIT');
                await second;
                await b.exec('COMMIT');
              }),
            );
            assert.deepEqual(await db.sql.query(recomputed.monthTable), await db.sql.query(recomputed.months));
            assert.deepEqual(await db.sql.query(recomputed.borrowerTable), await db.sql.query(recomputed.borrowers));
            // Both leave at once: the cell is recounted by each, the later one seeing the other's delete.
            await db.sql.withConnection((a) =>
              db.sql.withConnection(async (b) => {
                await a.exec('BEGIN');
                await b.exec('BEGIN');
                await a.exec(`DELETE FROM "EnterpriseLoan" WHERE "contractNo" = 'RACE-A'`);
                const second = b.exec(`DELETE FROM "EnterpriseLoan" WHERE "contractNo" = 'RACE-B'`);
                await new Promise((resolve) => setTimeout(resolve, 200));
                await a.exec('COMMIT');
                await second;
                await b.exec('COMMIT');
              }),
            );
            assert.deepEqual(await db.sql.query(recomputed.monthTable), await db.sql.query(recomputed.months));
            assert.deepEqual(await db.sql.query(recomputed.borrowerTable), await db.sql.query(recomputed.borrowers));
          });
        }

        await t.test('a transaction that rolls back leaves the rollups as they were', async () => {
          const before = await db.sql.query(recomputed.monthTable);
          const borrowersBefore = await db.sql.query(recomputed.borrowerTable);
          await assert.rejects(
            db.prisma.$transaction(async (tx) => {
              await tx.enterpriseLoan.updateMany({ data: { outstandingBalance: 0, effectiveRate: 0.05 } });
              await tx.enterpriseLoan.deleteMany({ where: { contractNo: { startsWith: 'BI-NEW-' } } });
              throw new Error('rolled back');
            }),
          );
          assert.deepEqual(await db.sql.query(recomputed.monthTable), before);
          assert.deepEqual(await db.sql.query(recomputed.borrowerTable), borrowersBefore);
        });
      } finally {
        await dispose();
      }
    });
  }
});
