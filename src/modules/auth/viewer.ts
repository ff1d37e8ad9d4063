/** The roles a caller can hold, weakest first. What each may do is decided by authorization. */
export const roles = ['VIEWER', 'ANALYST', 'LOAN_OFFICER', 'PROGRAMME_MANAGER', 'ADMIN'] as const;

/** One of {@link roles}. */
export type Role = (typeof roles)[number];

/** Who is calling: set on every request by the authentication plugin, read by everything else. */
export interface Viewer {
  kind: 'anonymous' | 'user' | 'apiKey';
  /** Stable id for logs, audit, rate limits: 'anonymous', 'user:<sub>', 'apikey:<id>'. */
  id: string;
  roles: readonly Role[];
  /** The org unit whose subtree the caller is limited to; null = the whole bank. */
  orgUnitId: number | null;
}

/**
 * The caller who sent no credential. Where anonymous access is allowed it may read what a
 * VIEWER may read; where it is not, no request but the health checks gets this far.
 */
export const anonymousViewer: Viewer = Object.freeze({
  kind: 'anonymous',
  id: 'anonymous',
  roles: Object.freeze(['VIEWER'] as const),
  orgUnitId: null,
});

/** True when `value` names one of the {@link roles}. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** True when the viewer holds at least one of `wanted`. */
export function hasAnyRole(viewer: Viewer, wanted: readonly Role[]): boolean {
  return viewer.roles.some((role) => wanted.includes(role));
}
