import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { FastifyBaseLogger } from 'fastify';
import { errorTable } from '../errors.js';

const clientCodes = new Set(Object.keys(errorTable).filter((code) => code !== 'INTERNAL_SERVER_ERROR'));

/**
 * Masks every error that Dishui did not raise on purpose: the client gets
 * INTERNAL_SERVER_ERROR and the request id, the log gets the original with its stack.
 */
export function createFormatError(logger: FastifyBaseLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && clientCodes.has(code)) return formatted;
    const original = unwrapResolverError(error);
    const requestId = (formatted.extensions?.requestId as string | undefined) ?? undefined;
    logger.error({ err: original, path: formatted.path }, 'internal error in a GraphQL request');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    };
  };
}
