import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { bearerChallenge, sendGraphQLRequestError, sendRestError } from '../errorStatus.js';
import { AuthenticationError } from '../modules/auth/authenticationError.js';
import type { Authenticator } from '../modules/auth/authenticate.js';
import { anonymousViewer, type Viewer } from '../modules/auth/viewer.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; null only before the authentication hook ran. */
    viewer: Viewer | null;
  }
}

/** What callers without a credential may do: nothing ('off') or read as a VIEWER ('viewer'). */
export type AnonymousAccess = 'off' | 'viewer';

/** Options of {@link authentication}. */
export interface AuthenticationOptions {
  authenticate: Authenticator;
  anonymous: AnonymousAccess;
}

// Load balancers probe the health routes and Prometheus scrapes /metrics without credentials (counts
// and timings, no rows: keep it on the platform network); the pages and their static files
// hold no data (they ask the API for it with the user's token). None of them reveals anything.
const publicPaths = new Set(['/healthz', '/readyz', '/metrics', '/dashboard']);

function isPublic(request: FastifyRequest, path: string): boolean {
  if (publicPaths.has(path) || path.startsWith('/web/')) return true;
  // A WebSocket opening: browsers cannot send headers on it, so the caller signs in with
  // connection_init's payload instead (src/plugins/liveSubscriptions.ts).
  if (path === '/graphql' && request.method === 'GET' && String(request.headers.upgrade).toLowerCase() === 'websocket')
    return true;
  // A browser opening GraphiQL: a GET asking for HTML with no operation in it.
  const query = request.query as Record<string, unknown> | undefined;
  return (
    path === '/graphql' &&
    request.method === 'GET' &&
    String(request.headers.accept ?? '').includes('text/html') &&
    query?.query === undefined &&
    query?.extensions === undefined
  );
}

/**
 * Sets `request.viewer` on every route of the app: the caller named by a bearer token or API key,
 * or the anonymous viewer. A credential that is not accepted, or no credential where anonymous
 * access is off, is answered 401 UNAUTHENTICATED before any handler runs. The health routes, the
 * GraphiQL and dashboard pages and CORS preflights are always let through as anonymous.
 */
export const authentication = fp(
  async (app: FastifyInstance, options: AuthenticationOptions) => {
    app.decorateRequest('viewer', null);
    // onRequest, not preHandler: the body is neither read nor parsed for a caller we refuse.
    app.addHook('onRequest', async (request, reply) => {
      const path = request.url.split('?')[0]!;
      const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
      if (preflight || isPublic(request, path)) {
        request.viewer = anonymousViewer;
        return;
      }
      try {
        const viewer = await options.authenticate(request.headers);
        if (viewer === null && options.anonymous === 'off') {
          throw new AuthenticationError('sign in: send "Authorization: Bearer <token>" or an API key in "x-api-key".');
        }
        request.viewer = viewer ?? anonymousViewer;
      } catch (error) {
        if (!(error instanceof AuthenticationError)) throw error;
        return refuse(request, reply, error.message);
      }
    });
  },
  { name: 'dishui-authentication', fastify: '5.x' },
);

/** Answers 401 in the shape of the route: a GraphQL error on /graphql, `{ error }` elsewhere. */
function refuse(request: FastifyRequest, reply: FastifyReply, message: string): FastifyReply {
  const code = 'UNAUTHENTICATED';
  reply.header('www-authenticate', bearerChallenge);
  request.log.info({ reason: message }, 'request refused: not authenticated');
  if (request.url.startsWith('/graphql'))
    return sendGraphQLRequestError(reply, code, `Not authenticated: ${message}`, { requestId: String(request.id) });
  return sendRestError(reply, code, `Not authenticated: ${message}`);
}
