import type { MetricKind, MetricUnit } from '../../../generated/prisma/client.js';
import { initiativeCodes } from './initiatives.js';
import { day, idOf, type IdsByKey, type SeedContext } from './seedContext.js';
import { syncRow } from './syncRow.js';

/** One outcome figure of an initiative; an initiative has at most one row per metric. */
export interface ArticleMetric {
  initiativeCode: string;
  metric: MetricKind;
  /** Decimal string; null when the source gives no legible figure. */
  value: string | null;
  unit: MetricUnit;
  periodStart: string | null;
  periodEnd: string | null;
  cumulative: boolean;
  approximate: boolean;
  /** The article's own word: 近 (nearly), 超 (over), 约 (about). */
  qualifier: string | null;
  note: string | null;
}

const asOfArticle = 'As of the 2020 article (its month is not known, so periodEnd is null).';

/** Every figure the article gives about an initiative. */
export const articleMetrics: readonly ArticleMetric[] = [
  {
    initiativeCode: initiativeCodes.pairedAssistance,
    metric: 'CADRES_STATIONED',
    value: '3',
    unit: 'PERSON',
    periodStart: '2017-12-01',
    periodEnd: null,
    cumulative: false,
    approximate: false,
    qualifier: null,
    note: 'Three party members (3名优秀党员) stationed in 冶上村 since 2017-12 (day not known).',
  },
  {
    initiativeCode: initiativeCodes.pairedAssistance,
    metric: 'YEARS_RUNNING',
    value: '3',
    unit: 'YEAR',
    periodStart: '2017-12-01',
    periodEnd: null,
    cumulative: false,
    approximate: true,
    qualifier: '近',
    note: `Nearly three years (近三年) of pairing. ${asOfArticle}`,
  },
  {
    initiativeCode: initiativeCodes.loveLunch,
    metric: 'MEAL_SUBSIDY_PER_CHILD',
    value: '3',
    unit: 'CNY_PER_CHILD_DAY',
    periodStart: null,
    periodEnd: null,
    cumulative: false,
    approximate: false,
    qualifier: null,
    note:
      'A 3 CNY lunch subsidy per child (每个孩子有3元的午餐补助). The article does not say "per day"; the ' +
      'unit reads it as one lunch per child per school day.',
  },
  {
    initiativeCode: initiativeCodes.mountainChildren,
    metric: 'YEARS_RUNNING',
    value: '7',
    unit: 'YEAR',
    periodStart: null,
    periodEnd: null,
    cumulative: false,
    approximate: false,
    qualifier: null,
    note: `Running for 7 years (已持续7年). ${asOfArticle}`,
  },
  {
    initiativeCode: initiativeCodes.mountainChildren,
    metric: 'STUDENTS_SUPPORTED',
    value: '10',
    unit: 'PERSON',
    periodStart: null,
    periodEnd: null,
    cumulative: false,
    approximate: true,
    qualifier: '近',
    note: `Long-term sponsorship of nearly 10 (近10名) poor students. ${asOfArticle}`,
  },
  {
    initiativeCode: initiativeCodes.funongCard,
    metric: 'CARDS_ISSUED',
    value: '200000',
    unit: 'CARD',
    periodStart: null,
    periodEnd: '2019-12-31',
    cumulative: true,
    approximate: false,
    qualifier: null,
    note: '200,000 (20万张) Funong cards issued by the end of 2019 (截至2019年末).',
  },
  {
    initiativeCode: initiativeCodes.consumption,
    metric: 'PURCHASE_AMOUNT',
    value: '2000000',
    unit: 'CNY',
    periodStart: '2019-01-01',
    periodEnd: null,
    cumulative: true,
    approximate: true,
    qualifier: '近',
    note:
      'Nearly 2 million CNY (近200万元) of farm products from poor areas bought since 2019 (自2019年以来); ' +
      'periodStart is the first day of that year. ' +
      asOfArticle,
  },
  {
    initiativeCode: initiativeCodes.countyChannels,
    metric: 'OUTLETS',
    value: '100',
    unit: 'OUTLET',
    periodStart: null,
    periodEnd: null,
    cumulative: false,
    approximate: true,
    qualifier: '近',
    note: `Nearly 100 (近百家) ICBC outlets and self-service banks together in Zhengzhou's counties. ${asOfArticle}`,
  },
  {
    initiativeCode: initiativeCodes.covidResumption,
    metric: 'SECTORS_SUPPORTED',
    value: '7',
    unit: 'SECTOR',
    periodStart: '2020-01-01',
    periodEnd: null,
    cumulative: false,
    approximate: false,
    qualifier: null,
    note:
      'Seven sectors (七大类领域), four named: medical (医疗), transport and logistics (交通物流), energy and ' +
      'chemicals (能源化工), foreign trade and foreign investment (外贸外资). The other three are not named. ' +
      'periodStart: 2020 (今年以来), month not known.',
  },
  {
    initiativeCode: initiativeCodes.industryCredit,
    metric: 'LOANS_GRANTED',
    value: '3',
    unit: 'LOAN',
    periodStart: null,
    periodEnd: null,
    cumulative: false,
    approximate: false,
    qualifier: null,
    note:
      'The three enterprise loans the article describes. Its list ends with an ellipsis (……), so the ' +
      'branch may have granted more.',
  },
];

/**
 * Creates or updates the initiative metrics, found again by initiative and metric.
 * Returns nothing; rethrows database errors.
 */
export async function seedInitiativeMetrics({ tx, tally }: SeedContext, initiativeIds: IdsByKey): Promise<void> {
  for (const metric of articleMetrics) {
    const initiativeId = idOf(initiativeIds, metric.initiativeCode);
    const data = {
      initiativeId,
      metric: metric.metric,
      value: metric.value,
      unit: metric.unit,
      periodStart: metric.periodStart === null ? null : day(metric.periodStart),
      periodEnd: metric.periodEnd === null ? null : day(metric.periodEnd),
      cumulative: metric.cumulative,
      approximate: metric.approximate,
      qualifier: metric.qualifier,
      note: metric.note,
      dataSource: 'ARTICLE' as const,
    };
    const existing = await tx.initiativeMetric.findFirst({
      where: { initiativeId, metric: metric.metric },
      orderBy: { id: 'asc' },
    });
    const { outcome } = await syncRow(existing, data, {
      create: (values) => tx.initiativeMetric.create({ data: values }),
      update: (stored, changes) => tx.initiativeMetric.update({ where: { id: stored.id }, data: changes }),
    });
    tally.add('initiativeMetrics', outcome);
  }
}
