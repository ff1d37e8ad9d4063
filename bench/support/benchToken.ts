import { signToken } from '../../src/modules/auth/signToken.js';

/** A bank-wide ADMIN bearer token for one hour, signed with `secret` as a bench's gateway expects it. */
export function benchAdminToken(secret: string): Promise<string> {
  return signToken({
    sub: 'bench',
    roles: ['ADMIN'],
    orgUnit: null,
    ttlSeconds: 3600,
    secret,
    issuer: 'dishui',
    audience: 'dishui',
  });
}
