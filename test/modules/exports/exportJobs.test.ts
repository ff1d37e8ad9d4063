import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedArticle } from '../../../src/db/seeds/article/seedArticle.js';
import type { ExportJobOptions } from '../../../src/modules/exports/exportJobs.service.js';
import { buildServer } from '../../../src/server/buildServer.js';
import { adminHeaders, testServerConfig } from '../../support/auth.js';
import { createTestDatabase, testBackends } from '../../support/database.js';

const jobFields = 'id kind format status rowsWritten error downloadUrl expiresAt createdAt';
const create = `mutation ($input: CreateExportInput!) {
  createExport(input: $input) { exportJob { ${jobFields} } userErrors { field code message } replayed }
}`;
const read = `query ($id: ID!) { exportJob(id: $id) { ${jobFields} } }`;

async function graphql(app: FastifyInstance, query: string, variables: Record<string, unknown>) {
  const response = await app.inject({
    headers: await adminHeaders(),
    method: 'POST',
    url: '/graphql',
    payload: { query, variables },
  });
  return { status: response.statusCode, body: response.json() as { data?: any; errors?: any[] } };
}

/** Polls exportJob until the job leaves QUEUED and RUNNING; fails after 10 s. */
async function settled(app: FastifyInstance, id: string) {
  for (let i = 0; i < 500; i++) {
    const { body } = await graphql(app, read, { id });
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const job = body.data.exportJob;
    if (job.status !== 'QUEUED' && job.status !== 'RUNNING') return job;
    await sleep(20);
  }
  throw new Error(`export job ${id} never finished`);
}

describe('asynchronous exports: created, written in the background, downloaded, failed, expired', async () => {
  for (const backend of await testBackends()) {
    test(backend, async (t) => {
      const { db, dispose } = await createTestDatabase(backend);
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-export-jobs-'));
      const apps: FastifyInstance[] = [];
      const server = async (exportJobs: ExportJobOptions) => {
        const app = await buildServer({ config: testServerConfig, db, exportJobs: { directory, ...exportJobs } });
        apps.push(app);
        return app;
      };
      try {
        await seedArticle(db);
        const app = await server({ pageSize: 2 });

        await t.test('a job goes QUEUED → SUCCEEDED and its file is the synchronous export byte for byte', async () => {
          const where = { status: { in: ['DISBURSED', 'REPAID', 'OVERDUE'] } };
          const created = await graphql(app, create, { input: { kind: 'LOAN_FACTS', format: 'CSV', where } });
          const payload = created.body.data.createExport;
          assert.deepEqual(payload.userErrors, []);
          assert.equal(payload.replayed, false);
          assert.equal(payload.exportJob.status, 'QUEUED');
          assert.equal(payload.exportJob.rowsWritten, 0);
          assert.equal(payload.exportJob.downloadUrl, null);
          const job = await settled(app, payload.exportJob.id);
          assert.equal(job.status, 'SUCCEEDED', job.error);
          assert.equal(job.error, null);
          assert.ok(Date.parse(job.expiresAt) - Date.now() > 23 * 3600_000, 'expires a day later by default');
          assert.equal(job.downloadUrl, `/export-jobs/${job.id}/download`);

          const download = await app.inject({ headers: await adminHeaders(), method: 'GET', url: job.downloadUrl });
          const direct = await app.inject({
            headers: await adminHeaders(),
            method: 'GET',
            url: `/export/loan-facts.csv?where=${encodeURIComponent(JSON.stringify(where))}`,
          });
          assert.equal(download.statusCode, 200);
          assert.equal(direct.statusCode, 200);
          assert.match(String(download.headers['content-disposition']), /^attachment; filename="loan-facts-.*\.csv"$/);
          assert.equal(download.headers['content-type'], direct.headers['content-type']);
          assert.equal(download.body, direct.body);
          const dataLines = direct.body.split('\r\n').length - 2;
          assert.ok(dataLines > 2, 'the filter keeps more rows than one page');
          assert.equal(job.rowsWritten, dataLines);

          const { body } = await graphql(app, `query ($id: ID!) { node(id: $id) { id ... on ExportJob { status } } }`, {
            id: job.id,
          });
          assert.deepEqual(body.data.node, { id: job.id, status: 'SUCCEEDED' });
        });

        await t.test('JSON lines of impact facts are written too', async () => {
          const created = await graphql(app, create, { input: { kind: 'IMPACT_FACTS', format: 'JSONL' } });
          const job = await settled(app, created.body.data.createExport.exportJob.id);
          assert.equal(job.status, 'SUCCEEDED', job.error);
          const download = await app.inject({ headers: await adminHeaders(), method: 'GET', url: job.downloadUrl });
          const direct = await app.inject({
            headers: await adminHeaders(),
            method: 'GET',
            url: '/export/impact-facts.jsonl',
          });
          assert.equal(download.body, direct.body);
          assert.equal(job.rowsWritten, direct.body.split('\n').length - 1);
        });

        await t.test(
          'a job whose file cannot be written ends FAILED with a reason and no SQL, and has nothing to download',
          async () => {
            const failing = await server({
              openWriter: () =>
                new Writable({
                  write: (_chunk, _encoding, done) => done(Object.assign(new Error('disk full'), { code: 'ENOSPC' })),
                }),
            });
            const created = await graphql(failing, create, { input: { kind: 'LOAN_FACTS', format: 'CSV' } });
            const job = await settled(failing, created.body.data.createExport.exportJob.id);
            assert.equal(job.status, 'FAILED');
            assert.equal(job.error, 'Could not write the export file (ENOSPC).');
            assert.equal(job.downloadUrl, null);
            const download = await failing.inject({
              headers: await adminHeaders(),
              method: 'GET',
              url: `/export-jobs/${job.id}/download`,
            });
            assert.equal(download.statusCode, 409);
          },
        );

        await t.test('a folder that cannot be made fails the job the same way', async () => {
          const blocker = path.join(directory, 'a-file');
          fs.writeFileSync(blocker, '');
          const blocked = await server({ directory: path.join(blocker, 'exports') });
          const created = await graphql(blocked, create, { input: { kind: 'LOAN_FACTS', format: 'CSV' } });
          const job = await settled(blocked, created.body.data.createExport.exportJob.id);
          assert.equal(job.status, 'FAILED');
          assert.match(job.error, /^Could not write the export file \(E[A-Z]+\)\.$/);
        });

        await t.test(
          'after its time to live a job is EXPIRED, its download 410 Gone and its file deleted',
          async () => {
            const expiring = await server({ ttlMs: 0 });
            const before = new Set(fs.readdirSync(directory));
            const created = await graphql(expiring, create, { input: { kind: 'LOAN_FACTS', format: 'CSV' } });
            const job = await settled(expiring, created.body.data.createExport.exportJob.id);
            assert.equal(job.status, 'EXPIRED');
            assert.equal(job.downloadUrl, null);
            assert.ok(job.rowsWritten > 0);
            const download = await expiring.inject({
              headers: await adminHeaders(),
              method: 'GET',
              url: `/export-jobs/${job.id}/download`,
            });
            assert.equal(download.statusCode, 410);
            assert.deepEqual(
              fs.readdirSync(directory).filter((name) => !before.has(name)),
              [],
            );
          },
        );

        await t.test('a clock moved past expiresAt expires a job that was downloadable', async () => {
          let now = Date.now();
          const clocked = await server({ now: () => new Date(now), ttlMs: 60_000 });
          const created = await graphql(clocked, create, { input: { kind: 'LOAN_FACTS', format: 'JSONL' } });
          const job = await settled(clocked, created.body.data.createExport.exportJob.id);
          assert.equal(job.status, 'SUCCEEDED', job.error);
          const file = path.join(
            directory,
            `export-${Buffer.from(job.id, 'base64url').toString().split(':')[1]}.jsonl`,
          );
          assert.ok(fs.existsSync(file));
          now += 60_000;
          assert.equal(
            (await clocked.inject({ headers: await adminHeaders(), method: 'GET', url: job.downloadUrl })).statusCode,
            410,
          );
          assert.equal(fs.existsSync(file), false);
          assert.equal((await settled(clocked, job.id)).status, 'EXPIRED');
        });

        await t.test('bad input is a userError naming the field, and records no job', async () => {
          const jobsBefore = await db.prisma.exportJob.count();
          const cases: Array<[unknown, string[]]> = [
            [{ product: { eq: 'PROJECT' } }, ['input', 'where', 'product']],
            [{ status: { in: ['NOPE'] } }, ['input', 'where', 'status', 'in', '0']],
            [[1], ['input', 'where']],
            ['{not json', ['input', 'where']],
          ];
          for (const [where, field] of cases) {
            const kind = field[2] === 'product' ? 'IMPACT_FACTS' : 'LOAN_FACTS';
            const { body } = await graphql(app, create, { input: { kind, format: 'CSV', where } });
            const payload = body.data.createExport;
            assert.equal(payload.exportJob, null, JSON.stringify(where));
            assert.deepEqual(
              payload.userErrors.map((e: { field: string[] }) => e.field),
              [field],
              JSON.stringify(where),
            );
            assert.equal(payload.userErrors[0].code, 'INVALID_FORMAT');
          }
          assert.equal(await db.prisma.exportJob.count(), jobsBefore);
        });

        await t.test('an unknown kind or format is refused as BAD_USER_INPUT before any job exists', async () => {
          for (const input of [
            { kind: 'LOAN_THINGS', format: 'CSV' },
            { kind: 'LOAN_FACTS', format: 'PDF' },
          ]) {
            const { body } = await graphql(app, create, { input });
            assert.equal(body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(input));
          }
        });

        await t.test('unknown and foreign IDs download 404', async () => {
          for (const id of [
            'nope',
            Buffer.from('ExportJob:999999').toString('base64url'),
            Buffer.from('Region:1').toString('base64url'),
          ]) {
            assert.equal(
              (await app.inject({ headers: await adminHeaders(), method: 'GET', url: `/export-jobs/${id}/download` }))
                .statusCode,
              404,
              id,
            );
          }
          const { body } = await graphql(app, read, { id: Buffer.from('ExportJob:999999').toString('base64url') });
          assert.equal(body.data.exportJob, null);
        });
      } finally {
        for (const app of apps) await app.close();
        await dispose();
        fs.rmSync(directory, { recursive: true, force: true });
      }
    });
  }
});
