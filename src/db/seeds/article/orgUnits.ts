import type { OrgUnitKind } from '../../../generated/prisma/client.js';
import { idOf, type IdsByKey, type SeedContext } from './seedContext.js';
import { syncRow } from './syncRow.js';

/** One unit of the bank the article names; parents come before their children. */
export interface ArticleOrgUnit {
  code: string;
  name: string;
  /** Simplified, as the bank writes it; the article's Traditional spelling is in the note. */
  nameZh: string;
  kind: OrgUnitKind;
  parentCode: string | null;
  regionCode: string;
  note: string;
}

/** Code of ICBC Zhengzhou Branch, the owner of the article's loans and most initiatives. */
export const branchCode = 'ICBC-ZZ';
/** Code of the Operations Support Center, whose staff run the mountain-area charity. */
export const operationsSupportCenterCode = 'ICBC-ZZ-OPERATIONS-SUPPORT';

/** The branch and the three departments the article names. No outlets: it names none. */
export const articleOrgUnits: readonly ArticleOrgUnit[] = [
  {
    code: branchCode,
    name: 'ICBC Zhengzhou Branch',
    nameZh: '工商银行郑州分行',
    kind: 'TIER1_BRANCH',
    parentCode: null,
    regionCode: '4101',
    note:
      'The article writes 工商銀行鄭州分行. Its "nearly 100" (近百家) county outlets and self-service ' +
      'banks are not rows here: the article names none; they are a metric of the county-channel initiative.',
  },
  {
    code: 'ICBC-ZZ-POVERTY-LEADING-GROUP',
    name: 'Financial Poverty Alleviation Leading Group',
    nameZh: '金融扶贫工作领导小组',
    kind: 'DEPARTMENT',
    parentCode: branchCode,
    regionCode: '4101',
    note: 'The article writes 金融扶貧工作領導小組.',
  },
  {
    code: 'ICBC-ZZ-POVERTY-OFFICE',
    name: 'Financial Poverty Alleviation and Targeted Assistance Office',
    nameZh: '金融扶贫和定点帮扶办公室',
    kind: 'DEPARTMENT',
    parentCode: branchCode,
    regionCode: '4101',
    note: 'The article writes 金融扶貧和定點幫扶辦公室.',
  },
  {
    code: operationsSupportCenterCode,
    name: 'Operations Support Center',
    nameZh: '运营支持中心',
    kind: 'DEPARTMENT',
    parentCode: branchCode,
    regionCode: '4101',
    note: 'The article writes 運營支持中心. Its staff run the mountain-area children charity.',
  },
];

/**
 * Creates or updates the article's org units, parents first, with their materialised paths
 * ("/<root id>/" for the branch, the parent's path plus "<id>/" below it).
 * Returns org-unit ids by code; rethrows database errors.
 */
export async function seedOrgUnits({ tx, tally }: SeedContext, regionIds: IdsByKey): Promise<IdsByKey> {
  const ids = new Map<string, number>();
  const paths = new Map<string, string>();
  for (const unit of articleOrgUnits) {
    const data = {
      code: unit.code,
      name: unit.name,
      nameZh: unit.nameZh,
      kind: unit.kind,
      parentId: unit.parentCode === null ? null : idOf(ids, unit.parentCode),
      regionId: idOf(regionIds, unit.regionCode),
      countyLevel: false,
      note: unit.note,
      dataSource: 'ARTICLE' as const,
    };
    const synced = await syncRow(await tx.orgUnit.findUnique({ where: { code: unit.code } }), data, {
      create: (values) => tx.orgUnit.create({ data: values }),
      update: (stored, changes) => tx.orgUnit.update({ where: { id: stored.id }, data: changes }),
    });
    // The path holds the row's own id, so a new row gets it in a second write.
    const parentPath = unit.parentCode === null ? '/' : (paths.get(unit.parentCode) ?? '/');
    const path = `${parentPath}${synced.row.id}/`;
    let outcome = synced.outcome;
    if (synced.row.path !== path) {
      await tx.orgUnit.update({ where: { id: synced.row.id }, data: { path } });
      if (outcome === 'unchanged') outcome = 'updated';
    }
    tally.add('orgUnits', outcome);
    ids.set(unit.code, synced.row.id);
    paths.set(unit.code, path);
  }
  return ids;
}
