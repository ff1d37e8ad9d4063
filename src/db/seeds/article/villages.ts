import { idOf, type IdsByKey, type SeedContext } from './seedContext.js';
import { syncRow } from './syncRow.js';

/** Key under which `seedVillages` returns the paired village's id. */
export const pairedVillageKey = '410185/冶上村';

/**
 * Creates or updates the paired village 冶上村 of 登封市. Its 12-digit code is not known, so it
 * is found again by county and name (or its other spelling) rather than by code.
 * Returns village ids by `<county code>/<name>`; rethrows database errors.
 */
export async function seedVillages({ tx, tally }: SeedContext, regionIds: IdsByKey): Promise<IdsByKey> {
  const countyId = idOf(regionIds, '410185');
  const data = {
    code: null,
    codeVerified: false,
    name: '冶上村',
    aliases: ['上冶村'],
    countyId,
    townshipId: null,
    wasPoorVillage: null,
    exitYear: null,
    registeredPoorHouseholds: null,
    population: null,
    note:
      'One village, two spellings: 冶上村 in the article text, 上冶村 in a photo caption. The 12-digit ' +
      'statistics code is not verified, so code is null. It is likely in 大冶镇 (410185105), but the ' +
      'article names no township, so townshipId is left null. The article does not say whether it ' +
      'was a registered poor village (wasPoorVillage null); it mentions its poor pupils.',
    dataSource: 'ARTICLE' as const,
  };
  const existing = await tx.village.findFirst({
    where: { countyId, OR: [{ name: { in: [data.name, ...data.aliases] } }, { aliases: { hasSome: [data.name] } }] },
    orderBy: { id: 'asc' },
  });
  const { row, outcome } = await syncRow(existing, data, {
    create: (values) => tx.village.create({ data: values }),
    update: (stored, changes) => tx.village.update({ where: { id: stored.id }, data: changes }),
  });
  tally.add('villages', outcome);
  return new Map([[pairedVillageKey, row.id]]);
}
