import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settingNames } from '../src/config.js';
import { unknownSettings } from '../src/unknownSettings.js';

test('a misspelt DISHUI_* variable is reported with the closest known name', () => {
  assert.deepEqual(unknownSettings({ DISHUI_MAX_DEPHT: '3', DISHUI_MAX_DEPTH: '4', PATH: '/bin' }, settingNames), [
    { name: 'DISHUI_MAX_DEPHT', closest: 'DISHUI_MAX_DEPTH' },
  ]);
  assert.deepEqual(unknownSettings({ DISHUI_SHUTDOWN_GRACE: '1' }, settingNames), [
    { name: 'DISHUI_SHUTDOWN_GRACE', closest: 'DISHUI_SHUTDOWN_GRACE_MS' },
  ]);
});

test('a name far from every setting is reported without a guess; tool variables and known names are not', () => {
  assert.deepEqual(unknownSettings({ DISHUI_SOMETHING_ELSE_ENTIRELY: '1' }, settingNames), [
    { name: 'DISHUI_SOMETHING_ELSE_ENTIRELY', closest: undefined },
  ]);
  const quiet = { DISHUI_ENV_FILE: 'x', DISHUI_TEST_REDIS_URL: 'x', DISHUI_REQUIRE_POSTGRES: '1', LOG_LEVEL: 'x' };
  assert.deepEqual(
    unknownSettings({ ...quiet, ...Object.fromEntries(settingNames.map((n) => [n, ''])) }, settingNames),
    [],
  );
});
