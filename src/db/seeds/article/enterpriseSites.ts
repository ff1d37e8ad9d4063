import type { SiteKind } from '../../../generated/prisma/client.js';
import { idOf, type IdsByKey, type SeedContext } from './seedContext.js';
import { syncRow } from './syncRow.js';

/** Where one of the article's borrowers operates. */
export interface ArticleSite {
  enterpriseKey: 'A' | 'B' | 'C';
  regionCode: string;
  kind: SiteKind;
  name: string;
  note: string;
}

const plantNote =
  'The article says the company built a plant in Xinjiang (在新疆建厂, 产业援疆) and employs farmers and ' +
  "herders in 若羌, 阿克苏 and 哈密; one plant per place is facts.md's reading, not the article's words. " +
  'Opening date not stated.';
const farmNote = (tier: string) =>
  `Dairy-cattle farm(s) (奶牛养殖场) in a ${tier}-level poor county; the article says "several farms" ` +
  '(多个) across six counties, so the number per county is not known. Opening date not stated.';

/** Plants of A, farms of B and the project of C. */
export const articleSites: readonly ArticleSite[] = [
  { enterpriseKey: 'A', regionCode: '652824', kind: 'PLANT', name: 'Plant, Ruoqiang (若羌)', note: plantNote },
  { enterpriseKey: 'A', regionCode: '652901', kind: 'PLANT', name: 'Plant, Aksu (阿克苏)', note: plantNote },
  {
    enterpriseKey: 'A',
    regionCode: '6505',
    kind: 'PLANT',
    name: 'Plant, Hami (哈密)',
    note: `${plantNote} The article says only "Hami": the site stays at the prefecture (6505).`,
  },
  {
    enterpriseKey: 'B',
    regionCode: '411729',
    kind: 'FARM',
    name: 'Dairy farm, Xincai (新蔡)',
    note: farmNote('national'),
  },
  {
    enterpriseKey: 'B',
    regionCode: '410423',
    kind: 'FARM',
    name: 'Dairy farm, Lushan (鲁山)',
    note: farmNote('national'),
  },
  {
    enterpriseKey: 'B',
    regionCode: '411723',
    kind: 'FARM',
    name: 'Dairy farm, Pingyu (平舆)',
    note: farmNote('national'),
  },
  {
    enterpriseKey: 'B',
    regionCode: '411422',
    kind: 'FARM',
    name: 'Dairy farm, Suixian (睢县)',
    note: farmNote('national'),
  },
  {
    enterpriseKey: 'B',
    regionCode: '411621',
    kind: 'FARM',
    name: 'Dairy farm, Fugou (扶沟)',
    note: farmNote('provincial'),
  },
  {
    enterpriseKey: 'B',
    regionCode: '410422',
    kind: 'FARM',
    name: 'Dairy farm, Ye County (叶县)',
    note: farmNote('provincial'),
  },
  {
    enterpriseKey: 'C',
    regionCode: '410422',
    kind: 'PROJECT',
    name: 'Pig-farming poverty project, Ye County (叶县)',
    note:
      'The loan finances "pig farming and other poverty-alleviation projects" (生猪养殖等扶贫项目) that lift ' +
      "people in 叶县 out of poverty; the project's exact place and start are not stated.",
  },
];

/** Key of a site in the map `seedEnterpriseSites` returns: `<enterprise>/<region code>/<kind>`. */
export function siteKey(enterpriseKey: string, regionCode: string, kind: SiteKind): string {
  return `${enterpriseKey}/${regionCode}/${kind}`;
}

/**
 * Creates or updates the borrowers' sites, found again by enterprise, region and kind.
 * Returns site ids by `siteKey`; rethrows database errors.
 */
export async function seedEnterpriseSites(
  { tx, tally }: SeedContext,
  regionIds: IdsByKey,
  enterpriseIds: IdsByKey,
): Promise<IdsByKey> {
  const ids = new Map<string, number>();
  for (const site of articleSites) {
    const enterpriseId = idOf(enterpriseIds, site.enterpriseKey);
    const regionId = idOf(regionIds, site.regionCode);
    const data = {
      enterpriseId,
      regionId,
      kind: site.kind,
      name: site.name,
      openedOn: null,
      note: site.note,
      dataSource: 'ARTICLE' as const,
    };
    const existing = await tx.enterpriseSite.findFirst({
      where: { enterpriseId, regionId, kind: site.kind },
      orderBy: { id: 'asc' },
    });
    const { row, outcome } = await syncRow(existing, data, {
      create: (values) => tx.enterpriseSite.create({ data: values }),
      update: (stored, changes) => tx.enterpriseSite.update({ where: { id: stored.id }, data: changes }),
    });
    tally.add('enterpriseSites', outcome);
    ids.set(siteKey(site.enterpriseKey, site.regionCode, site.kind), row.id);
  }
  return ids;
}
