import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { FastifyBaseLogger } from 'fastify';
import type { GraphQLFormattedError } from 'graphql';
import type { GraphQLContext } from '../context.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { errorTable } from '../errors.js';

const clientCodes = new Set(Object.keys(errorTable).filter((code) => code !== 'INTERNAL_SERVER_ERROR'));

/** True when an error's code is one of the client-facing codes of the error table. */
function isClientError(code: unknown): boolean {
  return typeof code === 'string' && clientCodes.has(code);
}

/**
 * Masks every error that Dishui did not raise on purpose: the client gets only
 * INTERNAL_SERVER_ERROR (the request id is added by {@link internalErrorLogging}); SQL, stacks
 * and driver messages never leave the process. A database outage is not a bug: it becomes
 * SERVICE_UNAVAILABLE, so clients know to retry.
 */
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  if (isClientError(formatted.extensions?.code)) return formatted;
  if (error !== undefined && isDatabaseUnavailable(unwrapResolverError(error))) {
    return {
      message: 'The database is unavailable; retry later.',
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * Logs each internal error with its stack and the request id, and puts the same request id on
 * the masked error the client receives, so a support call can find the log line.
 */
export function internalErrorLogging(logger: FastifyBaseLogger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isClientError(error.extensions?.code)) continue;
            if (isDatabaseUnavailable(unwrapResolverError(error))) {
              logger.warn(
                { path: error.path, requestId: contextValue.requestId },
                'database unavailable during a GraphQL request',
              );
              continue;
            }
            logger.error(
              { err: unwrapResolverError(error), path: error.path, requestId: contextValue.requestId },
              'internal error in a GraphQL request',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (
              error.extensions?.code === 'INTERNAL_SERVER_ERROR' ||
              error.extensions?.code === 'SERVICE_UNAVAILABLE'
            ) {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
        },
      };
    },
  };
}
