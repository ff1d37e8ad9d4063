import { GraphQLError } from 'graphql';

/** A BAD_USER_INPUT error whose message and `extensions.argument` name the offending argument. */
export function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}": ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}
