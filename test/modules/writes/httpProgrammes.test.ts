import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toGlobalId } from '../../../src/engine/globalId.js';
import { forEachBackend } from '../../support/forEachBackend.js';
import { assertAudited, assertRefused, cents, rowId, succeeded, writeHttpFixture } from './httpClient.js';

const initiativeFields =
  'id code name nameZh category status version startDate endDate budget description ownerOrgUnit { code }';

forEachBackend(
  'every programme and campaign mutation works over HTTP: the payload, the rows and the audit events agree',
  writeHttpFixture,
  (fx) => {
    const lunch = () => ({
      code: 'HTTP-LUNCH',
      name: 'Love Lunch',
      nameZh: '爱心午餐',
      category: 'NUTRITION',
      ownerOrgUnitId: fx.ids.branch,
      startDate: '2018-03-01',
    });

    // The programme created first is changed by the tests after it, in order.
    let initiative: string;
    let cadre: string;
    let campaign: string;

    test('createInitiative returns the PLANNED programme at version 1, stores it and audits its creation', async () => {
      const returned = succeeded(
        await fx.client.mutate(
          'createInitiative',
          { ...lunch(), idempotencyKey: 'http-ini-1' },
          initiativeFields,
          'req-create-initiative',
        ),
      );
      initiative = returned.id;
      assert.deepEqual(
        [
          returned.code,
          returned.nameZh,
          returned.category,
          returned.status,
          returned.version,
          returned.startDate,
          returned.ownerOrgUnit.code,
        ],
        ['HTTP-LUNCH', '爱心午餐', 'NUTRITION', 'PLANNED', 1, '2018-03-01', 'FIX-ZZ'],
      );
      const row = await fx.db.prisma.initiative.findUniqueOrThrow({ where: { code: 'HTTP-LUNCH' } });
      assert.deepEqual([row.id, row.status, row.dataSource], [rowId(initiative), 'PLANNED', 'API']);
      const [event] = await assertAudited(fx.client, 'req-create-initiative', [
        ['createInitiative', 'Initiative', row.id],
      ]);
      assert.deepEqual([event!.before, event!.after!.code], [null, 'HTTP-LUNCH']);
    });

    test('updateInitiative changes only the fields given and raises the version', async () => {
      const input = {
        id: initiative,
        expectedVersion: 1,
        budget: '12000.00',
        description: '3 CNY per child per school day',
      };
      const returned = succeeded(
        await fx.client.mutate('updateInitiative', input, initiativeFields, 'req-update-initiative'),
      );
      assert.deepEqual(
        [cents(returned.budget), returned.description, returned.name, returned.version],
        ['12000.00', '3 CNY per child per school day', 'Love Lunch', 2],
      );
      const row = await fx.db.prisma.initiative.findUniqueOrThrow({ where: { id: rowId(initiative) } });
      assert.deepEqual([cents(row.budget), row.version], ['12000.00', 2]);
      const [event] = await assertAudited(fx.client, 'req-update-initiative', [
        ['updateInitiative', 'Initiative', row.id],
      ]);
      assert.deepEqual(
        [event!.before!.budget, cents(event!.after!.budget), event!.before!.version, event!.after!.version],
        [null, '12000.00', 1, 2],
      );
    });

    test('changeInitiativeStatus moves PLANNED to ACTIVE', async () => {
      const returned = succeeded(
        await fx.client.mutate(
          'changeInitiativeStatus',
          { id: initiative, expectedVersion: 2, status: 'ACTIVE' },
          initiativeFields,
          'req-activate',
        ),
      );
      assert.deepEqual([returned.status, returned.version], ['ACTIVE', 3]);
      assert.equal(
        (await fx.db.prisma.initiative.findUniqueOrThrow({ where: { id: rowId(initiative) } })).status,
        'ACTIVE',
      );
      const [event] = await assertAudited(fx.client, 'req-activate', [
        ['changeInitiativeStatus', 'Initiative', rowId(initiative)],
      ]);
      assert.deepEqual([event!.before!.status, event!.after!.status], ['PLANNED', 'ACTIVE']);
    });

    test('linkVillages links the village as TARGET and HOST; the payload lists it and each link is audited', async () => {
      const input = {
        initiativeId: initiative,
        links: [
          { villageId: fx.ids.village, role: 'TARGET', since: '2017-12-01' },
          { villageId: fx.ids.village, role: 'HOST' },
        ],
      };
      const returned = succeeded(
        await fx.client.mutate('linkVillages', input, 'id villages { nodes { id name } }', 'req-link'),
      );
      assert.deepEqual(
        returned.villages.nodes.map((village: { id: string }) => village.id),
        [fx.ids.village],
      );
      const links = await fx.db.prisma.initiativeVillage.findMany({ where: { initiativeId: rowId(initiative) } });
      const roles = Object.fromEntries(
        links.map((link) => [link.role, link.since?.toISOString().slice(0, 10) ?? null]),
      );
      assert.deepEqual(roles, { TARGET: '2017-12-01', HOST: null });
      const key = `${rowId(initiative)}:${rowId(fx.ids.village)}`;
      const events = await assertAudited(fx.client, 'req-link', [
        ['linkVillages', 'InitiativeVillage', `${key}:TARGET`],
        ['linkVillages', 'InitiativeVillage', `${key}:HOST`],
      ]);
      assert.ok(events.every((event) => event.before === null && event.after!.villageId === rowId(fx.ids.village)));
    });

    test('assignCadre stations a pseudonymous first secretary in the linked village', async () => {
      const input = {
        initiativeId: initiative,
        villageId: fx.ids.village,
        role: 'FIRST_SECRETARY',
        partyMember: true,
        staffRef: 'ZZ-0042',
        startDate: '2017-12-01',
        idempotencyKey: 'http-cadre-1',
      };
      const returned = succeeded(
        await fx.client.mutate(
          'assignCadre',
          input,
          'id role partyMember staffRef startDate endDate village { name } initiative { code }',
          'req-assign',
        ),
      );
      cadre = returned.id;
      assert.deepEqual(
        [
          returned.role,
          returned.partyMember,
          returned.staffRef,
          returned.startDate,
          returned.endDate,
          returned.village.name,
          returned.initiative.code,
        ],
        ['FIRST_SECRETARY', true, 'ZZ-0042', '2017-12-01', null, '冶上村', 'HTTP-LUNCH'],
      );
      const row = await fx.db.prisma.cadreAssignment.findUniqueOrThrow({ where: { id: rowId(cadre) } });
      assert.equal(row.staffRef, 'ZZ-0042');
      const [event] = await assertAudited(fx.client, 'req-assign', [['assignCadre', 'CadreAssignment', row.id]]);
      assert.deepEqual([event!.before, event!.after!.staffRef], [null, 'ZZ-0042']);
    });

    test('endCadreAssignment ends the stay', async () => {
      const returned = succeeded(
        await fx.client.mutate(
          'endCadreAssignment',
          { id: cadre, endDate: '2020-11-30' },
          'id endDate',
          'req-end-cadre',
        ),
      );
      assert.equal(returned.endDate, '2020-11-30');
      const row = await fx.db.prisma.cadreAssignment.findUniqueOrThrow({ where: { id: rowId(cadre) } });
      assert.equal(row.endDate?.toISOString().slice(0, 10), '2020-11-30');
      const [event] = await assertAudited(fx.client, 'req-end-cadre', [
        ['endCadreAssignment', 'CadreAssignment', row.id],
      ]);
      assert.deepEqual([event!.before!.endDate, event!.after!.endDate], [null, '2020-11-30T00:00:00.000Z']);
    });

    test('recordInitiativeMetric stores an approximate figure with its qualifier (近 10 students)', async () => {
      const input = {
        initiativeId: initiative,
        metric: 'STUDENTS_SUPPORTED',
        value: '10',
        unit: 'PERSON',
        approximate: true,
        qualifier: '近',
        idempotencyKey: 'http-metric-1',
      };
      const returned = succeeded(
        await fx.client.mutate(
          'recordInitiativeMetric',
          input,
          'id metric value unit approximate qualifier initiative { code }',
          'req-metric',
        ),
      );
      assert.deepEqual(
        [
          returned.metric,
          Number(returned.value),
          returned.unit,
          returned.approximate,
          returned.qualifier,
          returned.initiative.code,
        ],
        ['STUDENTS_SUPPORTED', 10, 'PERSON', true, '近', 'HTTP-LUNCH'],
      );
      const row = await fx.db.prisma.initiativeMetric.findUniqueOrThrow({ where: { id: rowId(returned.id) } });
      assert.deepEqual([row.qualifier, row.dataSource], ['近', 'API']);
      const [event] = await assertAudited(fx.client, 'req-metric', [
        ['recordInitiativeMetric', 'InitiativeMetric', row.id],
      ]);
      assert.deepEqual([event!.before, event!.after!.qualifier], [null, '近']);
    });

    test('unlinkVillages removes the HOST link only and audits the removed row', async () => {
      const input = { initiativeId: initiative, links: [{ villageId: fx.ids.village, role: 'HOST' }] };
      succeeded(await fx.client.mutate('unlinkVillages', input, 'id', 'req-unlink'));
      const links = await fx.db.prisma.initiativeVillage.findMany({ where: { initiativeId: rowId(initiative) } });
      assert.deepEqual(
        links.map((link) => link.role),
        ['TARGET'],
      );
      const [event] = await assertAudited(fx.client, 'req-unlink', [
        ['unlinkVillages', 'InitiativeVillage', `${rowId(initiative)}:${rowId(fx.ids.village)}:HOST`],
      ]);
      assert.deepEqual([event!.before!.role, event!.after], ['HOST', null]);
    });

    test('createCampaign stores the campaign with its aliases', async () => {
      const input = {
        code: 'HTTP-BAIHANG',
        name: '百行进万企',
        aliases: ['百行進萬企'],
        startDate: '2019-05-01',
        idempotencyKey: 'http-campaign-1',
      };
      const returned = succeeded(
        await fx.client.mutate(
          'createCampaign',
          input,
          'id code name aliases startDate version',
          'req-create-campaign',
        ),
      );
      campaign = returned.id;
      assert.deepEqual(
        [returned.code, returned.aliases, returned.startDate, returned.version],
        ['HTTP-BAIHANG', ['百行進萬企'], '2019-05-01', 1],
      );
      const row = await fx.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'HTTP-BAIHANG' } });
      assert.equal(row.id, rowId(campaign));
      const [event] = await assertAudited(fx.client, 'req-create-campaign', [['createCampaign', 'Campaign', row.id]]);
      assert.deepEqual([event!.before, event!.after!.aliases], [null, ['百行進萬企']]);
    });

    test('addToCampaign adds an initiative and a loan; the payload lists them and each link is audited', async () => {
      const input = { campaignId: campaign, initiativeIds: [initiative], loanIds: [fx.ids.loan] };
      const returned = succeeded(
        await fx.client.mutate(
          'addToCampaign',
          input,
          'id initiatives { nodes { code } } loans { nodes { contractNo } }',
          'req-add-members',
        ),
      );
      assert.deepEqual(
        [returned.initiatives.nodes, returned.loans.nodes],
        [[{ code: 'HTTP-LUNCH' }], [{ contractNo: 'FIX-LOAN' }]],
      );
      assert.equal(await fx.db.prisma.loanCampaign.count({ where: { campaignId: rowId(campaign) } }), 1);
      const events = await assertAudited(fx.client, 'req-add-members', [
        ['addToCampaign', 'InitiativeCampaign', `${rowId(initiative)}:${rowId(campaign)}`],
        ['addToCampaign', 'LoanCampaign', `${rowId(fx.ids.loan)}:${rowId(campaign)}`],
      ]);
      assert.ok(events.every((event) => event.before === null && event.after!.campaignId === rowId(campaign)));
    });

    test('removeFromCampaign removes the loan and leaves the initiative', async () => {
      const returned = succeeded(
        await fx.client.mutate(
          'removeFromCampaign',
          { campaignId: campaign, loanIds: [fx.ids.loan] },
          'id initiatives { nodes { code } } loans { nodes { contractNo } }',
          'req-remove-members',
        ),
      );
      assert.deepEqual([returned.initiatives.nodes, returned.loans.nodes], [[{ code: 'HTTP-LUNCH' }], []]);
      assert.equal(await fx.db.prisma.loanCampaign.count({ where: { campaignId: rowId(campaign) } }), 0);
      const [event] = await assertAudited(fx.client, 'req-remove-members', [
        ['removeFromCampaign', 'LoanCampaign', `${rowId(fx.ids.loan)}:${rowId(campaign)}`],
      ]);
      assert.deepEqual([event!.before!.loanId, event!.after], [rowId(fx.ids.loan), null]);
    });

    // Each programme mutation's rule breaches: the fixture's initiative FIX-PAIRED is ACTIVE at version 1.
    const breaches: Array<[string, string, () => Record<string, unknown>, Array<string | number>, string, RegExp]> = [
      [
        'createInitiative',
        'an end before the start',
        () => ({ ...lunch(), code: 'HTTP-X1', endDate: '2018-01-01' }),
        ['input', 'endDate'],
        'DATES_OUT_OF_ORDER',
        /\S/,
      ],
      [
        'createInitiative',
        'an initiative code in use',
        () => ({ ...lunch(), code: 'FIX-PAIRED' }),
        ['input', 'code'],
        'ALREADY_EXISTS',
        /FIX-PAIRED already exists/,
      ],
      [
        'createInitiative',
        'an owner ID that names a region',
        () => ({ ...lunch(), code: 'HTTP-X2', ownerOrgUnitId: fx.ids.henan }),
        ['input', 'ownerOrgUnitId'],
        'INVALID_FORMAT',
        /not the ID of a OrgUnit/,
      ],
      [
        'updateInitiative',
        'a negative budget',
        () => ({ id: fx.ids.initiative, expectedVersion: 1, budget: '-1.00' }),
        ['input', 'budget'],
        'NEGATIVE_AMOUNT',
        /budget cannot be negative/,
      ],
      [
        'updateInitiative',
        'a stale version',
        () => ({ id: fx.ids.initiative, expectedVersion: 7, note: 'x' }),
        ['input', 'expectedVersion'],
        'CONFLICT',
        /since version 7: it is now at version 1/,
      ],
      [
        'changeInitiativeStatus',
        'ACTIVE back to PLANNED',
        () => ({ id: fx.ids.initiative, expectedVersion: 1, status: 'PLANNED' }),
        ['input', 'status'],
        'INVALID_TRANSITION',
        /FIX-PAIRED is ACTIVE; it can move only to SUSPENDED or COMPLETED, not PLANNED/,
      ],
      [
        'linkVillages',
        'the same link twice in one call',
        () => ({
          initiativeId: fx.ids.initiative,
          links: [
            { villageId: fx.ids.village, role: 'TARGET' },
            { villageId: fx.ids.village, role: 'TARGET' },
          ],
        }),
        ['input', 'links', 1, 'villageId'],
        'ALREADY_EXISTS',
        /already linked as TARGET/,
      ],
      [
        'linkVillages',
        'a village ID that names a region',
        () => ({ initiativeId: fx.ids.initiative, links: [{ villageId: fx.ids.dengfeng, role: 'TARGET' }] }),
        ['input', 'links', 0, 'villageId'],
        'INVALID_FORMAT',
        /not the ID of a Village/,
      ],
      [
        'unlinkVillages',
        'a link that was never made',
        () => ({ initiativeId: fx.ids.initiative, links: [{ villageId: fx.ids.village, role: 'HOST' }] }),
        ['input', 'links', 0, 'villageId'],
        'NOT_LINKED',
        /not linked to initiative FIX-PAIRED as HOST/,
      ],
      [
        'recordInitiativeMetric',
        'half a card',
        () => ({ initiativeId: fx.ids.initiative, metric: 'CARDS_ISSUED', value: '0.5', unit: 'CARD' }),
        ['input', 'value'],
        'NOT_WHOLE_NUMBER',
        /CARD is a whole number; got 0\.5/,
      ],
      [
        'recordInitiativeMetric',
        'a qualifier on an exact figure',
        () => ({
          initiativeId: fx.ids.initiative,
          metric: 'CARDS_ISSUED',
          value: '200000',
          unit: 'CARD',
          qualifier: '近',
        }),
        ['input', 'approximate'],
        'QUALIFIER_NEEDS_APPROXIMATE',
        /近/,
      ],
      [
        'assignCadre',
        'a name as staff reference',
        () => ({
          initiativeId: fx.ids.initiative,
          villageId: fx.ids.village,
          role: 'LIAISON',
          partyMember: true,
          staffRef: '张三',
        }),
        ['input', 'staffRef'],
        'PERSONAL_DATA',
        /never a name/,
      ],
      [
        'assignCadre',
        'a village the initiative does not serve',
        () => ({
          initiativeId: fx.ids.initiative,
          villageId: fx.ids.village,
          role: 'LIAISON',
          partyMember: false,
          staffRef: 'ZZ-0002',
        }),
        ['input', 'villageId'],
        'NOT_LINKED',
        /link it first/,
      ],
      [
        'endCadreAssignment',
        'an assignment that does not exist',
        () => ({ id: toGlobalId('CadreAssignment', 987654), endDate: '2020-01-01' }),
        ['input', 'id'],
        'NOT_FOUND',
        /987654/,
      ],
      [
        'createCampaign',
        'a campaign code in use',
        () => ({ code: 'FIX-PUHUI', name: 'x' }),
        ['input', 'code'],
        'ALREADY_EXISTS',
        /FIX-PUHUI already exists/,
      ],
      [
        'addToCampaign',
        'no member at all',
        () => ({ campaignId: fx.ids.campaign }),
        ['input', 'initiativeIds'],
        'REQUIRED',
        /at least one/,
      ],
      [
        'addToCampaign',
        'a loan that does not exist',
        () => ({ campaignId: fx.ids.campaign, loanIds: [toGlobalId('EnterpriseLoan', 987654)] }),
        ['input', 'loanIds', 0],
        'NOT_FOUND',
        /987654/,
      ],
      [
        'removeFromCampaign',
        'an initiative never added',
        () => ({ campaignId: fx.ids.campaign, initiativeIds: [fx.ids.initiative] }),
        ['input', 'initiativeIds', 0],
        'NOT_LINKED',
        /not in campaign FIX-PUHUI/,
      ],
    ];
    for (const [name, what, input, field, code, message] of breaches) {
      test(`${name} refuses ${what} with ${code} on ${field.join('.')} and writes nothing`, async () => {
        await assertRefused(fx.client, fx.db, name, input(), { code, field, message });
      });
    }

    test('endCadreAssignment refuses to end an assignment twice with ALREADY_ENDED and writes nothing', async () => {
      await assertRefused(
        fx.client,
        fx.db,
        'endCadreAssignment',
        { id: cadre, endDate: '2020-12-31' },
        { code: 'ALREADY_ENDED', field: ['input', 'id'], message: /already ended on 2020-11-30/ },
      );
    });
  },
);
