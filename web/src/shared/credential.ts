// How a pasted credential travels: pure, so the pages and the tests share it.

/** Dishui API keys (`dishui apikey create`) look like this; anything else is taken for a JWT. */
const apiKeyPattern = /^dsh_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/;

/** Whether a pasted credential is an API key rather than a bearer token. */
export function isApiKey(credential: string): boolean {
  return apiKeyPattern.test(credential);
}

/** The header that carries a credential: `x-api-key` for an API key, else `Authorization: Bearer`; none for none. */
export function authorizationHeaders(token: string | null): Record<string, string> {
  if (!token) return {};
  return isApiKey(token) ? { 'x-api-key': token } : { Authorization: `Bearer ${token}` };
}
