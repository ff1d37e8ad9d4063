import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrator.js';
import { parseExpires } from './expiresOption.js';
import {
  createSqlLogin,
  listSqlLogins,
  revokeSqlLogin,
  SqlLoginInputError,
  type SqlLoginView,
} from '../modules/reporting/index.js';

/** Thrown for a bad `dishui sql-user` command line; main.ts prints it as a usage error. */
export class SqlUserUsageError extends Error {}

const usage =
  'sql-user takes "create --role ROLE [--org-unit CODE] --label TEXT [--expires YYYY-MM-DD] [--connection-limit N] [--statement-timeout SECONDS]", "list", or "revoke ID|LOGIN".';

/**
 * `dishui sql-user create|list|revoke` over an open PostgreSQL database; prints with `print`.
 * `create` prints the login and its password once (PostgreSQL keeps only a SCRAM verifier).
 * @throws SqlUserUsageError for a bad command line; SqlLoginInputError for a wrong value.
 */
export async function sqlUserCommand(db: Database, args: string[], print: (line: string) => void): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'list') {
    if (rest.length > 0) throw new SqlUserUsageError(usage);
    const logins = await listSqlLogins(db);
    if (logins.length === 0) print('no SQL logins; create one with "dishui sql-user create".');
    for (const login of logins) print(describe(login));
    return 0;
  }
  if (action === 'revoke') {
    const [target] = rest;
    if (rest.length !== 1 || target === undefined) throw new SqlUserUsageError(usage);
    print(`revoked: ${describe(await revokeSqlLogin(db, target))}`);
    return 0;
  }
  if (action !== 'create') throw new SqlUserUsageError(usage);
  const values = parseCreate(rest);
  if (!values.role || !values.label) throw new SqlUserUsageError(`sql-user create needs --role and --label. ${usage}`);
  const expiresAt = parseExpires(values.expires, (message) => new SqlUserUsageError(`sql-user create: ${message}`));
  const whole = (flag: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    if (!/^\d{1,7}$/.test(text))
      throw new SqlUserUsageError(`sql-user create: ${flag} takes a whole number; got "${text}".`);
    return Number(text);
  };
  const timeoutSeconds = whole('--statement-timeout', values['statement-timeout']);
  const { password, login } = await createSqlLogin(db, {
    label: values.label,
    role: values.role.trim().toUpperCase(),
    orgUnitCode: values['org-unit'] ?? null,
    expiresAt,
    connectionLimit: whole('--connection-limit', values['connection-limit']),
    statementTimeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
  });
  print(`created: ${describe(login)}`);
  print(`login: ${login.login}`);
  print(`password (shown once; PostgreSQL keeps only its SCRAM verifier): ${password}`);
  print('connect to this database with SSL; the views are in the schema "reporting" (see docs/sql.md).');
  return 0;
}

function parseCreate(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string' },
        'org-unit': { type: 'string' },
        label: { type: 'string' },
        expires: { type: 'string' },
        'connection-limit': { type: 'string' },
        'statement-timeout': { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new SqlUserUsageError(`sql-user create: ${(error as Error).message}. ${usage}`);
  }
}

/** `dishui sql-user …` with the configured database (migrated first). */
export async function runSqlUser(config: Config, args: string[]): Promise<number> {
  const db = await openDatabase(config);
  try {
    await migrate(db);
    return await sqlUserCommand(db, args, (line) => console.log(line));
  } finally {
    await db.close();
  }
}

function describe(login: SqlLoginView): string {
  const state = login.revokedAt
    ? `revoked ${login.revokedAt.toISOString()}`
    : login.expiresAt && login.expiresAt <= new Date()
      ? 'expired'
      : login.canLogin
        ? 'active'
        : 'locked';
  return [
    `#${login.id}`,
    login.login,
    `"${login.label}"`,
    login.role,
    `org unit ${login.orgUnitCode ?? '(whole bank)'}`,
    `${login.connectionLimit} connections`,
    `expires ${login.expiresAt?.toISOString() ?? 'never'}`,
    state,
  ].join('  ');
}

export { SqlLoginInputError };
