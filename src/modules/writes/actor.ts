/**
 * Who makes a change. Until authentication lands this is whatever the caller states; the audit
 * trail records it as given.
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
