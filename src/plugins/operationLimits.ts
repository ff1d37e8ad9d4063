import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLFormattedError, visit } from 'graphql';
import type { GraphQLContext } from '../context.js';
import { statusOf } from '../errorStatus.js';
import { limitError, operationCost, type CostOptions } from '../rules/index.js';
import { perOperationCache } from './perOperationCache.js';
import type { RateLimitStore } from './rateLimitStore.js';

/** The per-request limits enforced once the operation is known. */
export interface OperationLimitSettings extends CostOptions {
  maxCost: number;
  rateLimit: { store: RateLimitStore; points: number; windowMs: number };
  /** Told when the rate-limit store fails; the request is then let through. */
  warn: (message: string, error: unknown) => void;
}

// `_service { sdl }` (FEDERATION=true) hands out the whole schema, so it follows the same rule.
const schemaFields = new Set(['__schema', '__type', '_service']);

// Apollo keeps one parsed document per query text, so whether it asks for introspection is kept
// per document rather than walked again on every request.
const introspectionByDocument = new WeakMap<DocumentNode, boolean>();
// Costs kept per operation (for different variables), oldest dropped first.
const COSTS_PER_OPERATION = 64;

/** True when the document asks for `__schema`, `__type` or `_service` anywhere (fragments included). */
function asksForIntrospection(document: DocumentNode): boolean {
  const known = introspectionByDocument.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    Field(field) {
      if (schemaFields.has(field.name.value)) found = true;
    },
  });
  introspectionByDocument.set(document, found);
  return found;
}

// graphql-js 16 writes "more that N tokens"; later versions may fix the typo.
const tokenLimitMessage = /Document contains more tha[nt] (\d+) tokens/;

/**
 * Gives a passed limit its own code: Apollo reports every validation error as
 * GRAPHQL_VALIDATION_FAILED and the token limit as GRAPHQL_PARSE_FAILED.
 */
function relabel(error: GraphQLFormattedError, mayInspectSchema: boolean): void {
  const extensions = error.extensions as Record<string, unknown> | undefined;
  if (!extensions) return;
  if (typeof extensions.limit === 'string') extensions.code = 'QUERY_TOO_COMPLEX';
  const tokens = tokenLimitMessage.exec(error.message);
  if (extensions.code === 'GRAPHQL_PARSE_FAILED' && tokens) {
    Object.assign(extensions, { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', maximum: Number(tokens[1]) });
  }
  // graphql-js's suggestions name fields and enum values the caller may not know about.
  if (!mayInspectSchema) (error as { message: string }).message = error.message.replace(/ ?Did you mean .*\?$/s, '');
}

/**
 * The Apollo plugin of the limits that need the operation and its variables: introspection by
 * role, the cost limit (400 QUERY_TOO_COMPLEX) and the rate limit in cost points (429
 * RATE_LIMITED with Retry-After). Each request's cost is sent back in `x-query-cost`.
 */
export function operationLimits(settings: OperationLimitSettings): ApolloServerPlugin<GraphQLContext> {
  // operationCost, computed once per operation and variables (one server's settings: one `costs`).
  const costs = perOperationCache<number>(COSTS_PER_OPERATION);
  return {
    async requestDidStart() {
      let cost: number | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const limits = contextValue.limits;
          if (limits && !limits.mayInspectSchema && asksForIntrospection(document)) {
            throw new GraphQLError('Introspection is off on this server for your roles.', {
              extensions: {
                code: 'INTROSPECTION_DISABLED',
                http: { status: statusOf('INTROSPECTION_DISABLED'), headers: new HeaderMap() },
              },
            });
          }
          if (!operation) return;
          cost = costs(operation, JSON.stringify(request.variables ?? {}), () =>
            operationCost(schema, document, operation, request.variables, settings),
          );
          if (cost > settings.maxCost) {
            const error = limitError('cost', settings.maxCost, cost, [operation]);
            Object.assign(error.extensions, {
              http: { status: statusOf('QUERY_TOO_COMPLEX'), headers: new HeaderMap() },
            });
            throw error;
          }
          if (!limits) return;
          let decision: Awaited<ReturnType<RateLimitStore['spend']>>;
          try {
            // Even a free query is a request: charge at least one point.
            decision = await settings.rateLimit.store.spend(
              limits.callerKey,
              Math.max(1, cost),
              settings.rateLimit.points,
              settings.rateLimit.windowMs,
            );
          } catch (error) {
            settings.warn('rate-limit store failed; request let through', error);
            return;
          }
          if (!decision.allowed) {
            const retryAfterSeconds = Math.max(1, Math.ceil(decision.resetInMs / 1000));
            throw new GraphQLError(
              `Rate limit: this query costs ${cost} of your ${settings.rateLimit.points} points per ${settings.rateLimit.windowMs} ms; ${decision.used} are spent.`,
              {
                extensions: {
                  code: 'RATE_LIMITED',
                  cost,
                  limit: settings.rateLimit.points,
                  windowMs: settings.rateLimit.windowMs,
                  retryAfterSeconds,
                  http: {
                    status: statusOf('RATE_LIMITED'),
                    headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]),
                  },
                },
              },
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (cost !== undefined) response.http.headers.set('x-query-cost', String(cost));
          if (response.body.kind !== 'single') return;
          const mayInspectSchema = contextValue.limits?.mayInspectSchema ?? true;
          for (const error of response.body.singleResult.errors ?? []) relabel(error, mayInspectSchema);
        },
      };
    },
  };
}
