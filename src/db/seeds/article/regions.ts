import type { PovertyTier, RegionLevel } from '../../../generated/prisma/client.js';
import { idOf, type IdsByKey, type SeedContext } from './seedContext.js';
import { syncRow } from './syncRow.js';

/** One region of the article data set; parents come before their children. */
export interface ArticleRegion {
  code: string;
  /** Official name in Simplified Chinese, as NBS publishes it. */
  name: string;
  /** The article's spellings (Traditional, short forms) wherever they differ from `name`. */
  aliases: string[];
  level: RegionLevel;
  parentCode: string | null;
  povertyTier?: PovertyTier | null;
  /** The batch year of the poverty exit (脱贫摘帽). */
  exitYear?: number | null;
  note?: string | null;
}

// Exit approval: facts.md gives a year or a month, never a day, so exitApprovedOn stays null
// and the approval is kept in the note rather than as an invented date.
const notPoor = 'Not a poor county (facts.md).';
const approvedNote = (tier: string, batch: number, approved: string) =>
  `${tier}-level poor county (${tier === 'National' ? '国家级' : '省级'}贫困县). Poverty exit (脱贫摘帽): ` +
  `${batch} batch, approved ${approved}; exitApprovedOn is null because the day is not known.`;

/** Every region the article names, with the prefectures and provinces above them. */
export const articleRegions: readonly ArticleRegion[] = [
  { code: '41', name: '河南省', aliases: [], level: 'PROVINCE', parentCode: null },
  { code: '4101', name: '郑州市', aliases: ['鄭州市', '鄭州'], level: 'PREFECTURE', parentCode: '41' },
  { code: '4104', name: '平顶山市', aliases: ['平頂山市'], level: 'PREFECTURE', parentCode: '41' },
  { code: '4114', name: '商丘市', aliases: [], level: 'PREFECTURE', parentCode: '41' },
  { code: '4116', name: '周口市', aliases: [], level: 'PREFECTURE', parentCode: '41' },
  { code: '4117', name: '驻马店市', aliases: ['駐馬店市'], level: 'PREFECTURE', parentCode: '41' },
  {
    code: '410185',
    name: '登封市',
    aliases: ['登封'],
    level: 'COUNTY',
    parentCode: '4101',
    povertyTier: 'NONE',
    note: `${notPoor} Home of the paired village 冶上村; the article writes 登封.`,
  },
  {
    code: '410185105',
    name: '大冶镇',
    aliases: ['大冶鎮'],
    level: 'TOWNSHIP',
    parentCode: '410185',
    note:
      'Kept because facts.md says the paired village 冶上村 is likely in this township. The link is ' +
      'not stored on the village: the article does not name the township and it is unverified.',
  },
  {
    code: '410422',
    name: '叶县',
    aliases: ['葉縣'],
    level: 'COUNTY',
    parentCode: '4104',
    povertyTier: 'PROVINCIAL',
    exitYear: 2018,
    note: approvedNote('Provincial', 2018, '2019 (month and day not known)'),
  },
  {
    code: '410423',
    name: '鲁山县',
    aliases: ['魯山縣', '魯山'],
    level: 'COUNTY',
    parentCode: '4104',
    povertyTier: 'NATIONAL',
    exitYear: 2019,
    note: approvedNote('National', 2019, '2020-02'),
  },
  {
    code: '411422',
    name: '睢县',
    aliases: ['睢縣'],
    level: 'COUNTY',
    parentCode: '4114',
    povertyTier: 'NATIONAL',
    exitYear: 2018,
    note: approvedNote('National', 2018, '2019 (month and day not known)'),
  },
  {
    code: '411621',
    name: '扶沟县',
    aliases: ['扶溝縣', '扶溝'],
    level: 'COUNTY',
    parentCode: '4116',
    povertyTier: 'PROVINCIAL',
    exitYear: 2018,
    note: approvedNote('Provincial', 2018, '2019 (month and day not known)'),
  },
  {
    code: '411723',
    name: '平舆县',
    aliases: ['平輿縣', '平輿'],
    level: 'COUNTY',
    parentCode: '4117',
    povertyTier: 'NATIONAL',
    exitYear: 2019,
    note: approvedNote('National', 2019, '2020-02'),
  },
  {
    code: '411729',
    name: '新蔡县',
    aliases: ['新蔡縣', '新蔡'],
    level: 'COUNTY',
    parentCode: '4117',
    povertyTier: 'NATIONAL',
    exitYear: 2017,
    note: approvedNote('National', 2017, '2018-08'),
  },
  { code: '65', name: '新疆维吾尔自治区', aliases: ['新疆維吾爾自治區', '新疆'], level: 'PROVINCE', parentCode: null },
  {
    code: '6505',
    name: '哈密市',
    aliases: ['哈密'],
    level: 'PREFECTURE',
    parentCode: '65',
    note: 'Prefecture-level city. The article says only "Hami" (哈密), so the data stays at the prefecture.',
  },
  {
    code: '6528',
    name: '巴音郭楞蒙古自治州',
    aliases: ['巴音郭楞州'],
    level: 'PREFECTURE',
    parentCode: '65',
  },
  { code: '6529', name: '阿克苏地区', aliases: ['阿克蘇地區'], level: 'PREFECTURE', parentCode: '65' },
  {
    code: '652824',
    name: '若羌县',
    aliases: ['若羌縣', '若羌'],
    level: 'COUNTY',
    parentCode: '6528',
    note: 'Poverty tier not stated by the sources: left null.',
  },
  {
    code: '652901',
    name: '阿克苏市',
    aliases: ['阿克蘇市', '阿克蘇'],
    level: 'COUNTY',
    parentCode: '6529',
    note: 'County-level city. Poverty tier not stated by the sources: left null.',
  },
];

/**
 * Creates or updates every article region, parents first.
 * Returns region ids by code; rethrows database errors (for example a level or prefix check).
 */
export async function seedRegions({ tx, tally }: SeedContext): Promise<IdsByKey> {
  const ids = new Map<string, number>();
  for (const region of articleRegions) {
    const data = {
      code: region.code,
      name: region.name,
      aliases: region.aliases,
      level: region.level,
      parentId: region.parentCode === null ? null : idOf(ids, region.parentCode),
      povertyTier: region.povertyTier ?? null,
      exitYear: region.exitYear ?? null,
      exitApprovedOn: null,
      note: region.note ?? null,
      dataSource: 'ARTICLE' as const,
    };
    const { row, outcome } = await syncRow(await tx.region.findUnique({ where: { code: region.code } }), data, {
      create: (values) => tx.region.create({ data: values }),
      update: (stored, changes) => tx.region.update({ where: { id: stored.id }, data: changes }),
    });
    tally.add('regions', outcome);
    ids.set(region.code, row.id);
  }
  return ids;
}
