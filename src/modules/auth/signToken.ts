import { SignJWT } from 'jose';
import type { Role } from './viewer.js';

/** What `dishui token` signs. */
export interface TokenRequest {
  sub: string;
  roles: Role[];
  /** An OrgUnit code, or null for the whole bank (ADMIN only, or the token is refused). */
  orgUnit: string | null;
  /** Lifetime in seconds. */
  ttlSeconds: number;
  secret: string;
  issuer: string;
  audience: string;
}

/** Signs an HS256 token the gateway accepts with the same secret, issuer and audience. */
export async function signToken(request: TokenRequest): Promise<string> {
  return new SignJWT({ roles: request.roles, ...(request.orgUnit ? { org_unit: request.orgUnit } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds}s`)
    .sign(new TextEncoder().encode(request.secret));
}

/**
 * Reads a duration like "90s", "30m", "8h" or "7d" as seconds.
 * @returns null when the text is not such a duration or is longer than 30 days.
 */
export function parseTtl(text: string): number | null {
  const match = /^(\d{1,6})([smhd])$/.exec(text);
  if (!match) return null;
  const seconds = Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as 's' | 'm' | 'h' | 'd'];
  return seconds > 0 && seconds <= 30 * 86_400 ? seconds : null;
}
