import type { ExportJob } from '../../generated/prisma/client.js';
import { type Viewer, exportRoles, hasAnyRole, isBankWideAdmin } from '../auth/index.js';

/** True when `viewer` may export at all. */
export function canExport(viewer: Viewer): boolean {
  return hasAnyRole(viewer, exportRoles);
}

/**
 * True when `viewer` may see `job` (its status and its file): its creator, or an ADMIN bound to no
 * org unit. Anyone else is told no such job exists, so job ids reveal nothing.
 */
export function canSeeExportJob(job: Pick<ExportJob, 'createdBy'>, viewer: Viewer): boolean {
  if (isBankWideAdmin(viewer)) return true;
  return canExport(viewer) && viewer.kind !== 'anonymous' && job.createdBy === viewer.id;
}
