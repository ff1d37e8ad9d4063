import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startGateway } from '../support/gatewayProcess.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = `${root}dist/cli/main.mjs`;

async function serveAndAsk(): Promise<{ output: string; typename: unknown }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-build-test-'));
  const gateway = await startGateway({ DISHUI_DATA_DIR: dataDir, DISHUI_AUTO_SEED: 'false' });
  try {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return { output: gateway.output(), typename: ((await response.json()) as { data: unknown }).data };
  } finally {
    gateway.kill();
    await gateway.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

test('dishui runs the build in dist/ while it is newer than the sources, and the sources through tsx once it is not', async () => {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root });
  try {
    const built = await serveAndAsk();
    assert.match(built.output, /running the build in dist\//);
    assert.deepEqual(built.typename, { __typename: 'Query' });
    // A build older than a source is stale: the sources run instead.
    const past = new Date(Date.now() - 365 * 24 * 3600 * 1000);
    fs.utimesSync(bundle, past, past);
    const sources = await serveAndAsk();
    assert.match(sources.output, /running the TypeScript sources through tsx/);
    assert.deepEqual(sources.typename, { __typename: 'Query' });
  } finally {
    // Leave a fresh build, as npm ci does, for the tests that start `dishui serve` after this one.
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root });
  }
});
