import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { openDatabase, type Database } from '../../../src/db/client.js';
import { migrate } from '../../../src/db/migrator.js';
import { createSqlLogin, revokeSqlLogin } from '../../../src/modules/reporting/index.js';
import { createTestDatabase, type TestDatabase, testBackends } from '../../support/database.js';
import { canRunClusters, createPgCluster, type PgCluster } from '../../support/pgCluster.js';
import { insertScopeFixture, scopeIds } from '../auth/scopeFixture.js';
import { connectAs, dropLogins, makeLogin } from './reportingClient.js';

/** The SQLSTATE `work` fails with, or 'none' when it succeeds. */
async function sqlState(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
    return 'none';
  } catch (error) {
    return String((error as { code?: unknown }).code ?? (error as Error).message);
  }
}

const insufficientPrivilege = '42501';
const readOnlyTransaction = '25006';

/** The contract numbers of the loans `client` reads through reporting.loan_facts. */
async function contracts(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ contractNo: string }>(
    'SELECT "contractNo" FROM reporting.loan_facts ORDER BY 1',
  );
  return rows.map((row) => row.contractNo);
}

describe('a reporting login is refused everything but reading its own rows', async () => {
  if (!(await testBackends()).includes('postgres')) {
    test('skipped: the SQL door needs PostgreSQL', { skip: true }, () => {});
    return;
  }
  let database: TestDatabase;
  let url: string;
  let a: pg.Client;
  let loginA: string;
  let loginB: string;
  const opened: pg.Client[] = [];
  const open = async (login: string) => {
    const client = await connectAs(url, login);
    client.on('error', () => undefined);
    opened.push(client);
    return client;
  };
  /** Runs `work` in a READ WRITE transaction of `client`, rolled back: proves privileges, not read-only mode. */
  const readWrite = (client: pg.Client, statement: string) =>
    sqlState(async () => {
      await client.query('BEGIN READ WRITE');
      try {
        await client.query(statement);
      } finally {
        await client.query('ROLLBACK');
      }
    });

  before(async () => {
    database = await createTestDatabase('postgres');
    url = database.url!;
    await insertScopeFixture(database.db);
    loginA = (await makeLogin(database.db, 'ANALYST', 'SC-A')).login;
    loginB = (await makeLogin(database.db, 'ANALYST', 'SC-B')).login;
    a = await open(loginA);
  });
  after(async () => {
    for (const client of opened) await client.end().catch(() => undefined);
    if (database) await dropLogins(database.db);
    await database?.dispose();
  });

  test('the login reads its branch’s rows to begin with', async () => {
    assert.deepEqual(await contracts(a), ['SC-LOAN-A']);
  });

  test('cannot read any base table, the private schema, or the catalogue of passwords', async () => {
    const tables = await database.db.sql.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
    );
    assert.ok(tables.length > 20, 'the migrated tables are listed');
    for (const { name } of tables) {
      assert.equal(
        await sqlState(() => a.query(`SELECT 1 FROM public."${name}" LIMIT 1`)),
        insufficientPrivilege,
        `public.${name}`,
      );
    }
    for (const relation of ['reporting_private.caller', 'reporting_private."callerUnits"', 'pg_authid']) {
      assert.equal(await sqlState(() => a.query(`SELECT * FROM ${relation}`)), insufficientPrivilege, relation);
    }
    const { rows } = await a.query<{ rolpassword: string | null }>(
      'SELECT rolpassword FROM pg_roles WHERE rolname = $1',
      [loginB],
    );
    assert.deepEqual(rows, [{ rolpassword: '********' }], 'pg_roles shows no verifier');
  });

  test('cannot write: sessions are read-only, and a READ WRITE transaction has no write privilege', async () => {
    const { rows } = await a.query('SHOW default_transaction_read_only');
    assert.deepEqual(rows, [{ default_transaction_read_only: 'on' }]);
    assert.equal(
      await sqlState(() => a.query(`UPDATE public."EnterpriseLoan" SET "orgUnitId" = ${scopeIds.branchA}`)),
      readOnlyTransaction,
    );
    // No relation of the database grants the login anything but SELECT, and SELECT only on the views.
    const granted = await a.query(
      `SELECT n.nspname || '.' || c.relname AS relation,
              has_table_privilege(c.oid, 'SELECT') AS "select",
              has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER') AS "write"
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND c.relkind IN ('r', 'v', 'm', 'p', 'f', 'S')
         AND (has_table_privilege(c.oid, 'SELECT') OR has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER'))
       ORDER BY 1`,
    );
    const views = (
      await database.db.sql.query<{ relation: string }>(
        "SELECT 'reporting.' || viewname AS relation FROM pg_views WHERE schemaname = 'reporting' ORDER BY 1",
      )
    ).map((row) => ({ ...row, select: true, write: false }));
    assert.deepEqual(granted.rows, views);
    const writes = [
      `UPDATE public."EnterpriseLoan" SET "orgUnitId" = ${scopeIds.branchA}`,
      `UPDATE public."ReportingLogin" SET "orgUnitId" = NULL, "role" = 'ADMIN'`,
      `INSERT INTO public."OrgUnit" ("code", "name", "kind") VALUES ('X', 'X', 'OUTLET')`,
      'TRUNCATE public."ImpactRecord"',
      'DELETE FROM public."EnterpriseLoan"',
    ];
    for (const statement of writes) assert.equal(await readWrite(a, statement), insufficientPrivilege, statement);
  });

  test('cannot create objects: tables, views, functions, schemas, temporary tables', async () => {
    const creations = [
      'CREATE TABLE public.stray (id int)',
      'CREATE TABLE reporting.stray (id int)',
      'CREATE VIEW reporting.stray AS SELECT 1 AS one',
      'CREATE FUNCTION public.leak(text) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$',
      'CREATE SCHEMA stray',
      'CREATE TEMPORARY TABLE stray (id int)',
      'CREATE FUNCTION pg_temp.leak(text) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$',
      'CREATE TEMPORARY VIEW stray AS SELECT 1 AS one',
    ];
    for (const statement of creations) assert.equal(await readWrite(a, statement), insufficientPrivilege, statement);
    assert.equal(
      await sqlState(() => a.query("COPY reporting.loan_facts TO '/tmp/dishui-stray.csv'")),
      insufficientPrivilege,
      'COPY to a server file',
    );
    assert.equal(
      await sqlState(() => a.query("COPY reporting.regions TO PROGRAM 'true'")),
      insufficientPrivilege,
      'COPY to a program',
    );
  });

  test('cannot widen its view: no other role to become, no setting that names the scope, no role attribute to change', async () => {
    const impersonations = [
      `SET ROLE "${loginB}"`,
      'SET ROLE dishui_reporting_admin',
      'SET ROLE postgres',
      `SET SESSION AUTHORIZATION "${loginB}"`,
      'SET SESSION AUTHORIZATION postgres',
      `GRANT dishui_reporting_admin TO "${loginA}"`,
      `ALTER ROLE "${loginA}" VALID UNTIL 'infinity'`,
      `ALTER ROLE "${loginA}" CONNECTION LIMIT 100`,
      `ALTER ROLE "${loginA}" BYPASSRLS`,
    ];
    for (const statement of impersonations)
      assert.equal(await readWrite(a, statement), insufficientPrivilege, statement);
    // The scope is current_user looked up in ReportingLogin, not a setting: whatever a session sets, it sees the same.
    for (const name of ['dishui.org_unit', 'dishui.org_unit_id', 'app.role', 'request.jwt.claims']) {
      await a.query('SELECT set_config($1, $2, false)', [name, String(scopeIds.branchB)]);
    }
    await a.query("SELECT set_config('search_path', 'public, reporting', false)");
    assert.deepEqual(await contracts(a), ['SC-LOAN-A']);
    await a.query('RESET ALL');
    // Its own group role is the one role it may become, and that narrows: the group has no ReportingLogin row.
    await a.query('SET ROLE dishui_reporting_analyst');
    assert.deepEqual(await contracts(a), []);
    await a.query('RESET ROLE');
    assert.deepEqual(await contracts(a), ['SC-LOAN-A']);
  });

  test('a filter of its own never sees a row the scope hides (security_barrier): no error from branch B’s loan', async () => {
    // 1 / 0 would raise "division by zero" if B's row reached the caller's WHERE clause.
    const { rows } = await a.query(
      `SELECT "contractNo" FROM reporting.loan_facts WHERE 1 / ("loanId" - ${scopeIds.loanB}) <> 0`,
    );
    assert.deepEqual(rows, [{ contractNo: 'SC-LOAN-A' }]);
    const b = await open(loginB);
    assert.equal(
      await sqlState(() => b.query(`SELECT 1 FROM reporting.loan_facts WHERE 1 / ("loanId" - ${scopeIds.loanB}) <> 0`)),
      '22012',
      'the same filter does reach B’s row for B: the check above is not vacuous',
    );
  });

  test('no function bypasses the scope: none is SECURITY DEFINER, no role of the login bypasses RLS, the invoker-rights helpers are refused', async () => {
    const definers = await a.query(
      `SELECT p.oid::regprocedure::text AS name FROM pg_proc p
       WHERE p.prosecdef AND has_function_privilege(p.oid, 'EXECUTE')`,
    );
    assert.deepEqual(definers.rows, [], 'no SECURITY DEFINER function the login may execute');
    const memberships = await a.query(
      `SELECT r.rolname, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb
       FROM pg_roles r WHERE pg_has_role(current_user, r.oid, 'MEMBER') ORDER BY r.rolname`,
    );
    assert.deepEqual(
      memberships.rows,
      [
        {
          rolname: 'dishui_reporting_analyst',
          rolsuper: false,
          rolbypassrls: false,
          rolcreaterole: false,
          rolcreatedb: false,
        },
        { rolname: loginA, rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false },
      ],
      'the login and its group role only: no pg_read_all_data, no superuser',
    );
    // The project's functions run with the caller's rights, which reach no base table (found on
    // the search path the functions expect: the login's own is only "reporting").
    const calls = [
      `SELECT public.dishui_recount_loan_months(ARRAY[1], ARRAY['2020-01-01'::date])`,
      `SELECT public.dishui_rollup_loans(0, 2147483647, '', '~')`,
      `SELECT public.dishui_add_borrowers(ARRAY[1], ARRAY[${scopeIds.enterpriseB}], ARRAY[1])`,
    ];
    for (const statement of calls)
      assert.equal(
        await readWrite(a, `SET LOCAL search_path = public; ${statement}`),
        insufficientPrivilege,
        statement,
      );
    const builtIns = [
      "SELECT pg_read_file('/etc/passwd')",
      "SELECT lo_import('/etc/passwd')",
      "SELECT pg_ls_dir('.')",
      'SELECT pg_reload_conf()',
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '${loginB}'`,
    ];
    for (const statement of builtIns) assert.equal(await readWrite(a, statement), insufficientPrivilege, statement);
  });

  test('a session whose login expires, or is revoked, sees nothing from its next statement', async () => {
    const { login } = await makeLogin(database.db, 'ANALYST', 'SC-A');
    const session = await open(login);
    assert.deepEqual(await contracts(session), ['SC-LOAN-A']);
    // Time passing: the row's expiry moves behind now (as VALID UNTIL would).
    await database.db.sql.query(
      `UPDATE "ReportingLogin" SET "expiresAt" = now() - interval '1 second' WHERE "login" = $1`,
      [login],
    );
    assert.deepEqual(await contracts(session), []);
    assert.deepEqual((await session.query('SELECT count(*)::int AS n FROM reporting.org_units')).rows, [{ n: 0 }]);
  });

  test('an expired login reads nothing even where the server trusts it in (trust auth ignores VALID UNTIL)', async () => {
    const past = new Date(Date.now() - 60_000);
    const { login } = await createSqlLogin(
      database.db,
      { label: 'expired', role: 'ANALYST', orgUnitCode: 'SC-A', expiresAt: new Date(Date.now() - 1000) },
      past,
    );
    const session = await open(login.login);
    assert.deepEqual(await contracts(session), []);
    assert.equal(login.canLogin, false, 'listed as unable to log in');
  });

  test('a revoked login is cut off: its open session ends and it cannot connect again', async () => {
    const { login } = await makeLogin(database.db, 'ANALYST', 'SC-A');
    const session = await open(login);
    assert.deepEqual(await contracts(session), ['SC-LOAN-A']);
    await revokeSqlLogin(database.db, login);
    assert.notEqual(await sqlState(() => session.query('SELECT 1')), 'none', 'the open session was ended');
    assert.equal(await sqlState(() => connectAs(url, login)), '28000', 'role is not permitted to log in');
  });

  test('holds its connection limit and statement timeout', async () => {
    const { login } = await createSqlLogin(database.db, {
      label: 'limits',
      role: 'ANALYST',
      orgUnitCode: 'SC-A',
      connectionLimit: 2,
      statementTimeoutMs: 1000,
    });
    const first = await open(login.login);
    await open(login.login);
    assert.equal(await sqlState(() => open(login.login)), '53300', 'too many connections for the role');
    assert.deepEqual((await first.query('SHOW statement_timeout')).rows, [{ statement_timeout: '1s' }]);
    assert.equal(await sqlState(() => first.query('SELECT pg_sleep(30)')), '57014', 'cancelled by the timeout');
  });
});

describe('password logins on a server that checks passwords (SCRAM)', {
  skip: !canRunClusters() && 'needs PostgreSQL 15 binaries and root',
}, () => {
  let cluster: PgCluster;
  let db: Database;
  const connect = async (user: string, password: string | undefined) => {
    const client = new pg.Client({
      host: '127.0.0.1',
      port: cluster.port,
      database: 'postgres',
      user,
      password,
      connectionTimeoutMillis: 10_000,
    });
    await client.connect();
    return client;
  };
  const refusal = (user: string, password: string | undefined) =>
    sqlState(async () => {
      const client = await connect(user, password);
      await client.end();
    });

  before(async () => {
    // Every statement is logged: the log shows what reached the server.
    cluster = await createPgCluster({ auth: 'scram-sha-256', settings: { log_statement: 'all' } });
    db = await openDatabase({
      DATABASE_URL: cluster.url(),
      DATABASE_POOL_MAX: 3,
      DATABASE_POOL_IDLE_MS: 10_000,
      DATABASE_CONNECT_TIMEOUT_MS: 5_000,
      DISHUI_DATA_DIR: 'memory://',
    });
    await migrate(db);
    await insertScopeFixture(db);
  });
  after(async () => {
    await db?.close();
    await cluster?.dispose();
  });

  test('the right password logs in and reads its rows; a wrong password is refused', async () => {
    const { login, password } = await makeLogin(db, 'ANALYST', 'SC-A');
    const client = await connect(login, password);
    try {
      assert.deepEqual(await contracts(client), ['SC-LOAN-A']);
    } finally {
      await client.end();
    }
    assert.equal(await refusal(login, `${password}x`), '28P01');
    const other = await makeLogin(db, 'ANALYST', 'SC-B');
    assert.equal(await refusal(login, other.password), '28P01', 'another login’s password');
  });

  test('an expired login is refused at login, with its right password', async () => {
    const password = await (async () => {
      const made = await createSqlLogin(
        db,
        { label: 'expired', role: 'ANALYST', orgUnitCode: 'SC-A', expiresAt: new Date(Date.now() - 1000) },
        new Date(Date.now() - 60_000),
      );
      return { login: made.login.login, password: made.password };
    })();
    assert.equal(await refusal(password.login, password.password), '28P01');
  });

  test('a revoked login is refused at login, with its right password', async () => {
    const { login, password } = await makeLogin(db, 'ANALYST', 'SC-A');
    assert.equal(await refusal(login, password), 'none', 'works before');
    await revokeSqlLogin(db, login);
    assert.match(await refusal(login, password), /^28(000|P01)$/);
  });

  test('the password is stored only as PostgreSQL’s SCRAM verifier and never reaches the server in clear', async () => {
    const { login, password } = await makeLogin(db, 'VIEWER', 'SC-B');
    const [stored] = await db.sql.query<{ rolpassword: string }>(
      'SELECT rolpassword FROM pg_authid WHERE rolname = $1',
      [login],
    );
    assert.match(stored!.rolpassword, /^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    assert.ok(!stored!.rolpassword.includes(password));
    const [row] = await db.sql.query('SELECT * FROM "ReportingLogin" WHERE "login" = $1', [login]);
    assert.ok(row && !JSON.stringify(row).includes(password), 'the ReportingLogin row holds no password');
    const log = await fs.promises.readFile(cluster.logFile, 'utf8');
    assert.ok(log.includes(`CREATE ROLE "${login}"`), 'the statement log has the CREATE ROLE');
    assert.ok(!log.includes(password), 'but not the password');
  });
});
