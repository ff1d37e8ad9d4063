import { GraphQLError } from 'graphql';
import type { AccessScope } from './accessScope.js';
import { readModel } from './specRegistry.js';

/**
 * Refuses a filter or ordering on a field the caller may not read (schema.graphql's `@access` on
 * the type's field, e.g. Enterprise.creditCode): otherwise a filter could probe its values row by
 * row. Fields without a rule are free.
 * @throws GraphQLError FORBIDDEN naming `argument` and the roles that may use the field.
 */
export function assertMayUseField(typeName: string, field: string, scope: AccessScope, argument: string): void {
  const roles = readModel().fieldReaders(typeName, field);
  if (!roles || scope.roles.some((role) => roles.includes(role))) return;
  throw new GraphQLError(`Argument "${argument}": ${typeName}.${field} needs one of the roles ${roles.join(', ')}.`, {
    extensions: { code: 'FORBIDDEN', argument },
  });
}
