import type { Database } from '../db/client.js';
import { pendingMigrations } from '../db/migrator.js';

/** What /readyz answers: ready only when the database answers and no migration is pending. */
export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  pendingMigrations: string[];
}

const CHECK_TIMEOUT_MS = 2000;

/**
 * Checks that the database answers within two seconds and has every migration applied.
 * Never throws: an unreachable database is a `ready: false` answer.
 */
export async function checkReadiness(db: Database): Promise<Readiness> {
  try {
    const pending = await withTimeout(pendingMigrations(db), CHECK_TIMEOUT_MS);
    return { ready: pending.length === 0, database: 'ok', pendingMigrations: pending };
  } catch {
    return { ready: false, database: 'unreachable', pendingMigrations: [] };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
