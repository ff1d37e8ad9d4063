import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type Database, openDatabase } from '../../../src/db/client.js';
import { toGlobalId } from '../../../src/engine/globalId.js';
import { applyForLoan, approveLoan } from '../../../src/modules/loans/loanLifecycle.service.js';
import { changeChannel, runMutation } from '../../../src/modules/writes/index.js';
import { UserInputError } from '../../../src/modules/writes/userError.js';
import { buildServer } from '../../../src/server/buildServer.js';
import { adminHeaders, signTestToken, testServerConfig } from '../../support/auth.js';
import { forEachBackend } from '../../support/forEachBackend.js';
import { insertRow } from '../../support/invariantFixture.js';
import { loanApplication, openLoan } from '../loans/loanFixture.js';
import { insertWriteFixture, officer, writeIds } from '../writes/writeFixture.js';
import { liveClient, pause, type Subscription, wsUrl } from './liveClient.js';

const sibling = { id: 9102, code: 'FIX-KF' };
const loanFields = 'id contractNo status version';
const loanChanged = `subscription Loans($where: EnterpriseLoanWhere) { loanChanged(where: $where) { ${loanFields} } }`;
const bearer = async (options: Parameters<typeof signTestToken>[0]) => ({
  authorization: `Bearer ${await signTestToken(options)}`,
});

/** An APPLIED loan's id. */
async function applied(db: Database, contractNo: string, orgUnitId: number = writeIds.branch): Promise<number> {
  const result = await applyForLoan(db, { ...officer, orgUnitId }, loanApplication({ contractNo, orgUnitId }));
  if (!result.record) throw new Error(JSON.stringify(result.userErrors));
  return result.record.id;
}

/** The code of the first error a subscription got: refused before running, or by its resolver. */
function errorCode(subscription: Subscription): unknown {
  const refused = subscription.errors[0] as { extensions?: { code?: string } }[] | undefined;
  return refused?.[0]?.extensions?.code ?? subscription.results[0]?.errors?.[0]?.extensions?.code;
}

/** Waits until `app` runs `count` subscriptions (they listen from then on). */
async function running(app: FastifyInstance, count: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    const value = Number(/^dishui_ws_subscriptions (\d+)$/m.exec(metrics)?.[1] ?? 0);
    if (value === count) return;
    await pause(50);
  }
  throw new Error(`${count} subscriptions never started`);
}

interface Fixture {
  /** Instance A and, on PostgreSQL, instance B: two servers, two pools, one database. */
  appA: FastifyInstance;
  appB: FastifyInstance;
  dbB: Database;
  urlA: string;
  urlB: string;
  /** Builds one more instance over `db` with extra settings; closed with the fixture. */
  extra(settings: Record<string, unknown>): Promise<{ app: FastifyInstance; url: string }>;
  exportDir: string;
}

forEachBackend<Fixture>(
  'subscriptions over graphql-ws',
  async ({ db, url }) => {
    await insertWriteFixture(db);
    await insertRow(db.sql, 'OrgUnit', {
      id: sibling.id,
      code: sibling.code,
      name: 'Kaifeng Branch',
      nameZh: '工商银行开封分行',
      kind: 'TIER1_BRANCH',
    });
    const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-live-'));
    const dbB = url
      ? await openDatabase({
          DATABASE_URL: url,
          DISHUI_DATA_DIR: 'memory://',
          DATABASE_POOL_MAX: 3,
          DATABASE_POOL_IDLE_MS: 1_000,
          DATABASE_CONNECT_TIMEOUT_MS: 5_000,
        })
      : db;
    const apps: FastifyInstance[] = [];
    const server = async (database: Database, settings: Record<string, unknown> = {}) => {
      const app = await buildServer({
        config: { ...testServerConfig, ...settings },
        db: database,
        exportJobs: { directory: exportDir },
      });
      apps.push(app);
      return app;
    };
    const appA = await server(db);
    const appB = dbB === db ? appA : await server(dbB);
    return {
      appA,
      appB,
      dbB,
      urlA: await wsUrl(appA),
      urlB: await wsUrl(appB),
      exportDir,
      extra: async (settings) => {
        const app = await server(db, settings);
        return { app, url: await wsUrl(app) };
      },
      close: async () => {
        for (const app of apps) if (app.server.listening) await app.close();
        if (dbB !== db) await dbB.close();
        fs.rmSync(exportDir, { recursive: true, force: true });
      },
    };
  },
  (fx, backend) => {
    test(`a loan approved on instance A reaches a subscriber on instance ${backend === 'postgres' ? 'B' : 'A (PGlite is one instance)'} within a second`, async () => {
      const loanId = await applied(fx.db, 'LIVE-A1');
      const client = liveClient(fx.urlB, await bearer({ roles: ['ADMIN'] }));
      try {
        const subscription = client.subscribe(loanChanged, { where: { contractNo: { eq: 'LIVE-A1' } } });
        await running(fx.appB, 1);
        const response = await fx.appA.inject({
          method: 'POST',
          url: '/graphql',
          headers: await adminHeaders(),
          payload: {
            query:
              'mutation($input: LoanDecisionInput!) { approveLoan(input: $input) { loan { id } userErrors { code } } }',
            variables: { input: { loanId: toGlobalId('EnterpriseLoan', loanId) } },
          },
        });
        // From the mutation's answer (its commit) to the event: waitFor fails after a second.
        const committed = Date.now();
        assert.deepEqual(response.json().data.approveLoan.userErrors, []);
        await subscription.waitFor(1, 1_000);
        const elapsed = Date.now() - committed;
        assert.ok(elapsed < 1_000, `took ${elapsed} ms`);
        assert.deepEqual(subscription.results[0], {
          data: {
            loanChanged: {
              id: toGlobalId('EnterpriseLoan', loanId),
              contractNo: 'LIVE-A1',
              status: 'APPROVED',
              version: 2,
            },
          },
        });
      } finally {
        await client.dispose();
      }
    });

    test('a write that rolls back sends nothing; the next committed one is the first event', async () => {
      const client = liveClient(fx.urlB, await bearer({ roles: ['ADMIN'] }));
      try {
        const subscription = client.subscribe(loanChanged, {
          where: { id: { eq: toGlobalId('EnterpriseLoan', writeIds.loan) } },
        });
        await running(fx.appB, 1);
        const result = await runMutation(
          fx.db,
          officer,
          {},
          { operation: 'noteLoan', entityType: 'EnterpriseLoan', input: {}, load: async () => null },
          async (scope) => {
            const before = await scope.tx.enterpriseLoan.findUniqueOrThrow({ where: { id: writeIds.loan } });
            const after = await scope.tx.enterpriseLoan.update({
              where: { id: writeIds.loan },
              data: { note: 'rolled back' },
            });
            await scope.audit({ entityType: 'EnterpriseLoan', entityId: writeIds.loan, before, after });
            throw new UserInputError([{ field: ['input'], code: 'INVALID_FORMAT', message: 'refused after writing' }]);
          },
        );
        assert.equal(result.record, null);
        await pause(500);
        assert.equal(subscription.results.length, 0, JSON.stringify(subscription.results));
        await runMutation(
          fx.db,
          officer,
          {},
          { operation: 'noteLoan', entityType: 'EnterpriseLoan', input: {}, load: async () => null },
          (scope) =>
            scope.tx.enterpriseLoan.update({
              where: { id: writeIds.loan },
              data: { note: 'committed', version: { increment: 1 } },
            }),
        );
        await subscription.waitFor(1, 1_000);
        assert.equal(subscription.results.length, 1);
        assert.equal(subscription.results[0]?.data?.loanChanged.contractNo, 'FIX-LOAN');
      } finally {
        await client.dispose();
      }
    });

    test("the scope matrix: a sibling branch's officer hears nothing of this branch's loan", async () => {
      const siblingLoan = await applied(fx.db, 'LIVE-KF', sibling.id);
      const branchLoan = await applied(fx.db, 'LIVE-ZZ');
      const clients = {
        admin: liveClient(fx.urlB, await bearer({ roles: ['ADMIN'] })),
        branch: liveClient(fx.urlB, await bearer({ roles: ['LOAN_OFFICER'], orgUnit: 'FIX-ZZ', sub: 'zz' })),
        sibling: liveClient(fx.urlB, await bearer({ roles: ['LOAN_OFFICER'], orgUnit: sibling.code, sub: 'kf' })),
        viewer: liveClient(fx.urlB, await bearer({ roles: ['VIEWER'], orgUnit: 'FIX-ZZ', sub: 'v' })),
      };
      try {
        const where = { contractNo: { in: ['LIVE-KF', 'LIVE-ZZ'] } };
        const subscriptions = {
          admin: clients.admin.subscribe(loanChanged, { where }),
          branch: clients.branch.subscribe(loanChanged, { where }),
          sibling: clients.sibling.subscribe(loanChanged, { where }),
          viewer: clients.viewer.subscribe(loanChanged, { where }),
        };
        await running(fx.appB, 3);
        await approveLoan(fx.db, officer, { loanId: branchLoan });
        await subscriptions.admin.waitFor(1);
        await subscriptions.branch.waitFor(1);
        // Then a change the sibling may see: it arrives, so the first was withheld, not late.
        await approveLoan(fx.db, { ...officer, orgUnitId: sibling.id }, { loanId: siblingLoan });
        await subscriptions.sibling.waitFor(1);
        await subscriptions.admin.waitFor(2);
        await pause(200);
        const contracts = (results: typeof subscriptions.admin.results) =>
          results.map((result) => result.data?.loanChanged.contractNo);
        assert.deepEqual(contracts(subscriptions.admin.results), ['LIVE-ZZ', 'LIVE-KF']);
        assert.deepEqual(contracts(subscriptions.branch.results), ['LIVE-ZZ']);
        assert.deepEqual(contracts(subscriptions.sibling.results), ['LIVE-KF']);
        await subscriptions.viewer.completed;
        assert.equal(errorCode(subscriptions.viewer), 'FORBIDDEN');
        assert.equal(subscriptions.viewer.results.filter((result) => result.data).length, 0);
      } finally {
        await Promise.all(Object.values(clients).map((client) => client.dispose()));
      }
    });

    test('auditEventAdded: a bank-wide ADMIN hears each change; an ADMIN bound to a branch is refused', async () => {
      const bankWide = liveClient(fx.urlB, await bearer({ roles: ['ADMIN'] }));
      const bound = liveClient(fx.urlB, await bearer({ roles: ['ADMIN'], orgUnit: 'FIX-ZZ', sub: 'bound' }));
      try {
        const query =
          'subscription($where: AuditEventWhere) { auditEventAdded(where: $where) { operation entityType entityId } }';
        const heard = bankWide.subscribe(query, { where: { operation: 'approveLoan' } });
        const refused = bound.subscribe(query, {});
        await running(fx.appB, 1);
        const loanId = await applied(fx.db, 'LIVE-AUDIT');
        await approveLoan(fx.db, officer, { loanId });
        await heard.waitFor(1);
        assert.deepEqual(heard.results[0]?.data?.auditEventAdded, {
          operation: 'approveLoan',
          entityType: 'EnterpriseLoan',
          entityId: String(loanId),
        });
        await refused.completed;
        assert.equal(errorCode(refused), 'FORBIDDEN');
      } finally {
        await Promise.all([bankWide.dispose(), bound.dispose()]);
      }
    });

    test('exportJobUpdated sends the state now, the progress, then the final status, and completes', async () => {
      const headers = await bearer({ roles: ['ANALYST'], orgUnit: 'FIX-ZZ', sub: 'analyst' });
      const created = await fx.appA.inject({
        method: 'POST',
        url: '/graphql',
        headers,
        payload: { query: 'mutation { createExport(input: { kind: LOAN_FACTS, format: CSV }) { exportJob { id } } }' },
      });
      const jobId = created.json().data.createExport.exportJob.id as string;
      const client = liveClient(fx.urlB, headers);
      const stranger = liveClient(fx.urlB, await bearer({ roles: ['ANALYST'], orgUnit: 'FIX-ZZ', sub: 'other' }));
      try {
        const query = 'subscription($id: ID!) { exportJobUpdated(id: $id) { id status rowsWritten } }';
        const subscription = client.subscribe(query, { id: jobId });
        const refused = stranger.subscribe(query, { id: jobId });
        await subscription.completed;
        const statuses = subscription.results.map((result) => result.data?.exportJobUpdated.status);
        assert.equal(statuses.at(-1), 'SUCCEEDED', JSON.stringify(subscription.results));
        assert.ok(statuses.slice(0, -1).every((status) => status === 'QUEUED' || status === 'RUNNING'));
        await refused.completed;
        assert.equal(errorCode(refused), 'NOT_FOUND');
      } finally {
        await Promise.all([client.dispose(), stranger.dispose()]);
      }
    });

    test('connection_init: a refused token closes with 4401 Unauthorized (HTTP says 401); so does no credential; an expiring token closes with 4401 when it expires', async () => {
      const forged = liveClient(fx.urlA, await bearer({ secret: 'another-secret-0123456789abcdef-0123456789' }));
      forged.subscribe(loanChanged);
      assert.deepEqual((await forged.closed).code, 4401);
      const anonymous = liveClient(fx.urlA);
      anonymous.subscribe(loanChanged);
      assert.equal((await anonymous.closed).code, 4401);
      const expiring = liveClient(fx.urlA, await bearer({ expiresIn: Math.floor(Date.now() / 1000) + 2 }));
      const subscription = expiring.subscribe(loanChanged);
      await pause(500);
      assert.deepEqual(subscription.errors, []);
      const closed = await expiring.closed;
      assert.deepEqual(closed, { code: 4401, reason: 'Unauthorized: the token expired' });
      await Promise.all([forged.dispose(), anonymous.dispose(), expiring.dispose()]);
    });

    test('an anonymous caller refused for want of a role is told UNAUTHENTICATED, a signed-in one FORBIDDEN, as over HTTP', async () => {
      const { url } = await fx.extra({ DISHUI_ANONYMOUS: 'viewer' });
      const anonymous = liveClient(url);
      const viewer = liveClient(url, await bearer({ roles: ['VIEWER'], orgUnit: 'FIX-ZZ', sub: 'v-anon' }));
      try {
        // A filter on a field VIEWERs may not read (EnterpriseLoan.contractNo), checked when subscribing.
        const probing = `subscription($where: InitiativeWhere) { initiativeChanged(where: $where) { code } }`;
        const where = { impactRecords: { some: { loan: { contractNo: { eq: 'LIVE-A1' } } } } };
        const subscriptions = {
          anonymousFilter: anonymous.subscribe(probing, { where }),
          anonymousLoans: anonymous.subscribe(loanChanged),
          viewerFilter: viewer.subscribe(probing, { where }),
          viewerLoans: viewer.subscribe(loanChanged),
        };
        await Promise.all(Object.values(subscriptions).map((subscription) => subscription.completed));
        assert.equal(errorCode(subscriptions.anonymousFilter), 'UNAUTHENTICATED');
        assert.equal(errorCode(subscriptions.anonymousLoans), 'UNAUTHENTICATED');
        assert.equal(errorCode(subscriptions.viewerFilter), 'FORBIDDEN');
        assert.equal(errorCode(subscriptions.viewerLoans), 'FORBIDDEN');
      } finally {
        await Promise.all([anonymous.dispose(), viewer.dispose()]);
      }
    });

    test('limits: subscriptions per connection, connections per caller, the depth limit, queries refused, a slow consumer dropped', async () => {
      const { url } = await fx.extra({
        DISHUI_WS_MAX_SUBSCRIPTIONS: 2,
        DISHUI_WS_MAX_CONNECTIONS_PER_CALLER: 1,
        DISHUI_WS_MAX_QUEUED_EVENTS: 2,
        DISHUI_MAX_DEPTH: 3,
      });
      const token = await bearer({ roles: ['ADMIN'], sub: 'limited' });
      const first = liveClient(url, token);
      const second = liveClient(url, token);
      try {
        const one = first.subscribe(loanChanged);
        const two = first.subscribe(loanChanged);
        const three = first.subscribe(loanChanged);
        await three.completed;
        assert.equal(errorCode(three), 'TOO_MANY_SUBSCRIPTIONS');
        two.stop();
        await pause(100);
        const deep = first.subscribe('subscription { loanChanged { enterprise { loans { nodes { id } } } } }');
        await deep.completed;
        assert.equal(errorCode(deep), 'QUERY_TOO_COMPLEX');
        const nul = first.subscribe(
          'subscription Nul($where: EnterpriseLoanWhere) { loanChanged(where: $where) { id } }',
          { where: { contractNo: { eq: 'a\u0000b' } } },
        );
        await nul.completed;
        assert.equal(errorCode(nul), 'BAD_USER_INPUT', 'variables are checked as over HTTP');
        const query = first.subscribe('{ regions(first: 1) { nodes { code } } }');
        await query.completed;
        assert.match((query.errors[0] as { message: string }[])[0]?.message ?? '', /Only subscriptions/);
        second.subscribe(loanChanged);
        assert.equal((await second.closed).code, 4429);
        // Five events at once for a consumer allowed two waiting: it is dropped, not buffered.
        const pairs = Array.from({ length: 5 }, () => ['EnterpriseLoan', writeIds.loan]);
        await fx.db.sql.query('SELECT pg_notify($1, $2)', [changeChannel, JSON.stringify({ o: null, c: pairs })]);
        assert.equal((await first.closed).code, 1013);
        assert.ok(one.results.length <= 2);
      } finally {
        await Promise.all([first.dispose(), second.dispose()]);
      }
    });

    test('metrics count open sockets, subscriptions and events sent; shutdown closes sockets with 1001', async () => {
      const { app, url } = await fx.extra({});
      const client = liveClient(url, await bearer({ roles: ['ADMIN'], sub: 'metrics' }));
      const subscription = client.subscribe(loanChanged, { where: { contractNo: { eq: 'LIVE-M' } } });
      await running(app, 1);
      await openLoan(fx.db, { contractNo: 'LIVE-M' }, false);
      await subscription.waitFor(1);
      const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
      assert.match(metrics, /^dishui_ws_open_sockets 1$/m);
      assert.match(metrics, /^dishui_ws_subscriptions 1$/m);
      assert.match(metrics, /^dishui_ws_events_sent_total [1-9]/m);
      const closing = client.closed;
      await app.close();
      assert.deepEqual(await closing, { code: 1001, reason: 'Server shutting down' });
      await client.dispose();
    });

    test('shutdown closes sockets with 1001 only after the HTTP requests in flight are answered; events flow meanwhile', async () => {
      const { app, url } = await fx.extra({});
      const client = liveClient(url, await bearer({ roles: ['ADMIN'], sub: 'draining' }));
      let closedAt: number | undefined;
      const closing = client.closed.then((closed) => {
        closedAt = Date.now();
        return closed;
      });
      const subscription = client.subscribe(loanChanged, { where: { contractNo: { eq: 'LIVE-DRAIN' } } });
      await running(app, 1);
      // A request in flight: its headers are in (onRequest has run), half its body is still to come.
      const body = JSON.stringify({ query: '{ regions(first: 1) { nodes { code } } }' });
      const http = net.connect((app.server.address() as AddressInfo).port, '127.0.0.1');
      await new Promise<void>((resolve, reject) => http.once('connect', resolve).once('error', reject));
      let answer = '';
      let markAnswered!: (at: number) => void;
      const answered = new Promise<number>((resolve) => {
        markAnswered = resolve;
      });
      http.on('data', (chunk: Buffer) => {
        answer += chunk.toString();
        if (/\r\n\r\n\{[\s\S]*\}\s*$/.test(answer)) markAnswered(Date.now());
      });
      const headers = Object.entries({ ...(await adminHeaders()), 'content-type': 'application/json' })
        .map(([name, value]) => `${name}: ${value}`)
        .join('\r\n');
      http.write(`POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: ${body.length}\r\n${headers}\r\n\r\n`);
      http.write(body.slice(0, 10));
      await pause(200);
      const stopped = app.close();
      await pause(300);
      assert.equal(closedAt, undefined, 'the socket stays open while a request is in flight');
      await openLoan(fx.db, { contractNo: 'LIVE-DRAIN' }, false);
      await subscription.waitFor(1);
      http.write(body.slice(10));
      const answeredAt = await answered;
      assert.match(answer, /^HTTP\/1\.1 200/);
      assert.deepEqual(await closing, { code: 1001, reason: 'Server shutting down' });
      assert.ok((closedAt ?? 0) >= answeredAt, 'the socket closed after the answer');
      http.destroy();
      await stopped;
      await client.dispose();
    });

    test('a request still running when the grace period ends is cut (as startServer does), and the sockets still get 1001', async () => {
      const { app, url } = await fx.extra({});
      const client = liveClient(url, await bearer({ roles: ['ADMIN'], sub: 'grace' }));
      client.subscribe(loanChanged, { where: { contractNo: { eq: 'LIVE-GRACE' } } });
      await running(app, 1);
      const http = net.connect((app.server.address() as AddressInfo).port, '127.0.0.1');
      await new Promise<void>((resolve, reject) => http.once('connect', resolve).once('error', reject));
      http.on('error', () => {});
      const cut = new Promise<void>((resolve) => http.once('close', () => resolve()));
      const headers = Object.entries({ ...(await adminHeaders()), 'content-type': 'application/json' })
        .map(([name, value]) => `${name}: ${value}`)
        .join('\r\n');
      // Never finished: the body promises 100 bytes and sends 2.
      http.write(`POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 100\r\n${headers}\r\n\r\n{"`);
      await pause(200);
      let closed = false;
      const closing = client.closed.then((result) => {
        closed = true;
        return result;
      });
      const stopped = app.close();
      await pause(300);
      assert.equal(closed, false, 'the socket waits for the request');
      app.server.closeAllConnections();
      await cut;
      assert.deepEqual(await closing, { code: 1001, reason: 'Server shutting down' });
      await stopped;
      await client.dispose();
    });

    test('an open socket holds no DISHUI_MAX_IN_FLIGHT place: HTTP requests are still served beside it', async () => {
      const { app, url } = await fx.extra({ DISHUI_MAX_IN_FLIGHT: 1 });
      const client = liveClient(url, await bearer({ roles: ['ADMIN'], sub: 'in-flight' }));
      try {
        client.subscribe(loanChanged, { where: { contractNo: { eq: 'LIVE-SLOT' } } });
        await running(app, 1);
        const response = await fetch(url.replace('ws://', 'http://'), {
          method: 'POST',
          headers: { ...(await adminHeaders()), 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ regions(first: 1) { nodes { code } } }' }),
        });
        assert.equal(response.status, 200, await response.text());
      } finally {
        await client.dispose();
      }
    });

    test('a bulk import (POST /import/loans) announces the loans it wrote at commit: loanChanged and auditEventAdded subscribers hear of them', async () => {
      const client = liveClient(fx.urlB, await bearer({ roles: ['ADMIN'], sub: 'importer' }));
      try {
        const loans = client.subscribe(loanChanged, { where: { contractNo: { startsWith: 'LIVE-IMP-' } } });
        const audit = client.subscribe(
          'subscription { auditEventAdded(where: { operation: "importLoans" }) { operation entityType } }',
        );
        await running(fx.appB, 2);
        const header =
          'contractNo,enterpriseId,orgUnitCode,regionCode,product,regulatoryClass,policyRegime,repaymentMethod,effectiveRate,contractAmount,contractDate,termMonths,status,disbursedAmount,outstandingBalance';
        const row = (no: string) =>
          `${no},9401,FIX-ZZ,410422,WORKING_CAPITAL,INDUSTRY,TARGETED_2016_2020,EQUAL_INSTALMENT,0.0435,500000.00,2020-03-01,12,DISBURSED,500000.00,400000.00`;
        const contracts = ['LIVE-IMP-1', 'LIVE-IMP-2', 'LIVE-IMP-3'];
        // A file with a bad row writes nothing, and so announces nothing.
        const refused = await fx.appA.inject({
          method: 'POST',
          url: '/import/loans',
          payload: [header, row('LIVE-IMP-0'), row('LIVE-IMP-0')].join('\n'),
          headers: { 'content-type': 'text/csv; charset=utf-8', ...(await adminHeaders()) },
        });
        assert.equal(refused.json().rowsWritten, 0, refused.body);
        const response = await fx.appA.inject({
          method: 'POST',
          url: '/import/loans',
          payload: [header, ...contracts.map(row)].join('\n'),
          headers: { 'content-type': 'text/csv; charset=utf-8', ...(await adminHeaders()) },
        });
        assert.equal(response.json().rowsWritten, 3, response.body);
        await loans.waitFor(3);
        await audit.waitFor(1);
        await pause(200);
        assert.deepEqual(loans.results.map((result) => result.data?.loanChanged.contractNo).sort(), contracts);
        assert.deepEqual(audit.results[0]?.data?.auditEventAdded, {
          operation: 'importLoans',
          entityType: 'EnterpriseLoan',
        });
      } finally {
        await client.dispose();
      }
    });
  },
);
