import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrator.js';
import { parseExpires } from './expiresOption.js';
import { ApiKeyInputError, createApiKey, listApiKeys, revokeApiKey, type ApiKeyView } from '../modules/auth/index.js';

/** Thrown for a bad `dishui apikey` command line; main.ts prints it as a usage error. */
export class ApiKeyUsageError extends Error {}

const usage =
  'apikey takes "create --role ROLE [--role ROLE] [--org-unit CODE] --label TEXT [--expires YYYY-MM-DD]", "list", or "revoke ID".';

/**
 * `dishui apikey create|list|revoke` over an open database; prints with `print`. `create` prints
 * the key once (it cannot be shown again) and returns 0.
 * @throws ApiKeyUsageError for a bad command line; ApiKeyInputError for a wrong value (unknown
 * role or org unit, expiry in the past, no such key).
 */
export async function apiKeyCommand(db: Database, args: string[], print: (line: string) => void): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'list') {
    if (rest.length > 0) throw new ApiKeyUsageError(usage);
    const keys = await listApiKeys(db);
    if (keys.length === 0) print('no API keys; create one with "dishui apikey create".');
    for (const key of keys) print(describe(key));
    return 0;
  }
  if (action === 'revoke') {
    if (rest.length !== 1 || !/^[1-9]\d{0,9}$/.test(rest[0]!)) throw new ApiKeyUsageError(usage);
    const key = await revokeApiKey(db, Number(rest[0]));
    print(`revoked: ${describe(key)}`);
    return 0;
  }
  if (action !== 'create') throw new ApiKeyUsageError(usage);
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string', multiple: true },
        'org-unit': { type: 'string' },
        label: { type: 'string' },
        expires: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new ApiKeyUsageError(`apikey create: ${(error as Error).message}. ${usage}`);
  }
  if (!values.role || !values.label) throw new ApiKeyUsageError(`apikey create needs --role and --label. ${usage}`);
  const expiresAt = parseExpires(values.expires, (message) => new ApiKeyUsageError(`apikey create: ${message}`));
  const { key, apiKey } = await createApiKey(db, {
    label: values.label,
    roles: values.role.flatMap((role) => role.split(',')).map((role) => role.trim().toUpperCase()),
    orgUnitCode: values['org-unit'] ?? null,
    expiresAt,
  });
  print(`created: ${describe(apiKey)}`);
  print(`key (shown once; send it as the x-api-key header): ${key}`);
  return 0;
}

/** `dishui apikey …` with the configured database (migrated first). */
export async function runApiKey(config: Config, args: string[]): Promise<number> {
  const db = await openDatabase(config);
  try {
    await migrate(db);
    return await apiKeyCommand(db, args, (line) => console.log(line));
  } finally {
    await db.close();
  }
}

function describe(key: ApiKeyView): string {
  const state = key.revokedAt
    ? `revoked ${key.revokedAt.toISOString()}`
    : key.expiresAt && key.expiresAt <= new Date()
      ? 'expired'
      : 'active';
  return [
    `#${key.id}`,
    `"${key.label}"`,
    key.roles.join(','),
    `org unit ${key.orgUnitCode ?? '(whole bank)'}`,
    `prefix dsh_${key.prefix}`,
    `expires ${key.expiresAt?.toISOString() ?? 'never'}`,
    `last used ${key.lastUsedAt?.toISOString() ?? 'never'}`,
    state,
  ].join('  ');
}

export { ApiKeyInputError };
