import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../src/db/client.js';
import { seedArticle } from '../../../src/db/seeds/article/seedArticle.js';
import { staleJobReason, type ExportJobOptions } from '../../../src/modules/exports/exportJobs.service.js';
import { toGlobalId } from '../../../src/engine/globalId.js';
import { buildServer } from '../../../src/server/buildServer.js';
import { adminHeaders, testServerConfig } from '../../support/auth.js';
import { createTestDatabase, testBackends } from '../../support/database.js';

const read = `query ($id: ID!) { exportJob(id: $id) { id status error downloadUrl } }`;

async function readJob(app: FastifyInstance, rowId: number) {
  const response = await app.inject({
    headers: await adminHeaders(),
    method: 'POST',
    url: '/graphql',
    payload: { query: read, variables: { id: toGlobalId('ExportJob', rowId) } },
  });
  const body = response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data.exportJob as { id: string; status: string; error: string | null; downloadUrl: string | null };
}

/** A RUNNING job row as a dead instance leaves it, its heartbeat `ageMs` old, with a partial file. */
async function runningJob(
  db: Database,
  directory: string,
  ageMs: number,
  status: 'RUNNING' | 'QUEUED' = 'RUNNING',
): Promise<{ id: number; file: string }> {
  const job = await db.prisma.exportJob.create({
    data: { kind: 'loan-facts', format: 'csv', status, createdBy: 'user:test-admin' },
  });
  const file = path.join(directory, `export-${job.id}.csv`);
  fs.writeFileSync(file, 'loanId\r\n1\r\n');
  await db.sql.query(
    `UPDATE "ExportJob" SET "filePath" = $1, "updatedAt" = now() - ($2::int * interval '1 millisecond') WHERE "id" = $3`,
    [file, ageMs, job.id],
  );
  return { id: job.id, file };
}

const status = async (db: Database, id: number) =>
  (await db.prisma.exportJob.findUniqueOrThrow({ where: { id } })).status;

describe('export jobs left RUNNING by a dead instance are marked FAILED; a live one keeps its heartbeat', async () => {
  for (const backend of await testBackends()) {
    test(backend, async (t) => {
      const { db, dispose } = await createTestDatabase(backend);
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-stale-jobs-'));
      const apps: FastifyInstance[] = [];
      const server = async (exportJobs: ExportJobOptions = {}) => {
        const app = await buildServer({
          config: { ...testServerConfig, DISHUI_EXPORT_JOB_STALE_MS: 60_000 },
          db,
          exportJobs: { directory, ...exportJobs },
        });
        apps.push(app);
        return app;
      };
      try {
        await t.test(
          'a starting server fails the stale RUNNING jobs, deletes their files, and leaves fresh ones',
          async () => {
            const stale = await runningJob(db, directory, 61_000);
            const fresh = await runningJob(db, directory, 1_000);
            const neverStarted = await runningJob(db, directory, 90_000, 'QUEUED');
            const done = await db.prisma.exportJob.create({
              data: {
                kind: 'loan-facts',
                format: 'csv',
                status: 'SUCCEEDED',
                expiresAt: new Date(Date.now() + 3600_000),
              },
            });
            await db.sql.query(`UPDATE "ExportJob" SET "updatedAt" = now() - interval '1 hour' WHERE "id" = $1`, [
              done.id,
            ]);
            const running = new Set<Promise<void>>();
            const app = await server({ running });
            await app.ready();
            await Promise.all([...running]);
            const row = await db.prisma.exportJob.findUniqueOrThrow({ where: { id: stale.id } });
            assert.deepEqual([row.status, row.error, row.filePath], ['FAILED', staleJobReason, null]);
            assert.equal(fs.existsSync(stale.file), false, 'the partial file is deleted');
            assert.equal(await status(db, fresh.id), 'RUNNING', 'a job with a recent heartbeat is not touched');
            assert.equal(fs.existsSync(fresh.file), true);
            assert.equal(await status(db, neverStarted.id), 'FAILED', 'a job queued by a dead instance is failed too');
            assert.equal(await status(db, done.id), 'SUCCEEDED', 'finished jobs have no heartbeat to lose');
            await db.prisma.exportJob.update({ where: { id: fresh.id }, data: { status: 'FAILED' } });
          },
        );

        await t.test(
          'reading a job whose heartbeat went stale since the start answers FAILED with the reason; its download 409',
          async () => {
            const app = await server();
            await app.ready();
            const stale = await runningJob(db, directory, 120_000);
            const job = await readJob(app, stale.id);
            assert.deepEqual([job.status, job.error, job.downloadUrl], ['FAILED', staleJobReason, null]);
            const download = await app.inject({
              headers: await adminHeaders(),
              method: 'GET',
              url: `/export-jobs/${job.id}/download`,
            });
            assert.equal(download.statusCode, 409);
            assert.equal(download.json().error.code, 'NOT_READY');
            const fresh = await runningJob(db, directory, 0);
            assert.equal((await readJob(app, fresh.id)).status, 'RUNNING');
            await db.prisma.exportJob.update({ where: { id: fresh.id }, data: { status: 'FAILED' } });
          },
        );

        await t.test(
          'a running job whose writer is stuck keeps touching updatedAt, is never taken for stale, and finishes',
          async () => {
            await seedArticle(db);
            let release!: () => void;
            const released = new Promise<void>((resolve) => {
              release = resolve;
            });
            // The first write waits until released: the job sits RUNNING with no page written meanwhile.
            const writer = () =>
              new Writable({
                write: (_chunk, _encoding, done) => void released.then(() => done()),
              });
            const app = await server({ openWriter: writer, staleMs: 1_000, heartbeatMs: 100 });
            const created = await app.inject({
              headers: await adminHeaders(),
              method: 'POST',
              url: '/graphql',
              payload: {
                query: 'mutation { createExport(input: { kind: LOAN_FACTS, format: CSV }) { exportJob { id } } }',
              },
            });
            const id = created.json().data.createExport.exportJob.id as string;
            const rowId = (await db.prisma.exportJob.findFirstOrThrow({ orderBy: { id: 'desc' } })).id;
            for (let i = 0; i < 100 && (await status(db, rowId)) !== 'RUNNING'; i++) await sleep(20);
            const first = (await db.prisma.exportJob.findUniqueOrThrow({ where: { id: rowId } })).updatedAt;
            const stuckSince = Date.now();
            // Wait for the heartbeat itself: updatedAt carried past the 1 s staleness by the heartbeat.
            let later = first;
            for (let i = 0; i < 500 && later.getTime() - first.getTime() < 1_200; i++) {
              await sleep(20);
              later = (await db.prisma.exportJob.findUniqueOrThrow({ where: { id: rowId } })).updatedAt;
            }
            assert.ok(
              later.getTime() - first.getTime() >= 1_200,
              `updatedAt moved ${later.getTime() - first.getTime()} ms`,
            );
            assert.ok(Date.now() - stuckSince >= 1_000, 'the writer has been stuck longer than the staleness');
            const job = await readJob(app, rowId);
            assert.equal(job.status, 'RUNNING', 'stuck past a 1 s staleness, the heartbeat keeps it alive');
            release();
            for (let i = 0; i < 250 && (await status(db, rowId)) === 'RUNNING'; i++) await sleep(20);
            assert.equal((await readJob(app, rowId)).status, 'SUCCEEDED');
            assert.equal(id, toGlobalId('ExportJob', rowId));
          },
        );
      } finally {
        for (const app of apps) await app.close();
        await dispose();
        fs.rmSync(directory, { recursive: true, force: true });
      }
    });
  }
});
