import { createHash } from 'node:crypto';
import fs from 'node:fs';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { AuthenticationError } from './authenticationError.js';
import { isRole, type Role } from './viewer.js';

/** How bearer tokens are checked; built from the DISHUI_JWT_* settings. */
export interface TokenSettings {
  /** Shared HS256 secret (at least 32 characters). */
  secret?: string;
  /** RS256/ES256 public keys: an http(s) URL of a JWKS, or the path of a JWKS JSON file. */
  jwks?: string;
  issuer: string;
  audience: string;
  /** Seconds a token's exp/nbf/iat may be off by, for clocks that drift. */
  clockSkewSeconds: number;
  /** Longest accepted lifetime (`exp` − `iat`) in seconds; when set, tokens must carry `iat`. */
  maxLifetimeSeconds?: number;
  /** Verified tokens remembered until their `exp` (least recently used dropped first); 0 = none. Default 10,000. */
  cacheSize?: number;
  /** The clock, in milliseconds since the epoch (tests move it). Default Date.now. */
  now?: () => number;
}

/** What a verified token says about its holder, before the org unit code is resolved. */
export interface TokenClaims {
  sub: string;
  roles: Role[];
  /** An OrgUnit code, or null for the whole bank. */
  orgUnit: string | null;
}

/** Verifies one compact JWS and returns its claims. */
export type TokenVerifier = (token: string) => Promise<TokenClaims>;

const asymmetric = ['RS256', 'ES256'];

/** How many verified tokens a verifier remembers by default. */
export const defaultTokenCacheSize = 10_000;

/**
 * Returns a verifier accepting HS256 tokens signed with `secret` and RS256/ES256 tokens signed by
 * a key of the JWKS, with the configured issuer and audience, an `exp`, a `sub` and a `roles`
 * array; an `iat` in the future (beyond the clock skew) or a lifetime over `maxLifetimeSeconds` is
 * refused. Unsigned (alg "none") tokens are never accepted. A verified token is remembered by its
 * SHA-256 until its `exp`, so a client repeating it skips the signature check; its expiry is
 * checked again on every use.
 * @throws Error when the JWKS file cannot be read (config validation reports this first).
 */
export function createTokenVerifier(settings: TokenSettings): TokenVerifier {
  const verify = createUncachedVerifier(settings);
  const cache = new Map<string, { claims: TokenClaims; expiresAtMs: number }>();
  const cacheSize = settings.cacheSize ?? defaultTokenCacheSize;
  const now = settings.now ?? Date.now;
  return async (token) => {
    if (cacheSize === 0) return (await verify(token)).claims;
    const key = createHash('sha256').update(token).digest('base64url');
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      // jose's rule: expired once exp is at or before now minus the skew.
      if (hit.expiresAtMs > now() - settings.clockSkewSeconds * 1000) {
        cache.set(key, hit);
        return hit.claims;
      }
    }
    const { claims, exp } = await verify(token);
    cache.set(key, { claims, expiresAtMs: exp * 1000 });
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    return claims;
  };
}

function createUncachedVerifier(
  settings: TokenSettings,
): (token: string) => Promise<{ claims: TokenClaims; exp: number }> {
  const secret = settings.secret ? new TextEncoder().encode(settings.secret) : undefined;
  const jwks = settings.jwks ? keySet(settings.jwks) : undefined;
  const algorithms = [...(secret ? ['HS256'] : []), ...(jwks ? asymmetric : [])];
  const getKey: JWTVerifyGetKey = async (header, token) => {
    if (header.alg === 'HS256' && secret) return secret;
    if (jwks && asymmetric.includes(header.alg)) return jwks(header, token);
    throw new AuthenticationError(`tokens signed with ${header.alg} are not accepted.`);
  };
  const now = settings.now ?? Date.now;
  return async (token) => {
    if (algorithms.length === 0) throw new AuthenticationError('this server accepts no bearer tokens; use an API key.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, getKey, {
        algorithms,
        issuer: settings.issuer,
        audience: settings.audience,
        clockTolerance: settings.clockSkewSeconds,
        requiredClaims: settings.maxLifetimeSeconds === undefined ? ['sub', 'exp'] : ['sub', 'exp', 'iat'],
        currentDate: new Date(now()),
      }));
    } catch (error) {
      throw error instanceof AuthenticationError ? error : new AuthenticationError(reason(error));
    }
    const {
      sub,
      roles,
      org_unit: orgUnit,
      iat,
      exp,
    } = payload as {
      sub: string;
      roles?: unknown;
      org_unit?: unknown;
      iat?: number;
      exp: number;
    };
    // jose checks iat only against a maximum age: a token "issued" later than now is refused here.
    if (iat !== undefined && iat > now() / 1000 + settings.clockSkewSeconds)
      throw new AuthenticationError('the token\'s "iat" claim is in the future.');
    if (settings.maxLifetimeSeconds !== undefined && iat !== undefined && exp - iat > settings.maxLifetimeSeconds) {
      throw new AuthenticationError(
        `the token's lifetime (exp − iat) is over the ${settings.maxLifetimeSeconds} s this server accepts.`,
      );
    }
    // The viewer id 'user:<sub>' goes into the audit trail's 128-character actor column.
    if (typeof sub !== 'string' || sub === '' || sub.length > 100)
      throw new AuthenticationError('the token\'s "sub" claim must be 1 to 100 characters.');
    if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
      throw new AuthenticationError(
        'the token\'s "roles" claim must be a non-empty array of VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN.',
      );
    }
    if (orgUnit !== undefined && orgUnit !== null && (typeof orgUnit !== 'string' || orgUnit === '')) {
      throw new AuthenticationError('the token\'s "org_unit" claim must be an org unit code.');
    }
    return { claims: { sub, roles: [...new Set(roles)], orgUnit: orgUnit ?? null }, exp };
  };
}

function keySet(source: string): JWTVerifyGetKey {
  if (/^https?:\/\//.test(source)) return createRemoteJWKSet(new URL(source));
  return createLocalJWKSet(JSON.parse(fs.readFileSync(source, 'utf8')) as JSONWebKeySet);
}

// Say which check failed, not what would pass: enough for an honest client to fix its setup.
function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `the token's "${error.claim}" claim is not accepted (${error.reason}).`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is not valid.';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no known key signed the token.';
  if (error instanceof errors.JOSEAlgNotAllowed) return "the token's signing algorithm is not accepted.";
  return 'the token is malformed or not a signed JWT.';
}
