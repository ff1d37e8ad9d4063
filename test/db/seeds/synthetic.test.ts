// The synthetic data set: deterministic per (loans, seed), the requested size, every loan within
// the invariants of shared/domain.md and consistent with its schedule, repayments and snapshots,
// valid credit codes (checked by an independent implementation below), and Henan's real counties.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedArticle } from '../../../src/db/seeds/article/index.js';
import {
  removeSyntheticData,
  seedSynthetic,
  SyntheticDataExistsError,
  syntheticPlan,
  syntheticTables,
  type SyntheticSeedResult,
} from '../../../src/db/seeds/synthetic/index.js';
import type { Database } from '../../../src/db/client.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';

const loans = 300;

/** GB 32100-2015 check, written from the standard rather than imported from the seed. */
function creditCodeValid(code: string): boolean {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(code[i]!) * (3 ** i % 31);
  return alphabet[(31 - (sum % 31)) % 31] === code[17];
}

/** One md5 per table over its synthetic rows, each row keyed by natural keys, never by ids. */
const fingerprints: Record<string, string> = {
  loans: `SELECT l."contractNo" AS k, (l."contractNo", e."creditCode", o.code, s.name, r.code, l.product, l."regulatoryClass",
            l."policyRegime", l."financingModel", l.guarantee, l."rateType", l."lprTenor", l."lprAtPricing", l."spreadBps",
            l."effectiveRate", l."interestSubsidyRate", l."repaymentMethod", l."contractAmount", l."disbursedAmount",
            l."outstandingBalance", l."overduePrincipal", l."overdueInterest", l."daysPastDue", l."contractDate",
            l."firstDisbursementDate", l."maturityDate", l."termMonths", l."deferredUntil", l.status, l."riskClass",
            l."supportSector")::text AS t
          FROM "EnterpriseLoan" l JOIN "Enterprise" e ON e.id = l."enterpriseId" JOIN "OrgUnit" o ON o.id = l."orgUnitId"
          LEFT JOIN "EnterpriseSite" s ON s.id = l."siteId" LEFT JOIN "Region" r ON r.id = l."regionId"
          WHERE l."dataSource" = 'SYNTHETIC'`,
  schedules: `SELECT l."contractNo" || '/' || lpad(i.seq::text, 3, '0') AS k,
                (i."dueDate", i."principalDue", i."interestDue", i."principalPaid", i."interestPaid", i.status)::text AS t
              FROM "RepaymentScheduleItem" i JOIN "EnterpriseLoan" l ON l.id = i."loanId" WHERE i."dataSource" = 'SYNTHETIC'`,
  repayments: `SELECT l."contractNo" || '/' || lpad(i.seq::text, 3, '0') AS k, (p."paidOn", p.principal, p.interest, p.penalty)::text AS t
               FROM "Repayment" p JOIN "EnterpriseLoan" l ON l.id = p."loanId" JOIN "RepaymentScheduleItem" i ON i.id = p."scheduleItemId"
               WHERE p."dataSource" = 'SYNTHETIC'`,
  snapshots: `SELECT l."contractNo" || '/' || c."monthEnd" AS k, (c."riskClass", c."outstandingBalance", c."daysPastDue")::text AS t
              FROM "LoanClassificationSnapshot" c JOIN "EnterpriseLoan" l ON l.id = c."loanId" WHERE c."dataSource" = 'SYNTHETIC'`,
  enterprises: `SELECT e."creditCode" AS k, (e.name, e."industryCode", e.size, e."leadingEnterpriseLevel", r.code,
                  (SELECT string_agg(s.name || ':' || s.kind || ':' || sr.code || ':' || s."openedOn", ',' ORDER BY s.name)
                   FROM "EnterpriseSite" s JOIN "Region" sr ON sr.id = s."regionId" WHERE s."enterpriseId" = e.id))::text AS t
                FROM "Enterprise" e JOIN "Region" r ON r.id = e."headOfficeRegionId" WHERE e."dataSource" = 'SYNTHETIC'`,
  villages: `SELECT v.code AS k, (v.name, v."wasPoorVillage", v."exitYear", v."registeredPoorHouseholds", v.population)::text AS t
             FROM "Village" v WHERE v."dataSource" = 'SYNTHETIC'`,
  impact: `SELECT coalesce(l."contractNo", i.code) AS k, (x.mechanism, x."peopleDriven", x."registeredPoorPeople",
             x."registeredPoorHouseholds", x."employeesTotal", x."poorEmployeeShare", x."incomeIncrease", x."verifiedBy")::text AS t
           FROM "ImpactRecord" x LEFT JOIN "EnterpriseLoan" l ON l.id = x."loanId" LEFT JOIN "Initiative" i ON i.id = x."initiativeId"
           WHERE x."dataSource" = 'SYNTHETIC'`,
  campaigns: `SELECT l."contractNo" AS k, c.code AS t FROM "LoanCampaign" lc JOIN "EnterpriseLoan" l ON l.id = lc."loanId"
              JOIN "Campaign" c ON c.id = lc."campaignId" WHERE lc."dataSource" = 'SYNTHETIC'`,
};

async function fingerprint(db: Database, table: string): Promise<string> {
  const [row] = await db.sql.query<{ md5: string; n: number }>(
    `SELECT md5(coalesce(string_agg(k || '=' || t, E'\\n' ORDER BY k, t), '')) AS md5, count(*)::int AS n FROM (${fingerprints[table]}) x`,
  );
  assert.ok(row && Number(row.n) > 0, `${table} has synthetic rows to compare`);
  return row.md5;
}

/** The three loan rollups, keyed by region code and month rather than by ids. */
const rollupQueries: Record<string, string> = {
  LoanMonthRollup: `SELECT r.code AS region, u."disbursementMonth"::text AS month, u."loanCount", u."contractAmount"::text,
      u."disbursedAmount"::text, u."outstandingBalance"::text, u."overduePrincipal"::text, u."nonPerformingBalance"::text,
      u."rateCount", u."rateSum"::text, u."rateTimesBalance"::text, u."ratedBalance"::text, u."borrowerCount",
      u."minRate"::text, u."maxRate"::text
    FROM "LoanMonthRollup" u LEFT JOIN "Region" r ON r.id = u."regionId" ORDER BY 1, 2`,
  LoanBorrowerRollup: `SELECT r.code AS region, e."creditCode", u."loanCount"
    FROM "LoanBorrowerRollup" u LEFT JOIN "Region" r ON r.id = u."regionId" JOIN "Enterprise" e ON e.id = u."enterpriseId" ORDER BY 1, 2`,
  LoanSnapshotRollup: `SELECT r.code AS region, u."monthEnd"::text AS month, u."loanCount", u."outstandingBalance"::text,
      u."nonPerformingBalance"::text
    FROM "LoanSnapshotRollup" u LEFT JOIN "Region" r ON r.id = u."regionId" ORDER BY 1, 2`,
};

async function rollups(db: Database): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const [table, sql] of Object.entries(rollupQueries)) result[table] = await db.sql.query(sql);
  return result;
}

async function violators(db: Database, sql: string): Promise<unknown[]> {
  return db.sql.query(sql);
}

for (const backend of await testBackends()) {
  describe(`synthetic data set (${backend})`, () => {
    let first: TestDatabase;
    let twin: TestDatabase;
    let other: TestDatabase;
    let result: SyntheticSeedResult;
    let otherResult: SyntheticSeedResult;

    before(async () => {
      [first, twin, other] = await Promise.all([
        createTestDatabase(backend),
        createTestDatabase(backend),
        createTestDatabase(backend),
      ]);
      result = await seedSynthetic(first.db, { loans, seed: 7 });
      // The twin keeps its rollups by the triggers, chunk by chunk; the first rebuilds them at the end.
      await seedSynthetic(twin.db, { loans, seed: 7, rollups: 'triggers' });
      // The third database already holds the article data set, as a deployment would.
      await seedArticle(other.db);
      otherResult = await seedSynthetic(other.db, { loans, seed: 8 });
    });
    after(async () => {
      await Promise.all([first, twin, other].map((database) => database?.dispose()));
    });

    test('two fresh databases seeded alike hold identical rows in every generated table', async () => {
      for (const table of Object.keys(fingerprints)) {
        assert.equal(await fingerprint(twin.db, table), await fingerprint(first.db, table), table);
      }
    });

    test('rollups rebuilt after the seed equal the ones its triggers keep, cell by cell', async () => {
      const rebuilt = await rollups(first.db);
      const maintained = await rollups(twin.db);
      for (const table of Object.keys(rollupQueries)) {
        assert.ok((rebuilt[table]?.length ?? 0) > 10, `${table} has cells`);
        assert.deepEqual(rebuilt[table], maintained[table], table);
      }
      // Rebuilding what the triggers kept changes nothing.
      await twin.db.sql.exec('SELECT "dishui_refresh_loan_rollups"()');
      assert.deepEqual(await rollups(twin.db), maintained);
      // And the rebuilt rollups say what the loans say.
      const [totals] = await first.db.sql.query<{ ok: boolean }>(
        `SELECT (SELECT sum("loanCount") FROM "LoanMonthRollup") = (SELECT count(*) FROM "EnterpriseLoan")
            AND (SELECT sum("outstandingBalance") FROM "LoanMonthRollup") = (SELECT sum("outstandingBalance") FROM "EnterpriseLoan")
            AND (SELECT sum("loanCount") FROM "LoanSnapshotRollup") = (SELECT count(*) FROM "LoanClassificationSnapshot") AS ok`,
      );
      assert.equal(totals?.ok, true);
    });

    test('every seeded loan and impact record is in the change feed with a change time', async () => {
      for (const database of [first, twin]) {
        const [row] = await database.db.sql.query<{ loans: number; impact: number; missing: number }>(
          `SELECT (SELECT count(*)::int FROM "EnterpriseLoan") AS loans, (SELECT count(*)::int FROM "ImpactRecord") AS impact,
             (SELECT count(*)::int FROM "EnterpriseLoan" l WHERE NOT EXISTS (SELECT 1 FROM "FactChange" c
                WHERE c.kind = 'loan-facts' AND c."factId" = l.id AND NOT c.deleted AND c."changedAt" IS NOT NULL))
             + (SELECT count(*)::int FROM "ImpactRecord" i WHERE NOT EXISTS (SELECT 1 FROM "FactChange" c
                WHERE c.kind = 'impact-facts' AND c."factId" = i.id AND NOT c.deleted AND c."changedAt" IS NOT NULL)) AS missing`,
        );
        assert.equal(Number(row?.loans), loans);
        assert.ok(Number(row?.impact) > 0);
        assert.equal(Number(row?.missing), 0);
      }
    });

    test('another seed gives other loans, schedules and enterprises', async () => {
      for (const table of ['loans', 'schedules', 'enterprises']) {
        assert.notEqual(await fingerprint(other.db, table), await fingerprint(first.db, table), table);
      }
    });

    test('row counts match the request and the counts the seeder reports', async () => {
      const plan = syntheticPlan({ loans, seed: 7 });
      assert.equal(result.rows.EnterpriseLoan, loans);
      assert.equal(result.rows.Enterprise, plan.enterprises);
      assert.equal(result.rows.Village, 157 * plan.villagesPerCounty);
      for (const table of syntheticTables) {
        const [row] = await first.db.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "${table}" WHERE "dataSource" = 'SYNTHETIC'`,
        );
        assert.equal(Number(row!.n), result.rows[table], table);
      }
      assert.ok(result.rows.RepaymentScheduleItem > loans, 'loans have schedules');
      assert.ok(
        result.rows.LoanClassificationSnapshot > 0 && result.rows.ImpactRecord > 0 && result.rows.LoanCampaign > 0,
      );
    });

    test('every row of a fresh database is SYNTHETIC', async () => {
      for (const table of syntheticTables) {
        const rows = await violators(first.db, `SELECT 1 FROM "${table}" WHERE "dataSource" <> 'SYNTHETIC' LIMIT 1`);
        assert.deepEqual(rows, [], table);
      }
    });

    test('every loan keeps its amounts, dates, status, pricing and regime consistent', async () => {
      const checks: Record<string, string> = {
        'balance <= disbursed <= contract': `"outstandingBalance" > "disbursedAmount" OR "disbursedAmount" > "contractAmount" OR "contractAmount" <= 0`,
        'maturity after contract, disbursement not before it': `"maturityDate" <= "contractDate" OR "firstDisbursementDate" < "contractDate"`,
        'contract dates in 2016-2024': `"contractDate" NOT BETWEEN DATE '2016-01-01' AND DATE '2024-12-31'`,
        'REPAID and WRITTEN_OFF owe nothing': `status IN ('REPAID', 'WRITTEN_OFF') AND "outstandingBalance" <> 0`,
        'undisbursed loans have no money out nor risk class': `status IN ('APPLIED', 'APPROVED', 'REJECTED')
           AND ("disbursedAmount" <> 0 OR "firstDisbursementDate" IS NOT NULL OR "riskClass" IS NOT NULL)`,
        'disbursed loans have a risk class and a first disbursement': `status IN ('DISBURSED', 'REPAID', 'OVERDUE', 'WRITTEN_OFF')
           AND ("riskClass" IS NULL OR "firstDisbursementDate" IS NULL OR "disbursedAmount" <= 0)`,
        'only OVERDUE loans are past due': `(status = 'OVERDUE') <> coalesce("daysPastDue" > 0, false)
           OR "overduePrincipal" > "outstandingBalance"`,
        'matured loans are no longer DISBURSED': `status = 'DISBURSED' AND "maturityDate" <= DATE '2024-12-31'`,
        'policy regime follows the contract date': `("contractDate" < DATE '2021-01-01') <> ("policyRegime" = 'TARGETED_2016_2020')`,
        'LPR-priced loans: rate = LPR in force + spread': `"lprAtPricing" IS NOT NULL AND ("effectiveRate" <> "lprAtPricing" + "spreadBps" / 10000.0
           OR "spreadBps" NOT BETWEEN -100 AND 300 OR "lprAtPricing" <> (SELECT r.rate FROM "LprRate" r WHERE r.tenor = "lprTenor"
             AND r."effectiveDate" <= "contractDate" ORDER BY r."effectiveDate" DESC LIMIT 1))`,
        'loans before the LPR reform are fixed-rate near the benchmark': `"contractDate" < DATE '2019-08-20'
           AND ("lprAtPricing" IS NOT NULL OR "rateType" <> 'FIXED' OR "effectiveRate" NOT BETWEEN 0.035 AND 0.07)`,
      };
      for (const [rule, where] of Object.entries(checks)) {
        const rows = await violators(
          first.db,
          `SELECT "contractNo" FROM "EnterpriseLoan" WHERE "dataSource" = 'SYNTHETIC' AND (${where}) LIMIT 5`,
        );
        assert.deepEqual(rows, [], rule);
      }
      const [mix] = await first.db.sql.query<{ normal: number; total: number; statuses: number }>(
        `SELECT count(*) FILTER (WHERE "riskClass" = 'NORMAL')::int AS normal, count("riskClass")::int AS total,
                count(DISTINCT status)::int AS statuses FROM "EnterpriseLoan" WHERE "dataSource" = 'SYNTHETIC'`,
      );
      assert.ok(mix!.normal >= 0.85 * mix!.total, `mostly NORMAL: ${mix!.normal} of ${mix!.total}`);
      assert.ok(mix!.statuses >= 5, 'the lifecycle is represented');
    });

    test('schedules, repayments and snapshots add up to each loan', async () => {
      const checks: Record<string, string> = {
        'schedule principal = disbursed, last instalment at maturity': `SELECT l."contractNo" FROM "EnterpriseLoan" l
           JOIN "RepaymentScheduleItem" i ON i."loanId" = l.id WHERE l."dataSource" = 'SYNTHETIC'
           GROUP BY l.id HAVING sum(i."principalDue") <> l."disbursedAmount" OR max(i."dueDate") <> l."maturityDate"
             OR count(*) NOT BETWEEN 1 AND 12`,
        'balance = disbursed - principal paid': `SELECT l."contractNo" FROM "EnterpriseLoan" l
           JOIN "RepaymentScheduleItem" i ON i."loanId" = l.id WHERE l.status IN ('DISBURSED', 'OVERDUE', 'REPAID')
           GROUP BY l.id HAVING l."disbursedAmount" - sum(i."principalPaid") <> l."outstandingBalance"`,
        'one repayment per paid instalment, of its amounts': `SELECT i.id FROM "RepaymentScheduleItem" i
           LEFT JOIN "Repayment" p ON p."scheduleItemId" = i.id
           WHERE (i.status = 'PAID') <> (p.id IS NOT NULL)
              OR (p.id IS NOT NULL AND (p.principal <> i."principalPaid" OR p.interest <> i."interestPaid" OR p."paidOn" > DATE '2024-12-31'))`,
        'snapshots: month ends of 2023-2024 with a balance': `SELECT c.id FROM "LoanClassificationSnapshot" c
           JOIN "EnterpriseLoan" l ON l.id = c."loanId"
           WHERE c."monthEnd" NOT BETWEEN DATE '2023-01-31' AND DATE '2024-12-31' OR c."outstandingBalance" <= 0
              OR c."outstandingBalance" > l."disbursedAmount" OR c."monthEnd" < l."firstDisbursementDate"`,
        'the December 2024 snapshot is the loan': `SELECT l."contractNo" FROM "EnterpriseLoan" l
           LEFT JOIN "LoanClassificationSnapshot" c ON c."loanId" = l.id AND c."monthEnd" = DATE '2024-12-31'
           WHERE l.status IN ('DISBURSED', 'OVERDUE') AND (c.id IS NULL OR c."outstandingBalance" <> l."outstandingBalance"
             OR c."daysPastDue" <> l."daysPastDue" OR c."riskClass" <> l."riskClass")`,
        'impact counts nest': `SELECT id FROM "ImpactRecord" WHERE "registeredPoorPeople" > "peopleDriven"
           OR "registeredPoorHouseholds" > "registeredPoorPeople"`,
      };
      for (const [rule, sql] of Object.entries(checks)) {
        assert.deepEqual(await violators(first.db, `${sql} LIMIT 5`), [], rule);
      }
    });

    test('every enterprise has a valid unified social credit code under its county', async () => {
      const rows = await first.db.sql.query<{ code: string; county: string }>(
        `SELECT e."creditCode" AS code, r.code AS county FROM "Enterprise" e JOIN "Region" r ON r.id = e."headOfficeRegionId"
         WHERE e."dataSource" = 'SYNTHETIC'`,
      );
      assert.equal(rows.length, result.rows.Enterprise);
      for (const { code, county } of rows) {
        assert.ok(creditCodeValid(code), `${code} passes GB 32100`);
        assert.equal(code.slice(2, 8), county, `${code} carries its county`);
      }
      assert.ok(
        creditCodeValid('91350100M000100Y43') && !creditCodeValid('91350100M000100Y44'),
        'the checker itself works',
      );
    });

    test('the org tree has one head-office root above its 18 branches, with paths from the root', async () => {
      const roots = await first.db.sql.query<{ code: string; id: number; path: string }>(
        `SELECT code, id, path FROM "OrgUnit" WHERE "dataSource" = 'SYNTHETIC' AND "parentId" IS NULL`,
      );
      assert.deepEqual(
        roots.map((root) => root.code),
        ['SYN-HO'],
      );
      const [branches] = await first.db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "OrgUnit" WHERE "parentId" = $1 AND code LIKE 'SYN-B%'`,
        [roots[0]!.id],
      );
      assert.equal(Number(branches!.n), 18);
      const stray = await violators(
        first.db,
        `SELECT code FROM "OrgUnit" WHERE "dataSource" = 'SYNTHETIC' AND (path IS NULL OR path NOT LIKE '${roots[0]!.path}%')`,
      );
      assert.deepEqual(stray, []);
    });

    test("Henan's 157 county-level divisions are present with their real codes and prefectures", async () => {
      const counties = await first.db.sql.query<{ code: string; name: string; parent: string }>(
        `SELECT r.code, r.name, p.code AS parent FROM "Region" r JOIN "Region" p ON p.id = r."parentId"
         WHERE r.level = 'COUNTY' AND r.code LIKE '41%' ORDER BY r.code`,
      );
      assert.equal(counties.length, 157);
      const byCode = new Map(counties.map((row) => [row.code, row]));
      for (const [code, name, parent] of [
        ['410102', '中原区', '4101'],
        ['410185', '登封市', '4101'],
        ['410422', '叶县', '4104'],
        ['411729', '新蔡县', '4117'],
        ['410307', '偃师区', '4103'],
        ['419001', '济源市', '4190'],
      ]) {
        assert.deepEqual(byCode.get(code!), { code, name, parent }, code);
      }
      assert.ok(counties.every((row) => row.code.startsWith(row.parent)));
      const [prefectures] = await first.db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Region" WHERE level = 'PREFECTURE' AND code LIKE '41%'`,
      );
      assert.equal(Number(prefectures!.n), 18);
      const [tiers] = await first.db.sql.query<{ national: number; provincial: number }>(
        `SELECT count(*) FILTER (WHERE "povertyTier" = 'NATIONAL')::int AS national,
                count(*) FILTER (WHERE "povertyTier" = 'PROVINCIAL')::int AS provincial
         FROM "Region" WHERE level = 'COUNTY' AND code LIKE '41%'`,
      );
      assert.deepEqual({ ...tiers }, { national: 38, provincial: 15 });
    });

    test('regions the article seed wrote first keep their data; the synthetic set is complete beside them', async () => {
      const [dengfeng] = await other.db.sql.query<{ source: string; aliases: string[] }>(
        `SELECT "dataSource"::text AS source, aliases FROM "Region" WHERE code = '410185'`,
      );
      assert.equal(dengfeng!.source, 'ARTICLE');
      assert.equal(otherResult.rows.EnterpriseLoan, loans);
      const [counties] = await other.db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Region" WHERE level = 'COUNTY' AND code LIKE '41%'`,
      );
      assert.equal(Number(counties!.n), 157);
      const [articleLoans] = await other.db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "EnterpriseLoan" WHERE "dataSource" = 'ARTICLE'`,
      );
      assert.ok(Number(articleLoans!.n) > 0, 'the article loans are still there');
    });

    test('a run that fails part-way removes what it wrote and leaves other data alone', async () => {
      const broken = await createTestDatabase(backend);
      try {
        // A loan entered by hand already holds the contract number of synthetic loan 150.
        await broken.db.sql.exec(`
          INSERT INTO "OrgUnit" (code, name, "nameZh", kind, "dataSource") VALUES ('HAND-1', 'Hand', '手工', 'TIER1_BRANCH', 'API');
          INSERT INTO "Enterprise" (name, "dataSource") VALUES ('Hand', 'API');
          INSERT INTO "EnterpriseLoan" ("contractNo", "enterpriseId", "orgUnitId", product, "regulatoryClass", "policyRegime", status, "dataSource")
          SELECT 'SYN-7-00000150', e.id, o.id, 'WORKING_CAPITAL', 'NONE', 'TRANSITION_2021_2025', 'APPLIED', 'API'
          FROM "Enterprise" e, "OrgUnit" o`);
        await assert.rejects(seedSynthetic(broken.db, { loans, seed: 7 }), /contractNo|duplicate key/);
        for (const table of syntheticTables.filter((name) => name !== 'Region' && name !== 'LprRate')) {
          const [row] = await broken.db.sql.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "${table}" WHERE "dataSource" = 'SYNTHETIC'`,
          );
          assert.equal(Number(row!.n), 0, table);
        }
        const [kept] = await broken.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "EnterpriseLoan"`);
        assert.equal(Number(kept!.n), 1);
        const [cells] = await broken.db.sql.query<{ n: number }>(
          `SELECT sum("loanCount")::int AS n FROM "LoanMonthRollup"`,
        );
        assert.equal(Number(cells!.n), 1, 'the rollups hold the one loan left');
      } finally {
        await broken.dispose();
      }
    });

    test('a second seeding refuses and writes nothing; after removal the same seed comes back', async () => {
      const before = await fingerprint(first.db, 'loans');
      await assert.rejects(seedSynthetic(first.db, { loans: 10, seed: 99 }), SyntheticDataExistsError);
      assert.equal(await fingerprint(first.db, 'loans'), before);
      await removeSyntheticData(first.db);
      for (const table of syntheticTables.filter((name) => name !== 'Region' && name !== 'LprRate')) {
        const [row] = await first.db.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "${table}" WHERE "dataSource" = 'SYNTHETIC'`,
        );
        assert.equal(Number(row!.n), 0, table);
      }
      const [cells] = await first.db.sql.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM "LoanMonthRollup") + (SELECT count(*) FROM "LoanBorrowerRollup")
           + (SELECT count(*) FROM "LoanSnapshotRollup") AS n`,
      );
      assert.equal(Number(cells!.n), 0, 'no rollup cell outlives the synthetic loans');
      await seedSynthetic(first.db, { loans, seed: 7 });
      assert.equal(await fingerprint(first.db, 'loans'), before);
    });
  });
}
