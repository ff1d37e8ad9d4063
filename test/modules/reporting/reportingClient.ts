import pg from 'pg';
import type { Database } from '../../../src/db/client.js';
import { createSqlLogin, listSqlLogins } from '../../../src/modules/reporting/index.js';
import type { Role } from '../../../src/modules/auth/viewer.js';

// Dates, instants and decimals as the server's text, the way the GraphQL facts carry them.
const asText = new Set([1082, 1184, 1114]);
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    asText.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format),
};

/** A pg client connected to `url`'s database as `user` (the test server trusts 127.0.0.1). */
export async function connectAs(url: string, user: string, password?: string): Promise<pg.Client> {
  const target = new URL(url);
  target.username = user;
  const client = new pg.Client({ connectionString: target.toString(), password, types });
  await client.connect();
  return client;
}

/** Creates a SQL login of `role` (bank-wide when `orgUnit` is null) and returns its name and password. */
export async function makeLogin(
  db: Database,
  role: Role,
  orgUnit: string | null,
  options: { expiresAt?: Date } = {},
): Promise<{ login: string; password: string }> {
  const { password, login } = await createSqlLogin(db, {
    label: `test ${role} ${orgUnit ?? 'bank'}`,
    role,
    orgUnitCode: orgUnit,
    ...options,
  });
  return { login: login.login, password };
}

/**
 * Drops every login of the database's ReportingLogin rows: roles are cluster-wide and would outlive
 * the test database. Sessions are ended first (a role with sessions cannot be dropped).
 */
export async function dropLogins(db: Database): Promise<void> {
  for (const { login } of await listSqlLogins(db)) {
    await db.sql.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [login]);
    await db.sql.exec(`DROP OWNED BY "${login}"; DROP ROLE IF EXISTS "${login}"`).catch(() => undefined);
  }
}
