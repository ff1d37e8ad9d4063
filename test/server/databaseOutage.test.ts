import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrator.js';
import {
  fixtureGlobalIds,
  httpWriteClient,
  loanApplication,
  type FixtureGlobalIds,
  type HttpWriteClient,
} from '../modules/writes/httpClient.js';
import { insertWriteFixture } from '../modules/writes/writeFixture.js';
import { canRunClusters, createPgCluster, type PgCluster } from '../support/pgCluster.js';
import { adminHeaders } from '../support/auth.js';

const applyForLoan = `mutation Apply($input: ApplyForLoanInput!) {
  applyForLoan(input: $input) { loan { id contractNo } userErrors { code message } replayed }
}`;
const nestedRead = `{ enterprises(first: 5) { nodes { id name sites { nodes { id } } } } }`;

interface Attempt {
  key: string;
  contractNo: string;
  status: number;
  code: string | undefined;
}

describe('a PostgreSQL outage under load', {
  skip: !canRunClusters() && 'needs PostgreSQL 15 binaries and root',
}, () => {
  let cluster: PgCluster;
  let db: Database;
  let client: HttpWriteClient;
  let ids: FixtureGlobalIds;

  before(async () => {
    cluster = await createPgCluster();
    db = await openDatabase({
      DATABASE_URL: cluster.url(),
      DATABASE_POOL_MAX: 4,
      DATABASE_POOL_IDLE_MS: 10_000,
      DATABASE_CONNECT_TIMEOUT_MS: 1_000,
      DISHUI_DATA_DIR: 'memory://',
    });
    await migrate(db);
    await insertWriteFixture(db);
    client = await httpWriteClient(db);
    ids = await fixtureGlobalIds(client);
  });
  after(async () => {
    await client?.app.close();
    await db?.close();
    await cluster?.dispose();
  });

  const application = (contractNo: string, idempotencyKey: string) => loanApplication(ids, contractNo, idempotencyKey);

  test('fails fast with SERVICE_UNAVAILABLE on a clean or crash-like stop, never crashes, serves again after the restart, and cut writes complete once on retry', async () => {
    const attempts: Attempt[] = [];
    const readAnswers: Array<{ status: number; codes: string[] }> = [];
    let running = true;
    let counter = 0;
    const worker = async (n: number) => {
      while (running) {
        counter += 1;
        if (counter % 2 === 0) {
          // Named before the await: the other workers move the counter while this request runs.
          const key = `outage-${n}-${counter}`;
          const contractNo = `OUT-${n}-${counter}`;
          const answer = await client.post(applyForLoan, { input: application(contractNo, key) });
          const code = answer.body.errors?.[0]?.extensions?.code as string | undefined;
          if (answer.status === 200 && !code) assert.deepEqual(answer.body.data!.applyForLoan.userErrors, []);
          attempts.push({ key, contractNo, status: answer.status, code });
        } else {
          const answer = await client.post(nestedRead);
          readAnswers.push({
            status: answer.status,
            codes: (answer.body.errors ?? []).map((error) => String(error.extensions?.code)),
          });
        }
      }
    };
    const workers = [1, 2, 3, 4, 5, 6].map(worker);
    // A clean stop (sessions get 57P01) and then a crash-like one (sockets just close).
    for (const mode of ['fast', 'immediate'] as const) {
      await sleep(400);
      await cluster.stop(mode);

      const started = Date.now();
      const down = await client.post(nestedRead);
      const downMs = Date.now() - started;
      assert.equal(down.status, 503, JSON.stringify(down.body));
      assert.equal(down.body.errors?.[0]?.extensions?.code, 'SERVICE_UNAVAILABLE');
      assert.match(String(down.body.errors?.[0]?.extensions?.requestId), /.+/);
      assert.ok(downMs < 2_000, `a request while the database is down answered in ${downMs} ms`);
      const exported = await client.app.inject({
        method: 'GET',
        url: '/export/loan-facts.csv',
        headers: await adminHeaders(),
      });
      assert.equal(exported.statusCode, 503);
      assert.equal(exported.json().error.code, 'SERVICE_UNAVAILABLE');
      const readiness = await client.app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(readiness.statusCode, 503);
      assert.equal(readiness.json().database, 'unreachable');
      assert.equal((await client.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
      await sleep(500);

      await cluster.start();
      for (let tries = 0; ; tries += 1) {
        if ((await client.app.inject({ method: 'GET', url: '/readyz' })).statusCode === 200) break;
        assert.ok(tries < 50, 'ready again within 10 s of the restart');
        await sleep(200);
      }
      await sleep(300);
    }
    running = false;
    await Promise.all(workers);

    // Every answer was a success or SERVICE_UNAVAILABLE: never an internal error, never a hang.
    const failedReads = readAnswers.filter((answer) => answer.codes.length > 0);
    assert.ok(failedReads.length > 0, 'some reads ran into the outage');
    for (const answer of failedReads) {
      assert.deepEqual([...new Set(answer.codes)], ['SERVICE_UNAVAILABLE']);
      assert.equal(answer.status, 503);
    }
    const cut = attempts.filter((attempt) => attempt.code !== undefined);
    assert.ok(cut.length > 0, 'some writes ran into the outage');
    for (const attempt of cut) assert.deepEqual([attempt.status, attempt.code], [503, 'SERVICE_UNAVAILABLE']);
    assert.ok(
      attempts.some((attempt) => attempt.code === undefined),
      'some writes succeeded',
    );

    // A cut write is all there or all absent: the loan, its key record and its audit event together.
    for (const attempt of cut) {
      const [row] = await db.sql.query<{ loans: number; keys: number; audits: number }>(
        `SELECT (SELECT count(*)::int FROM "EnterpriseLoan" WHERE "contractNo" = $1) AS loans,
                (SELECT count(*)::int FROM "IdempotencyRecord" WHERE "key" = $2) AS keys,
                (SELECT count(*)::int FROM "AuditEvent" a JOIN "EnterpriseLoan" l ON a."entityType" = 'EnterpriseLoan' AND a."entityId" = l.id::text WHERE l."contractNo" = $1) AS audits`,
        [attempt.contractNo, attempt.key],
      );
      assert.ok(
        [0, 1].includes(row!.loans) && row!.keys === row!.loans && row!.audits === row!.loans,
        `${attempt.key} is half written: ${JSON.stringify(row)}`,
      );
    }
    // Retrying each cut write with its key completes it exactly once.
    for (const attempt of cut) {
      const retry = await client.post(applyForLoan, { input: application(attempt.contractNo, attempt.key) });
      assert.equal(retry.status, 200, JSON.stringify(retry.body));
      assert.equal(retry.body.data!.applyForLoan.loan.contractNo, attempt.contractNo);
    }
    const counts = await db.sql.query<{ contractNo: string; n: number }>(
      `SELECT "contractNo", count(*)::int AS n FROM "EnterpriseLoan" WHERE "contractNo" LIKE 'OUT-%' GROUP BY 1`,
    );
    assert.equal(counts.length, attempts.length);
    assert.ok(counts.every((row) => row.n === 1));
  });
});
