import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../../context.js';
import type { EntityKeys } from './entityKeys.js';

type QueryResolver = (parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext, info: never) => unknown;

/** A representation sent by a router to `_entities`: the type name and one of its keys. */
export type Representation = { __typename: string } & Record<string, unknown>;

const isNotFound = (error: unknown) => error instanceof GraphQLError && error.extensions.code === 'NOT_FOUND';

/**
 * `__resolveReference` for every entity. A reference is resolved by the very Query field a client
 * would call (`node(id:)`, `region(code:)`, `enterpriseLoan(contractNo:)`…), so it goes through
 * the same per-request DataLoaders and whatever access checks those fields apply. A row that
 * does not exist resolves to null, as routers expect; an ID of another type is a user error.
 */
export function referenceResolvers(keys: EntityKeys, query: Record<string, unknown>) {
  const call = (field: string, args: Record<string, unknown>, ctx: GraphQLContext) =>
    (query[field] as QueryResolver)(undefined, args, ctx, undefined as never);
  const resolvers: Record<
    string,
    { __resolveReference: (reference: Representation, ctx: GraphQLContext) => Promise<unknown> }
  > = {};
  for (const [typeName, naturalKeys] of keys) {
    resolvers[typeName] = {
      async __resolveReference(reference, ctx) {
        try {
          if (typeof reference.id === 'string') {
            const row = (await call('node', { id: reference.id }, ctx)) as { __typename?: string } | null;
            if (row && row.__typename !== typeName) {
              throw new GraphQLError(`"${reference.id}" is not the ID of a ${typeName}.`, {
                extensions: { code: 'BAD_USER_INPUT', argument: 'representations' },
              });
            }
            return row;
          }
          const key = naturalKeys.find((candidate) => typeof reference[candidate.field] === 'string');
          if (!key) {
            throw new GraphQLError(
              `A ${typeName} representation needs one of: ${['id', ...naturalKeys.map((k) => k.field)].join(', ')}.`,
              {
                extensions: { code: 'BAD_USER_INPUT', argument: 'representations' },
              },
            );
          }
          return (await call(key.queryField, { [key.field]: reference[key.field] }, ctx)) ?? null;
        } catch (error) {
          if (isNotFound(error)) return null;
          throw error;
        }
      },
    };
  }
  return resolvers;
}
