import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { sendGraphQLRequestError } from '../errorStatus.js';

/** What the HTTP side of the GraphQL route is limited by. */
export interface RouteLimitSettings {
  path: string;
  bodyLimitBytes: number;
  executionTimeoutMs: number;
  /** Run before Apollo on the GraphQL route (the safelist), if any. */
  preHandler?: preHandlerAsyncHookHandler;
}

// Fastify keeps the handlerTimeout's 'close' listener and timer on the request under symbols it
// does not export; found by their descriptions (Fastify 5).
const symbols = new Map<string, symbol>();
function fastifySymbol(request: FastifyRequest, description: string): symbol | undefined {
  let found = symbols.get(description);
  if (!found) {
    found = Object.getOwnPropertySymbols(request).find((symbol) => symbol.description === description);
    if (found) symbols.set(description, found);
  }
  return found;
}

/**
 * Once a reply is sent, the handlerTimeout has nothing left to abort: drops its timer and the
 * request's 'close' listener, which would otherwise abort the request's signal after every
 * answer, building a DOMException each time (≈5% of a compiled read's CPU).
 */
function settleHandlerTimeout(request: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  const onAbort = fastifySymbol(request, 'fastify.request.onAbort');
  const timer = fastifySymbol(request, 'fastify.request.timeoutTimer');
  const slots = request as unknown as Record<symbol, unknown>;
  if (onAbort && typeof slots[onAbort] === 'function') {
    request.raw.removeListener('close', slots[onAbort] as () => void);
  }
  if (timer) clearTimeout(slots[timer] as NodeJS.Timeout);
  done();
}

/**
 * Adds, through an onRoute hook (so it must run before routes are added), a body limit to every
 * route and, on the GraphQL route, Fastify's handlerTimeout, the safelist preHandler, and an
 * error handler that answers oversized bodies, timeouts and unparsable bodies with
 * `extensions.code` (PAYLOAD_TOO_LARGE 413, EXECUTION_TIMEOUT 504, UNSUPPORTED_MEDIA_TYPE 415, BAD_REQUEST 400).
 */
export function addGraphQLRouteLimits(app: FastifyInstance, settings: RouteLimitSettings): void {
  app.addHook('onRoute', (route) => {
    route.bodyLimit ??= settings.bodyLimitBytes;
    if (route.url !== settings.path) return;
    route.handlerTimeout = settings.executionTimeoutMs;
    route.onResponse = [...(route.onResponse ? [route.onResponse].flat() : []), settleHandlerTimeout];
    if (settings.preHandler) {
      const existing = route.preHandler ? [route.preHandler].flat() : [];
      route.preHandler = [...existing, settings.preHandler];
    }
    const handler = route.handler;
    // After a timeout answered, Apollo still finishes and returns its body; returning nothing
    // then keeps Fastify from trying to send a second reply.
    route.handler = async function limitedHandler(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      const payload = await handler.call(this, request, reply);
      return reply.sent ? undefined : payload;
    };
    route.errorHandler = (error: FastifyError, _request, reply) => {
      switch (error.code) {
        case 'FST_ERR_HANDLER_TIMEOUT':
          return sendGraphQLRequestError(
            reply,
            'EXECUTION_TIMEOUT',
            `The request took longer than ${settings.executionTimeoutMs} ms and was abandoned.`,
            { maximum: settings.executionTimeoutMs },
          );
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
          return sendGraphQLRequestError(
            reply,
            'PAYLOAD_TOO_LARGE',
            `The request body is larger than ${settings.bodyLimitBytes} bytes.`,
            { maximum: settings.bodyLimitBytes },
          );
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
          return sendGraphQLRequestError(
            reply,
            'UNSUPPORTED_MEDIA_TYPE',
            `The request body cannot be read: ${error.message}`,
          );
        default:
          if (error.code?.startsWith('FST_ERR_CTP_') || error.statusCode === 400) {
            return sendGraphQLRequestError(reply, 'BAD_REQUEST', `The request body cannot be read: ${error.message}`);
          }
          return reply.send(error);
      }
    };
  });
}
