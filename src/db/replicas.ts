import type { Config } from '../config.js';
import { openDatabase, type Database, type PoolStats } from './client.js';

/** Read replicas behind the gateway, and which one a read should use now. */
export interface ReplicaSet {
  /** A healthy replica (round robin), or the primary when none is healthy. */
  pick(): Database;
  /** A Database whose every use goes to {@link pick}'s choice at that moment (for routes fixed at start). */
  readonly reads: Database;
  /** The replicas opened so far and whether each is healthy now (tests, metrics). */
  state(): Array<{ url: string; healthy: boolean; db: Database | undefined }>;
  close(): Promise<void>;
}

type Settings = Pick<
  Config,
  'DATABASE_POOL_MAX' | 'DATABASE_POOL_IDLE_MS' | 'DATABASE_CONNECT_TIMEOUT_MS' | 'DISHUI_DATA_DIR'
>;

interface Replica {
  url: string;
  db: Database | undefined;
  healthy: boolean;
  checking: boolean;
}

/**
 * Opens the replicas of DATABASE_REPLICA_URLS and checks each every `checkEveryMs` (SELECT 1 within
 * a second): a replica that fails is skipped, and reads fall back to the primary when none is
 * left; it takes reads again from the first check it passes. A replica down at start does not
 * stop the gateway: it is opened when it first answers.
 */
export async function openReplicaSet(
  urls: readonly string[],
  primary: Database,
  settings: Settings,
  checkEveryMs = 2_000,
): Promise<ReplicaSet> {
  const replicas: Replica[] = urls.map((url) => ({ url, db: undefined, healthy: false, checking: false }));
  let closed = false;
  const check = async (replica: Replica) => {
    if (replica.checking || closed) return;
    replica.checking = true;
    try {
      replica.db ??= await openDatabase({
        ...settings,
        DATABASE_URL: replica.url,
        DATABASE_CONNECT_TIMEOUT_MS: Math.min(settings.DATABASE_CONNECT_TIMEOUT_MS, 1_000),
      });
      await withTimeout(replica.db.sql.query('SELECT 1'), 1_000);
      replica.healthy = true;
    } catch {
      replica.healthy = false;
    } finally {
      replica.checking = false;
    }
  };
  await Promise.all(replicas.map(check));
  const timer = setInterval(() => replicas.forEach((replica) => void check(replica)), checkEveryMs);
  timer.unref();

  let turn = 0;
  const pick = (): Database => {
    const healthy = replicas.filter((replica) => replica.healthy && replica.db);
    if (healthy.length === 0) return primary;
    turn = (turn + 1) % healthy.length;
    return healthy[turn]!.db!;
  };
  const reads: Database = {
    get kind() {
      return primary.kind;
    },
    get prisma() {
      return pick().prisma;
    },
    get sql() {
      return pick().sql;
    },
    get statements() {
      return primary.statements;
    },
    poolStats: (): PoolStats[] =>
      replicas.flatMap((replica, index) =>
        (replica.db?.poolStats() ?? []).map((stats) => ({ ...stats, pool: `replica${index + 1}` })),
      ),
    close: async () => undefined,
  };
  return {
    pick,
    reads,
    state: () => replicas.map(({ url, healthy, db }) => ({ url, healthy, db })),
    close: async () => {
      closed = true;
      clearInterval(timer);
      await Promise.all(replicas.map((replica) => replica.db?.close()));
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
