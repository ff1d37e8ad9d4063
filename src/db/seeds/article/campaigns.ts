import { initiativeCodes } from './initiatives.js';
import { idOf, type IdsByKey, type SeedContext } from './seedContext.js';
import { syncRow } from './syncRow.js';

/** One campaign the article names. */
export interface ArticleCampaign {
  code: string;
  /** Simplified, as ICBC writes it. */
  name: string;
  /** English gloss; not an official English name. */
  nameEn: string;
  /** The article's Traditional spelling and any other name in use. */
  aliases: string[];
  sponsor: string | null;
  note: string;
}

const theme = '融资+融智+融商';
const linkNote =
  'The article names it among the activities the branch will bring into rural and poor areas ' +
  '(力促……走进农村及贫困地区) to give small and micro enterprises "financing + expertise + business" ' +
  '(融资+融智+融商, the article writes 融資+融智+融商) services, in the same statement as the COVID-19 ' +
  'support, under the industry-credit heading: it is linked to those two initiatives. The article ties no ' +
  'individual loan to it, so it has no loan links. Dates not in the article.';

/** The four campaigns of the article. */
export const articleCampaigns: readonly ArticleCampaign[] = [
  {
    code: 'ICBC-INCLUSIVE-TOUR',
    name: '工银普惠行',
    nameEn: 'ICBC Inclusive Finance Tour',
    aliases: ['工銀普惠行'],
    sponsor: 'ICBC (中国工商银行)',
    note: linkNote,
  },
  {
    code: 'HUNDRED-BANKS-10K-FIRMS',
    name: '百行进万企',
    nameEn: 'Hundred Banks Visit Ten Thousand Enterprises',
    aliases: ['百行進萬企'],
    sponsor: null,
    note:
      'A banking-sector matching drive that ICBC takes part in; the article does not say who runs it, so ' +
      'sponsor is null. ' +
      linkNote,
  },
  {
    code: 'THOUSAND-EXPERTS-SME',
    name: '千名专家进小微',
    nameEn: 'A Thousand Experts Visit Small and Micro Enterprises',
    aliases: ['千名專家進小微'],
    sponsor: 'ICBC (中国工商银行)',
    note: linkNote,
  },
  {
    code: 'TEN-THOUSAND-SME-GROWTH',
    name: '万户小微企业成长计划',
    nameEn: 'Growth Plan for Ten Thousand Small and Micro Enterprises',
    aliases: ['萬戶小微企業成長計劃', '万家小微成长计划', '萬家小微成長計劃'],
    sponsor: 'ICBC (中国工商银行)',
    note: `ICBC's own page calls it 万家小微成长计划. ${linkNote}`,
  },
];

/** The initiatives the article mentions the campaigns with. */
const linkedInitiatives = [initiativeCodes.industryCredit, initiativeCodes.covidResumption];

/**
 * Creates or updates the four campaigns and links each to the industry-credit and COVID-19
 * initiatives. Returns campaign ids by code; rethrows database errors.
 */
export async function seedCampaigns({ tx, tally }: SeedContext, initiativeIds: IdsByKey): Promise<IdsByKey> {
  const ids = new Map<string, number>();
  for (const campaign of articleCampaigns) {
    const data = {
      code: campaign.code,
      name: campaign.name,
      nameEn: campaign.nameEn,
      aliases: campaign.aliases,
      sponsor: campaign.sponsor,
      theme,
      startDate: null,
      endDate: null,
      note: campaign.note,
      dataSource: 'ARTICLE' as const,
    };
    const { row, outcome } = await syncRow(await tx.campaign.findUnique({ where: { code: campaign.code } }), data, {
      create: (values) => tx.campaign.create({ data: values }),
      update: (stored, changes) => tx.campaign.update({ where: { id: stored.id }, data: changes }),
    });
    tally.add('campaigns', outcome);
    ids.set(campaign.code, row.id);
    for (const initiativeCode of linkedInitiatives) {
      const key = { initiativeId: idOf(initiativeIds, initiativeCode), campaignId: row.id };
      const link = await syncRow(
        await tx.initiativeCampaign.findUnique({ where: { initiativeId_campaignId: key } }),
        { ...key, dataSource: 'ARTICLE' as const },
        {
          create: (values) => tx.initiativeCampaign.create({ data: values }),
          update: (_stored, changes) =>
            tx.initiativeCampaign.update({ where: { initiativeId_campaignId: key }, data: changes }),
        },
      );
      tally.add('initiativeCampaigns', link.outcome);
    }
  }
  return ids;
}
