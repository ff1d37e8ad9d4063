import { initiativeCodes } from './initiatives.js';
import { day, idOf, type IdsByKey, type SeedContext } from './seedContext.js';
import { syncRow } from './syncRow.js';
import { pairedVillageKey } from './villages.js';

/** The initiatives that target 冶上村, with the day the link began where it is known. */
const villageTargets = [
  { initiativeCode: initiativeCodes.pairedAssistance, since: '2017-12-01' },
  { initiativeCode: initiativeCodes.loveLunch, since: null },
] as const;

/**
 * Links the paired-assistance and Love Lunch initiatives to 冶上村 as their TARGET village.
 * Returns nothing; rethrows database errors.
 */
export async function seedInitiativeVillages(
  { tx, tally }: SeedContext,
  initiativeIds: IdsByKey,
  villageIds: IdsByKey,
): Promise<void> {
  const villageId = idOf(villageIds, pairedVillageKey);
  for (const target of villageTargets) {
    const key = { initiativeId: idOf(initiativeIds, target.initiativeCode), villageId, role: 'TARGET' as const };
    const data = { ...key, since: target.since === null ? null : day(target.since), dataSource: 'ARTICLE' as const };
    const { outcome } = await syncRow(
      await tx.initiativeVillage.findUnique({ where: { initiativeId_villageId_role: key } }),
      data,
      {
        create: (values) => tx.initiativeVillage.create({ data: values }),
        update: (_stored, changes) =>
          tx.initiativeVillage.update({ where: { initiativeId_villageId_role: key }, data: changes }),
      },
    );
    tally.add('initiativeVillages', outcome);
  }
}
