import type { ExportJob } from '../../generated/prisma/client.js';
import { hasAnyRole, type Role, type Viewer } from '../auth/viewer.js';

/**
 * Roles that may export fact rows (the routes, `createExport` and its jobs): bulk data leaving the
 * bank is an analyst's and an administrator's business. schema.graphql's `@access` on
 * `createExport` and `loanFacts` lists the same roles (test/modules/auth/accessDirectives.test.ts).
 */
export const exportRoles: readonly Role[] = Object.freeze(['ANALYST', 'ADMIN'] as const);

/** True when `viewer` may export at all. */
export function canExport(viewer: Viewer): boolean {
  return hasAnyRole(viewer, exportRoles);
}

/**
 * True when `viewer` may see `job` (its status and its file): its creator, or an ADMIN bound to no
 * org unit. Anyone else is told no such job exists, so job ids reveal nothing.
 */
export function canSeeExportJob(job: Pick<ExportJob, 'createdBy'>, viewer: Viewer): boolean {
  if (viewer.roles.includes('ADMIN') && viewer.orgUnitId === null) return true;
  return canExport(viewer) && viewer.kind !== 'anonymous' && job.createdBy === viewer.id;
}
