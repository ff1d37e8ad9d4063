import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrator.js';
import { withLocalSecret } from '../modules/auth/localSecret.js';
import { seedArticle } from '../db/seeds/article/index.js';
import { buildServer } from './buildServer.js';

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
  const db = await openDatabase(config);
  try {
    if (config.DISHUI_AUTO_MIGRATE) {
      const { applied } = await migrate(db);
      if (applied.length > 0) log(`dishui: applied ${applied.length} migration(s): ${applied.join(', ')}`);
    }
    if (db.kind === 'pglite' && config.DISHUI_AUTO_SEED && (await db.prisma.region.count()) === 0) {
      await seedArticle(db);
      log('dishui: loaded the article data set into the new embedded database');
    }
    const app = await buildServer({ config, db });
    const url = await app.listen({ host: config.HOST, port: config.PORT });
    log(`dishui: serving GraphQL at ${url}/graphql on ${db.kind === 'pglite' ? `embedded PGlite (${config.DISHUI_DATA_DIR})` : 'PostgreSQL'}`);
    for (const line of accessLines(config)) log(line);
    let stopping: Promise<void> | undefined;
    return {
      app,
      db,
      url,
      stop: () => {
        stopping ??= (async () => {
          await app.close();
          await db.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

// Tell whoever started the server how to get in: the first thing a new user needs.
function accessLines(config: Config): string[] {
  const anonymous = config.DISHUI_ANONYMOUS === 'viewer'
    ? 'dishui: callers without a credential may read as VIEWER (DISHUI_ANONYMOUS=viewer)'
    : 'dishui: callers without a credential are refused (401); /healthz and /readyz stay open';
  const credentials = config.DISHUI_JWT_SECRET
    ? 'dishui: for an admin token run `npm run dishui -- token --role ADMIN` and send it as "Authorization: Bearer <token>"'
    : config.DISHUI_JWKS
      ? `dishui: bearer tokens are checked against ${config.DISHUI_JWKS}; BI tools can use \`dishui apikey create\``
      : 'dishui: no DISHUI_JWT_SECRET or DISHUI_JWKS is set: only API keys (`dishui apikey create`) are accepted';
  return [anonymous, credentials];
}
