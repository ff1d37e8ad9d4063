import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addEnterpriseSite,
  createEnterprise,
  updateEnterprise,
} from '../../../src/modules/enterprises/enterprises.writeService.js';
import { creditCodeProblem } from '../../../src/modules/writes/creditCode.js';
import type { MutationResult } from '../../../src/modules/writes/mutationResult.js';
import { forEachBackend } from '../../support/forEachBackend.js';
import { assertRefusedWithoutWrites } from '../writes/refusedWithoutWrites.js';
import { officer, writeIds, writeFixtureRows } from '../writes/writeFixture.js';

// The worked example of GB 32100-2015 itself, and a code with a letter check character.
const validCodes = ['91350100M000100Y43', '91110000802100433B'];

test('the credit code check accepts the standard example and refuses every other check character', () => {
  for (const code of validCodes) {
    assert.equal(creditCodeProblem(code), undefined);
    const others = '0123456789ABCDEFGHJKLMNPQRTUWXY'.split('').filter((char) => char !== code[17]);
    assert.ok(others.every((char) => creditCodeProblem(code.slice(0, 17) + char) !== undefined));
  }
  assert.match(creditCodeProblem('91350100M000100I43')!, /18 characters/);
});

forEachBackend(
  'createEnterprise, updateEnterprise and addEnterpriseSite check credit codes, industries and regions',
  writeFixtureRows,
  (fx) => {
    test('an enterprise is created with a valid credit code, updated, and given a farm', async () => {
      const created = await createEnterprise(fx.db, officer, {
        name: 'A Henan dairy company',
        anonymised: true,
        creditCode: validCodes[0],
        industrySection: 'A',
        industryCode: '0311',
        size: 'LARGE',
        leadingEnterpriseLevel: 'NATIONAL',
      });
      assert.deepEqual(created.userErrors, []);
      const updated = await updateEnterprise(fx.db, officer, {
        id: created.record!.id,
        expectedVersion: 1,
        industrySection: 'C',
        industryCode: '1441',
      });
      assert.deepEqual(updated.userErrors, []);
      assert.equal(updated.record!.version, 2);
      const site = await addEnterpriseSite(fx.db, officer, {
        enterpriseId: created.record!.id,
        regionId: writeIds.yeCounty,
        kind: 'FARM',
        openedOn: '2017-06-01',
      });
      assert.deepEqual(site.userErrors, []);
    });

    const rules: Array<[string, string, string, () => Promise<MutationResult<unknown>>]> = [
      [
        'INVALID_CREDIT_CODE',
        'creditCode',
        'a wrong check character',
        () => createEnterprise(fx.db, officer, { name: 'A', creditCode: '91350100M000100Y44' }),
      ],
      [
        'INVALID_CREDIT_CODE',
        'creditCode',
        'a letter outside the alphabet',
        () => createEnterprise(fx.db, officer, { name: 'A', creditCode: '91350100M000100O43' }),
      ],
      [
        'INDUSTRY_CODE_MISMATCH',
        'industryCode',
        'a manufacturing code in agriculture',
        () => createEnterprise(fx.db, officer, { name: 'A', industrySection: 'A', industryCode: '1441' }),
      ],
      [
        'INVALID_FORMAT',
        'industrySection',
        'a section beyond T',
        () => createEnterprise(fx.db, officer, { name: 'A', industrySection: 'Z' }),
      ],
      ['REQUIRED', 'name', 'no name', () => createEnterprise(fx.db, officer, { name: '' })],
      [
        'NOT_FOUND',
        'headOfficeRegionId',
        'a region that does not exist',
        () => createEnterprise(fx.db, officer, { name: 'A', headOfficeRegionId: 987654 }),
      ],
      [
        'CONFLICT',
        'expectedVersion',
        'a stale version',
        () => updateEnterprise(fx.db, officer, { id: writeIds.enterprise, expectedVersion: 7, name: 'B' }),
      ],
      [
        'REGION_LEVEL_MISMATCH',
        'regionId',
        'a site in a whole province',
        () =>
          addEnterpriseSite(fx.db, officer, {
            enterpriseId: writeIds.enterprise,
            regionId: writeIds.henan,
            kind: 'PLANT',
          }),
      ],
      [
        'NOT_FOUND',
        'enterpriseId',
        'a site of nobody',
        () => addEnterpriseSite(fx.db, officer, { enterpriseId: 987654, regionId: writeIds.yeCounty, kind: 'PLANT' }),
      ],
    ];
    for (const [code, field, what, call] of rules) {
      test(`${code} on ${field}: ${what}`, () => assertRefusedWithoutWrites(fx.db, call, code, field));
    }

    test('ALREADY_EXISTS on creditCode: a second enterprise with the same code', async () => {
      await createEnterprise(fx.db, officer, { name: 'First', creditCode: validCodes[1] });
      await assertRefusedWithoutWrites(
        fx.db,
        () => createEnterprise(fx.db, officer, { name: 'Second', creditCode: validCodes[1] }),
        'ALREADY_EXISTS',
        'creditCode',
      );
    });
  },
);
