import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { GraphQLContext } from '../../../src/context.js';
import { scopeOf } from '../../../src/modules/auth/accessScope.js';
import type { Database } from '../../../src/db/client.js';
import { toGlobalId } from '../../../src/engine/globalId.js';
import { mutationResolvers } from '../../../src/modules/writes/mutations.resolvers.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';
import { anonymousViewer, type Viewer } from '../../../src/modules/auth/viewer.js';
import { fingerprint, insertWriteFixture, officer, writeIds } from './writeFixture.js';

// The request's viewer becomes the audit's actor.
const officerViewer: Viewer = { kind: 'user', id: officer.id, roles: ['LOAN_OFFICER'], orgUnitId: officer.orgUnitId! };

describe('mutation resolvers turn global IDs into row ids and results into payloads', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let db: Database;
      let context: GraphQLContext;
      before(async () => {
        database = await createTestDatabase(backend);
        db = database.db;
        await insertWriteFixture(db);
        context = {
          db,
          requestId: 'req-resolver',
          loaders: {} as GraphQLContext['loaders'],
          viewer: officerViewer,
          scope: scopeOf(officerViewer),
        };
      });
      after(() => database?.dispose());

      test('linkVillages with global IDs links the village and returns the initiative payload; the audit has the request id', async () => {
        const payload = await mutationResolvers.Mutation.linkVillages(
          null,
          {
            input: {
              initiativeId: toGlobalId('Initiative', writeIds.initiative),
              links: [{ villageId: toGlobalId('Village', writeIds.village), role: 'HOST' }],
            },
          },
          context,
        );
        assert.deepEqual(payload.userErrors, []);
        assert.equal((payload.initiative as { id: number }).id, writeIds.initiative);
        const events = await db.prisma.auditEvent.findMany({ where: { requestId: 'req-resolver' } });
        assert.deepEqual(
          events.map((event) => [event.operation, event.actorId]),
          [['linkVillages', officer.id]],
        );
      });

      test('an ID of the wrong type is INVALID_FORMAT on its input path and nothing is written', async () => {
        const before = await fingerprint(db);
        const payload = await mutationResolvers.Mutation.linkVillages(
          null,
          {
            input: {
              initiativeId: toGlobalId('Initiative', writeIds.initiative),
              links: [{ villageId: toGlobalId('Region', writeIds.dengfeng), role: 'TARGET' }],
            },
          },
          context,
        );
        assert.equal(payload.initiative, null);
        assert.deepEqual(
          payload.userErrors.map((error) => [error.code, error.field]),
          [['INVALID_FORMAT', ['input', 'links', '0', 'villageId']]],
        );
        assert.deepEqual(await fingerprint(db), before);
      });

      test('an anonymous caller is UNAUTHENTICATED and nothing is written', async () => {
        const before = await fingerprint(db);
        await assert.rejects(
          mutationResolvers.Mutation.linkVillages(
            null,
            {
              input: {
                initiativeId: toGlobalId('Initiative', writeIds.initiative),
                links: [{ villageId: toGlobalId('Village', writeIds.village), role: 'TARGET' }],
              },
            },
            { ...context, viewer: anonymousViewer },
          ),
          { extensions: { code: 'UNAUTHENTICATED' } },
        );
        assert.deepEqual(await fingerprint(db), before);
      });
    });
  }
});
