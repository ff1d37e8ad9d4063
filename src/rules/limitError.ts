import { GraphQLError, type ASTNode } from 'graphql';

/** The limits a document can pass, as named in `extensions.limit`. */
export type LimitName = 'depth' | 'aliases' | 'rootFields' | 'directives' | 'tokens' | 'cost';

/**
 * The error of a passed limit: code QUERY_TOO_COMPLEX, with the limit's name, its maximum and the
 * document's figure, so a client can tell which limit to stay under.
 */
export function limitError(
  limit: LimitName,
  maximum: number,
  actual: number,
  nodes?: readonly ASTNode[],
): GraphQLError {
  return new GraphQLError(`The ${limit} limit is ${maximum}; this document has ${actual}.`, {
    nodes,
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, maximum, actual },
  });
}
