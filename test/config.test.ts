import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, configDefaults, loadConfig } from '../src/config.js';

/** The problems loadConfig lists for `env`, or [] when it accepts it. */
function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
}

describe('limit settings', () => {
  test('have named defaults; lists are comma-separated', () => {
    const config = loadConfig({
      DISHUI_CORS_ORIGINS: 'https://a.example, https://b.example,',
      DISHUI_INTROSPECTION_ROLES: 'ADMIN',
    });
    assert.equal(config.DISHUI_MAX_COST, configDefaults.DISHUI_MAX_COST);
    assert.equal(config.DISHUI_PERSISTED_OPERATIONS, 'apq');
    assert.deepEqual(config.DISHUI_CORS_ORIGINS, ['https://a.example', 'https://b.example']);
    assert.deepEqual(config.DISHUI_INTROSPECTION_ROLES, ['ADMIN']);
    assert.deepEqual(loadConfig({}).DISHUI_INTROSPECTION_ROLES, ['ADMIN', 'ANALYST']);
    assert.deepEqual(loadConfig({}).DISHUI_CORS_ORIGINS, []);
    assert.equal(loadConfig({}).DISHUI_TRUST_PROXY, false);
    assert.equal(loadConfig({ DISHUI_TRUST_PROXY: 'true' }).DISHUI_TRUST_PROXY, true);
    assert.deepEqual(loadConfig({ DISHUI_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).DISHUI_TRUST_PROXY, [
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
  });

  test('every bad value is named at once', () => {
    const listed = problems({
      DISHUI_MAX_DEPTH: '0',
      DISHUI_PERSISTED_OPERATIONS: 'sometimes',
      REDIS_URL: 'localhost:6379',
      DISHUI_BODY_LIMIT_BYTES: 'big',
    });
    for (const name of ['DISHUI_MAX_DEPTH', 'DISHUI_PERSISTED_OPERATIONS', 'REDIS_URL', 'DISHUI_BODY_LIMIT_BYTES']) {
      assert.ok(
        listed.some((problem) => problem.startsWith(`${name}:`)),
        `${name} in ${listed.join('; ')}`,
      );
    }
  });

  test('safelist mode needs a manifest; a budget smaller than the costliest allowed query, export or import is refused', () => {
    assert.match(
      problems({ DISHUI_PERSISTED_OPERATIONS: 'safelist' }).join(),
      /DISHUI_PERSISTED_OPERATIONS_MANIFEST: is required/,
    );
    assert.deepEqual(
      problems({ DISHUI_PERSISTED_OPERATIONS: 'safelist', DISHUI_PERSISTED_OPERATIONS_MANIFEST: 'p.json' }),
      [],
    );
    assert.match(
      problems({ DISHUI_MAX_COST: '5000', DISHUI_RATE_LIMIT_POINTS: '4000' }).join(),
      /DISHUI_RATE_LIMIT_POINTS: must be at least/,
    );
    const tooDear = problems({
      DISHUI_MAX_COST: '5000',
      DISHUI_RATE_LIMIT_POINTS: '6000',
      DISHUI_EXPORT_COST: '6001',
      DISHUI_IMPORT_COST: '7000',
    }).join();
    assert.match(tooDear, /DISHUI_EXPORT_COST: must be at most DISHUI_RATE_LIMIT_POINTS/);
    assert.match(tooDear, /DISHUI_IMPORT_COST: must be at most DISHUI_RATE_LIMIT_POINTS/);
    assert.deepEqual(
      problems({
        DISHUI_MAX_COST: '5000',
        DISHUI_RATE_LIMIT_POINTS: '6000',
        DISHUI_EXPORT_COST: '6000',
        DISHUI_IMPORT_COST: '1',
      }),
      [],
    );
  });
});

function envFile(text: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-env-'));
  const file = path.join(folder, '.env');
  fs.writeFileSync(file, text);
  return file;
}

test('a .env file fills unset variables; the environment wins over it', () => {
  const file = envFile(
    '# comment\nPORT=4100\nexport LOG_LEVEL="warn"\nDISHUI_SHUTDOWN_GRACE_MS=2500 # seconds\n\nREDIS_URL=redis://127.0.0.1:6379\n',
  );
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
  const config = loadConfig({
    DATABASE_REPLICA_URLS: 'postgresql://r1/db, postgresql://r2/db,',
    DISHUI_EXPORT_DIR: 'shared/exports',
  });
  assert.deepEqual(config.DATABASE_REPLICA_URLS, ['postgresql://r1/db', 'postgresql://r2/db']);
  assert.equal(config.DISHUI_EXPORT_DIR, path.resolve('shared/exports'));
});
