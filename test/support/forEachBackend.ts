import { after, before, describe } from 'node:test';
import type { Database } from '../../src/db/client.js';
import { type Backend, createTestDatabase, type TestDatabase, testBackends } from './database.js';

/** What every backend's fixture has: its fresh database. */
export interface BackendDatabase {
  backend: Backend;
  db: Database;
  /** PostgreSQL URL of the database (undefined on PGlite). */
  url: string | undefined;
}

/** A fixture's own part, with what `after` must close before the database is dropped. */
export type FixtureParts<F> = F & { close?: () => Promise<void> };

/**
 * Declares the suite `title` with one block per test backend. In each, `fixture` prepares a fresh
 * database in `before` and its result is dropped in `after`; `body` declares the tests, which read
 * the fixture from the object it is given (filled in when `before` has run, so read it inside a
 * test, never while declaring).
 */
export function forEachBackend<F extends object>(
  title: string,
  fixture: (database: BackendDatabase) => Promise<FixtureParts<F>>,
  body: (fx: Readonly<F & BackendDatabase>, backend: Backend) => void,
): void {
  describe(title, async () => {
    for (const backend of await testBackends()) {
      describe(backend, () => {
        const fx = {} as F & BackendDatabase;
        let database: TestDatabase | undefined;
        let close: (() => Promise<void>) | undefined;
        before(async () => {
          database = await createTestDatabase(backend);
          const base: BackendDatabase = { backend, db: database.db, url: database.url };
          Object.assign(fx, base);
          const { close: closeParts, ...parts } = await fixture(base);
          close = closeParts;
          Object.assign(fx, parts);
        });
        after(async () => {
          await close?.();
          await database?.dispose();
        });
        body(fx, backend);
      });
    }
  });
}
