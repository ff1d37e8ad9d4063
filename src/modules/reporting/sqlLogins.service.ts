import { randomBytes } from 'node:crypto';
import type { Database, SqlConnection } from '../../db/client.js';
import { isRole, type Role } from '../auth/index.js';
import { groupRoleOf } from './reportingViews.js';
import { scramSha256Verifier } from './scramVerifier.js';

/** A wrong argument to the SQL login commands, or a database that cannot hold logins; the message names it. */
export class SqlLoginInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlLoginInputError';
  }
}

/** What a new login is for. */
export interface NewSqlLogin {
  label: string;
  role: string;
  /** An OrgUnit code; null = the whole bank, allowed only for ADMIN logins. */
  orgUnitCode: string | null;
  expiresAt?: Date | null;
  /** Concurrent sessions allowed (CONNECTION LIMIT), 1 to 100; default 5. */
  connectionLimit?: number;
  /** Longest statement, in milliseconds (the role's statement_timeout); default 60 s. */
  statementTimeoutMs?: number;
}

/** A login as listed: never the password, which PostgreSQL keeps as a SCRAM verifier. */
export interface SqlLoginView {
  id: number;
  login: string;
  label: string;
  role: Role;
  orgUnitCode: string | null;
  connectionLimit: number;
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  /** Whether PostgreSQL lets the role log in now (false once revoked, or missing). */
  canLogin: boolean;
}

const loginPattern = /^dsq_[0-9a-f]{12}$/;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

function requirePostgres(db: Database): void {
  if (db.kind !== 'postgres')
    throw new SqlLoginInputError(
      'the SQL door needs PostgreSQL (set DATABASE_URL): the embedded database has one connection and no real roles.',
    );
}

async function inTransaction<T>(db: Database, work: (sql: SqlConnection) => Promise<T>): Promise<T> {
  return db.sql.withConnection(async (sql) => {
    await sql.exec('BEGIN');
    try {
      const result = await work(sql);
      await sql.exec('COMMIT');
      return result;
    } catch (error) {
      await sql.exec('ROLLBACK');
      throw error;
    }
  });
}

/**
 * Creates a PostgreSQL login (`dsq_<12 hex>`, member of the role's NOLOGIN group role) and its
 * ReportingLogin row in one transaction, and returns the password once: 192 random bits, sent to
 * the server only as a SCRAM verifier. The role is read-only by default, has a statement timeout,
 * a connection limit, `search_path = reporting`, and `VALID UNTIL` its expiry.
 * @throws SqlLoginInputError for PGlite, an empty label, an unknown role or org unit, a
 * non-admin login without an org unit, an expiry in the past, or limits out of range.
 */
export async function createSqlLogin(
  db: Database,
  input: NewSqlLogin,
  now = new Date(),
): Promise<{ password: string; login: SqlLoginView }> {
  requirePostgres(db);
  const label = input.label.trim();
  if (label === '' || label.length > 128) throw new SqlLoginInputError('--label must be 1 to 128 characters.');
  if (!isRole(input.role))
    throw new SqlLoginInputError(
      `--role takes VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER or ADMIN; got "${input.role}".`,
    );
  const role: Role = input.role;
  const connectionLimit = input.connectionLimit ?? 5;
  if (!Number.isInteger(connectionLimit) || connectionLimit < 1 || connectionLimit > 100)
    throw new SqlLoginInputError('--connection-limit takes a whole number from 1 to 100.');
  const timeoutMs = input.statementTimeoutMs ?? 60_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1000 || timeoutMs > 3_600_000)
    throw new SqlLoginInputError('--statement-timeout takes 1 to 3600 seconds.');
  let orgUnitId: number | null = null;
  if (input.orgUnitCode === null) {
    if (role !== 'ADMIN')
      throw new SqlLoginInputError('a login without --org-unit covers the whole bank and must have the ADMIN role.');
  } else {
    const unit = await db.prisma.orgUnit.findUnique({ where: { code: input.orgUnitCode }, select: { id: true } });
    if (!unit) throw new SqlLoginInputError(`no org unit has the code "${input.orgUnitCode}".`);
    orgUnitId = unit.id;
  }
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt && expiresAt <= now) throw new SqlLoginInputError('--expires must be in the future.');
  const group = await db.sql.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [groupRoleOf(role)]);
  if (group.length === 0)
    throw new SqlLoginInputError(
      `the group role ${groupRoleOf(role)} is missing: the migration could not create roles (the database user needs CREATEROLE).`,
    );

  const login = `dsq_${randomBytes(6).toString('hex')}`;
  const password = randomBytes(24).toString('base64url');
  const validUntil = expiresAt ? expiresAt.toISOString() : 'infinity';
  await inTransaction(db, async (sql) => {
    await sql.query(
      'INSERT INTO "ReportingLogin" ("login", "label", "role", "orgUnitId", "connectionLimit", "expiresAt") VALUES ($1, $2, $3, $4, $5, $6)',
      [login, label, role, orgUnitId, connectionLimit, expiresAt],
    );
    // Utility statements take no parameters: the name is ours (checked above), the rest literals.
    await sql.exec(
      `CREATE ROLE "${login}" LOGIN PASSWORD ${literal(scramSha256Verifier(password))} VALID UNTIL ${literal(validUntil)} CONNECTION LIMIT ${connectionLimit} IN ROLE "${groupRoleOf(role)}";
       ALTER ROLE "${login}" SET default_transaction_read_only = on;
       ALTER ROLE "${login}" SET statement_timeout = ${timeoutMs};
       ALTER ROLE "${login}" SET idle_in_transaction_session_timeout = 300000;
       ALTER ROLE "${login}" SET search_path = reporting;
       COMMENT ON ROLE "${login}" IS ${literal(`Dishui SQL door: ${label}`)};`,
    );
  });
  const created = (await listSqlLogins(db)).find((row) => row.login === login);
  if (!created) throw new Error(`the new login ${login} is not listed`);
  return { password, login: created };
}

/** Every login ever made, oldest first, with whether PostgreSQL still lets it log in. */
export async function listSqlLogins(db: Database): Promise<SqlLoginView[]> {
  requirePostgres(db);
  const rows = await db.sql.query<{
    id: number;
    login: string;
    label: string;
    role: Role;
    orgUnitCode: string | null;
    connectionLimit: number;
    expiresAt: Date | null;
    revokedAt: Date | null;
    createdAt: Date;
    canLogin: boolean | null;
  }>(`SELECT rl."id", rl."login", rl."label", rl."role", o."code" AS "orgUnitCode", rl."connectionLimit",
            rl."expiresAt", rl."revokedAt", rl."createdAt",
            (r.rolcanlogin AND (r.rolvaliduntil IS NULL OR r.rolvaliduntil > now())) AS "canLogin"
     FROM "ReportingLogin" rl
     LEFT JOIN "OrgUnit" o ON o."id" = rl."orgUnitId"
     LEFT JOIN pg_roles r ON r.rolname = rl."login"
     ORDER BY rl."id"`);
  return rows.map((row) => ({ ...row, canLogin: row.canLogin === true }));
}

/**
 * Revokes a login (by id or name) at once: its row is marked revoked, so its open sessions see no
 * rows from their next statement; the role loses LOGIN and its group role; its sessions are ended
 * where this database user may signal them. Revoking a revoked login changes nothing.
 * @throws SqlLoginInputError when no login has that id or name.
 */
export async function revokeSqlLogin(db: Database, idOrLogin: string, now = new Date()): Promise<SqlLoginView> {
  requirePostgres(db);
  const byId = /^[1-9]\d{0,9}$/.test(idOrLogin);
  if (!byId && !loginPattern.test(idOrLogin))
    throw new SqlLoginInputError(`revoke takes a login id or name (dsq_…); got "${idOrLogin}".`);
  const found = (await listSqlLogins(db)).find((row) =>
    byId ? row.id === Number(idOrLogin) : row.login === idOrLogin,
  );
  if (!found) throw new SqlLoginInputError(`no SQL login ${idOrLogin}.`);
  if (!loginPattern.test(found.login)) throw new Error(`unexpected login name ${found.login}`);
  await inTransaction(db, async (sql) => {
    await sql.query('UPDATE "ReportingLogin" SET "revokedAt" = COALESCE("revokedAt", $2) WHERE "id" = $1', [
      found.id,
      now,
    ]);
    const exists = await sql.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [found.login]);
    if (exists.length > 0)
      await sql.exec(
        `ALTER ROLE "${found.login}" NOLOGIN VALID UNTIL '-infinity'; REVOKE "${groupRoleOf(found.role)}" FROM "${found.login}";`,
      );
  });
  // Best effort: needs superuser or pg_signal_backend; the sessions see nothing either way.
  await db.sql
    .query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [found.login])
    .catch(() => undefined);
  return (await listSqlLogins(db)).find((row) => row.id === found.id) ?? found;
}
