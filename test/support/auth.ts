import { SignJWT } from 'jose';
import type { Role } from '../../src/modules/auth/viewer.js';

/** The HS256 secret every test server is built with; never used outside tests. */
export const testJwtSecret = 'dishui-test-secret-0123456789abcdef-not-for-production';

/**
 * The settings of a test server: silent logs, NODE_ENV=test, the test secret, and no anonymous
 * access, so every test that reads or writes says who it is (use {@link adminHeaders}).
 */
export const testServerConfig = Object.freeze({
  LOG_LEVEL: 'silent' as const,
  NODE_ENV: 'test' as const,
  DISHUI_JWT_SECRET: testJwtSecret,
  DISHUI_ANONYMOUS: 'off' as const,
});

/** Who a test token names. */
export interface TestTokenOptions {
  roles?: Role[];
  /** An OrgUnit code; omitted = the whole bank (accepted only with ADMIN). */
  orgUnit?: string;
  sub?: string;
  /** jose time span or epoch seconds; default '1h'. */
  expiresIn?: string | number;
  secret?: string;
  issuer?: string;
  audience?: string;
}

/** Signs an HS256 token the test server accepts (unless the options say otherwise). */
export async function signTestToken(options: TestTokenOptions = {}): Promise<string> {
  const claims: Record<string, unknown> = { roles: options.roles ?? ['ADMIN'] };
  if (options.orgUnit !== undefined) claims.org_unit = options.orgUnit;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.sub ?? 'test-admin')
    .setIssuer(options.issuer ?? 'dishui')
    .setAudience(options.audience ?? 'dishui')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(options.secret ?? testJwtSecret));
}

/** `Authorization` header of a token for the given viewer. */
export async function bearerHeaders(options: TestTokenOptions = {}): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await signTestToken(options)}` };
}

let admin: Promise<Record<string, string>> | undefined;

/** Headers of a whole-bank ADMIN ('user:test-admin'), signed once per test process. */
export function adminHeaders(): Promise<Record<string, string>> {
  admin ??= bearerHeaders({ roles: ['ADMIN'], sub: 'test-admin', expiresIn: '6h' });
  return admin;
}
