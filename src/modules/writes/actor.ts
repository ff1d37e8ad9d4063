import type { Viewer } from '../auth/index.js';
import type { Tx } from './transaction.js';
import type { UserError } from './userError.js';

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
  /**
   * Run first inside the write's transaction, on its connection: user errors it returns refuse
   * the write (nothing is written). The resolvers re-check the caller's scope here, so a row
   * moved out of it after the check made before the transaction cannot be written.
   */
  recheck?: (tx: Tx) => Promise<UserError[]>;
}

/** The actor of a request: its viewer's id, its roles joined by commas, and its org unit. */
export function actorOf(viewer: Viewer): Actor {
  return {
    id: viewer.id,
    role: viewer.roles.join(','),
    ...(viewer.orgUnitId !== null ? { orgUnitId: viewer.orgUnitId } : {}),
  };
}
