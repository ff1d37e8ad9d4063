import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { webDistDirectory } from '../../src/web/index.js';

/** Debian's Chromium, or the one DISHUI_CHROMIUM names. */
export const chromiumPath = process.env.DISHUI_CHROMIUM ?? '/usr/bin/chromium';

/** Folder of the screenshots the browser tests save (git-ignored). */
export const screenshotDirectory = path.resolve(import.meta.dirname, '../../test-results/web');

/**
 * Why browser tests cannot run here, or null when they can. Under CI (CI=true) a missing
 * Chromium throws instead, so CI never passes by skipping.
 */
export function browserSkipReason(): string | null {
  if (fs.existsSync(chromiumPath)) return null;
  const message = `no Chromium at ${chromiumPath} (apt-get install -y chromium, or set DISHUI_CHROMIUM)`;
  if (process.env.CI === 'true') throw new Error(`Browser tests are required under CI: ${message}`);
  return message;
}

/** Headless Chromium with no network of its own (no sync, updates or QUIC probes). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Builds web/dist/ when it is missing or older than a file of web/src/ (npm ci builds it once). */
export function ensureWebBuilt(): void {
  const built = ['dashboard.js', 'graphiql.js'].map((name) => path.join(webDistDirectory, name));
  const sources = fs.readdirSync(path.resolve(webDistDirectory, '../src'), { recursive: true, withFileTypes: true });
  const newestSource = Math.max(
    ...sources
      .filter((entry) => entry.isFile())
      .map((entry) => fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs),
  );
  if (built.every((file) => fs.existsSync(file) && fs.statSync(file).mtimeMs >= newestSource)) return;
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../../scripts/build-web.mjs')], {
    stdio: 'inherit',
  });
}
