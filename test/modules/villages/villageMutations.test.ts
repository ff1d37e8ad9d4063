import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createVillage, updateVillage } from '../../../src/modules/villages/villages.writeService.js';
import type { MutationResult } from '../../../src/modules/writes/mutationResult.js';
import { forEachBackend } from '../../support/forEachBackend.js';
import { assertRefusedWithoutWrites } from '../writes/refusedWithoutWrites.js';
import { officer, writeIds, writeFixtureRows } from '../writes/writeFixture.js';

forEachBackend(
  'createVillage and updateVillage keep villages in their county and township, with aliases and counts',
  writeFixtureRows,
  (fx) => {
    test('a village is created with its aliases, and an update replaces them and bumps the version', async () => {
      const created = await createVillage(fx.db, officer, {
        name: '冶上村',
        aliases: ['上冶村', '冶上村', ' '],
        countyId: writeIds.dengfeng,
        townshipId: writeIds.daye,
        code: '410185105201',
        population: 1200,
        registeredPoorHouseholds: 40,
      });
      assert.deepEqual(created.userErrors, []);
      assert.deepEqual(created.record!.aliases, ['上冶村']);
      const updated = await updateVillage(fx.db, officer, {
        id: created.record!.id,
        expectedVersion: 1,
        aliases: ['上冶村', '冶上'],
        codeVerified: true,
      });
      assert.deepEqual(updated.userErrors, []);
      assert.deepEqual(updated.record!.aliases, ['上冶村', '冶上']);
      assert.equal(updated.record!.version, 2);
    });

    test('two concurrent updates from the same version: one wins, one gets CONFLICT with the current version', async () => {
      const results = await Promise.all([
        updateVillage(fx.db, officer, { id: writeIds.village, expectedVersion: 1, population: 900 }),
        updateVillage(fx.db, officer, { id: writeIds.village, expectedVersion: 1, population: 950 }),
      ]);
      assert.equal(results.filter((result) => result.record).length, 1);
      assert.deepEqual(
        results.flatMap((result) => result.userErrors.map((error) => [error.code, error.currentVersion])),
        [['CONFLICT', 2]],
      );
    });

    const rules: Array<[string, string, string, () => Promise<MutationResult<unknown>>]> = [
      [
        'REGION_LEVEL_MISMATCH',
        'countyId',
        'a prefecture as county',
        () => createVillage(fx.db, officer, { name: 'A', countyId: writeIds.zhengzhou }),
      ],
      [
        'REGION_LEVEL_MISMATCH',
        'townshipId',
        'a township of another county',
        () => createVillage(fx.db, officer, { name: 'A', countyId: writeIds.yeCounty, townshipId: writeIds.daye }),
      ],
      [
        'CODE_OUTSIDE_REGION',
        'code',
        'a code outside the township',
        () =>
          createVillage(fx.db, officer, {
            name: 'A',
            countyId: writeIds.dengfeng,
            townshipId: writeIds.daye,
            code: '410422100200',
          }),
      ],
      [
        'INVALID_FORMAT',
        'code',
        'an 11-digit code',
        () => createVillage(fx.db, officer, { name: 'A', countyId: writeIds.dengfeng, code: '41018510520' }),
      ],
      [
        'CODE_VERIFIED_NEEDS_CODE',
        'codeVerified',
        'verified without a code',
        () => createVillage(fx.db, officer, { name: 'A', countyId: writeIds.dengfeng, codeVerified: true }),
      ],
      [
        'NEGATIVE_COUNT',
        'population',
        'a negative population',
        () => createVillage(fx.db, officer, { name: 'A', countyId: writeIds.dengfeng, population: -1 }),
      ],
      [
        'COUNT_EXCEEDS_TOTAL',
        'registeredPoorHouseholds',
        'more poor households than people',
        () =>
          createVillage(fx.db, officer, {
            name: 'A',
            countyId: writeIds.dengfeng,
            population: 10,
            registeredPoorHouseholds: 11,
          }),
      ],
      [
        'REQUIRED',
        'name',
        'a blank name',
        () => createVillage(fx.db, officer, { name: ' ', countyId: writeIds.dengfeng }),
      ],
      [
        'NOT_FOUND',
        'countyId',
        'a county that does not exist',
        () => createVillage(fx.db, officer, { name: 'A', countyId: 987654 }),
      ],
      [
        'NOT_FOUND',
        'id',
        'updating a village that does not exist',
        () => updateVillage(fx.db, officer, { id: 987654, expectedVersion: 1, population: 1 }),
      ],
      [
        'CONFLICT',
        'expectedVersion',
        'a stale version',
        () => updateVillage(fx.db, officer, { id: writeIds.village, expectedVersion: 1, population: 1 }),
      ],
    ];
    for (const [code, field, what, call] of rules) {
      test(`${code} on ${field}: ${what}`, () => assertRefusedWithoutWrites(fx.db, call, code, field));
    }
  },
);
