import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import fastifyApollo from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { configDefaults, type Config } from '../config.js';
import { createContext, type GraphQLContext } from '../context.js';
import type { Database } from '../db/client.js';
import { createApiKeyAuthenticator } from '../modules/auth/apiKeys.service.js';
import { createAuthenticator } from '../modules/auth/authenticate.js';
import { defaultExportDirectory, exportJobResolvers, exportJobRoutes, exportRoutes, type ExportJobOptions } from '../modules/exports/index.js';
import { readAccessRules } from '../modules/auth/accessRules.js';
import { forbiddenStatus } from '../modules/auth/forbiddenStatus.js';
import { guardResolvers } from '../modules/auth/guardResolvers.js';
import { requestViewer } from '../modules/auth/requestViewer.js';
import { importRoutes } from '../modules/imports/index.js';
import { resolvers } from '../modules/index.js';
import { baseNodeLoaders } from '../modules/nodes/nodeLoaders.js';
import { createNodeResolvers } from '../modules/nodes/nodes.resolvers.js';
import { authentication } from '../plugins/authentication.js';
import { typeDefs } from '../schema/typeDefs.js';
import { formatError, internalErrorLogging } from './formatError.js';
import { checkReadiness } from './readiness.js';

/** The authentication settings a server reads; unset ones take the defaults of src/config.ts. */
export type AuthSettings = Partial<
  Pick<Config, 'DISHUI_JWT_SECRET' | 'DISHUI_JWKS' | 'DISHUI_JWT_ISSUER' | 'DISHUI_JWT_AUDIENCE' | 'DISHUI_JWT_CLOCK_SKEW_S' | 'DISHUI_ANONYMOUS'>
>;

/** What a server is built from. Without DISHUI_ANONYMOUS, callers without a credential are refused. */
export interface ServerDependencies {
  config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'> & Partial<Pick<Config, 'DISHUI_DATA_DIR'>> & AuthSettings;
  db: Database;
  /** Options of the asynchronous exports (folder, time to live, clock); defaults otherwise. */
  exportJobs?: ExportJobOptions;
}

/**
 * Builds the Fastify app with GraphQL at /graphql (GET and POST) and /healthz, not yet listening.
 * Tests call it in-process with `app.inject()`.
 */
export async function buildServer({ config, db, exportJobs }: ServerDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
    },
    // A client's own id lets it find its request in our logs; otherwise we make one.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
  });

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

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const readiness = await checkReadiness(db);
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });

  await app.register(exportRoutes, { db });
  await app.register(importRoutes, { db });
  const jobOptions: ExportJobOptions = {
    directory: defaultExportDirectory(config.DISHUI_DATA_DIR),
    log: (message, error) => app.log.error({ err: error }, message),
    ...exportJobs,
    running: exportJobs?.running ?? new Set(),
  };
  await app.register(exportJobRoutes, { db, exportJobs: jobOptions });
  const jobResolvers = exportJobResolvers(jobOptions);
  const nodes = createNodeResolvers({ ...baseNodeLoaders, ExportJob: jobResolvers.nodeLoader });

  const apollo = new ApolloServer<GraphQLContext>({
    typeDefs,
    // Every field's @access(roles:) in schema.graphql, enforced by one wrapper built here; a root
    // field without one stops the server from starting.
    resolvers: guardResolvers(
      {
        ...resolvers,
        Query: { ...resolvers.Query, ...nodes.Query, ...jobResolvers.Query },
        Mutation: { ...resolvers.Mutation, ...jobResolvers.Mutation },
        ExportJob: jobResolvers.ExportJob,
      },
      readAccessRules(typeDefs),
    ),
    formatError,
    plugins: [internalErrorLogging(app.log), forbiddenStatus()],
    includeStacktraceInErrorResponses: false,
    introspection: config.NODE_ENV !== 'production',
  });
  await apollo.start();
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    context: async (request) => createContext(db, String(request.id), requestViewer(request)),
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
