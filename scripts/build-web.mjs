// Builds the browser side (GraphiQL and the dashboard) into web/dist/ with esbuild. It runs from
// postinstall, so it uses only regular dependencies and plain Node (no tsx).
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'web', 'dist');

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const started = Date.now();
await build({
  absWorkingDir: root,
  entryPoints: {
    graphiql: 'web/src/graphiql/main.ts',
    dashboard: 'web/src/dashboard/main.ts',
  },
  outdir,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  // React picks its production build from this; nothing else reads it.
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.css': 'css' },
  legalComments: 'linked',
  logLevel: 'warning',
});
await copyFile(path.join(root, 'web/src/dashboard/dashboard.html'), path.join(outdir, 'dashboard.html'));
console.log(`build:web: web/dist/ written in ${Date.now() - started} ms`);
