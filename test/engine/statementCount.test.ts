import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTestDatabase, testBackends } from '../support/database.js';
import { graphqlClient } from '../modules/support/graphqlClient.js';
import { insertReadScenario, type ReadScenarioSize } from '../modules/support/readScenario.js';

const villagesQuery = `{ villages(first: 50) { nodes { initiatives(first: 10) { nodes { villages(first: 10) { nodes { id } } } } } } }`;
const loansQuery = `{ enterpriseLoans(first: 100) { nodes { enterprise { sites { nodes { id } } }
  repayments(first: 12) { nodes { id } } impactRecords { nodes { id } } } } }`;

async function statementsFor(backend: Awaited<ReturnType<typeof testBackends>>[number], size: ReadScenarioSize) {
  const { db, dispose } = await createTestDatabase(backend);
  try {
    await insertReadScenario(db, size);
    const client = await graphqlClient(db);
    const counts: number[] = [];
    const rows: number[] = [];
    for (const query of [villagesQuery, loansQuery]) {
      const before = db.statements.count;
      const response = await client.request(query);
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
      counts.push(db.statements.count - before);
      rows.push(JSON.stringify(response.data).split('"id"').length - 1);
    }
    return { counts, rows };
  } finally {
    await dispose();
  }
}

describe('nested reads cost one statement per root field, whatever the number of rows', async () => {
  for (const backend of await testBackends()) {
    test(`${backend}: statement counts stay the same from 5 to 60 villages and 8 to 120 loans`, async () => {
      const small = await statementsFor(backend, { villages: 5, initiatives: 3, loans: 8 });
      const large = await statementsFor(backend, { villages: 60, initiatives: 12, loans: 120 });
      assert.ok(
        large.rows[0]! > small.rows[0]! && large.rows[1]! > small.rows[1]!,
        'the larger data set returns more rows',
      );
      assert.deepEqual(large.counts, small.counts);
      // The read compiler answers each query's one root field, at every depth, with one statement.
      assert.equal(small.counts[0], 1);
      assert.equal(small.counts[1], 1);
    });
  }
});
