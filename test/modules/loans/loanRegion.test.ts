import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Prisma } from '../../../src/generated/prisma/client.js';
import { loanInRegionsSql, loanRegionSql } from '../../../src/modules/loans/loanRegion.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';
import { fixtureIds, insertInvariantFixture, insertRow } from '../../support/invariantFixture.js';

// `inRegion` on loans compiles to loanInRegionsSql, which must select exactly the loans whose
// region by the fallback rule (loanRegionSql) is in the subtree: every combination of a stored
// region, a site or none, and a borrower's head office or none.
for (const backend of await testBackends()) {
  describe(`a loan's region condition agrees with its region rule (${backend})`, () => {
    let database: TestDatabase;
    const regions = [null, fixtureIds.dengfeng, fixtureIds.yeCounty];
    const siteRegions = [fixtureIds.dengfeng, fixtureIds.yeCounty];
    before(async () => {
      database = await createTestDatabase(backend);
      const sql = database.db.sql;
      await insertInvariantFixture(sql);
      for (const [e, headOffice] of regions.entries()) {
        await insertRow(sql, 'Enterprise', {
          id: 9610 + e,
          name: `Borrower ${e}`,
          anonymised: true,
          headOfficeRegionId: headOffice,
        });
        // A site always has a region (the column is NOT NULL).
        for (const [s, region] of siteRegions.entries()) {
          await insertRow(sql, 'EnterpriseSite', {
            id: 9620 + e * 2 + s,
            enterpriseId: 9610 + e,
            regionId: region,
            kind: 'FARM',
          });
        }
      }
      let id = 9700;
      for (const [e] of regions.entries()) {
        for (const site of [null, 0, 1]) {
          for (const stored of regions) {
            id += 1;
            await insertRow(sql, 'EnterpriseLoan', {
              id,
              contractNo: `RG-${id}`,
              enterpriseId: 9610 + e,
              siteId: site === null ? null : 9620 + e * 2 + site,
              regionId: stored,
              orgUnitId: fixtureIds.branch,
              product: 'WORKING_CAPITAL',
              regulatoryClass: 'INDUSTRY',
              policyRegime: 'TARGETED_2016_2020',
              status: 'DISBURSED',
            });
          }
        }
      }
    });
    after(() => database?.dispose());

    const ids = async (condition: Prisma.Sql) => {
      const query = Prisma.sql`SELECT "l"."id" FROM "EnterpriseLoan" "l" WHERE ${condition} ORDER BY 1`;
      return (await database.db.sql.query<{ id: number }>(query.text, query.values)).map((row) => row.id);
    };

    test('the same loans for every subtree, and the rest under NOT (never null)', async () => {
      const all = await ids(Prisma.sql`TRUE`);
      assert.equal(all.length, 1 + 3 * 3 * 3);
      for (const code of ['41', '4101', '410185', '4104', '410422', '65']) {
        const subtree = Prisma.sql`(SELECT "g"."id" FROM "Region" "g" WHERE starts_with("g"."code", ${code}))`;
        const expected = await ids(Prisma.sql`${loanRegionSql('l')} IN ${subtree}`);
        // Either form of the stored region's test (array for a county, hashed set above it).
        for (const narrow of [false, true]) {
          const condition = loanInRegionsSql('l', subtree, narrow);
          assert.deepEqual(await ids(condition), expected, `${code}, narrow ${narrow}`);
          const rest = all.filter((loan) => !expected.includes(loan));
          assert.deepEqual(await ids(Prisma.sql`NOT ${condition}`), rest, `${code}, narrow ${narrow}`);
        }
      }
      const henan = Prisma.sql`(SELECT "g"."id" FROM "Region" "g" WHERE starts_with("g"."code", '41'))`;
      // Only the fixture loan and the loan of the borrower without a head office, with no site and no stored region are outside Henan.
      assert.deepEqual(await ids(Prisma.sql`NOT ${loanInRegionsSql('l', henan, false)}`), [fixtureIds.loan, 9701]);
    });
  });
}
