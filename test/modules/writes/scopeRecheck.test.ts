import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { GraphQLContext } from '../../../src/context.js';
import type { Database } from '../../../src/db/client.js';
import { scopeOf } from '../../../src/modules/auth/accessScope.js';
import { toGlobalId } from '../../../src/engine/globalId.js';
import { mutationResolvers } from '../../../src/modules/writes/mutations.resolvers.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';
import { callers, insertScopeFixture, scopeIds } from '../auth/scopeFixture.js';

/**
 * The real database, whose `$transaction` first runs `between` once: a change committed after the
 * resolver's scope check and before the write's transaction opens, the window a concurrent request
 * could use. Deterministic, unlike racing two requests.
 */
function changedBeforeTransaction(db: Database, between: () => Promise<unknown>): Database {
  let pending = true;
  const prisma = new Proxy(db.prisma, {
    get(target, property) {
      if (property === '$transaction') {
        return async (...args: unknown[]) => {
          if (pending) {
            pending = false;
            await between();
          }
          return (target.$transaction as (...a: unknown[]) => unknown)(...args);
        };
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...db, prisma } as Database;
}

describe("a mutation re-checks the caller's scope inside its transaction", async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let db: Database;
      before(async () => {
        database = await createTestDatabase(backend);
        db = database.db;
        await insertScopeFixture(db);
      });
      after(() => database?.dispose());

      const manager = callers.managerA;
      const context = (through: Database): GraphQLContext => ({
        db: through,
        requestId: 'req-recheck',
        loaders: {} as GraphQLContext['loaders'],
        viewer: manager,
        scope: scopeOf(manager),
      });
      const rename = async (through: Database, name: string) => {
        const { version } = await db.prisma.initiative.findUniqueOrThrow({ where: { id: scopeIds.initiativeA } });
        return mutationResolvers.Mutation.updateInitiative(
          null,
          { input: { id: toGlobalId('Initiative', scopeIds.initiativeA), expectedVersion: version, name } },
          context(through),
        );
      };
      const nameOf = async () =>
        (await db.prisma.initiative.findUniqueOrThrow({ where: { id: scopeIds.initiativeA } })).name;

      test('without a change in between, the write goes through (the control)', async () => {
        const payload = await rename(
          changedBeforeTransaction(db, async () => undefined),
          'Renamed once',
        );
        assert.deepEqual(payload.userErrors, []);
        assert.equal(await nameOf(), 'Renamed once');
      });

      test('the branch tree changed in between: the unit moved under another branch, the write is NOT_FOUND, nothing written', async () => {
        const moveOutlet = (parentId: number) =>
          db.sql.query(`UPDATE "OrgUnit" SET "parentId" = $1 WHERE "id" = $2`, [parentId, scopeIds.outletA1]);
        const events = await db.prisma.auditEvent.count();
        try {
          const payload = await rename(
            changedBeforeTransaction(db, () => moveOutlet(scopeIds.branchB)),
            'Renamed out of scope',
          );
          assert.equal(payload.initiative, null);
          assert.deepEqual(
            payload.userErrors.map((error) => [error.code, error.field]),
            [['NOT_FOUND', ['input', 'id']]],
          );
          assert.equal(await nameOf(), 'Renamed once');
          assert.equal(await db.prisma.auditEvent.count(), events, 'no audit event either');
        } finally {
          await moveOutlet(scopeIds.branchA);
        }
      });

      test('the row changed in between: handed to another branch, the write is NOT_FOUND, nothing written', async () => {
        const setOwner = (orgUnitId: number) =>
          db.sql.query(`UPDATE "Initiative" SET "ownerOrgUnitId" = $1 WHERE "id" = $2`, [
            orgUnitId,
            scopeIds.initiativeA,
          ]);
        try {
          const payload = await rename(
            changedBeforeTransaction(db, () => setOwner(scopeIds.branchB)),
            'Renamed out of scope',
          );
          assert.deepEqual(
            payload.userErrors.map((error) => [error.code, error.field]),
            [['NOT_FOUND', ['input', 'id']]],
          );
          assert.equal(await nameOf(), 'Renamed once');
        } finally {
          await setOwner(scopeIds.outletA1);
        }
      });
    });
  }
});
