import assert from 'node:assert/strict';
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
    const config = loadConfig({ DISHUI_CORS_ORIGINS: 'https://a.example, https://b.example,', DISHUI_INTROSPECTION_ROLES: 'ADMIN' });
    assert.equal(config.DISHUI_MAX_COST, configDefaults.DISHUI_MAX_COST);
    assert.equal(config.DISHUI_PERSISTED_OPERATIONS, 'apq');
    assert.deepEqual(config.DISHUI_CORS_ORIGINS, ['https://a.example', 'https://b.example']);
    assert.deepEqual(config.DISHUI_INTROSPECTION_ROLES, ['ADMIN']);
    assert.deepEqual(loadConfig({}).DISHUI_INTROSPECTION_ROLES, ['ADMIN', 'ANALYST']);
    assert.deepEqual(loadConfig({}).DISHUI_CORS_ORIGINS, []);
    assert.equal(loadConfig({}).DISHUI_TRUST_PROXY, false);
    assert.equal(loadConfig({ DISHUI_TRUST_PROXY: 'true' }).DISHUI_TRUST_PROXY, true);
    assert.deepEqual(loadConfig({ DISHUI_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).DISHUI_TRUST_PROXY, ['10.0.0.0/8', '127.0.0.1']);
  });

  test('every bad value is named at once', () => {
    const listed = problems({
      DISHUI_MAX_DEPTH: '0',
      DISHUI_PERSISTED_OPERATIONS: 'sometimes',
      REDIS_URL: 'localhost:6379',
      DISHUI_BODY_LIMIT_BYTES: 'big',
    });
    for (const name of ['DISHUI_MAX_DEPTH', 'DISHUI_PERSISTED_OPERATIONS', 'REDIS_URL', 'DISHUI_BODY_LIMIT_BYTES']) {
      assert.ok(listed.some((problem) => problem.startsWith(`${name}:`)), `${name} in ${listed.join('; ')}`);
    }
  });

  test('safelist mode needs a manifest; a budget smaller than the costliest allowed query is refused', () => {
    assert.match(problems({ DISHUI_PERSISTED_OPERATIONS: 'safelist' }).join(), /DISHUI_PERSISTED_OPERATIONS_MANIFEST: is required/);
    assert.deepEqual(problems({ DISHUI_PERSISTED_OPERATIONS: 'safelist', DISHUI_PERSISTED_OPERATIONS_MANIFEST: 'p.json' }), []);
    assert.match(problems({ DISHUI_MAX_COST: '5000', DISHUI_RATE_LIMIT_POINTS: '4000' }).join(), /DISHUI_RATE_LIMIT_POINTS: must be at least/);
  });
});
