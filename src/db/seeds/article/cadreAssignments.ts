import type { CadreRole } from '../../../generated/prisma/client.js';
import { initiativeCodes } from './initiatives.js';
import { day, idOf, type IdsByKey, type SeedContext } from './seedContext.js';
import { syncRow } from './syncRow.js';
import { pairedVillageKey } from './villages.js';

/** One cadre sent to the village: a role and a pseudonymous staff reference, never a name. */
export interface ArticleCadre {
  staffRef: string;
  role: CadreRole;
}

// The article calls them cadres stationed in the village (驻村定点帮扶干部) and names no first
// secretary, so all three are work-team members rather than a guessed 第一书记.
/** The three party members stationed in 冶上村 since 2017-12. */
export const articleCadres: readonly ArticleCadre[] = [
  { staffRef: 'ICBC-ZZ-CADRE-1', role: 'WORK_TEAM_MEMBER' },
  { staffRef: 'ICBC-ZZ-CADRE-2', role: 'WORK_TEAM_MEMBER' },
  { staffRef: 'ICBC-ZZ-CADRE-3', role: 'WORK_TEAM_MEMBER' },
];

const cadreNote =
  'One of the three party members (优秀党员) the branch sent to 冶上村 in 2017-12 (day not known; stored as ' +
  'the 1st). The article names none of them (the staff reference is a pseudonym) and calls them cadres ' +
  'stationed in the village (驻村定点帮扶干部); whether one served as first secretary (第一书记) is not stated.';

/**
 * Creates or updates the cadre assignments of the paired-assistance initiative, found again by
 * initiative and staff reference. Returns nothing; rethrows database errors.
 */
export async function seedCadreAssignments(
  { tx, tally }: SeedContext,
  initiativeIds: IdsByKey,
  villageIds: IdsByKey,
): Promise<void> {
  const initiativeId = idOf(initiativeIds, initiativeCodes.pairedAssistance);
  const villageId = idOf(villageIds, pairedVillageKey);
  for (const cadre of articleCadres) {
    const data = {
      initiativeId,
      villageId,
      role: cadre.role,
      partyMember: true,
      staffRef: cadre.staffRef,
      startDate: day('2017-12-01'),
      endDate: null,
      note: cadreNote,
      dataSource: 'ARTICLE' as const,
    };
    const existing = await tx.cadreAssignment.findFirst({
      where: { initiativeId, staffRef: cadre.staffRef },
      orderBy: { id: 'asc' },
    });
    const { outcome } = await syncRow(existing, data, {
      create: (values) => tx.cadreAssignment.create({ data: values }),
      update: (stored, changes) => tx.cadreAssignment.update({ where: { id: stored.id }, data: changes }),
    });
    tally.add('cadreAssignments', outcome);
  }
}
