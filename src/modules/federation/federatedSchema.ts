import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';
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
  const schema = buildSubgraphSchema({
    typeDefs: subgraphTypeDefs(sdl, keys),
    resolvers: merged as GraphQLResolverMap<unknown>,
  });
  guardEntities(schema, new Set(keys.keys()));
  return schema;
}

/**
 * Makes `_entities` refuse, as BAD_USER_INPUT naming `representations`, a representation that is
 * not an object whose `__typename` is one of the entities: @apollo/subgraph looks the name up
 * in a plain object (so `"__proto__"` finds Object.prototype) and fails with a plain Error.
 */
function guardEntities(schema: GraphQLSchema, entities: ReadonlySet<string>): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) return;
  field.resolve = (source, args, context, info) => {
    const representations: unknown = args.representations;
    if (Array.isArray(representations)) {
      representations.forEach((representation: unknown, index) => {
        const typeName =
          representation && typeof representation === 'object'
            ? (representation as { __typename?: unknown }).__typename
            : undefined;
        if (typeof typeName === 'string' && entities.has(typeName)) return;
        throw new GraphQLError(
          `Argument "representations": item ${index} needs a __typename naming an entity (${[...entities].join(', ')}); got ${JSON.stringify(typeName ?? null)}.`,
          { extensions: { code: 'BAD_USER_INPUT', argument: 'representations' } },
        );
      });
    }
    return resolve(source, args, context, info);
  };
}
