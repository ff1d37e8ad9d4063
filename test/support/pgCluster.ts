import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const binaries = process.env.DISHUI_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A throwaway PostgreSQL 15 cluster of a test's own, on a spare loopback port, that the test can
 * stop and start again (outages, failover). Made with initdb (or pg_basebackup -R for a streaming
 * replica); removed with its folder by `dispose`.
 */
export interface PgCluster {
  readonly port: number;
  readonly dataDir: string;
  /** The server's log file (what `log_statement` and connection failures write to). */
  readonly logFile: string;
  /** A connection URL to `database` (default `postgres`) on this cluster. */
  url(database?: string): string;
  /** Starts the server and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops the server: 'fast' ends sessions cleanly, 'immediate' is a crash-like stop. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Makes a streaming replica of this (running) cluster on another spare port, started. */
  replica(): Promise<PgCluster>;
  /** Stops the server if running and deletes its folder. */
  dispose(): Promise<void>;
}

/** True when the PostgreSQL binaries are installed and we can run them as the postgres user. */
export function canRunClusters(): boolean {
  return fs.existsSync(path.join(binaries, 'initdb')) && process.getuid?.() === 0;
}

/** How a new cluster lets clients in, and extra server settings. */
export interface PgClusterOptions {
  /**
   * 'trust' (the default) lets every role in unchecked; 'scram-sha-256' trusts only the superuser
   * `postgres` over 127.0.0.1 and makes every other role prove its password by SCRAM, so a role's
   * password, NOLOGIN and VALID UNTIL are enforced as on a production server.
   */
  auth?: 'trust' | 'scram-sha-256';
  /** Extra `-c name=value` server settings (log_statement=all, say). */
  settings?: Readonly<Record<string, string>>;
}

/**
 * Creates and starts a fresh cluster (trust authentication unless `options.auth` says otherwise;
 * fsync off, since a test's data is throwaway and only the server process is ever killed, never
 * the machine; synchronous_commit stays on, so an acknowledged commit survives an immediate stop).
 */
export async function createPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const root = await ownedTempDir();
  const dataDir = path.join(root, 'data');
  await asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  if (options.auth === 'scram-sha-256') {
    // First match wins: the superuser stays trusted on loopback, every other role needs its password.
    const hba = [
      'local all postgres trust',
      'host all postgres 127.0.0.1/32 trust',
      'host all all 127.0.0.1/32 scram-sha-256',
      '',
    ].join('\n');
    await fs.promises.writeFile(path.join(dataDir, 'pg_hba.conf'), hba);
  }
  const cluster = clusterAt(root, dataDir, await sparePort(), options.settings);
  await cluster.start();
  return cluster;
}

function clusterAt(
  root: string,
  dataDir: string,
  port: number,
  settings: Readonly<Record<string, string>> = {},
): PgCluster {
  let running = false;
  const logFile = path.join(root, 'server.log');
  const extra = Object.entries(settings)
    .map(([name, value]) => ` -c ${name}=${value}`)
    .join('');
  const cluster: PgCluster = {
    port,
    dataDir,
    logFile,
    url: (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=off -c full_page_writes=off -c max_connections=60${extra}`;
      await asPostgres('pg_ctl', ['-D', dataDir, '-o', options, '-l', logFile, '-w', '-t', '60', 'start']);
      running = true;
    },
    async stop(mode = 'fast') {
      await asPostgres('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
      running = false;
    },
    async replica() {
      const replicaRoot = await ownedTempDir();
      const replicaDir = path.join(replicaRoot, 'data');
      await asPostgres('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-D',
        replicaDir,
        '-R',
        '-X',
        'stream',
        '--no-sync',
        '--checkpoint=fast',
      ]);
      const replica = clusterAt(replicaRoot, replicaDir, await sparePort());
      await replica.start();
      return replica;
    },
    async dispose() {
      if (running) await cluster.stop('immediate').catch(() => undefined);
      await fs.promises.rm(root, { recursive: true, force: true });
    },
  };
  return cluster;
}

async function asPostgres(binary: string, args: string[]): Promise<void> {
  try {
    await run('runuser', ['-u', 'postgres', '--', path.join(binaries, binary), ...args], { timeout: 120_000 });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${binary} failed: ${stderr || stdout || (error as Error).message}`);
  }
}

async function ownedTempDir(): Promise<string> {
  const root = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'dishui-pg-'));
  await run('chown', ['postgres:postgres', root]);
  return root;
}

/** A loopback port nobody listens on right now. */
export async function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
