import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.js';

/** Where the generated secret of a local install lives: `<DISHUI_DATA_DIR>/jwt-secret`. */
export function localSecretFile(dataDir: string): string {
  return path.join(dataDir, 'jwt-secret');
}

/**
 * Returns the settings with the HS256 secret to use. A configured DISHUI_JWT_SECRET wins; in
 * production, or with a JWKS, nothing is generated. Otherwise (a local install) a random secret
 * is made once and kept in the data folder (git-ignored, mode 0600), so tokens from
 * `dishui token` survive restarts without anyone choosing a secret. An in-memory data folder gets
 * no secret.
 * @throws Error when the data folder cannot be written.
 */
export function withLocalSecret<
  T extends Pick<Config, 'DISHUI_JWT_SECRET' | 'DISHUI_JWKS' | 'NODE_ENV' | 'DISHUI_DATA_DIR'>,
>(config: T): T {
  if (config.DISHUI_JWT_SECRET || config.DISHUI_JWKS || config.NODE_ENV === 'production') return config;
  if (/^[a-z]+:\/\//i.test(config.DISHUI_DATA_DIR)) return config;
  const file = localSecretFile(config.DISHUI_DATA_DIR);
  let secret = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  if (secret.length < 32) {
    secret = randomBytes(32).toString('base64url');
    fs.mkdirSync(config.DISHUI_DATA_DIR, { recursive: true });
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  }
  return Object.freeze({ ...config, DISHUI_JWT_SECRET: secret });
}
