import type { FastifyInstance } from 'fastify';
import { graphiqlEnabled, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrator.js';
import { withLocalSecret } from '../modules/auth/localSecret.js';
import { openReplicaSet, type ReplicaSet } from '../db/replicas.js';
import { seedArticle } from '../db/seeds/article/index.js';
import { buildServer } from './buildServer.js';

/** How long, after the grace period, cut requests and the database pools get to close. */
export const SHUTDOWN_MARGIN_MS = 1_500;

/**
 * Stops listening at once (new connections are refused; a request arriving on an open keep-alive
 * connection gets 503 SERVICE_UNAVAILABLE with `Connection: close`, so readiness is false from the
 * first moment), lets in-flight requests, streaming exports and export jobs finish for up to
 * `graceMs`, then cuts what is left and closes the database pools. Resolves within `graceMs` +
 * {@link SHUTDOWN_MARGIN_MS} even when a statement still runs: a pool that will not close in time
 * is left to the process's exit.
 */
async function drainThenClose(
  app: FastifyInstance,
  db: Database,
  graceMs: number,
  log: (line: string) => void,
): Promise<void> {
  const deadline = Date.now() + graceMs + SHUTDOWN_MARGIN_MS;
  const closing = app.close();
  const finished = await within(closing, graceMs);
  if (!finished) {
    log(`dishui: requests still running after the ${graceMs} ms grace period; closing their connections`);
    app.server.closeAllConnections();
    await within(closing, Math.max(0, deadline - Date.now()) / 2);
  }
  if (!(await within(db.close(), Math.max(0, deadline - Date.now())))) {
    log('dishui: the database pools did not close in time; leaving them to the exit');
  }
}

/** True when `promise` settled within `ms`; its failure counts as settled. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = promise.then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A listening gateway and how to stop it. */
export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  stop(): Promise<void>;
}

/**
 * Opens the database, applies pending migrations (unless DISHUI_AUTO_MIGRATE=false), loads the
 * article data set into an empty embedded database (never into PostgreSQL unasked), and listens.
 * @throws DatabaseOpenError, MigrationError, or the listen error (port taken).
 */
export async function startServer(given: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  const config = withLocalSecret(given);
  const db = await openDatabase(config, { statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS });
  let replicas: ReplicaSet | undefined;
  try {
    if (config.DISHUI_AUTO_MIGRATE) {
      const { applied } = await migrate(db);
      if (applied.length > 0) log(`dishui: applied ${applied.length} migration(s): ${applied.join(', ')}`);
    }
    if (db.kind === 'pglite' && config.DISHUI_AUTO_SEED && (await db.prisma.region.count()) === 0) {
      await seedArticle(db);
      log('dishui: loaded the article data set into the new embedded database');
    }
    if (config.DATABASE_URL && config.DATABASE_REPLICA_URLS?.length) {
      replicas = await openReplicaSet(config.DATABASE_REPLICA_URLS, db, config);
      const healthy = replicas.state().filter((replica) => replica.healthy).length;
      log(
        `dishui: ${healthy} of ${config.DATABASE_REPLICA_URLS.length} read replica(s) answering; reads fall back to the primary without them`,
      );
    }
    // The bundle (dist/cli/main.mjs) holds about 90 MB less than the sources compiled by tsx.
    log(
      import.meta.url.endsWith('.ts')
        ? 'dishui: running the TypeScript sources through tsx (`npm run build:server` builds dist/, which runs lighter)'
        : 'dishui: running the build in dist/',
    );
    const app = await buildServer({ config, db, reads: replicas });
    const url = await app.listen({ host: config.HOST, port: config.PORT });
    log(
      `dishui: serving GraphQL at ${url}/graphql on ${db.kind === 'pglite' ? `embedded PGlite (${config.DISHUI_DATA_DIR})` : 'PostgreSQL'}`,
    );
    for (const line of accessLines(config)) log(line);
    if (graphiqlEnabled(config) || config.DISHUI_DASHBOARD) {
      const pages = [
        graphiqlEnabled(config) ? `GraphiQL at ${url}/graphql` : '',
        config.DISHUI_DASHBOARD ? `the dashboard at ${url}/dashboard` : '',
      ];
      log(`dishui: open ${pages.filter(Boolean).join(' and ')} in a browser`);
    }
    let stopping: Promise<void> | undefined;
    return {
      app,
      db,
      url,
      stop: () => {
        stopping ??= drainThenClose(app, db, config.DISHUI_SHUTDOWN_GRACE_MS, log).finally(() => replicas?.close());
        return stopping;
      },
    };
  } catch (error) {
    await replicas?.close();
    await db.close();
    throw error;
  }
}

// Tell whoever started the server how to get in: the first thing a new user needs.
function accessLines(config: Config): string[] {
  const anonymous =
    config.DISHUI_ANONYMOUS === 'viewer'
      ? 'dishui: callers without a credential may read as VIEWER (DISHUI_ANONYMOUS=viewer)'
      : 'dishui: callers without a credential are refused (401); /healthz and /readyz stay open';
  const credentials = config.DISHUI_JWT_SECRET
    ? 'dishui: for an admin token run `npm run dishui -- token --role ADMIN` and send it as "Authorization: Bearer <token>"'
    : config.DISHUI_JWKS
      ? `dishui: bearer tokens are checked against ${config.DISHUI_JWKS}; BI tools can use \`dishui apikey create\``
      : 'dishui: no DISHUI_JWT_SECRET or DISHUI_JWKS is set: only API keys (`dishui apikey create`) are accepted';
  return [anonymous, credentials];
}
