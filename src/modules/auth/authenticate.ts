import type { Database } from '../../db/client.js';
import { AuthenticationError } from './authenticationError.js';
import { createOrgUnitIdLookup } from './orgUnitIds.js';
import { createTokenVerifier, type TokenSettings } from './tokenVerifier.js';
import type { Viewer } from './viewer.js';

/** The credential headers of one request. */
export type CredentialHeaders = Record<string, string | string[] | undefined>;

/**
 * Turns a request's credential into its viewer: null when the request carries none.
 * @throws AuthenticationError when a credential is sent but not accepted.
 */
export type Authenticator = (headers: CredentialHeaders) => Promise<Viewer | null>;

/** What an {@link Authenticator} checks credentials against. */
export interface AuthenticatorOptions {
  db: Database;
  tokens: TokenSettings;
  /** Resolves an API key to its viewer; without it API keys are refused. */
  apiKeys?: (key: string) => Promise<Viewer>;
}

/**
 * Returns the authenticator of a server: `Authorization: Bearer <JWT>`, or an API key in
 * `x-api-key` / `Authorization: ApiKey <key>`. A token's `org_unit` code is resolved to its id; a
 * token without one covers the whole bank and is accepted only with the ADMIN role, so a missing
 * claim never widens a non-admin's reach.
 */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const verify = createTokenVerifier(options.tokens);
  const orgUnitId = createOrgUnitIdLookup(options.db);
  return async (headers) => {
    const credential = readCredential(headers);
    if (!credential) return null;
    if (credential.kind === 'apiKey') {
      if (!options.apiKeys) throw new AuthenticationError('API keys are not accepted by this server.');
      return options.apiKeys(credential.value);
    }
    const claims = await verify(credential.value);
    let id: number | null = null;
    if (claims.orgUnit === null) {
      if (!claims.roles.includes('ADMIN')) {
        throw new AuthenticationError('a token without an "org_unit" claim must carry the ADMIN role.');
      }
    } else {
      id = await orgUnitId(claims.orgUnit);
      if (id === null) throw new AuthenticationError(`the token's org unit "${claims.orgUnit}" does not exist.`);
    }
    return Object.freeze({ kind: 'user', id: `user:${claims.sub}`, roles: Object.freeze(claims.roles), orgUnitId: id });
  };
}

function readCredential(headers: CredentialHeaders): { kind: 'bearer' | 'apiKey'; value: string } | null {
  const apiKey = single(headers['x-api-key']);
  const authorization = single(headers.authorization);
  if (apiKey !== undefined && authorization !== undefined) {
    throw new AuthenticationError('send one credential: either Authorization or x-api-key, not both.');
  }
  if (apiKey !== undefined) return { kind: 'apiKey', value: apiKey.trim() };
  if (authorization === undefined) return null;
  const match = /^(Bearer|ApiKey)\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new AuthenticationError('the Authorization header must be "Bearer <token>" or "ApiKey <key>".');
  return { kind: match[1]!.toLowerCase() === 'bearer' ? 'bearer' : 'apiKey', value: match[2]! };
}

function single(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) {
    if (value.length > 1) throw new AuthenticationError('send each credential header once.');
    return value[0];
  }
  return value;
}
