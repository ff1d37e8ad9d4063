import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Config } from '../config.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { countStatements, type StatementCounter } from './statementCounter.js';

/** A connection that raw SQL runs on: migrations, bulk loads, catalog reads. */
export interface SqlConnection {
  /** Runs one statement with bound parameters and returns its rows. */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters. */
  exec(text: string): Promise<void>;
}

/** The bytes of a `COPY … TO STDOUT` running on a pooled connection of its own. */
export interface CopyOut {
  /** The COPY data as the server sends it, with backpressure: a paused reader pauses the socket. */
  stream: NodeJS.ReadableStream & AsyncIterable<Buffer>;
  /**
   * Gives the connection back once; with an error (a reader that gave up mid-stream) the
   * connection is closed instead, which ends the server's COPY at its next write.
   */
  release(error?: Error): void;
}

/** Raw SQL access beside Prisma, on the same database. */
export interface SqlRunner extends SqlConnection {
  /** Runs `work` on one dedicated connection (needed for session state such as advisory locks). */
  withConnection<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
  /**
   * Starts `COPY (…) TO STDOUT` (no parameters: COPY takes none). PostgreSQL only; PGlite has no
   * streaming COPY, and callers fall back to reading pages. `statementTimeoutMs` (0 = none) bounds
   * this COPY in place of the connection's own statement timeout (DATABASE_STATEMENT_TIMEOUT_MS),
   * which the connection gets back before it returns to the pool.
   */
  copyOut?(text: string, options?: { statementTimeoutMs?: number }): Promise<CopyOut>;
  /**
   * Runs `text` as the named prepared statement `name` (PostgreSQL only): parsed and planned once
   * per connection, then only bound and executed. `name` must always stand for the same text.
   * Each connection keeps at most {@link PREPARED_PER_CONNECTION} of them; past that it
   * deallocates them all and starts again.
   */
  prepared?<Row = Record<string, unknown>>(name: string, text: string, params?: unknown[]): Promise<Row[]>;
}

/** How many named prepared statements one PostgreSQL connection keeps (see SqlRunner.prepared). */
export const PREPARED_PER_CONNECTION = 200;

/** One database behind the gateway: embedded PGlite or a PostgreSQL server. */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly prisma: PrismaClient;
  readonly sql: SqlRunner;
  /** Statements Prisma has sent since the database was opened (tests count N+1 with it). */
  readonly statements: StatementCounter;
  /** Connections of each PostgreSQL pool now (none on PGlite), for metrics. */
  poolStats(): PoolStats[];
  /**
   * Calls `onMessage` with the payload of every NOTIFY on `channel` (committed transactions only),
   * over one dedicated connection that reconnects when lost; PGlite delivers them in process.
   * Returns the function that stops listening. Absent on databases that cannot listen.
   */
  listen?(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** How one connection pool is used right now. */
export interface PoolStats {
  /** `primary`, or `replica<n>`. */
  pool: string;
  total: number;
  idle: number;
  /** Callers waiting for a connection. */
  waiting: number;
}

/** Thrown when the database cannot be opened; the message says what to fix. */
export class DatabaseOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

/**
 * Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite
 * under DISHUI_DATA_DIR (or in memory when that is `memory://`). `statementTimeoutMs` (the server
 * passes DATABASE_STATEMENT_TIMEOUT_MS; the CLI's long loads pass nothing) makes PostgreSQL cancel
 * any statement running longer; PGlite ignores it (see docs/security.md, "Limits"). `pglite` serves
 * an instance the caller opened (and the returned database closes it).
 * @throws DatabaseOpenError when the server cannot be reached or the folder cannot be written.
 */
export async function openDatabase(
  config: Pick<
    Config,
    'DATABASE_URL' | 'DISHUI_DATA_DIR' | 'DATABASE_POOL_MAX' | 'DATABASE_POOL_IDLE_MS' | 'DATABASE_CONNECT_TIMEOUT_MS'
  >,
  options: { statementTimeoutMs?: number; pglite?: PGlite } = {},
): Promise<Database> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL, config, options.statementTimeoutMs ?? 0);
  return options.pglite ? servePglite(options.pglite) : openPglite(config.DISHUI_DATA_DIR);
}

async function openPostgres(
  url: string,
  config: Pick<Config, 'DATABASE_POOL_MAX' | 'DATABASE_POOL_IDLE_MS' | 'DATABASE_CONNECT_TIMEOUT_MS'>,
  statementTimeoutMs: number,
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: config.DATABASE_POOL_MAX,
    idleTimeoutMillis: config.DATABASE_POOL_IDLE_MS,
    connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS,
    // JIT compilation costs hundreds of milliseconds on the gateway's short aggregate queries and
    // pays off only on hour-long scans, which Dishui never runs.
    // statement_timeout (0 = none) bounds what one runaway query can hold a connection for.
    options: `-c jit=off -c statement_timeout=${statementTimeoutMs}`,
  });
  // A client losing its server must not crash the process; the next query on it reports the loss.
  // The pool's own listener covers idle clients only: a client checked out (by a transaction, a
  // COPY, the migrator) when PostgreSQL terminates its session emits 'error' on itself.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseOpenError(
      `Cannot reach PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}. ` +
        'Check DATABASE_URL, or unset it to use the embedded database.',
      { cause: error },
    );
  }
  const sql: SqlRunner = {
    query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
    exec: async (text) => {
      await pool.query(text);
    },
    prepared: async (name, text, params) => {
      const client = await pool.connect();
      try {
        // node-postgres remembers the statements it parsed on a connection here, without a bound.
        const parsed = (client as unknown as { connection: { parsedStatements: Record<string, string> } }).connection
          .parsedStatements;
        if (!Object.hasOwn(parsed, name) && Object.keys(parsed).length >= PREPARED_PER_CONNECTION) {
          await client.query('DEALLOCATE ALL');
          for (const key of Object.keys(parsed)) delete parsed[key];
        }
        return (await client.query({ name, text, values: params as unknown[] })).rows;
      } finally {
        client.release();
      }
    },
    withConnection: async (work) => {
      const client = await pool.connect();
      try {
        return await work({
          query: async (text, params) => (await client.query(text, params as unknown[])).rows,
          exec: async (text) => {
            await client.query(text);
          },
        });
      } finally {
        client.release();
      }
    },
    copyOut: async (text, copyOptions = {}) => {
      const client = await pool.connect();
      const timeout = copyOptions.statementTimeoutMs;
      let released = false;
      const release = (error?: Error) => {
        if (released) return;
        released = true;
        if (error || timeout === undefined) return client.release(error);
        // RESET goes back to the value the session started with: the interactive timeout. It is
        // sent once the COPY's ReadyForQuery has arrived (pg emits 'drain' then).
        const reset = () =>
          client.query('RESET statement_timeout').then(
            () => client.release(),
            (resetError: Error) => client.release(resetError),
          );
        if ((client as unknown as { readyForQuery?: boolean }).readyForQuery) reset();
        else client.once('drain', reset);
      };
      try {
        if (timeout !== undefined) {
          if (!Number.isInteger(timeout) || timeout < 0) throw new Error(`copyOut: bad statementTimeoutMs ${timeout}`);
          await client.query(`SET statement_timeout = ${timeout}`);
        }
        const stream = client.query(copyTo(text));
        stream.once('end', () => release());
        stream.once('error', (error) => release(error));
        return { stream, release };
      } catch (error) {
        release(error as Error);
        throw error;
      }
    },
  };
  const stats = (): PoolStats[] => [
    { pool: 'primary', total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount },
  ];
  const database = assemble('postgres', new PrismaPg(pool), sql, stats, async () => {
    await pool.end();
  });
  return { ...database, listen: (channel, onMessage) => listenOnPostgres(url, config, channel, onMessage) };
}

// LISTEN needs a session of its own for as long as it listens: a pooled connection would be given
// back. A lost session is reopened after a pause; notifications sent meanwhile are missed.
async function listenOnPostgres(
  url: string,
  config: Pick<Config, 'DATABASE_CONNECT_TIMEOUT_MS'>,
  channel: string,
  onMessage: (payload: string) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onMessage(message.payload);
    });
    next.on('error', () => {
      next.end().catch(() => {});
      if (client === next) client = undefined;
      if (!stopped) retry = setTimeout(() => void connect().catch(() => {}), 1_000);
    });
    await next.connect();
    await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    if (stopped) {
      await next.end();
      return;
    }
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) {
    try {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.accessSync(dataDir, fs.constants.W_OK);
    } catch (error) {
      throw new DatabaseOpenError(
        `Cannot write the embedded database folder ${dataDir}: ${(error as Error).message}. ` +
          'Set DISHUI_DATA_DIR to a writable folder.',
        { cause: error },
      );
    }
  }
  let lite: PGlite;
  try {
    lite = await PGlite.create(inMemory ? undefined : dataDir);
  } catch (error) {
    throw new DatabaseOpenError(
      `Cannot open the embedded database in ${dataDir}: ${(error as Error).message}. ` +
        'Another Dishui process may be using it; stop it or set DISHUI_DATA_DIR elsewhere.',
      { cause: error },
    );
  }
  return servePglite(lite);
}

// `options.pglite` lets a caller hand over an instance it opened itself: the tests start each
// database from one migrated snapshot (PGlite's loadDataDir), which skips initdb and the migrations.
function servePglite(lite: PGlite): Database {
  // PGlite is one connection: every caller already shares it, so withConnection is the instance.
  const connection: SqlConnection = {
    query: async (text, params) => (await lite.query(text, params as unknown[])).rows as never,
    exec: async (text) => {
      await lite.exec(text);
    },
  };
  const sql: SqlRunner = { ...connection, withConnection: (work) => work(connection) };
  const database = assemble(
    'pglite',
    new PrismaPGlite(lite) as SqlDriverAdapterFactory,
    sql,
    () => [],
    async () => {
      await lite.close();
    },
  );
  return {
    ...database,
    listen: async (channel, onMessage) => {
      const unlisten = await lite.listen(channel, onMessage);
      return async () => {
        if (!lite.closed) await unlisten();
      };
    },
  };
}

function assemble(
  kind: Database['kind'],
  factory: SqlDriverAdapterFactory,
  sql: SqlRunner,
  poolStats: () => PoolStats[],
  closeDriver: () => Promise<void>,
): Database {
  const statements = { count: 0 };
  const prisma = new PrismaClient({ adapter: countStatements(factory, statements) });
  let closed = false;
  return {
    kind,
    prisma,
    sql,
    statements,
    poolStats,
    close: async () => {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
