import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyReply } from 'fastify';
import type { GraphQLFormattedError } from 'graphql';
import { type ErrorCode, errorTable } from './errors.js';

/** Seconds a client is told to wait (Retry-After) after a 503. */
export const retryAfterOutageSeconds = 5;

/** The WWW-Authenticate challenge of every 401. */
export const bearerChallenge = 'Bearer realm="dishui"';

/** The HTTP status of `code` in the error table. */
export function statusOf(code: ErrorCode): number {
  return errorTable[code].status;
}

/** The status of any `extensions.code`: the table's, or 500 for a code the table does not hold. */
function statusOfCode(code: unknown): number {
  return typeof code === 'string' && Object.hasOwn(errorTable, code) ? statusOf(code as ErrorCode) : 500;
}

/**
 * The HTTP status of a GraphQL answer, by the GraphQL-over-HTTP rule: undefined (200) when there is
 * no error or some root field has data; else, nothing was answered and the request failed as a
 * whole, so its status is its errors' code's in the error table — a server-side code (5xx) if there
 * is one, the highest, since that is what a client must act on; else the first error's code.
 */
export function graphqlStatusOf(
  data: Record<string, unknown> | null | undefined,
  errors: readonly GraphQLFormattedError[] | undefined,
): number | undefined {
  if (!errors || errors.length === 0) return undefined;
  if (data && Object.values(data).some((value) => value !== null)) return undefined;
  const statuses = errors.map((error) => statusOfCode(error.extensions?.code));
  const serverSide = Math.max(...statuses.filter((status) => status >= 500));
  return Number.isFinite(serverSide) ? serverSide : statuses[0];
}

/** The part of a request's context {@link errorStatus} reads: who is calling. */
export interface CallerOfRequest {
  viewer?: { kind: string } | null;
}

/**
 * An anonymous caller refused for want of a role is told UNAUTHENTICATED, not FORBIDDEN: signing
 * in is what would help (a `creditCode` filter, a loan dimension, an export). Changes `error` in
 * place. Over HTTP and over WebSocket (liveSubscriptions.ts) alike.
 */
export function relabelForAnonymous(error: GraphQLFormattedError): void {
  if (error.extensions?.code !== 'FORBIDDEN') return;
  (error.extensions as Record<string, unknown>).code = 'UNAUTHENTICATED';
  (error as { message: string }).message = `Not authenticated: sign in; ${error.message}`;
}

function relabelMethodNotAllowed(error: GraphQLFormattedError): void {
  if (error.extensions?.code === 'BAD_REQUEST')
    (error.extensions as Record<string, unknown>).code = 'METHOD_NOT_ALLOWED';
}

/**
 * The one place the status of a GraphQL response is decided ({@link graphqlStatusOf}): a request
 * refused or failed as a whole gets its code's status (BAD_USER_INPUT 400, UNAUTHENTICATED 401
 * with WWW-Authenticate, FORBIDDEN 403, SERVICE_UNAVAILABLE 503 with Retry-After…); a partly
 * answered one stays 200. An anonymous caller's FORBIDDEN errors become UNAUTHENTICATED first.
 */
export function errorStatus(): ApolloServerPlugin<CallerOfRequest> {
  return {
    async requestDidStart() {
      return {
        // willSendResponse sees the errors as formatError left them, so masked codes count as masked.
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (contextValue.viewer?.kind === 'anonymous') errors?.forEach(relabelForAnonymous);
          // Apollo answers a mutation over GET with 405 but the generic BAD_REQUEST code: name it.
          if (response.http.status === 405) errors?.forEach(relabelMethodNotAllowed);
          const status = graphqlStatusOf(data, errors);
          if (status === undefined) return;
          response.http.status = status;
          if (status === statusOf('UNAUTHENTICATED') && !response.http.headers.has('www-authenticate'))
            response.http.headers.set('www-authenticate', bearerChallenge);
          if (status === statusOf('SERVICE_UNAVAILABLE') && !response.http.headers.has('retry-after'))
            response.http.headers.set('retry-after', String(retryAfterOutageSeconds));
        },
      };
    },
  };
}

/**
 * Answers a REST door (export, export job download, import) refusal as `{ error: { code, message,
 * ...extra } }` with the code's status from the error table.
 */
export function sendRestError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  return reply.code(statusOf(code)).send({ error: { code, message, ...extra } });
}

/**
 * Answers a refusal on the GraphQL route made before Apollo runs (body limit, timeout, safelist,
 * authentication) as a GraphQL error body `{ errors: [{ message, extensions: { code, ... } }] }`
 * with the code's status from the error table.
 */
export function sendGraphQLRequestError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): FastifyReply {
  return reply
    .code(statusOf(code))
    .type('application/json')
    .send({ errors: [{ message, extensions: { code, ...extensions } }] });
}
