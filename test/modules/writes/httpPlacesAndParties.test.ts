import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachBackend } from '../../support/forEachBackend.js';
import { assertAudited, assertRefused, rowId, succeeded, writeHttpFixture } from './httpClient.js';

const villageFields =
  'id name aliases code codeVerified population registeredPoorHouseholds version county { code } township { code }';
const enterpriseFields =
  'id name anonymised creditCode industrySection industryCode size leadingEnterpriseLevel version headOfficeRegion { code }';

// The worked example of GB 32100-2015, a valid unified social credit code.
const creditCode = '91350100M000100Y43';

forEachBackend(
  'every village and enterprise mutation works over HTTP: the payload, the row and the audit event agree',
  writeHttpFixture,
  (fx) => {
    // Created first, changed by the tests after.
    let village: string;
    let enterprise: string;

    test('createVillage stores the village in its township with its other spelling as alias, and audits it', async () => {
      const input = {
        name: '冶上村',
        aliases: ['上冶村', '冶上村'],
        countyId: fx.ids.dengfeng,
        townshipId: fx.ids.daye,
        code: '410185105201',
        population: 1200,
        registeredPoorHouseholds: 40,
        idempotencyKey: 'http-village-1',
      };
      const returned = succeeded(await fx.client.mutate('createVillage', input, villageFields, 'req-create-village'));
      village = returned.id;
      assert.deepEqual(
        [
          returned.name,
          returned.aliases,
          returned.code,
          returned.codeVerified,
          returned.population,
          returned.registeredPoorHouseholds,
          returned.version,
          returned.county.code,
          returned.township.code,
        ],
        ['冶上村', ['上冶村'], '410185105201', false, 1200, 40, 1, '410185', '410185105'],
      );
      const found = await fx.client.read('{ village(code: "410185105201") { id } }');
      assert.equal(found.village.id, village, 'the natural-key lookup finds the new village');
      const row = await fx.db.prisma.village.findUniqueOrThrow({ where: { id: rowId(village) } });
      assert.deepEqual([row.code, row.dataSource], ['410185105201', 'API']);
      const [event] = await assertAudited(fx.client, 'req-create-village', [['createVillage', 'Village', row.id]]);
      assert.deepEqual([event!.before, event!.after!.aliases], [null, ['上冶村']]);
    });

    test('updateVillage replaces the aliases, verifies the code and raises the version', async () => {
      const returned = succeeded(
        await fx.client.mutate(
          'updateVillage',
          { id: village, expectedVersion: 1, aliases: ['上冶村', '冶上'], codeVerified: true },
          villageFields,
          'req-update-village',
        ),
      );
      assert.deepEqual(
        [returned.aliases, returned.codeVerified, returned.population, returned.version],
        [['上冶村', '冶上'], true, 1200, 2],
      );
      const row = await fx.db.prisma.village.findUniqueOrThrow({ where: { id: rowId(village) } });
      assert.deepEqual([row.aliases, row.codeVerified, row.version], [['上冶村', '冶上'], true, 2]);
      const [event] = await assertAudited(fx.client, 'req-update-village', [['updateVillage', 'Village', row.id]]);
      assert.deepEqual(
        [event!.before!.codeVerified, event!.after!.codeVerified, event!.before!.version, event!.after!.version],
        [false, true, 1, 2],
      );
    });

    test('createEnterprise stores a borrower with a valid credit code and industry, and audits it', async () => {
      const input = {
        name: 'A Henan dairy company',
        anonymised: true,
        creditCode,
        industrySection: 'A',
        industryCode: '0311',
        size: 'LARGE',
        leadingEnterpriseLevel: 'NATIONAL',
        headOfficeRegionId: fx.ids.zhengzhou,
        idempotencyKey: 'http-enterprise-1',
      };
      const returned = succeeded(
        await fx.client.mutate('createEnterprise', input, enterpriseFields, 'req-create-enterprise'),
      );
      enterprise = returned.id;
      assert.deepEqual(
        [
          returned.name,
          returned.creditCode,
          returned.industryCode,
          returned.size,
          returned.leadingEnterpriseLevel,
          returned.version,
          returned.headOfficeRegion.code,
        ],
        ['A Henan dairy company', creditCode, '0311', 'LARGE', 'NATIONAL', 1, '4101'],
      );
      const row = await fx.db.prisma.enterprise.findUniqueOrThrow({ where: { creditCode } });
      assert.equal(row.id, rowId(enterprise));
      const [event] = await assertAudited(fx.client, 'req-create-enterprise', [
        ['createEnterprise', 'Enterprise', row.id],
      ]);
      assert.deepEqual([event!.before, event!.after!.creditCode], [null, creditCode]);
    });

    test('updateEnterprise moves it to manufacturing (C 1441) and raises the version', async () => {
      const returned = succeeded(
        await fx.client.mutate(
          'updateEnterprise',
          { id: enterprise, expectedVersion: 1, industrySection: 'C', industryCode: '1441' },
          enterpriseFields,
          'req-update-enterprise',
        ),
      );
      assert.deepEqual(
        [returned.industrySection, returned.industryCode, returned.creditCode, returned.version],
        ['C', '1441', creditCode, 2],
      );
      const row = await fx.db.prisma.enterprise.findUniqueOrThrow({ where: { id: rowId(enterprise) } });
      assert.deepEqual([row.industryCode, row.version], ['1441', 2]);
      const [event] = await assertAudited(fx.client, 'req-update-enterprise', [
        ['updateEnterprise', 'Enterprise', row.id],
      ]);
      assert.deepEqual([event!.before!.industryCode, event!.after!.industryCode], ['0311', '1441']);
    });

    test('addEnterpriseSite gives the enterprise a farm in 叶县', async () => {
      const input = {
        enterpriseId: enterprise,
        regionId: fx.ids.yeCounty,
        kind: 'FARM',
        name: 'Ye County dairy farm',
        openedOn: '2017-06-01',
        idempotencyKey: 'http-site-1',
      };
      const returned = succeeded(
        await fx.client.mutate(
          'addEnterpriseSite',
          input,
          'id kind name openedOn region { code } enterprise { id }',
          'req-add-site',
        ),
      );
      assert.deepEqual(
        [returned.kind, returned.openedOn, returned.region.code, returned.enterprise.id],
        ['FARM', '2017-06-01', '410422', enterprise],
      );
      const row = await fx.db.prisma.enterpriseSite.findUniqueOrThrow({ where: { id: rowId(returned.id) } });
      assert.equal(row.enterpriseId, rowId(enterprise));
      const [event] = await assertAudited(fx.client, 'req-add-site', [['addEnterpriseSite', 'EnterpriseSite', row.id]]);
      assert.deepEqual([event!.before, event!.after!.kind], [null, 'FARM']);
    });

    const breaches: Array<[string, string, () => Record<string, unknown>, Array<string | number>, string, RegExp]> = [
      [
        'createVillage',
        'a code outside its township',
        () => ({ name: 'A', countyId: fx.ids.dengfeng, townshipId: fx.ids.daye, code: '410422100200' }),
        ['input', 'code'],
        'CODE_OUTSIDE_REGION',
        /410185105/,
      ],
      [
        'createVillage',
        'more poor households than people',
        () => ({ name: 'A', countyId: fx.ids.dengfeng, population: 10, registeredPoorHouseholds: 11 }),
        ['input', 'registeredPoorHouseholds'],
        'COUNT_EXCEEDS_TOTAL',
        /\S/,
      ],
      [
        'createVillage',
        'a prefecture as county',
        () => ({ name: 'A', countyId: fx.ids.zhengzhou }),
        ['input', 'countyId'],
        'REGION_LEVEL_MISMATCH',
        /\S/,
      ],
      [
        'createVillage',
        'a county ID that names a village',
        () => ({ name: 'A', countyId: fx.ids.village }),
        ['input', 'countyId'],
        'INVALID_FORMAT',
        /not the ID of a Region/,
      ],
      [
        'updateVillage',
        'a township of another county',
        () => ({ id: fx.ids.village, expectedVersion: 1, countyId: fx.ids.yeCounty }),
        ['input', 'townshipId'],
        'REGION_LEVEL_MISMATCH',
        /\S/,
      ],
      [
        'updateVillage',
        'a negative population',
        () => ({ id: fx.ids.village, expectedVersion: 1, population: -1 }),
        ['input', 'population'],
        'NEGATIVE_COUNT',
        /\S/,
      ],
      [
        'createEnterprise',
        'a wrong check character',
        () => ({ name: 'A', creditCode: '91350100M000100Y44' }),
        ['input', 'creditCode'],
        'INVALID_CREDIT_CODE',
        /check character/,
      ],
      [
        'createEnterprise',
        'a credit code in use',
        () => ({ name: 'Second', creditCode }),
        ['input', 'creditCode'],
        'ALREADY_EXISTS',
        new RegExp(creditCode),
      ],
      [
        'updateEnterprise',
        'a manufacturing code in agriculture',
        () => ({ id: fx.ids.enterprise, expectedVersion: 1, industrySection: 'A', industryCode: '1441' }),
        ['input', 'industryCode'],
        'INDUSTRY_CODE_MISMATCH',
        /1441/,
      ],
      [
        'updateEnterprise',
        'a stale version',
        () => ({ id: fx.ids.enterprise, expectedVersion: 3, name: 'B' }),
        ['input', 'expectedVersion'],
        'CONFLICT',
        /now at version 1/,
      ],
      [
        'addEnterpriseSite',
        'a site in a whole province',
        () => ({ enterpriseId: fx.ids.enterprise, regionId: fx.ids.henan, kind: 'PLANT' }),
        ['input', 'regionId'],
        'REGION_LEVEL_MISMATCH',
        /41 is a province/,
      ],
      [
        'addEnterpriseSite',
        'an enterprise ID that names a site',
        () => ({ enterpriseId: fx.ids.site, regionId: fx.ids.yeCounty, kind: 'PLANT' }),
        ['input', 'enterpriseId'],
        'INVALID_FORMAT',
        /not the ID of a Enterprise/,
      ],
    ];
    for (const [name, what, input, field, code, message] of breaches) {
      test(`${name} refuses ${what} with ${code} on ${field.join('.')} and writes nothing`, async () => {
        await assertRefused(fx.client, fx.db, name, input(), { code, field, message });
      });
    }
  },
);
