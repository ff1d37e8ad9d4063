import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addToCampaign,
  createCampaign,
  removeFromCampaign,
} from '../../../src/modules/initiatives/campaigns.writeService.js';
import {
  assignCadre,
  changeInitiativeStatus,
  createInitiative,
  endCadreAssignment,
  linkVillages,
  recordInitiativeMetric,
  unlinkVillages,
  updateInitiative,
} from '../../../src/modules/initiatives/initiatives.writeService.js';
import type { MutationResult } from '../../../src/modules/writes/mutationResult.js';
import { forEachBackend } from '../../support/forEachBackend.js';
import { assertRefusedWithoutWrites } from '../writes/refusedWithoutWrites.js';
import { officer, writeIds, writeFixtureRows } from '../writes/writeFixture.js';

forEachBackend(
  'programme mutations create and change initiatives, their villages, cadres, metrics and campaigns by the rules',
  writeFixtureRows,
  (fx) => {
    const lunch = {
      code: 'LOVE-LUNCH',
      name: 'Love Lunch',
      nameZh: '爱心午餐',
      category: 'NUTRITION' as const,
      ownerOrgUnitId: writeIds.branch,
      startDate: '2018-03-01',
    };

    test('createInitiative, updateInitiative and changeInitiativeStatus: PLANNED → ACTIVE → COMPLETED, version 1 → 3', async () => {
      const created = await createInitiative(fx.db, officer, { ...lunch, idempotencyKey: 'ini-1' });
      assert.deepEqual(created.userErrors, []);
      assert.equal(created.record!.status, 'PLANNED');
      const updated = await updateInitiative(fx.db, officer, {
        id: created.record!.id,
        expectedVersion: 1,
        budget: '12000.00',
        description: '3 CNY per child per school day',
      });
      assert.equal(updated.record!.budget!.toFixed(2), '12000.00');
      const active = await changeInitiativeStatus(fx.db, officer, {
        id: created.record!.id,
        expectedVersion: 2,
        status: 'ACTIVE',
      });
      assert.equal(active.record!.version, 3);
      const done = await changeInitiativeStatus(fx.db, officer, {
        id: created.record!.id,
        expectedVersion: 3,
        status: 'COMPLETED',
      });
      assert.equal(done.record!.status, 'COMPLETED');
    });

    test('linkVillages and unlinkVillages add and remove a village in a role; assignCadre stations a cadre there until endCadreAssignment', async () => {
      const linked = await linkVillages(fx.db, officer, {
        initiativeId: writeIds.initiative,
        links: [{ villageId: writeIds.village, role: 'TARGET', since: '2017-12-01' }],
      });
      assert.deepEqual(linked.userErrors, []);
      const cadre = await assignCadre(fx.db, officer, {
        initiativeId: writeIds.initiative,
        villageId: writeIds.village,
        role: 'FIRST_SECRETARY',
        partyMember: true,
        staffRef: 'ZZ-0001',
        startDate: '2017-12-01',
      });
      assert.deepEqual(cadre.userErrors, []);
      const ended = await endCadreAssignment(fx.db, officer, { id: cadre.record!.id, endDate: '2020-12-31' });
      assert.equal(ended.record!.endDate!.toISOString().slice(0, 10), '2020-12-31');
      const host = await linkVillages(fx.db, officer, {
        initiativeId: writeIds.initiative,
        links: [{ villageId: writeIds.village, role: 'HOST' }],
      });
      assert.deepEqual(host.userErrors, []);
      const unlinked = await unlinkVillages(fx.db, officer, {
        initiativeId: writeIds.initiative,
        links: [{ villageId: writeIds.village, role: 'HOST' }],
      });
      assert.deepEqual(unlinked.userErrors, []);
      const roles = await fx.db.prisma.initiativeVillage.findMany({
        where: { initiativeId: writeIds.initiative },
        select: { role: true },
      });
      assert.deepEqual(
        roles.map((row) => row.role),
        ['TARGET'],
      );
    });

    test('recordInitiativeMetric stores an approximate figure with its qualifier', async () => {
      const metric = await recordInitiativeMetric(fx.db, officer, {
        initiativeId: writeIds.initiative,
        metric: 'STUDENTS_SUPPORTED',
        value: '10',
        unit: 'PERSON',
        approximate: true,
        qualifier: '近',
      });
      assert.deepEqual(metric.userErrors, []);
      assert.equal(metric.record!.qualifier, '近');
    });

    test('createCampaign, addToCampaign and removeFromCampaign link and unlink initiatives and loans', async () => {
      const campaign = await createCampaign(fx.db, officer, {
        code: 'BAIHANG',
        name: '百行进万企',
        aliases: ['百行進萬企'],
        startDate: '2019-05-01',
      });
      assert.deepEqual(campaign.userErrors, []);
      const added = await addToCampaign(fx.db, officer, {
        campaignId: campaign.record!.id,
        initiativeIds: [writeIds.initiative],
        loanIds: [writeIds.loan],
      });
      assert.deepEqual(added.userErrors, []);
      assert.equal(await fx.db.prisma.loanCampaign.count({ where: { campaignId: campaign.record!.id } }), 1);
      const removed = await removeFromCampaign(fx.db, officer, {
        campaignId: campaign.record!.id,
        loanIds: [writeIds.loan],
      });
      assert.deepEqual(removed.userErrors, []);
      assert.equal(await fx.db.prisma.loanCampaign.count({ where: { campaignId: campaign.record!.id } }), 0);
      assert.equal(await fx.db.prisma.initiativeCampaign.count({ where: { campaignId: campaign.record!.id } }), 1);
    });

    const rules: Array<[string, string, string, () => Promise<MutationResult<unknown>>]> = [
      [
        'ALREADY_EXISTS',
        'code',
        'an initiative code in use',
        () => createInitiative(fx.db, officer, { ...lunch, code: 'FIX-PAIRED' }),
      ],
      [
        'NOT_FOUND',
        'ownerOrgUnitId',
        'an owner that does not exist',
        () => createInitiative(fx.db, officer, { ...lunch, code: 'X1', ownerOrgUnitId: 987654 }),
      ],
      [
        'DATES_OUT_OF_ORDER',
        'endDate',
        'an end before the start',
        () => createInitiative(fx.db, officer, { ...lunch, code: 'X2', endDate: '2018-01-01' }),
      ],
      [
        'NEGATIVE_AMOUNT',
        'budget',
        'a negative budget',
        () => createInitiative(fx.db, officer, { ...lunch, code: 'X3', budget: '-1.00' }),
      ],
      [
        'CONFLICT',
        'expectedVersion',
        'a stale version',
        () => updateInitiative(fx.db, officer, { id: writeIds.initiative, expectedVersion: 99, note: 'x' }),
      ],
      [
        'INVALID_TRANSITION',
        'status',
        'ACTIVE back to PLANNED',
        () =>
          changeInitiativeStatus(fx.db, officer, { id: writeIds.initiative, expectedVersion: 1, status: 'PLANNED' }),
      ],
      [
        'ALREADY_EXISTS',
        'links.0.villageId',
        'a link that exists',
        () =>
          linkVillages(fx.db, officer, {
            initiativeId: writeIds.initiative,
            links: [{ villageId: writeIds.village, role: 'TARGET' }],
          }),
      ],
      [
        'NOT_FOUND',
        'links.0.villageId',
        'a village that does not exist',
        () =>
          linkVillages(fx.db, officer, {
            initiativeId: writeIds.initiative,
            links: [{ villageId: 987654, role: 'HOST' }],
          }),
      ],
      [
        'NOT_LINKED',
        'links.0.villageId',
        'unlinking a role never linked',
        () =>
          unlinkVillages(fx.db, officer, {
            initiativeId: writeIds.initiative,
            links: [{ villageId: writeIds.village, role: 'HOST' }],
          }),
      ],
      [
        'NEGATIVE_COUNT',
        'value',
        'a negative metric',
        () =>
          recordInitiativeMetric(fx.db, officer, {
            initiativeId: writeIds.initiative,
            metric: 'CARDS_ISSUED',
            value: '-1',
            unit: 'CARD',
          }),
      ],
      [
        'NOT_WHOLE_NUMBER',
        'value',
        'half a card',
        () =>
          recordInitiativeMetric(fx.db, officer, {
            initiativeId: writeIds.initiative,
            metric: 'CARDS_ISSUED',
            value: '0.5',
            unit: 'CARD',
          }),
      ],
      [
        'QUALIFIER_NEEDS_APPROXIMATE',
        'approximate',
        'a qualifier on an exact figure',
        () =>
          recordInitiativeMetric(fx.db, officer, {
            initiativeId: writeIds.initiative,
            metric: 'CARDS_ISSUED',
            value: '200000',
            unit: 'CARD',
            qualifier: '近',
          }),
      ],
      [
        'PERSONAL_DATA',
        'staffRef',
        'a name as staff reference',
        () =>
          assignCadre(fx.db, officer, {
            initiativeId: writeIds.initiative,
            villageId: writeIds.village,
            role: 'LIAISON',
            partyMember: true,
            staffRef: '张三',
          }),
      ],
      [
        'ALREADY_EXISTS',
        'code',
        'a campaign code in use',
        () => createCampaign(fx.db, officer, { code: 'FIX-PUHUI', name: 'x' }),
      ],
      [
        'NOT_FOUND',
        'loanIds.0',
        'a loan that does not exist',
        () => addToCampaign(fx.db, officer, { campaignId: writeIds.campaign, loanIds: [987654] }),
      ],
      [
        'NOT_LINKED',
        'initiativeIds.0',
        'removing an initiative never added',
        () =>
          removeFromCampaign(fx.db, officer, { campaignId: writeIds.campaign, initiativeIds: [writeIds.initiative] }),
      ],
    ];
    for (const [code, field, what, call] of rules) {
      test(`${code} on ${field}: ${what}`, () => assertRefusedWithoutWrites(fx.db, call, code, field));
    }

    test('NOT_LINKED on villageId: a cadre in a village the initiative does not serve', async () => {
      const other = await createInitiative(fx.db, officer, { ...lunch, code: 'NO-VILLAGE' });
      await assertRefusedWithoutWrites(
        fx.db,
        () =>
          assignCadre(fx.db, officer, {
            initiativeId: other.record!.id,
            villageId: writeIds.village,
            role: 'LIAISON',
            partyMember: false,
            staffRef: 'ZZ-0002',
          }),
        'NOT_LINKED',
        'villageId',
      );
    });

    test('ALREADY_ENDED on id: ending an assignment twice', async () => {
      const cadre = await assignCadre(fx.db, officer, {
        initiativeId: writeIds.initiative,
        villageId: writeIds.village,
        role: 'WORK_TEAM_MEMBER',
        partyMember: true,
        staffRef: 'ZZ-0003',
        startDate: '2018-01-01',
      });
      await endCadreAssignment(fx.db, officer, { id: cadre.record!.id, endDate: '2019-01-01' });
      await assertRefusedWithoutWrites(
        fx.db,
        () => endCadreAssignment(fx.db, officer, { id: cadre.record!.id, endDate: '2019-06-01' }),
        'ALREADY_ENDED',
        'id',
      );
    });
  },
);
