import { defaultFieldResolver, GraphQLError, type GraphQLFieldResolver } from 'graphql';
import type { GraphQLContext } from '../../context.js';
import type { AccessRules } from './accessRules.js';
import { forbidden } from './forbidden.js';
import { roles as allRoles, type Role } from './viewer.js';

type ResolverMap = Record<string, unknown>;

/**
 * Returns `resolvers` with every field that has an access rule wrapped once: a caller holding
 * none of the field's roles gets a FORBIDDEN error at the field's path, and the resolver is not
 * called (an anonymous caller gets UNAUTHENTICATED instead: signing in may help). On a nullable field that is null there and the rest of the answer intact; on a
 * non-null root field (mutations) the whole request is refused. Fields with no resolver of their
 * own get the default one wrapped; fields whose rule names every role are left as they are.
 */
export function guardResolvers<T extends ResolverMap>(resolvers: T, rules: AccessRules): T {
  const guarded: ResolverMap = { ...resolvers };
  for (const [key, roles] of rules) {
    // Every caller holds a role (tokens and API keys must name one, the anonymous caller is a
    // VIEWER), so a rule naming every role checks nothing: the field keeps its own resolver.
    if (allRoles.every((role) => roles.includes(role))) continue;
    const [typeName, fieldName] = key.split('.') as [string, string];
    const fields = { ...((guarded[typeName] as Record<string, unknown> | undefined) ?? {}) };
    const given = fields[fieldName];
    // A subscription field is { subscribe, resolve }: the check guards subscribing.
    if (typeof given === 'object' && given !== null && 'subscribe' in given) {
      const subscription = given as { subscribe: GraphQLFieldResolver<unknown, GraphQLContext> };
      fields[fieldName] = { ...subscription, subscribe: guard(key, roles, subscription.subscribe) };
      guarded[typeName] = fields;
      continue;
    }
    fields[fieldName] = guard(
      key,
      roles,
      (given as GraphQLFieldResolver<unknown, GraphQLContext> | undefined) ?? defaultFieldResolver,
    );
    guarded[typeName] = fields;
  }
  return guarded as T;
}

function guard(
  key: string,
  roles: readonly Role[],
  original: GraphQLFieldResolver<unknown, GraphQLContext>,
): GraphQLFieldResolver<unknown, GraphQLContext> {
  return (parent, args, context, info) => {
    if (!context.scope.roles.some((role) => roles.includes(role))) {
      if (context.viewer?.kind === 'anonymous') {
        throw new GraphQLError(`Not authenticated: sign in to use ${key}.`, {
          extensions: { code: 'UNAUTHENTICATED' },
        });
      }
      throw forbidden(key, roles);
    }
    return original(parent, args, context, info);
  };
}
