import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendGraphQLRequestError, sendRestError } from '../errorStatus.js';

/** Options of {@link shedLoad}. */
export interface LoadSheddingOptions {
  /** Requests served at once (DISHUI_MAX_IN_FLIGHT); 0 = no limit. */
  maxInFlight: number;
  /** The GraphQL route, answered with a GraphQL-shaped body; others get the REST shape. */
  graphqlPath: string;
  /** Counted once per request refused for load, for metrics. */
  onShed?: () => void;
}

// Probes must answer whatever the load: a load balancer reads them to decide where to send it.
const probes = new Set(['/healthz', '/readyz', '/metrics']);

/** What {@link shedLoad} reports. */
export interface LoadShedding {
  /** Requests being served now (WebSocket upgrades and probes are not counted). */
  inFlight(): number;
  /** Resolves once no request is being served (at once when none is): the end of the HTTP drain. */
  idle(): Promise<void>;
}

/**
 * Bounds the work in flight and answers requests arriving while the server drains, both with 503
 * SERVICE_UNAVAILABLE and `Retry-After` at once, before authentication or any database work
 * (`onRequest`, added first so it runs before every other hook). A request holds its place until
 * its response is finished or its connection closed, so a streaming export counts for as long as
 * it streams. While draining (from `app.close()`, whose `preClose` hook sets it; Fastify's own
 * plain 503 is turned off with `return503OnClosing: false`) the answer also says
 * `Connection: close`; only `/healthz` is still served. Health probes are never shed for load.
 */
export function shedLoad(app: FastifyInstance, options: LoadSheddingOptions): LoadShedding {
  let inFlight = 0;
  const idleWaiters: (() => void)[] = [];
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    if (draining && path !== '/healthz') {
      reply.header('connection', 'close');
      return refuse(request, reply, options.graphqlPath, 5, 'The server is shutting down; retry on another instance.');
    }
    if (probes.has(path)) return;
    if (options.maxInFlight > 0 && inFlight >= options.maxInFlight) {
      options.onShed?.();
      return refuse(request, reply, options.graphqlPath, 1, 'The server is at capacity; retry shortly.');
    }
    // A WebSocket lasts as long as its subscriptions, not a request: it holds no place (sockets are
    // capped per caller, DISHUI_WS_MAX_CONNECTIONS_PER_CALLER) and the drain does not wait for it.
    if (request.headers.upgrade !== undefined) return;
    inFlight += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight -= 1;
      if (inFlight === 0) for (const resolve of idleWaiters.splice(0)) resolve();
    };
    // 'close' follows a finished response as well as a connection the client dropped.
    reply.raw.once('close', release);
    reply.raw.once('finish', release);
  });
  return {
    inFlight: () => inFlight,
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
  };
}

function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  graphqlPath: string,
  retryAfterSeconds: number,
  message: string,
) {
  const requestId = String(request.id);
  const path = request.url.split('?', 1)[0];
  reply.header('retry-after', String(retryAfterSeconds));
  return path === graphqlPath
    ? sendGraphQLRequestError(reply, 'SERVICE_UNAVAILABLE', message, { requestId })
    : sendRestError(reply.type('application/json'), 'SERVICE_UNAVAILABLE', message, { requestId });
}
