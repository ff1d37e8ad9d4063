import type { ImpactMechanism } from '../../../generated/prisma/client.js';
import { idOf, type IdsByKey, type SeedContext } from './seedContext.js';
import { syncRow } from './syncRow.js';

/** One figure of what a loan did for poor people (带贫), as the article states it. */
export interface ArticleImpact {
  loanKey: 'A' | 'B' | 'C';
  regionCode: string;
  mechanism: ImpactMechanism;
  peopleDriven: number | null;
  registeredPoorHouseholds: number | null;
  /** Decimal string, a share in 0..1. */
  poorEmployeeShare: string | null;
  approximate: boolean;
  /** The article's own word: 多 (more than), 约 (about), 余 (over), 超 (over), 数万 (tens of thousands). */
  qualifier: string | null;
  note: string;
}

// All of these are the bank's own account in a news report; no poverty office verified them.
const asOfArticle = 'Period not stated: as of the 2020 article.';

/** Every impact figure of loans A, B and C, in a fixed order (the order is their identity). */
export const articleImpacts: readonly ArticleImpact[] = [
  {
    loanKey: 'A',
    regionCode: '65',
    mechanism: 'EMPLOYMENT',
    peopleDriven: 1000,
    registeredPoorHouseholds: null,
    poorEmployeeShare: null,
    approximate: true,
    qualifier: '多',
    note:
      'More than a thousand (一千多名) farmers and herders employed in 若羌, 阿克苏, 哈密 and other places ' +
      '(等地) of Xinjiang: the figure is not split by place, so it is held at the province. The Hami ' +
      'workers below may be part of it: do not add the two. ' +
      asOfArticle,
  },
  {
    loanKey: 'A',
    regionCode: '6505',
    mechanism: 'EMPLOYMENT',
    peopleDriven: 300,
    registeredPoorHouseholds: null,
    poorEmployeeShare: null,
    approximate: true,
    qualifier: '约',
    note: `About 300 (约300人) poor workers placed (安置) in Hami (哈密, prefecture level). ${asOfArticle}`,
  },
  {
    loanKey: 'A',
    regionCode: '6505',
    mechanism: 'EMPLOYMENT',
    peopleDriven: null,
    registeredPoorHouseholds: 40,
    poorEmployeeShare: null,
    approximate: true,
    qualifier: '余',
    note:
      'Of the Hami workers, over 40 (40余户) are registered poor households (建档立卡贫困户); kept apart from ' +
      'the 300 workers so that each figure keeps its own qualifier. ' +
      asOfArticle,
  },
  {
    loanKey: 'A',
    regionCode: '65',
    mechanism: 'ORDER_PURCHASE',
    peopleDriven: null,
    registeredPoorHouseholds: null,
    poorEmployeeShare: null,
    approximate: true,
    qualifier: '数万',
    note:
      'Jujube farmers benefiting "by the tens of thousands" (惠及枣农数以万计, photo caption): no number is ' +
      'stored because the article gives none. Place not stated; held at Xinjiang, where the plant is. ' +
      'ORDER_PURCHASE is our reading of how a jujube processor benefits growers. ' +
      asOfArticle,
  },
  {
    loanKey: 'B',
    regionCode: '41',
    mechanism: 'EMPLOYMENT',
    peopleDriven: null,
    registeredPoorHouseholds: null,
    poorEmployeeShare: '0.3000',
    approximate: false,
    qualifier: null,
    note:
      '30% of the staff (30%的员工) come from nearby poor households; the farms are in six counties (新蔡, ' +
      '鲁山, 平舆, 睢县, 扶沟, 叶县), so the record is held at Henan. The article also says the company lifts ' +
      'the income of "?000" poor households every year (每年带动当地?000户贫困户增收): the leading digit is ' +
      'illegible in the source, so registeredPoorHouseholds is null rather than a guess.',
  },
  {
    loanKey: 'C',
    regionCode: '410422',
    mechanism: 'ASSET_INCOME',
    peopleDriven: 10000,
    registeredPoorHouseholds: null,
    poorEmployeeShare: null,
    approximate: true,
    qualifier: '超',
    note:
      'Over 10,000 people (超万人) in 叶县 lifted out of poverty (脱贫) by the pig-farming projects. The ' +
      'article does not say how (employment, asset income, hosting...): ASSET_INCOME is a placeholder, ' +
      'not a fact. ' +
      asOfArticle,
  },
];

/**
 * Creates or updates the loans' impact records. They have no natural key: a loan's ARTICLE
 * records are matched to this list in id order, and any surplus ones are deleted.
 * Returns nothing; rethrows database errors.
 */
export async function seedImpactRecords(
  { tx, tally }: SeedContext,
  regionIds: IdsByKey,
  loanIds: IdsByKey,
): Promise<void> {
  for (const loanKey of ['A', 'B', 'C'] as const) {
    const loanId = idOf(loanIds, loanKey);
    const stored = await tx.impactRecord.findMany({
      where: { loanId, dataSource: 'ARTICLE' },
      orderBy: { id: 'asc' },
    });
    const wanted = articleImpacts.filter((impact) => impact.loanKey === loanKey);
    for (const [index, impact] of wanted.entries()) {
      const data = {
        loanId,
        initiativeId: null,
        regionId: idOf(regionIds, impact.regionCode),
        periodStart: null,
        periodEnd: null,
        mechanism: impact.mechanism,
        peopleDriven: impact.peopleDriven,
        registeredPoorPeople: null,
        registeredPoorHouseholds: impact.registeredPoorHouseholds,
        employeesTotal: null,
        poorEmployeeShare: impact.poorEmployeeShare,
        incomeIncrease: null,
        approximate: impact.approximate,
        qualifier: impact.qualifier,
        verifiedBy: 'BANK' as const,
        note: impact.note,
        dataSource: 'ARTICLE' as const,
      };
      const { outcome } = await syncRow(stored[index] ?? null, data, {
        create: (values) => tx.impactRecord.create({ data: values }),
        update: (row, changes) => tx.impactRecord.update({ where: { id: row.id }, data: changes }),
      });
      tally.add('impactRecords', outcome);
    }
    const surplus = stored.slice(wanted.length).map((row) => row.id);
    if (surplus.length > 0) {
      const { count } = await tx.impactRecord.deleteMany({ where: { id: { in: surplus } } });
      tally.removed('impactRecords', count);
    }
  }
}
