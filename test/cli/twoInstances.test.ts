import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { insertWriteFixture } from '../modules/writes/writeFixture.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { startGateway, type GatewayProcess } from '../support/gatewayProcess.js';
import { adminHeaders } from '../support/auth.js';

async function graphql(gateway: GatewayProcess, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await adminHeaders()) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

describe('two gateway processes over one PostgreSQL and one export folder', async () => {
  const onPostgres = (await testBackends()).includes('postgres');
  let database: TestDatabase;
  let exportDir: string;
  const gateways: GatewayProcess[] = [];

  before(async () => {
    if (!onPostgres) return;
    database = await createTestDatabase('postgres');
    await insertWriteFixture(database.db);
    exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-shared-exports-'));
  });
  after(async () => {
    for (const gateway of gateways) gateway.kill();
    await database?.dispose();
    if (exportDir) fs.rmSync(exportDir, { recursive: true, force: true });
  });

  test('an export job created on one is reported and downloadable on the other', {
    skip: !onPostgres && 'needs PostgreSQL',
  }, async () => {
    const env = { DATABASE_URL: database.url!, DISHUI_EXPORT_DIR: exportDir };
    const [first, second] = await Promise.all([startGateway(env), startGateway(env)]);
    gateways.push(first!, second!);
    const created = await graphql(
      first!,
      'mutation { createExport(input: { kind: LOAN_FACTS, format: CSV }) { exportJob { id status } userErrors { code } } }',
    );
    assert.deepEqual(created.data?.createExport.userErrors, [], JSON.stringify(created));
    const id = created.data!.createExport.exportJob.id as string;

    let job: any;
    for (let tries = 0; tries < 100; tries += 1) {
      job = (
        await graphql(second!, 'query ($id: ID!) { exportJob(id: $id) { status rowsWritten downloadUrl error } }', {
          id,
        })
      ).data?.exportJob;
      if (job && !['QUEUED', 'RUNNING'].includes(job.status)) break;
      await sleep(100);
    }
    assert.equal(job.status, 'SUCCEEDED', job.error);
    const fromSecond = await fetch(`${second!.url}${job.downloadUrl}`, { headers: await adminHeaders() });
    assert.equal(fromSecond.status, 200);
    const body = await fromSecond.text();
    assert.equal(body.trimEnd().split('\n').length - 1, job.rowsWritten);
    const direct = await (await fetch(`${first!.url}/export/loan-facts.csv`, { headers: await adminHeaders() })).text();
    assert.equal(body, direct);
    assert.deepEqual(
      fs.readdirSync(exportDir).filter((name) => name.startsWith('export-')).length,
      1,
      'the file is in the shared folder',
    );

    for (const gateway of [first!, second!]) gateway.child.kill('SIGTERM');
    assert.deepEqual(await Promise.all([first!.exited, second!.exited]), [0, 0]);
  });
});
