import type { Database } from './db/client.js';
import { scopeOf, type AccessScope } from './modules/auth/accessScope.js';
import { anonymousViewer, type Viewer } from './modules/auth/viewer.js';
import { createLoanLoaders } from './modules/loans/loans.loaders.js';
import { createRegionLoaders } from './modules/regions/regions.loaders.js';
import { createRelayLoaders } from './engine/relayLoaders.js';
// The relay loaders read the domain's entity specs, which the registry installs when it loads.
import './modules/entities.js';
import type { RequestLimits } from './plugins/requestLimits.js';

/** What every resolver receives: the database, the caller, its scope and this request's own DataLoaders. */
export interface GraphQLContext {
  db: Database;
  /**
   * The primary, where `db` may be a read replica (queriesOnReplicas): the change feeds read here,
   * because only the primary knows which writes are still open (factChanges.service.ts).
   */
  primary?: Database;
  requestId: string;
  viewer: Viewer;
  /** The viewer's roles and org-unit subtree: every read and write of the request stays within it. */
  scope: AccessScope;
  loaders: ReturnType<typeof createLoaders>;
  /** The caller's budget key, schema-inspection right and abort signal (absent outside HTTP). */
  limits?: RequestLimits;
}

/**
 * Builds fresh loaders for one request, reading within `scope`; a shared cache would leak one
 * caller's rows to another.
 */
export function createLoaders(db: Database, scope: AccessScope) {
  return {
    relay: createRelayLoaders(db, scope),
    ...createRegionLoaders(db),
    ...createLoanLoaders(db),
  };
}

/** The context of one GraphQL request made by `viewer`; a missing viewer is the anonymous one. */
export function createContext(db: Database, requestId: string, viewer: Viewer = anonymousViewer): GraphQLContext {
  const scope = scopeOf(viewer);
  return { db, primary: db, requestId, viewer, scope, loaders: createLoaders(db, scope) };
}
