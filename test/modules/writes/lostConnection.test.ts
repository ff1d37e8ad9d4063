import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { createTestDatabase, type TestDatabase, testBackends } from '../../support/database.js';
import {
  fixtureGlobalIds,
  httpWriteClient,
  loanApplication,
  type FixtureGlobalIds,
  type HttpWriteClient,
} from './httpClient.js';
import { insertWriteFixture } from './writeFixture.js';

const applyForLoan = `mutation Apply($input: ApplyForLoanInput!) {
  applyForLoan(input: $input) { loan { id contractNo } userErrors { code field message } replayed }
}`;

// Each table a fresh applyForLoan touches, in the order it reads or writes them: a lock on it
// stops the mutation's transaction right there, and its backend is then terminated.
const stages = ['IdempotencyRecord', 'Enterprise', 'EnterpriseLoan', 'AuditEvent'];

const onPostgres = (await testBackends()).includes('postgres');

describe('a write whose connection is lost mid-transaction (PostgreSQL)', {
  skip: !onPostgres && 'needs PostgreSQL',
}, () => {
  let database: TestDatabase;
  let client: HttpWriteClient;
  let ids: FixtureGlobalIds;
  let locker: pg.Client;

  before(async () => {
    database = await createTestDatabase('postgres');
    await insertWriteFixture(database.db);
    client = await httpWriteClient(database.db);
    ids = await fixtureGlobalIds(client);
    locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
  });
  after(async () => {
    await locker?.end();
    await client?.app.close();
    await database?.dispose();
  });

  for (const table of stages) {
    test(`cut while waiting on "${table}": SERVICE_UNAVAILABLE, never a userError, nothing written; the retry succeeds once`, async () => {
      const contractNo = `CUT-${table}`;
      const key = `cut-${table}`;
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
      const answer = client.post(applyForLoan, { input: loanApplication(ids, contractNo, key) });
      let victim: number | undefined;
      for (let tries = 0; victim === undefined; tries += 1) {
        assert.ok(tries < 200, `the mutation never waited on ${table}`);
        await sleep(25);
        const rows = await locker.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        victim = rows.rows[0]?.pid;
      }
      await locker.query('SELECT pg_terminate_backend($1)', [victim]);
      await locker.query('ROLLBACK');
      const { status, body } = await answer;
      assert.equal(status, 503, JSON.stringify(body));
      assert.equal(body.errors?.[0]?.extensions?.code, 'SERVICE_UNAVAILABLE', JSON.stringify(body));
      assert.equal(
        (await locker.query(`SELECT 1 FROM "EnterpriseLoan" WHERE "contractNo" = $1`, [contractNo])).rowCount,
        0,
      );
      const retry = await client.post(applyForLoan, { input: loanApplication(ids, contractNo, key) });
      assert.equal(retry.status, 200, JSON.stringify(retry.body));
      assert.deepEqual(retry.body.data?.applyForLoan.userErrors, []);
      assert.equal(retry.body.data?.applyForLoan.replayed, false);
    });
  }
});
