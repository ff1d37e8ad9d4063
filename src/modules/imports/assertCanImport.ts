import { AuthenticationError, ForbiddenError, type Viewer, hasAnyRole, importRoles } from '../auth/index.js';

/**
 * The one check every HTTP import passes before a row is read: a signed-in caller (never the
 * anonymous viewer) holding a role that may import `kind`. Row-level checks (each row's org unit
 * and borrower within the caller's subtree) are made by `importFile`'s lookups, which find only
 * rows within the scope the route passes (src/modules/imports/loanImport.ts).
 * @throws AuthenticationError for an anonymous caller; ForbiddenError for a missing role.
 */
export function assertCanImport(viewer: Viewer, kind: string): void {
  if (viewer.kind === 'anonymous') throw new AuthenticationError('sign in to import: anonymous callers may not write.');
  const allowed = importRoles[kind] ?? [];
  if (!hasAnyRole(viewer, allowed))
    throw new ForbiddenError(`importing ${kind} needs the role ${allowed.join(' or ')}.`);
}
