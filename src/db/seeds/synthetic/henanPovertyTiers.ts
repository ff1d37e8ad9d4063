/**
 * Poverty-county tiers (國家級/省級貧困縣) for Henan's counties, with where each one comes from.
 * Henan had 53 poor counties at registration: 38 national, 15 provincial (shared/seed/facts.md).
 *
 * - FACTS: the seven counties of the source article, checked against public notices
 *   (shared/seed/facts.md).
 * - PUBLISHED_LIST: Henan's 31 national key counties (国家扶贫开发工作重点县) of the State Council
 *   Leading Group Office's list of March 2012, as republished on the web; the list agrees with
 *   the four national counties of FACTS but was not checked against the official notice itself.
 * - SYNTHETIC: no reliable source was found for Henan's other 7 national counties (the
 *   contiguous-area counties outside the key list) nor for 13 of its 15 provincial ones, so
 *   these tiers are invented to reach the published totals. Rows carrying them say so.
 * Every county not listed is NONE, which is also an assumption (SYNTHETIC): without the full
 * lists, a county outside them may have been one of the 20 unsourced poor counties.
 */

/** Where a county's tier comes from. */
export type TierSource = 'FACTS' | 'PUBLISHED_LIST' | 'SYNTHETIC';

/** A county's poverty tier and the provenance of that value. */
export interface CountyTier {
  tier: 'NATIONAL' | 'PROVINCIAL' | 'NONE';
  source: TierSource;
  /** Year of the exit batch (脫貧摘帽), where the source gives one. */
  exitBatchYear?: number;
}

const facts: Record<string, CountyTier> = {
  '410185': { tier: 'NONE', source: 'FACTS' },
  '410422': { tier: 'PROVINCIAL', source: 'FACTS', exitBatchYear: 2018 },
  '410423': { tier: 'NATIONAL', source: 'FACTS', exitBatchYear: 2019 },
  '411422': { tier: 'NATIONAL', source: 'FACTS', exitBatchYear: 2018 },
  '411621': { tier: 'PROVINCIAL', source: 'FACTS', exitBatchYear: 2018 },
  '411723': { tier: 'NATIONAL', source: 'FACTS', exitBatchYear: 2019 },
  '411729': { tier: 'NATIONAL', source: 'FACTS', exitBatchYear: 2017 },
};

// 兰考 栾川 嵩县 汝阳 宜阳 洛宁 滑县 封丘 范县 台前 卢氏 南召 淅川 社旗 桐柏 民权 宁陵 虞城 光山 新县
// 商城 固始 淮滨 淮阳(县, now 淮阳区 411603) 沈丘 上蔡 确山, plus 鲁山 睢县 平舆 新蔡 from FACTS.
const keyCounties = [
  '410225',
  '410324',
  '410325',
  '410326',
  '410327',
  '410328',
  '410526',
  '410727',
  '410926',
  '410927',
  '411224',
  '411321',
  '411326',
  '411327',
  '411330',
  '411421',
  '411423',
  '411425',
  '411522',
  '411523',
  '411524',
  '411525',
  '411527',
  '411603',
  '411624',
  '411722',
  '411725',
];

// Invented: 内乡 镇平 潢川 商水 郸城 太康 柘城.
const syntheticNational = ['411325', '411324', '411526', '411623', '411625', '411627', '411424'];
// Invented: 新安 伊川 宝丰 郏县 内黄 原阳 方城 罗山 息县 西华 正阳 泌阳 汝南.
const syntheticProvincial = [
  '410323',
  '410329',
  '410421',
  '410425',
  '410527',
  '410725',
  '411322',
  '411521',
  '411528',
  '411622',
  '411724',
  '411726',
  '411727',
];

/** County code -> tier, for every Henan county that was a poor county (and 登封市, from FACTS). */
export const henanPovertyTiers: ReadonlyMap<string, CountyTier> = new Map<string, CountyTier>([
  ...Object.entries(facts),
  ...keyCounties.map((code): [string, CountyTier] => [code, { tier: 'NATIONAL', source: 'PUBLISHED_LIST' }]),
  ...syntheticNational.map((code): [string, CountyTier] => [code, { tier: 'NATIONAL', source: 'SYNTHETIC' }]),
  ...syntheticProvincial.map((code): [string, CountyTier] => [code, { tier: 'PROVINCIAL', source: 'SYNTHETIC' }]),
]);

/** The tier of a Henan county: its entry above, else an assumed (SYNTHETIC) NONE. */
export function henanPovertyTier(code: string): CountyTier {
  return henanPovertyTiers.get(code) ?? { tier: 'NONE', source: 'SYNTHETIC' };
}
