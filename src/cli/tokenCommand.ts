import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { isRole, parseTtl, signToken, withLocalSecret, type Role } from '../modules/auth/index.js';

/** Thrown for a bad `dishui token` command line or when there is no secret to sign with. */
export class TokenUsageError extends Error {}

/**
 * `dishui token --role ROLE [--role ROLE] [--org-unit CODE] [--ttl 8h] [--sub NAME]`: prints an
 * HS256 bearer token signed with the configured (or locally generated) secret, for local use and
 * scripts. The server checks the org unit when the token is used.
 * @throws TokenUsageError for bad options, or when only a JWKS is configured (tokens then come
 * from the identity provider).
 */
export async function runToken(
  config: Config,
  args: string[],
  print: (line: string) => void = console.log,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string', multiple: true },
        'org-unit': { type: 'string' },
        ttl: { type: 'string', default: '8h' },
        sub: { type: 'string', default: 'local-admin' },
      },
    }));
  } catch (error) {
    throw new TokenUsageError(`token: ${(error as Error).message}`);
  }
  const roles = (values.role ?? ['ADMIN']).flatMap((role) => role.split(',')).map((role) => role.trim().toUpperCase());
  if (!roles.every(isRole))
    throw new TokenUsageError(
      `token: --role takes VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER or ADMIN; got "${roles.join(',')}".`,
    );
  const orgUnit = values['org-unit'] ?? null;
  if (orgUnit === null && !roles.includes('ADMIN'))
    throw new TokenUsageError('token: a token without --org-unit covers the whole bank and must have the ADMIN role.');
  const ttlSeconds = parseTtl(values.ttl ?? '8h');
  if (ttlSeconds === null)
    throw new TokenUsageError(`token: --ttl takes a duration like 30m, 8h or 7d (at most 30d); got "${values.ttl}".`);
  const { DISHUI_JWT_SECRET: secret } = withLocalSecret(config);
  if (!secret) {
    throw new TokenUsageError(
      'token: no DISHUI_JWT_SECRET is configured, so this server cannot sign tokens; get one from your identity provider or use "dishui apikey create".',
    );
  }
  print(
    await signToken({
      sub: values.sub ?? 'local-admin',
      roles: roles as Role[],
      orgUnit,
      ttlSeconds,
      secret,
      issuer: config.DISHUI_JWT_ISSUER,
      audience: config.DISHUI_JWT_AUDIENCE,
    }),
  );
  return 0;
}
