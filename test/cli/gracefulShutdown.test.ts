import assert from 'node:assert/strict';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { seedSynthetic } from '../../src/db/seeds/synthetic/index.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { adminHeaders } from '../support/auth.js';
import { startGateway, type GatewayProcess } from '../support/gatewayProcess.js';

/** Reads a response slowly (about `bytesPerSecond`), so the export is still streaming for seconds. */
function slowDownload(
  url: string,
  bytesPerSecond: number,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        let budget = 0;
        const refill = setInterval(() => {
          budget = bytesPerSecond / 10;
          response.resume();
        }, 100);
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          budget -= chunk.length;
          if (budget <= 0) response.pause();
        });
        response.on('end', () => {
          clearInterval(refill);
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
        response.on('error', (error) => {
          clearInterval(refill);
          reject(error);
        });
      })
      .on('error', reject);
  });
}

function connects(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    http
      .get(`${url}/healthz`, (response) => {
        response.resume();
        resolve(true);
      })
      .on('error', () => resolve(false));
  });
}

describe('dishui serve on SIGTERM', async () => {
  const onPostgres = (await testBackends()).includes('postgres');
  let database: TestDatabase;
  let gateway: GatewayProcess | undefined;
  const loans = 4000;

  before(async () => {
    if (!onPostgres) return;
    database = await createTestDatabase('postgres');
    await seedSynthetic(database.db, { loans, seed: 7 });
  });
  after(async () => {
    gateway?.kill();
    await database?.dispose();
  });

  test('refuses new connections at once, lets a long streaming export finish, then exits 0', {
    skip: !onPostgres && 'needs PostgreSQL',
  }, async () => {
    gateway = await startGateway({ DATABASE_URL: database.url!, DISHUI_SHUTDOWN_GRACE_MS: '20000' });
    const download = slowDownload(`${gateway.url}/export/loan-facts.csv`, 600_000, await adminHeaders());
    await sleep(700);
    let finishedAt = 0;
    void download.then(() => (finishedAt = Date.now()));
    gateway.child.kill('SIGTERM');
    const signalledAt = Date.now();
    await sleep(200);
    assert.equal(await connects(gateway.url), false, 'a new connection is refused while draining');
    assert.equal(finishedAt, 0, 'the export was still streaming when SIGTERM came');
    const { status, body } = await download;
    assert.equal(status, 200);
    const lines = body.trimEnd().split('\n');
    assert.equal(lines.length, loans + 1, 'every loan row and the header arrived');
    assert.equal(await gateway.exited, 0, gateway.output());
    assert.ok(finishedAt - signalledAt > 500, `the export ran on ${finishedAt - signalledAt} ms after SIGTERM`);
    assert.match(gateway.output(), /SIGTERM received, draining[\s\S]*stopped/);
  });
});
