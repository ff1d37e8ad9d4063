import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { loadConfig, type Config } from '../config.js';
import type { GraphQLContext } from '../context.js';
import {
  inputLiteralsRule,
  maxAliasesRule,
  maxDepthRule,
  maxDirectivesRule,
  maxRootFieldsRule,
  type CostOptions,
} from '../rules/index.js';
import { registerCors } from './cors.js';
import { addGraphQLRouteLimits } from './graphqlRouteLimits.js';
import { inputGuard } from './inputGuard.js';
import { operationLimits } from './operationLimits.js';
import { apqHashHook, loadPersistedOperationManifest, safelistHook } from './persistedOperations.js';
import { memoryRateLimitStore, redisRateLimitStoreWithFallback } from './rateLimitStore.js';
import { REDIS_COMMAND_TIMEOUT_MS, redisFallback } from './redisFallback.js';
import { redisKeyValueCache } from './redisKeyValueCache.js';
import { requestLimits, type RequestLimits } from './requestLimits.js';
import { chargeRoutes } from './routeRateLimits.js';

const limitKeys = [
  'NODE_ENV',
  'DISHUI_MAX_DEPTH',
  'DISHUI_MAX_ALIASES',
  'DISHUI_MAX_ROOT_FIELDS',
  'DISHUI_MAX_DIRECTIVES',
  'DISHUI_MAX_TOKENS',
  'DISHUI_MAX_COST',
  'DISHUI_COST_DEFAULT_LIST_SIZE',
  'DISHUI_BODY_LIMIT_BYTES',
  'DISHUI_EXECUTION_TIMEOUT_MS',
  'DISHUI_INTROSPECTION_ROLES',
  'DISHUI_PERSISTED_OPERATIONS',
  'DISHUI_PERSISTED_OPERATIONS_MANIFEST',
  'DISHUI_APQ_TTL_SECONDS',
  'REDIS_URL',
  'DISHUI_REDIS_PREFIX',
  'DISHUI_CORS_ORIGINS',
  'DISHUI_RATE_LIMIT_POINTS',
  'DISHUI_RATE_LIMIT_WINDOW_MS',
  'DISHUI_EXPORT_COST',
  'DISHUI_IMPORT_COST',
] as const;

/** The settings the limits read; any left out take their defaults from src/config.ts. */
export type LimitSettings = Pick<Config, (typeof limitKeys)[number]>;

/** The Apollo Server options that carry the limits. */
export type LimitApolloOptions = Pick<
  ApolloServerOptions<GraphQLContext>,
  | 'validationRules'
  | 'parseOptions'
  | 'persistedQueries'
  | 'csrfPrevention'
  | 'allowBatchedHttpRequests'
  | 'introspection'
>;

/** What buildServer wires in: Apollo options and plugins, and each request's limits. */
export interface Limits {
  apolloOptions: LimitApolloOptions;
  apolloPlugins: ApolloServerPlugin<GraphQLContext>[];
  /** The limits of one request, for the GraphQL context. */
  forRequest(request: FastifyRequest): RequestLimits;
}

/**
 * Sets up every limit on `app` (call it before any route is added: CORS, body limit, timeout,
 * safelist and the charges of the export and import routes act through hooks) and returns what Apollo Server needs. Opens one Redis connection
 * when REDIS_URL is set, for the APQ cache and the rate limits, and closes it with the app.
 * @throws Error when the safelist manifest cannot be read.
 */
export async function registerLimits(
  app: FastifyInstance,
  given: Partial<LimitSettings>,
  {
    graphqlPath = '/graphql',
    pageSizeLimit,
  }: { graphqlPath?: string; pageSizeLimit?: CostOptions['pageSizeLimit'] } = {},
): Promise<Limits> {
  const defaults = loadConfig({});
  const settings = Object.fromEntries(
    limitKeys.map((key) => [key, given[key] !== undefined ? given[key] : defaults[key]]),
  ) as unknown as LimitSettings;
  const warn = (message: string, error: unknown) => app.log.warn({ err: error }, message);

  let redis: Redis | undefined;
  if (settings.REDIS_URL) {
    // Every call is bounded: a command fails after the timeout whether Redis hangs or is away (a
    // queued command times out too), and the fallback answers from memory meanwhile.
    redis = new Redis(settings.REDIS_URL, {
      maxRetriesPerRequest: 1,
      lazyConnect: false,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: 1_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    redis.on('error', (error) => warn('Redis connection error', error));
    app.addHook('onClose', async () => {
      await redis!.quit().catch(() => redis!.disconnect());
    });
  }
  const prefix = settings.DISHUI_REDIS_PREFIX;
  const fallback = redisFallback({ warn, info: (message) => app.log.info(message) });
  const safelist =
    settings.DISHUI_PERSISTED_OPERATIONS === 'safelist'
      ? loadPersistedOperationManifest(settings.DISHUI_PERSISTED_OPERATIONS_MANIFEST!)
      : undefined;

  await registerCors(app, settings.DISHUI_CORS_ORIGINS);
  // One store for /graphql and the file routes: they spend from the same budget per caller.
  const rateLimitStore = redis
    ? redisRateLimitStoreWithFallback(redis, `${prefix}ratelimit:`, fallback)
    : memoryRateLimitStore();
  chargeRoutes(app, {
    store: rateLimitStore,
    points: settings.DISHUI_RATE_LIMIT_POINTS,
    windowMs: settings.DISHUI_RATE_LIMIT_WINDOW_MS,
    charges: [
      { method: 'GET', prefix: '/export/', cost: settings.DISHUI_EXPORT_COST },
      { method: 'POST', prefix: '/import/', cost: settings.DISHUI_IMPORT_COST },
    ],
    warn,
  });
  addGraphQLRouteLimits(app, {
    path: graphqlPath,
    bodyLimitBytes: settings.DISHUI_BODY_LIMIT_BYTES,
    executionTimeoutMs: settings.DISHUI_EXECUTION_TIMEOUT_MS,
    preHandler: safelist
      ? safelistHook(safelist)
      : settings.DISHUI_PERSISTED_OPERATIONS === 'apq'
        ? apqHashHook()
        : undefined,
  });

  const apolloOptions: LimitApolloOptions = {
    validationRules: [
      maxDepthRule(settings.DISHUI_MAX_DEPTH),
      maxAliasesRule(settings.DISHUI_MAX_ALIASES),
      maxRootFieldsRule(settings.DISHUI_MAX_ROOT_FIELDS),
      maxDirectivesRule(settings.DISHUI_MAX_DIRECTIVES),
      inputLiteralsRule(),
    ],
    parseOptions: { maxTokens: settings.DISHUI_MAX_TOKENS },
    // The safelist hook hands Apollo plain queries; APQ registration would bypass the list.
    persistedQueries:
      settings.DISHUI_PERSISTED_OPERATIONS === 'apq'
        ? {
            ttl: settings.DISHUI_APQ_TTL_SECONDS,
            ...(redis ? { cache: redisKeyValueCache(redis, prefix, settings.DISHUI_APQ_TTL_SECONDS, fallback) } : {}),
          }
        : false,
    // A browser cannot send Authorization or x-api-key cross-site without a CORS preflight, so
    // a request carrying one is no CSRF: urql's default GET queries with a token pass as they are.
    csrfPrevention: {
      requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization', 'x-api-key'],
    },
    allowBatchedHttpRequests: false,
    // Decided per request by the caller's roles (operationLimits), so Apollo must not refuse first.
    introspection: true,
  };
  const apolloPlugins = [
    inputGuard(),
    operationLimits({
      maxCost: settings.DISHUI_MAX_COST,
      defaultListSize: settings.DISHUI_COST_DEFAULT_LIST_SIZE,
      pageSizeLimit,
      rateLimit: {
        store: rateLimitStore,
        points: settings.DISHUI_RATE_LIMIT_POINTS,
        windowMs: settings.DISHUI_RATE_LIMIT_WINDOW_MS,
      },
      warn,
    }),
  ];
  const inspecting = {
    production: settings.NODE_ENV === 'production',
    inspectingRoles: settings.DISHUI_INTROSPECTION_ROLES,
  };
  return { apolloOptions, apolloPlugins, forRequest: (request) => requestLimits(request, inspecting) };
}
