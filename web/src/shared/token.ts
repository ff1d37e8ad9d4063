/** Where the pasted token is kept between visits. */
export const tokenStorageKey = 'dishui.token';

/**
 * Takes a token from a `#token=…` URL fragment (storing it and removing it from the address bar,
 * so it does not linger in history or screenshots), else the stored one; null when there is none.
 */
export function loadToken(): string | null {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const given = fragment.get('token');
  if (given !== null) {
    saveToken(given);
    fragment.delete('token');
    const rest = fragment.toString();
    window.history.replaceState(null, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : ''));
  }
  return readStorage();
}

/** Stores the token (trimmed); an empty one removes it. */
export function saveToken(token: string): void {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  try {
    if (trimmed) window.localStorage.setItem(tokenStorageKey, trimmed);
    else window.localStorage.removeItem(tokenStorageKey);
  } catch {
    // Storage can be disabled (private windows); the token then lasts for this page only.
    memoryToken = trimmed || null;
  }
}

let memoryToken: string | null = null;

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(tokenStorageKey) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}
