#!/usr/bin/env node
// The `dishui` command. It runs dist/cli/main.mjs, the server bundled by `npm run build:server`
// (npm ci runs it), while that is newer than every file under src/; otherwise (no build, or a
// source changed since) the TypeScript sources through tsx, so a clone needs no build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli', 'main.mjs');

// The newest modification time of the files below `directory`.
function newest(directory) {
  let latest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const file = path.join(directory, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return latest;
}

let main;
if (existsSync(bundle) && statSync(bundle).mtimeMs >= newest(path.join(root, 'src'))) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
