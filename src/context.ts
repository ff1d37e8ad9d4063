import type { Database } from './db/client.js';
import { anonymousViewer, type Viewer } from './modules/auth/viewer.js';
import { createLoanLoaders } from './modules/loans/loans.loaders.js';
import { createRegionLoaders } from './modules/regions/regions.loaders.js';
import { createRelayLoaders } from './modules/relay/relayLoaders.js';
import type { RequestLimits } from './plugins/requestLimits.js';

/** What every resolver receives: the database, who is calling, and this request's own DataLoaders. */
export interface GraphQLContext {
  db: Database;
  requestId: string;
  viewer: Viewer;
  loaders: ReturnType<typeof createLoaders>;
  /** The caller's budget key, schema-inspection right and abort signal (absent outside HTTP). */
  limits?: RequestLimits;
}

/** Builds fresh loaders for one request; a shared cache would leak one caller's rows to another. */
export function createLoaders(db: Database) {
  return {
    relay: createRelayLoaders(db),
    ...createRegionLoaders(db),
    ...createLoanLoaders(db),
  };
}

/** The context of one GraphQL request; a missing viewer is the anonymous one. */
export function createContext(db: Database, requestId: string, viewer: Viewer = anonymousViewer): GraphQLContext {
  return { db, requestId, viewer, loaders: createLoaders(db) };
}
