import type { Role, Viewer } from './viewer.js';

/**
 * What a read or write may touch: the caller's roles (which entity types it may read at all) and
 * the org unit whose subtree limits its rows (null = the whole bank). Every SQL statement of the
 * read API and every mutation's id check is built from one of these.
 */
export type AccessScope = Readonly<Pick<Viewer, 'roles' | 'orgUnitId'>>;

/**
 * The scope of trusted in-process callers that act for the bank as a whole: the CLI (seeds,
 * imports) and benchmarks. Never derived from a request.
 */
export const unrestrictedScope: AccessScope = Object.freeze({
  roles: Object.freeze(['ADMIN'] as const),
  orgUnitId: null,
});

/** The scope of a viewer (the request's caller). */
export function scopeOf(viewer: Viewer): AccessScope {
  return { roles: viewer.roles, orgUnitId: viewer.orgUnitId };
}

/** True when the scope holds at least one of `wanted`. */
export function scopeHasRole(scope: AccessScope, wanted: readonly Role[]): boolean {
  return scope.roles.some((role) => wanted.includes(role));
}
