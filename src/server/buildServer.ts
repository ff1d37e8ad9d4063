import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import fastifyApollo from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { configDefaults, graphiqlEnabled, type Config } from '../config.js';
import { createContext, type GraphQLContext } from '../context.js';
import type { Database } from '../db/client.js';
import { readAccessRules } from '../modules/auth/accessRules.js';
import { createApiKeyAuthenticator } from '../modules/auth/apiKeys.service.js';
import { createAuthenticator } from '../modules/auth/authenticate.js';
import { forbiddenStatus } from '../modules/auth/forbiddenStatus.js';
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
import { generatedResolvers, resolvers, rootConnectionTypes } from '../modules/index.js';
import { baseNodeLoaders } from '../modules/nodes/nodeLoaders.js';
import { createNodeResolvers, naturalKeyLookups } from '../modules/nodes/nodes.resolvers.js';
import { authentication } from '../plugins/authentication.js';
import { registerLimits, type LimitSettings } from '../plugins/limits.js';
import { registerMetrics } from '../plugins/metrics.js';
import { answerOutagesWith503 } from '../plugins/outageErrorHandler.js';
import { loggerOptions, logRequests } from '../plugins/requestLogging.js';
import { withDecimalScales } from '../schema/decimalScales.js';
import { typeDefs } from '../schema/typeDefs.js';
import { graphiqlLandingPage, webRoutes } from '../web/index.js';
import { formatError, internalErrorLogging } from './formatError.js';
import { compiledReads, computedFieldsOf } from './compiledReads.js';
import { checkReadiness } from './readiness.js';
import { isReadOnlyRequest } from './readOnlyRequest.js';
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
        | 'FEDERATION'
        | 'DISHUI_GRAPHIQL'
        | 'DISHUI_DASHBOARD'
        | 'DISHUI_TRUST_PROXY'
        | 'LOG_FORMAT'
        | 'REDIS_URL'
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
  });
  // Before any route: the limits' body limit, timeout and safelist attach to routes as they are added.
  const limits = await registerLimits(app, config);

  await app.register(authentication, {
    anonymous: config.DISHUI_ANONYMOUS ?? 'off',
    authenticate: createAuthenticator({
      db,
      tokens: {
        secret: config.DISHUI_JWT_SECRET,
        jwks: config.DISHUI_JWKS,
        issuer: config.DISHUI_JWT_ISSUER ?? configDefaults.DISHUI_JWT_ISSUER,
        audience: config.DISHUI_JWT_AUDIENCE ?? configDefaults.DISHUI_JWT_AUDIENCE,
        clockSkewSeconds: config.DISHUI_JWT_CLOCK_SKEW_S ?? configDefaults.DISHUI_JWT_CLOCK_SKEW_S,
      },
      apiKeys: createApiKeyAuthenticator(db),
    }),
  });

  answerOutagesWith503(app);
  const metrics = registerMetrics(app, db, reads?.reads);
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
  await app.register(exportRoutes, { db: reads?.reads ?? db });
  await app.register(biExportRoutes, { db: reads?.reads ?? db });
  await app.register(importRoutes, { db });
  const jobOptions: ExportJobOptions = {
    directory: config.DISHUI_EXPORT_DIR ?? defaultExportDirectory(config.DISHUI_DATA_DIR),
    log: (message, error) => app.log.error({ err: error }, message),
    staleMs: config.DISHUI_EXPORT_JOB_STALE_MS ?? configDefaults.DISHUI_EXPORT_JOB_STALE_MS,
    ...exportJobs,
    running: exportJobs?.running ?? new Set(),
  };
  await app.register(exportJobRoutes, { db, exportJobs: jobOptions });
  const jobResolvers = exportJobResolvers(jobOptions);
  const nodes = createNodeResolvers({ ...baseNodeLoaders, ExportJob: jobResolvers.nodeLoader });

  // Every field's @access(roles:) in schema.graphql, enforced by one wrapper built here; a root
  // field without one stops the server from starting.
  const allResolvers = guardResolvers(
    withDecimalScales({
      ...resolvers,
      Query: { ...resolvers.Query, ...nodes.Query, ...jobResolvers.Query },
      Mutation: { ...resolvers.Mutation, ...jobResolvers.Mutation },
      ExportJob: jobResolvers.ExportJob,
    }),
    readAccessRules(typeDefs),
  );
  const apollo = new ApolloServer<GraphQLContext>({
    ...(config.FEDERATION
      ? { schema: federatedSchema(typeDefs, allResolvers) }
      : { typeDefs, resolvers: allResolvers }),
    formatError,
    plugins: [
      internalErrorLogging(app.log),
      forbiddenStatus(),
      graphiqlLandingPage(graphiql),
      ...limits.apolloPlugins,
      metrics.apolloPlugin,
      requestLog,
      ...(compileReads
        ? [
            compiledReads({
              rootConnections: rootConnectionTypes,
              lookups: naturalKeyLookups,
              computedFields: computedFieldsOf(resolvers, generatedResolvers),
              fieldRules: readAccessRules(typeDefs),
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
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    context: async (request) => ({
      ...createContext(
        reads && isReadOnlyRequest(request) ? reads.pick() : db,
        String(request.id),
        requestViewer(request),
      ),
      limits: limits.forRequest(request),
    }),
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
