import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loanStatistics } from '../../../src/modules/analytics/loanStatistics.service.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';
import { insertScopeFixture, scopeIds } from './scopeFixture.js';

// The read API scopes a subtree by OrgUnit.path (policy.ts orgUnitSubtreeSql), so the path must
// follow "parentId" whatever a writer does: insert, move a unit, write a path by hand.
for (const backend of await testBackends()) {
  describe(`org-unit paths follow the tree (${backend})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(backend);
      await insertScopeFixture(database.db);
    });
    after(() => database?.dispose());

    const pathOf = async (id: number) =>
      (await database.db.sql.query<{ path: string }>('SELECT "path" FROM "OrgUnit" WHERE "id" = $1', [id]))[0]!.path;
    /** Contract numbers of the loans an analyst bound to `orgUnitId` counts, by the read API's rule. */
    const loansSeenBy = async (orgUnitId: number) => {
      const scope = { roles: ['ANALYST'] as const, orgUnitId };
      const { groups } = await loanStatistics(database.db, { groupBy: ['ORG_UNIT'], measures: ['loanCount'] }, scope);
      return groups.map((group) => `${group.key.orgUnitCode}:${group.loanCount}`).sort();
    };

    test('an inserted unit gets its parent path plus its own id, whatever path the writer gave', async () => {
      const parent = await pathOf(scopeIds.parent);
      assert.match(parent, /^\/(\d+\/)+$/);
      assert.equal(await pathOf(scopeIds.branchA), `${parent}${scopeIds.branchA}/`);
      assert.equal(await pathOf(scopeIds.outletA1), `${parent}${scopeIds.branchA}/${scopeIds.outletA1}/`);
      await database.db.sql.query('UPDATE "OrgUnit" SET "path" = $1 WHERE "id" = $2', ['/', scopeIds.outletA1]);
      assert.equal(await pathOf(scopeIds.outletA1), `${parent}${scopeIds.branchA}/${scopeIds.outletA1}/`);
    });

    test('a unit moved to another parent takes its subtree along, and scoped reads follow', async () => {
      assert.deepEqual(await loansSeenBy(scopeIds.branchA), ['SC-A1:1']);
      assert.deepEqual(await loansSeenBy(scopeIds.branchB), ['SC-B:1']);
      // Move branch A (with its outlet A1) below branch B.
      await database.db.sql.query('UPDATE "OrgUnit" SET "parentId" = $1 WHERE "id" = $2', [
        scopeIds.branchB,
        scopeIds.branchA,
      ]);
      const b = await pathOf(scopeIds.branchB);
      assert.equal(await pathOf(scopeIds.outletA1), `${b}${scopeIds.branchA}/${scopeIds.outletA1}/`);
      assert.deepEqual(await loansSeenBy(scopeIds.branchB), ['SC-A1:1', 'SC-B:1']);
      assert.deepEqual(await loansSeenBy(scopeIds.branchA), ['SC-A1:1']);
      assert.deepEqual(await loansSeenBy(scopeIds.outletA1), ['SC-A1:1']);
    });

    test('a unit cannot be placed below itself', async () => {
      await assert.rejects(
        database.db.sql.query('UPDATE "OrgUnit" SET "parentId" = $1 WHERE "id" = $2', [
          scopeIds.outletA1,
          scopeIds.branchA,
        ]),
        /below its own subtree/,
      );
      await assert.rejects(
        database.db.sql.query('UPDATE "OrgUnit" SET "parentId" = "id" WHERE "id" = $1', [scopeIds.branchB]),
        /below its own subtree/,
      );
    });
  });
}
