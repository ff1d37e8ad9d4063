import type { ApolloServerPlugin } from '@apollo/server';
import { createLoaders, type GraphQLContext } from '../context.js';
import type { Database } from '../db/client.js';

/**
 * An Apollo Server plugin sending every query to a read replica (`reads.pick()`, which falls back
 * to the primary while no replica is healthy): once Apollo has parsed the document and chosen the
 * operation, a query's context gets that database and loaders reading from it. Mutations and
 * anything that never gets that far stay on the primary the context was built with. Uses Apollo's
 * own parsed document (and its cache of them), so the request is parsed once.
 */
export function queriesOnReplicas(reads: { pick(): Database }): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'query') return;
          const db = reads.pick();
          if (db === contextValue.db) return;
          contextValue.db = db;
          contextValue.loaders = createLoaders(db, contextValue.scope);
        },
      };
    },
  };
}
