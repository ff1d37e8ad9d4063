import type { FastifyInstance } from 'fastify';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { retryAfterOutageSeconds, sendRestError } from '../errorStatus.js';

/**
 * Logs a REST route's server error with its stack, and makes the REST routes (exports, downloads) answer a database outage with 503
 * `{ error: { code: 'SERVICE_UNAVAILABLE' } }` and a Retry-After, like GraphQL does; any other
 * error goes on to Fastify's default handler.
 */
export function answerOutagesWith503(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    if (!isDatabaseUnavailable(error)) {
      // Fastify's own error line is off with its request lines (requestLogging.ts): keep the stack.
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      return reply.send(error);
    }
    request.log.warn('database unavailable');
    reply.header('retry-after', String(retryAfterOutageSeconds));
    return sendRestError(reply, 'SERVICE_UNAVAILABLE', 'The database is unavailable; retry later.', {
      requestId: String(request.id),
    });
  });
}
