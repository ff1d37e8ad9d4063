import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendRestError } from '../errorStatus.js';
import type { RateLimitStore } from './rateLimitStore.js';
import { requestLimits } from './requestLimits.js';

/** A fixed charge on every request to the routes whose URL starts with `prefix`. */
export interface RouteCharge {
  method: 'GET' | 'POST';
  prefix: string;
  cost: number;
}

/** What {@link chargeRoutes} spends from and how big the budget is. */
export interface RouteChargeSettings {
  store: RateLimitStore;
  points: number;
  windowMs: number;
  charges: readonly RouteCharge[];
  /** Told when the store fails; the request is then let through, as on /graphql. */
  warn: (message: string, error: unknown) => void;
}

/**
 * Adds, through an onRoute hook (so it must run before the routes are added), a preHandler to each
 * route matching a charge: it spends the charge's fixed cost from the caller's budget, the one
 * /graphql spends from, and answers 429 `{ error: { code: 'RATE_LIMITED', message,
 * retryAfterSeconds, cost, limit, windowMs } }` with Retry-After when it does not fit, before the
 * handler reads a row or the body is used.
 */
export function chargeRoutes(app: FastifyInstance, settings: RouteChargeSettings): void {
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    const charge = settings.charges.find((c) => methods.includes(c.method) && route.url.startsWith(c.prefix));
    if (!charge) return;
    const existing = route.preHandler ? [route.preHandler].flat() : [];
    route.preHandler = [
      ...existing,
      (request: FastifyRequest, reply: FastifyReply) => spend(request, reply, charge.cost, settings),
    ];
  });
}

// preHandler, not onRequest: the authentication hook (onRequest) has named the caller by then.
async function spend(request: FastifyRequest, reply: FastifyReply, cost: number, settings: RouteChargeSettings) {
  const { callerKey } = requestLimits(request, { production: true, inspectingRoles: [] });
  let decision: Awaited<ReturnType<RateLimitStore['spend']>>;
  try {
    decision = await settings.store.spend(callerKey, cost, settings.points, settings.windowMs);
  } catch (error) {
    settings.warn('rate-limit store failed; request let through', error);
    return;
  }
  if (decision.allowed) return;
  const retryAfterSeconds = Math.max(1, Math.ceil(decision.resetInMs / 1000));
  reply.header('retry-after', String(retryAfterSeconds));
  return sendRestError(
    reply,
    'RATE_LIMITED',
    `Rate limit: this request costs ${cost} of your ${settings.points} points per ${settings.windowMs} ms; ${decision.used} are spent.`,
    { retryAfterSeconds, cost, limit: settings.points, windowMs: settings.windowMs },
  );
}
