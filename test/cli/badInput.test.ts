import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/dishui.js', import.meta.url));

/** Runs the CLI as a user would, with a clean environment plus `env`. */
function dishui(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

describe('dishui CLI: bad input stops with one clear line', () => {
  test('an unknown seed flag is named, with exit code 2', () => {
    const run = dishui(['seed', '--lones', '5']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr.split('\n').length, 1);
    assert.match(run.stderr, /--lones/);
  });

  test('a non-numeric --loans is refused with the allowed range', () => {
    const run = dishui(['seed', '--synthetic', '--loans', 'many']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--loans takes a whole number from 1 to/);
  });

  test('--loans without --synthetic is refused', () => {
    const run = dishui(['seed', '--loans', '10']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--synthetic/);
  });

  test('an unknown command points to help', () => {
    const run = dishui(['frobnicate']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown command "frobnicate"/);
  });

  test('an unreachable DATABASE_URL names the server and how to fix it, without the password', () => {
    const run = dishui(['migrate'], {
      DATABASE_URL: 'postgresql://postgres:secret@127.0.0.1:1/nowhere',
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
    });
    assert.equal(run.status, 1);
    assert.equal(run.stderr.split('\n').length, 1);
    assert.match(run.stderr, /Cannot reach PostgreSQL at postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/nowhere/);
    assert.doesNotMatch(run.stderr, /secret/);
  });

  test('a DATABASE_URL that is not a PostgreSQL URL is a configuration error naming the variable', () => {
    const run = dishui(['migrate'], { DATABASE_URL: 'mysql://localhost/x' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /DATABASE_URL: must start with postgresql:\/\//);
  });

  test('a data folder that cannot be written is named', () => {
    const blocker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-')), 'file');
    fs.writeFileSync(blocker, 'not a folder');
    const run = dishui(['migrate'], { DISHUI_DATA_DIR: path.join(blocker, 'data') });
    assert.equal(run.status, 1);
    assert.equal(run.stderr.split('\n').length, 1);
    assert.match(run.stderr, /Cannot write the embedded database folder .*file\/data.*DISHUI_DATA_DIR/);
  });

  test('every invalid setting is listed at once', () => {
    const run = dishui(['migrate'], { PORT: 'eighty', DATABASE_POOL_MAX: '0' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /PORT/);
    assert.match(run.stderr, /DATABASE_POOL_MAX/);
  });
});

describe('dishui seed --synthetic on a database that already holds synthetic data', () => {
  test('is refused with one line saying how to proceed', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-synthetic-'));
    const env = { DISHUI_DATA_DIR: dataDir };
    const first = dishui(['seed', '--synthetic', '--loans', '20', '--seed', '3'], env);
    assert.equal(first.status, 0, first.stderr);
    const second = dishui(['seed', '--synthetic', '--loans', '20', '--seed', '3'], env);
    assert.equal(second.status, 1);
    assert.equal(second.stderr.split('\n').length, 1);
    assert.match(second.stderr, /already holds synthetic data \(20 synthetic loans\)/);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
