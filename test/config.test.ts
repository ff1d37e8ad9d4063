import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.js';

function envFile(text: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-env-'));
  const file = path.join(folder, '.env');
  fs.writeFileSync(file, text);
  return file;
}

test('a .env file fills unset variables; the environment wins over it', () => {
  const file = envFile('# comment\nPORT=4100\nexport LOG_LEVEL="warn"\nDISHUI_SHUTDOWN_GRACE_MS=2500 # seconds\n\nREDIS_URL=redis://127.0.0.1:6379\n');
  const config = loadConfig({ PORT: '4200' }, { envFile: file });
  assert.equal(config.PORT, 4200);
  assert.equal(config.LOG_LEVEL, 'warn');
  assert.equal(config.DISHUI_SHUTDOWN_GRACE_MS, 2500);
  assert.equal(config.REDIS_URL, 'redis://127.0.0.1:6379');
});

test('a missing .env file is no file', () => {
  assert.equal(loadConfig({}, { envFile: '/nonexistent/.env' }).PORT, 4000);
});

test('bad .env lines and bad values are listed together in one error', () => {
  const file = envFile('PORT=4100\nthis is not a setting\nDATABASE_REPLICA_URLS=postgresql://a/db, mysql://b/db\n');
  assert.throws(
    () => loadConfig({ REDIS_URL: 'http://x', DISHUI_SHUTDOWN_GRACE_MS: '-1' }, { envFile: file }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      const text = error.problems.join('\n');
      assert.match(text, /\.env line 2: expected NAME=value/);
      assert.match(text, /REDIS_URL: must start with redis:\/\//);
      assert.match(text, /DISHUI_SHUTDOWN_GRACE_MS/);
      assert.match(text, /DATABASE_REPLICA_URLS.*every URL must start with postgresql/);
      assert.equal(error.problems.length, 4);
      return true;
    },
  );
});

test('DATABASE_REPLICA_URLS is a comma-separated list; DISHUI_EXPORT_DIR becomes absolute', () => {
  const config = loadConfig({ DATABASE_REPLICA_URLS: 'postgresql://r1/db, postgresql://r2/db,', DISHUI_EXPORT_DIR: 'shared/exports' });
  assert.deepEqual(config.DATABASE_REPLICA_URLS, ['postgresql://r1/db', 'postgresql://r2/db']);
  assert.equal(config.DISHUI_EXPORT_DIR, path.resolve('shared/exports'));
});
