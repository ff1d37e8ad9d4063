import { GraphQLError } from 'graphql';
import type { Role } from './viewer.js';

/** The FORBIDDEN error of a field the caller's roles may not use; the message names them. */
export function forbidden(field: string, roles: readonly Role[]): GraphQLError {
  return new GraphQLError(`${field} needs one of the roles ${roles.join(', ')}.`, {
    extensions: { code: 'FORBIDDEN' },
  });
}
