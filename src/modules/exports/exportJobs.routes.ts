import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.js';
import { sendRestError } from '../../errorStatus.js';
import { requestViewer } from '../auth/index.js';
import { fromGlobalId } from '../../engine/globalId.js';
import { canSeeExportJob } from './exportAccess.js';
import {
  defaultExportDirectory,
  failStaleExportJobs,
  getExportJob,
  type ExportJobOptions,
} from './exportJobs.service.js';
import { xlsxContentType } from './xlsxWorkbook.js';

/** Options of {@link exportJobRoutes}. */
export interface ExportJobRoutesOptions {
  db: Database;
  exportJobs: ExportJobOptions;
}

const contentTypes: Record<string, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  jsonl: 'application/x-ndjson; charset=utf-8',
  xlsx: xlsxContentType,
};

/**
 * Registers `GET /export-jobs/:id/download`: the finished file of an export job, streamed as an
 * attachment. 404 when no job has the ID, 410 once it expired, 409 while it is not (or never will
 * be) ready; each as `{ error: { code, message } }`. A job the caller may not see (not its creator,
 * nor a bank-wide ADMIN) answers 404 like a missing one. When the server is ready it marks FAILED
 * the RUNNING jobs whose instance died (stale heartbeat), in the background, tracked in `running`.
 */
export async function exportJobRoutes(app: FastifyInstance, options: ExportJobRoutesOptions): Promise<void> {
  // Not awaited: a database that is down at start must not hold up readiness; reads sweep too.
  app.addHook('onReady', async () => {
    const sweep = failStaleExportJobs(options.db, options.exportJobs)
      .then((ids) => {
        if (ids.length > 0)
          options.exportJobs.log?.(`export jobs ${ids.join(', ')} marked FAILED: their instance stopped`, undefined);
      })
      .catch((error: unknown) => options.exportJobs.log?.('could not sweep stale export jobs', error));
    const running = options.exportJobs.running;
    running?.add(sweep);
    void sweep.finally(() => running?.delete(sweep));
  });
  app.get<{ Params: { id: string } }>('/export-jobs/:id/download', async (request, reply) => {
    const notFound = () => sendRestError(reply, 'NOT_FOUND', `no export job has the ID "${request.params.id}".`);
    let rowId: number;
    try {
      const decoded = fromGlobalId(request.params.id, 'id');
      if (decoded.typeName !== 'ExportJob') return notFound();
      rowId = decoded.id;
    } catch {
      return notFound();
    }
    const job = await getExportJob(options.db, rowId, options.exportJobs);
    if (!job || !canSeeExportJob(job, requestViewer(request))) return notFound();
    if (job.status === 'EXPIRED') return sendRestError(reply, 'GONE', 'the export expired and its file was removed.');
    if (job.status !== 'SUCCEEDED' || !job.filePath) {
      return sendRestError(reply, 'NOT_READY', `the export is ${job.status}, not SUCCEEDED.`);
    }
    const stamp = job.createdAt.toISOString().slice(0, 10);
    return reply
      .header('content-type', contentTypes[job.format] ?? 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${job.kind}-${stamp}-${job.id}.${job.format}"`)
      .header('cache-control', 'no-store')
      .send(fs.createReadStream(localPath(job.filePath, options.exportJobs)));
  });
}

// Instances share the export folder (DISHUI_EXPORT_DIR) but may mount it at different paths: the
// file is looked up by its name in this instance's folder, whatever path the writer recorded.
function localPath(recorded: string, options: ExportJobOptions): string {
  return path.join(options.directory ?? defaultExportDirectory(), path.basename(recorded));
}
