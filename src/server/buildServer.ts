import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { DestinationStream } from 'pino';
import { configDefaults, graphiqlEnabled, type Config } from '../config.js';
import { createContext, type GraphQLContext } from '../context.js';
import { toGlobalId } from '../engine/globalId.js';
import type { Database } from '../db/client.js';
import { readAccessRules } from '../modules/auth/accessRules.js';
import { createApiKeyAuthenticator } from '../modules/auth/apiKeys.service.js';
import { createAuthenticator } from '../modules/auth/authenticate.js';
import { guardResolvers } from '../modules/auth/guardResolvers.js';
import { requestViewer } from '../modules/auth/requestViewer.js';
import {
  defaultExportDirectory,
  exportJobResolvers,
  exportJobRoutes,
  exportRoutes,
  biExportRoutes,
  type ExportJobOptions,
} from '../modules/exports/index.js';
import { federatedSchema } from '../modules/federation/index.js';
import { importRoutes } from '../modules/imports/index.js';
import { scheduleIdempotencyPurge } from '../modules/writes/index.js';
import { statisticsCompilers } from '../modules/analytics/index.js';
import { generatedResolvers, resolvers, rootConnectionTypes } from '../modules/index.js';
import { baseNodeLoaders } from '../modules/nodes/nodeLoaders.js';
import { createChangeFeed, subscriptionResolvers } from '../modules/live/index.js';
import { createNodeResolvers, naturalKeyLookups } from '../modules/nodes/nodes.resolvers.js';
import { pageSizeLimit } from '../modules/pageSizeLimits.js';
import { authentication } from '../plugins/authentication.js';
import { registerLimits, type LimitSettings } from '../plugins/limits.js';
import { registerLiveSubscriptions } from '../plugins/liveSubscriptions.js';
import { registerMetrics } from '../plugins/metrics.js';
import { shedLoad } from '../plugins/loadShedding.js';
import { answerOutagesWith503 } from '../plugins/outageErrorHandler.js';
import { loggerOptions, logRequests } from '../plugins/requestLogging.js';
import { withDecimalScales } from '../schema/decimalScales.js';
import { typeDefs } from '../schema/typeDefs.js';
import { graphiqlLandingPage, webRoutes } from '../web/index.js';
import { errorStatus } from '../errorStatus.js';
import { formatError, internalErrorLogging } from './formatError.js';
import { compiledReads, computedFieldsOf, stringifyResult } from './compiledReads.js';
import { checkReadiness } from './readiness.js';
import { queriesOnReplicas } from './readOnlyRequest.js';
import { createRedisProbe } from './redisProbe.js';

/** The authentication settings a server reads; unset ones take the defaults of src/config.ts. */
export type AuthSettings = Partial<
  Pick<
    Config,
    | 'DISHUI_JWT_SECRET'
    | 'DISHUI_JWKS'
    | 'DISHUI_JWT_ISSUER'
    | 'DISHUI_JWT_AUDIENCE'
    | 'DISHUI_JWT_CLOCK_SKEW_S'
    | 'DISHUI_JWT_MAX_LIFETIME_S'
    | 'DISHUI_ANONYMOUS'
  >
>;

/** What a server is built from. Without DISHUI_ANONYMOUS, callers without a credential are refused. */
export interface ServerDependencies {
  config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'> &
    Partial<
      Pick<
        Config,
        | 'DISHUI_DATA_DIR'
        | 'DISHUI_EXPORT_DIR'
        | 'DISHUI_EXPORT_JOB_STALE_MS'
        | 'DISHUI_EXPORT_TIMEOUT_MS'
        | 'DISHUI_MAX_IN_FLIGHT'
        | 'DISHUI_IDEMPOTENCY_RETENTION_HOURS'
        | 'FEDERATION'
        | 'DISHUI_GRAPHIQL'
        | 'DISHUI_DASHBOARD'
        | 'DISHUI_TRUST_PROXY'
        | 'LOG_FORMAT'
        | 'REDIS_URL'
        | 'DISHUI_REDIS_PREFIX'
        | 'DISHUI_WS_MAX_SUBSCRIPTIONS'
        | 'DISHUI_WS_MAX_CONNECTIONS_PER_CALLER'
        | 'DISHUI_WS_MAX_QUEUED_EVENTS'
        | 'DISHUI_WS_KEEPALIVE_MS'
        | 'DISHUI_WS_INIT_TIMEOUT_MS'
      > &
        LimitSettings
    > &
    AuthSettings;
  /**
   * Where reads go (GraphQL queries, aggregates, streaming exports): a read replica or the primary.
   * Defaults to `db`; mutations and export jobs always use `db`.
   */
  reads?: { pick(): Database; readonly reads: Database };
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: DestinationStream;
  db: Database;
  /** Options of the asynchronous exports (folder, time to live, clock); defaults otherwise. */
  exportJobs?: ExportJobOptions;
  /**
   * Whether queries that wholly compile are answered by the read compiler without per-field
   * execution (default true); false executes everything (tests compare the two).
   */
  compiledReads?: boolean;
}

/**
 * Builds the Fastify app with GraphQL at /graphql (GET and POST) and /healthz, not yet listening.
 * Tests call it in-process with `app.inject()`.
 */
export async function buildServer({
  config,
  db,
  exportJobs,
  logStream,
  reads,
  compiledReads: compileReads = true,
}: ServerDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    ...loggerOptions(config, logStream),
    // A client's own id lets it find its request in our logs; otherwise we make one.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
    // Rate limits key anonymous callers on request.ip, which must be the client's, not the proxy's.
    trustProxy: config.DISHUI_TRUST_PROXY ?? false,
    // Requests arriving while draining get the documented SERVICE_UNAVAILABLE body (loadShedding.ts).
    return503OnClosing: false,
  });
  // First of all hooks: a refused request costs no authentication and no database work.
  const loadShedding = shedLoad(app, {
    maxInFlight: config.DISHUI_MAX_IN_FLIGHT ?? configDefaults.DISHUI_MAX_IN_FLIGHT,
    graphqlPath: '/graphql',
  });
  // Before any route: the limits' body limit, timeout and safelist attach to routes as they are added.
  const limits = await registerLimits(app, config, { pageSizeLimit });

  const authenticate = createAuthenticator({
    db,
    tokens: {
      secret: config.DISHUI_JWT_SECRET,
      jwks: config.DISHUI_JWKS,
      issuer: config.DISHUI_JWT_ISSUER ?? configDefaults.DISHUI_JWT_ISSUER,
      audience: config.DISHUI_JWT_AUDIENCE ?? configDefaults.DISHUI_JWT_AUDIENCE,
      clockSkewSeconds: config.DISHUI_JWT_CLOCK_SKEW_S ?? configDefaults.DISHUI_JWT_CLOCK_SKEW_S,
      maxLifetimeSeconds: config.DISHUI_JWT_MAX_LIFETIME_S,
    },
    apiKeys: createApiKeyAuthenticator(db),
  });
  await app.register(authentication, { anonymous: config.DISHUI_ANONYMOUS ?? 'off', authenticate });

  answerOutagesWith503(app);
  const metrics = registerMetrics(app, db, reads?.reads);
  // Subscriptions (docs/live.md): @fastify/websocket must see the routes added after it.
  const changeFeed = createChangeFeed(db, {
    redisUrl: config.REDIS_URL,
    redisPrefix: config.DISHUI_REDIS_PREFIX,
    warn: (message, error) => app.log.warn({ err: error }, message),
  });
  app.addHook('onClose', () => changeFeed.close());
  // Over Redis each instance relays its own writes, subscribed to or not: it listens from the start.
  if (config.REDIS_URL)
    app.addHook('onReady', async () => {
      changeFeed.ready().catch((error: unknown) => app.log.warn({ err: error }, 'the change relay did not start'));
    });
  const live = await registerLiveSubscriptions(app, {
    db,
    authenticate,
    anonymous: config.DISHUI_ANONYMOUS ?? 'off',
    settings: {
      maxSubscriptionsPerConnection: config.DISHUI_WS_MAX_SUBSCRIPTIONS ?? configDefaults.DISHUI_WS_MAX_SUBSCRIPTIONS,
      maxConnectionsPerCaller:
        config.DISHUI_WS_MAX_CONNECTIONS_PER_CALLER ?? configDefaults.DISHUI_WS_MAX_CONNECTIONS_PER_CALLER,
      maxQueuedEvents: config.DISHUI_WS_MAX_QUEUED_EVENTS ?? configDefaults.DISHUI_WS_MAX_QUEUED_EVENTS,
      keepAliveMs: config.DISHUI_WS_KEEPALIVE_MS ?? configDefaults.DISHUI_WS_KEEPALIVE_MS,
      initTimeoutMs: config.DISHUI_WS_INIT_TIMEOUT_MS ?? configDefaults.DISHUI_WS_INIT_TIMEOUT_MS,
    },
    validationRules: limits.apolloOptions.validationRules as never,
    maxTokens: limits.apolloOptions.parseOptions?.maxTokens ?? configDefaults.DISHUI_MAX_TOKENS,
    maxCost: config.DISHUI_MAX_COST ?? configDefaults.DISHUI_MAX_COST,
    defaultListSize: config.DISHUI_COST_DEFAULT_LIST_SIZE ?? configDefaults.DISHUI_COST_DEFAULT_LIST_SIZE,
    production: config.NODE_ENV === 'production',
    registry: metrics.registry,
    formatError,
    exportJob: (context, rowId) => exportJobLoader(null, { id: toGlobalId('ExportJob', rowId) }, context),
    httpIdle: () => loadShedding.idle(),
  });
  const requestLog = logRequests(app);
  app.get('/healthz', async () => ({ status: 'ok' }));
  const redisProbe = config.REDIS_URL ? createRedisProbe(config.REDIS_URL) : undefined;
  if (redisProbe) app.addHook('onClose', () => redisProbe.close());
  app.get('/readyz', async (_request, reply) => {
    const readiness = await checkReadiness(db, redisProbe);
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });

  const graphiql = graphiqlEnabled(config);
  await app.register(webRoutes, { graphiql, dashboard: config.DISHUI_DASHBOARD ?? true });
  await app.register(exportRoutes, {
    db: reads?.reads ?? db,
    exportTimeoutMs: config.DISHUI_EXPORT_TIMEOUT_MS ?? configDefaults.DISHUI_EXPORT_TIMEOUT_MS,
  });
  await app.register(biExportRoutes, { db: reads?.reads ?? db });
  await app.register(importRoutes, { db });
  const jobOptions: ExportJobOptions = {
    directory: config.DISHUI_EXPORT_DIR ?? defaultExportDirectory(config.DISHUI_DATA_DIR),
    log: (message, error) => app.log.error({ err: error }, message),
    staleMs: config.DISHUI_EXPORT_JOB_STALE_MS ?? configDefaults.DISHUI_EXPORT_JOB_STALE_MS,
    exportTimeoutMs: config.DISHUI_EXPORT_TIMEOUT_MS ?? configDefaults.DISHUI_EXPORT_TIMEOUT_MS,
    ...exportJobs,
    running: exportJobs?.running ?? new Set(),
  };
  await app.register(exportJobRoutes, { db, exportJobs: jobOptions });
  const idempotencyPurge = scheduleIdempotencyPurge(db, {
    retentionHours: config.DISHUI_IDEMPOTENCY_RETENTION_HOURS ?? configDefaults.DISHUI_IDEMPOTENCY_RETENTION_HOURS,
    log: (message, error) => app.log.warn({ err: error }, message),
  });
  app.addHook('onClose', () => idempotencyPurge.stop());
  const jobResolvers = exportJobResolvers(jobOptions);
  const nodes = createNodeResolvers({ ...baseNodeLoaders, ExportJob: jobResolvers.nodeLoader });
  const exportJobLoader = jobResolvers.Query.exportJob;

  // Every field's @access(roles:) in schema.graphql, enforced by one wrapper built here; a root
  // field without one stops the server from starting.
  const allResolvers = guardResolvers(
    withDecimalScales({
      ...resolvers,
      Query: { ...resolvers.Query, ...nodes.Query, ...jobResolvers.Query },
      Mutation: { ...resolvers.Mutation, ...jobResolvers.Mutation },
      ExportJob: jobResolvers.ExportJob,
      ...subscriptionResolvers(changeFeed),
    }),
    readAccessRules(typeDefs),
  );
  const apolloSchema = capturedSchema();
  const apollo = new ApolloServer<GraphQLContext>({
    ...(config.FEDERATION
      ? { schema: federatedSchema(typeDefs, allResolvers) }
      : { typeDefs, resolvers: allResolvers }),
    formatError,
    stringifyResult,
    plugins: [
      apolloSchema.plugin,
      internalErrorLogging(app.log),
      errorStatus(),
      graphiqlLandingPage(graphiql),
      ...limits.apolloPlugins,
      metrics.apolloPlugin,
      requestLog,
      ...(reads ? [queriesOnReplicas(reads)] : []),
      ...(compileReads
        ? [
            compiledReads({
              rootConnections: rootConnectionTypes,
              lookups: naturalKeyLookups,
              computedFields: computedFieldsOf(resolvers, generatedResolvers),
              fieldRules: readAccessRules(typeDefs),
              rootCompilers: statisticsCompilers,
            }),
          ]
        : []),
    ],
    includeStacktraceInErrorResponses: false,
    ...limits.apolloOptions,
    // Apollo would stop itself on SIGTERM and re-raise the signal, killing the process mid-drain;
    // `dishui serve` owns the signals and drains Fastify first (startServer.ts).
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const graphqlContext = async (request: FastifyRequest) => ({
    // Queries move to a replica once Apollo has resolved the operation (queriesOnReplicas).
    ...createContext(db, String(request.id), requestViewer(request)),
    limits: limits.forRequest(request),
  });
  await app.register(fastifyApollo(apollo), { path: '/graphql', method: ['POST', 'OPTIONS'], context: graphqlContext });
  // GET serves queries over HTTP and, on an upgrade, subscriptions over WebSocket.
  app.route({
    method: 'GET',
    url: '/graphql',
    handler: fastifyApolloHandler(apollo, { context: graphqlContext }),
    wsHandler: live.wsHandler(apolloSchema.current()),
  });
  // Fastify's close drains in-flight requests first; Apollo's drain plugin would call
  // fastify.close() from inside this hook and wait on itself, so it is not used.
  app.addHook('onClose', async () => {
    await apollo.stop();
    // A job still writing would otherwise outlive the database the caller closes next.
    await Promise.all([...jobOptions.running!]);
  });
  return app;
}

/** The schema Apollo Server executes, captured when it starts, for the WebSocket route. */
function capturedSchema(): { plugin: ApolloServerPlugin<GraphQLContext>; current(): GraphQLSchema } {
  let schema: GraphQLSchema | undefined;
  return {
    plugin: {
      async serverWillStart(service) {
        schema = service.schema;
      },
    },
    current() {
      if (!schema) throw new Error('Apollo Server has not started');
      return schema;
    },
  };
}
