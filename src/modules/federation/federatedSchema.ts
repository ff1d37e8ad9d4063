import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { parse, type GraphQLSchema } from 'graphql';
import { entityKeys } from './entityKeys.js';
import { referenceResolvers } from './referenceResolvers.js';
import { subgraphTypeDefs } from './subgraphTypeDefs.js';

/**
 * The executable Federation 2 subgraph schema: the contract `sdl` with its entity keys, the
 * gateway's own `resolvers`, reference resolvers, and `_entities` / `_service { sdl }`.
 * @throws Error when the derived SDL is not a valid subgraph (a bug, caught by the tests).
 */
export function federatedSchema(
  sdl: string,
  resolvers: { Query: Record<string, unknown> } & Record<string, unknown>,
): GraphQLSchema {
  const keys = entityKeys(parse(sdl));
  const references = referenceResolvers(keys, resolvers.Query);
  const merged: Record<string, unknown> = { ...resolvers };
  for (const [typeName, reference] of Object.entries(references)) {
    merged[typeName] = { ...(resolvers[typeName] as object | undefined), ...reference };
  }
  return buildSubgraphSchema({
    typeDefs: subgraphTypeDefs(sdl, keys),
    resolvers: merged as GraphQLResolverMap<unknown>,
  });
}
