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

// Fastify keeps the handlerTimeout's 'close' listener on the request under a symbol it does not
// export; found by its description (Fastify 5).
let onAbortSymbol: symbol | undefined;

/**
 * Fastify's handlerTimeout aborts the request's signal when the request emits 'close', but on
 * Node 20 a request emits 'close' as soon as its body is read: every POST had its signal aborted
 * mid-handler, building a DOMException each time (≈5% of a compiled read's CPU). This moves the
 * abort to the response's 'close' before it finished: a caller that went away.
 */
function abortOnDisconnectOnly(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  onAbortSymbol ??= Object.getOwnPropertySymbols(request).find(
    (symbol) => symbol.description === 'fastify.request.onAbort',
  );
  const onAbort = onAbortSymbol && (request as unknown as Record<symbol, unknown>)[onAbortSymbol];
  if (typeof onAbort === 'function') {
    request.raw.removeListener('close', onAbort as () => void);
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) onAbort();
    });
  }
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
    route.onRequest = [...(route.onRequest ? [route.onRequest].flat() : []), abortOnDisconnectOnly];
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
