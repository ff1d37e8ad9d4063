import assert from 'node:assert/strict';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { adminHeaders } from '../support/auth.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { startGateway, type GatewayProcess } from '../support/gatewayProcess.js';

const graceMs = 2_000;

/** A raw keep-alive connection: what was written to it, and everything the server sent back. */
async function rawConnection(
  url: string,
): Promise<{ socket: net.Socket; received: () => string; closed: Promise<void> }> {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let text = '';
  socket.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, received: () => text, closed };
}

function graphqlRequest(query: string, headers: Record<string, string>): string {
  const body = JSON.stringify({ query });
  const lines = Object.entries({ ...headers, 'content-type': 'application/json', connection: 'keep-alive' }).map(
    ([name, value]) => `${name}: ${value}`,
  );
  return `POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

describe('dishui serve drains within its grace period', async () => {
  const onPostgres = (await testBackends()).includes('postgres');
  let database: TestDatabase;
  let gateway: GatewayProcess | undefined;
  const lockers: pg.Client[] = [];

  before(async () => {
    if (!onPostgres) return;
    database = await createTestDatabase('postgres');
  });
  after(async () => {
    gateway?.kill();
    for (const locker of lockers) await locker.end().catch(() => {});
    await database?.dispose();
  });

  test('a request on a kept-alive connection gets SERVICE_UNAVAILABLE with Retry-After and Connection: close; a request still running at the end of the grace is cut and the process exits in time', {
    skip: !onPostgres && 'needs PostgreSQL',
  }, async () => {
    gateway = await startGateway({ DATABASE_URL: database.url!, DISHUI_SHUTDOWN_GRACE_MS: String(graceMs) });
    const headers = await adminHeaders();
    // Warm up: the first request builds what later ones reuse, and the start-up sweep has run.
    const warm = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ enterpriseLoans(first: 1) { nodes { id } } regions(first: 1) { nodes { code } } }',
      }),
    });
    assert.equal(warm.status, 200, await warm.text());
    // Two tables held by other sessions: a query on each waits until its lock is let go.
    const lock = async (table: string) => {
      const locker = new pg.Client({ connectionString: database.url });
      await locker.connect();
      lockers.push(locker);
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
      return locker;
    };
    const loanLock = await lock('EnterpriseLoan');
    await lock('Region');
    const kept = await rawConnection(gateway.url);
    const stuck = await rawConnection(gateway.url);
    kept.socket.write(graphqlRequest('{ enterpriseLoans(first: 1) { nodes { id } } }', headers));
    stuck.socket.write(graphqlRequest('{ regions(first: 1) { nodes { code } } }', headers));
    for (let tries = 0; ; tries += 1) {
      const waiting = await lockers[0]!.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (waiting.rows[0]!.n === 2) break;
      assert.ok(tries < 200, 'both requests reached the database');
      await sleep(25);
    }

    gateway.child.kill('SIGTERM');
    const signalledAt = Date.now();
    await sleep(300);
    // Sent while draining, on a connection that is still open because a request runs on it.
    kept.socket.write(graphqlRequest('{ orgUnits(first: 1) { nodes { code } } }', headers));
    await sleep(200);
    await loanLock.query('ROLLBACK');
    await kept.closed;
    // The request running at SIGTERM finishes; the one sent while draining is refused.
    const [first = '', refusal = ''] = kept.received().split(/(?=HTTP\/1\.1 )/);
    assert.match(first, /^HTTP\/1\.1 200/, kept.received());
    assert.match(refusal, /^HTTP\/1\.1 503/, kept.received());
    assert.match(refusal, /\r\nretry-after: \d+\r\n/i);
    assert.match(refusal, /\r\nconnection: close\r\n/i);
    assert.match(refusal, /\r\ncontent-type: application\/json/i);
    const body = JSON.parse(refusal.slice(refusal.indexOf('\r\n\r\n') + 4));
    assert.equal(body.errors[0].extensions.code, 'SERVICE_UNAVAILABLE');

    // The regions query still waits on its lock: the process must not wait for it.
    const code = await gateway.exited;
    const exitedAfter = Date.now() - signalledAt;
    assert.equal(code, 0, gateway.output());
    assert.ok(exitedAfter < graceMs + 3_000, `exited ${exitedAfter} ms after SIGTERM with a ${graceMs} ms grace`);
    await stuck.closed;
    assert.doesNotMatch(stuck.received(), /^HTTP\/1\.1 200/);
  });
});
