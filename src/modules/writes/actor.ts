import type { Viewer } from '../auth/viewer.js';

/**
 * Who makes a change, as the audit trail records it: the viewer's id ('user:<sub>',
 * 'apikey:<id>', 'anonymous'), roles and org unit; the CLI states its own.
 */
export interface Actor {
  id: string;
  role: string;
  orgUnitId?: number;
}

/** Per-call options every mutation service takes. */
export interface MutationOptions {
  /** The request id, recorded in the audit trail so a change can be traced to its request. */
  requestId?: string;
}

/** The actor of a request: its viewer's id, its roles joined by commas, and its org unit. */
export function actorOf(viewer: Viewer): Actor {
  return { id: viewer.id, role: viewer.roles.join(','), ...(viewer.orgUnitId !== null ? { orgUnitId: viewer.orgUnitId } : {}) };
}
