import type { InitiativeCategory, InitiativeStatus } from '../../../generated/prisma/client.js';
import { branchCode, operationsSupportCenterCode } from './orgUnits.js';
import { day, idOf, type IdsByKey, type SeedContext } from './seedContext.js';
import { syncRow } from './syncRow.js';

/** One assistance programme of the article (the eight rows of facts.md's table). */
export interface ArticleInitiative {
  code: string;
  name: string;
  nameZh: string;
  category: InitiativeCategory;
  status: InitiativeStatus;
  /** ISO day; when only the month or year is known it is the first day and `approximate` is true. */
  startDate: string | null;
  approximate: boolean;
  ownerCode: string;
  description: string;
  note: string | null;
}

/** Codes of the initiatives other steps link to. */
export const initiativeCodes = Object.freeze({
  pairedAssistance: 'ICBC-ZZ-PAIRED-YESHANG',
  loveLunch: 'ICBC-ZZ-LOVE-LUNCH',
  mountainChildren: 'ICBC-ZZ-MOUNTAIN-CHILDREN',
  funongCard: 'ICBC-ZZ-FUNONG-CARD',
  consumption: 'ICBC-ZZ-CONSUMPTION',
  countyChannels: 'ICBC-ZZ-COUNTY-CHANNELS',
  covidResumption: 'ICBC-ZZ-COVID-RESUMPTION',
  industryCredit: 'ICBC-ZZ-INDUSTRY-CREDIT',
});

const asReported = 'Status as reported by the 2020 article; it gives no end date.';

/** The eight initiatives, in facts.md's order. */
export const articleInitiatives: readonly ArticleInitiative[] = [
  {
    code: initiativeCodes.pairedAssistance,
    name: 'Paired assistance of Yeshang Village, Dengfeng',
    nameZh: '定点帮扶登封市冶上村（结对子）',
    category: 'PAIRED_ASSISTANCE',
    status: 'ACTIVE',
    startDate: '2017-12-01',
    approximate: true,
    ownerCode: branchCode,
    description:
      'Targeted paired assistance (定点帮扶, 结对子) of 冶上村 in 登封市 (county code 410185). In December ' +
      '2017 the branch sent three outstanding party members (3名优秀党员) from its staff to the village; they ' +
      'help the village party branch (村支部) improve its party-building rules and organisational life, and ' +
      "the branch gave printers and computers (打印机、电脑) to the village party members' activity centre " +
      '(党员学习活动中心). About three years (近三年) of pairing so far.',
    note:
      'startDate: month known (2017-12), day not; stored as the 1st, hence approximate. The donated printers ' +
      'and computers have no count or value in the article. ' +
      asReported,
  },
  {
    code: initiativeCodes.loveLunch,
    name: 'Love Lunch for poor pupils of Yeshang Village',
    nameZh: '爱心午餐',
    category: 'NUTRITION',
    status: 'ACTIVE',
    startDate: null,
    approximate: false,
    ownerCode: branchCode,
    description:
      'Love Lunch (爱心午餐) donation drive for poor primary-school pupils (贫困小学生) of 冶上村 (spelt 上冶村 ' +
      'in the photo caption): every child gets a lunch subsidy (午餐补助) of 3 CNY.',
    note: `Start date not in the article. ${asReported}`,
  },
  {
    code: initiativeCodes.mountainChildren,
    name: 'Mountain-area children charity',
    nameZh: '走进山区关爱贫困儿童公益活动',
    category: 'EDUCATION_AID',
    status: 'ACTIVE',
    startDate: null,
    approximate: false,
    ownerCode: operationsSupportCenterCode,
    description:
      'Charity run by staff of the Operations Support Center (运营支持中心): they visit mountain areas to care ' +
      'for poor children (走进山区关爱贫困儿童). Running for 7 years, with long-term sponsorship of nearly 10 ' +
      '(近10名) poor students.',
    note: `Running 7 years as of the 2020 article; the start date is not stated, so it is null. ${asReported}`,
  },
  {
    code: initiativeCodes.funongCard,
    name: 'Funong card',
    nameZh: '福农卡',
    category: 'FINANCIAL_ACCESS',
    status: 'ACTIVE',
    startDate: null,
    approximate: false,
    ownerCode: branchCode,
    description:
      'Funong (福农) series of UnionPay cards (银联卡) for rural customers, bundling agriculture-related ' +
      'financial services (涉农金融服务). Migrant workers (外来务工人员) are a focus, reached in bulk through ' +
      'labour-intensive employers (construction, manufacturing, services), vocational schools for migrant ' +
      'workers, service agencies, specialised markets and large and medium enterprises. 200,000 cards issued ' +
      'by the end of 2019.',
    note: `Start date not in the article. ${asReported}`,
  },
  {
    code: initiativeCodes.consumption,
    name: 'Consumption poverty alleviation',
    nameZh: '消费扶贫',
    category: 'CONSUMPTION',
    status: 'ACTIVE',
    startDate: null,
    approximate: false,
    ownerCode: branchCode,
    description:
      'Consumption poverty alleviation (消费扶贫): the branch buys farm products from poor areas ' +
      '(购买贫困地区农产品), nearly 2 million CNY (近200万元) in total since 2019.',
    note:
      'The article counts purchases from 2019 but does not say when the programme began: startDate is null ' +
      'and the metric carries the period. ' +
      asReported,
  },
  {
    code: initiativeCodes.countyChannels,
    name: 'County channel build-out',
    nameZh: '下沉渠道（县域金融渠道建设）',
    category: 'FINANCIAL_ACCESS',
    status: 'ACTIVE',
    startDate: null,
    approximate: false,
    ownerCode: branchCode,
    description:
      'Sinking channels into the counties (下沉渠道): nearly 100 (近百家) ICBC outlets and self-service banks ' +
      "(营业机构和自助银行) in Zhengzhou's counties; suburban outlets (郊县网点) refitted and made smart since " +
      '2017; the AI customer-service agent 工小智 answering 7x24; online and mobile banking; an e-commerce ' +
      'poverty-alleviation chain with a poverty-alleviation merchant zone (扶贫商户专区) selling products of ' +
      'poor areas online.',
    note:
      'Refits since 2017 are one activity of an ongoing build-out ("in recent years", 近年来): startDate is ' +
      'null. The outlets are a metric, not org units: the article names none. ' +
      asReported,
  },
  {
    code: initiativeCodes.covidResumption,
    name: 'COVID-19 resumption support',
    nameZh: '支持企业复工复产',
    category: 'EPIDEMIC_SUPPORT',
    status: 'ACTIVE',
    startDate: '2020-01-01',
    approximate: true,
    ownerCode: branchCode,
    description:
      'Support for enterprises resuming work and production (复工复产) during the 2020 epidemic: financing ' +
      'for enterprises in seven sectors (七大类领域), four named: medical (医疗), transport and logistics ' +
      '(交通物流), energy and chemicals (能源化工), foreign trade and foreign investment (外贸外资). Flexible ' +
      'policies on rate discounts, loan terms and guarantees (利率优惠、贷款期限、担保方式); a higher share of ' +
      'credit (unsecured) loans (信用贷款); full-product service for key agricultural leading enterprises ' +
      '(涉农龙头企业); supply-chain financing (供应链融资) for their upstream and downstream SMEs.',
    note:
      'startDate: year known ("since the start of this year", 今年以来, 2020), month and day not; stored as ' +
      '2020-01-01, hence approximate. ACTIVE as reported in 2020: the article gives no end date, and ' +
      'whether and when the programme ended is not in the source.',
  },
  {
    code: initiativeCodes.industryCredit,
    name: 'Industry poverty-alleviation credit',
    nameZh: '产业扶贫信贷（“贷”动产业）',
    category: 'INDUSTRY_CREDIT',
    status: 'ACTIVE',
    startDate: null,
    approximate: false,
    ownerCode: branchCode,
    description:
      'Industry poverty-alleviation credit (产业扶贫, “贷”动产业): loans to enterprises that employ or buy from ' +
      "poor people. The article describes three (a health-food company's jujube plant in Xinjiang, a dairy " +
      "company's farms in six Henan poor counties, a bio company's pig-farming project in 叶县). \"One " +
      'enterprise, one policy" (一企一策); financing models bank + leading agricultural enterprise + ' +
      'enterprise/farmer (银行+农业龙头企业+企业/农户) and bank + government + enterprise/farmer ' +
      '(银行+政府+企业/农户), lending to small and micro enterprises and farmers at the front of the industry chain.',
    note: `Start date not in the article. ${asReported}`,
  },
];

/**
 * Creates or updates the eight initiatives of the article.
 * Returns initiative ids by code; rethrows database errors.
 */
export async function seedInitiatives({ tx, tally }: SeedContext, orgUnitIds: IdsByKey): Promise<IdsByKey> {
  const ids = new Map<string, number>();
  for (const initiative of articleInitiatives) {
    const data = {
      code: initiative.code,
      name: initiative.name,
      nameZh: initiative.nameZh,
      category: initiative.category,
      status: initiative.status,
      startDate: initiative.startDate === null ? null : day(initiative.startDate),
      endDate: null,
      ownerOrgUnitId: idOf(orgUnitIds, initiative.ownerCode),
      budget: null,
      description: initiative.description,
      approximate: initiative.approximate,
      note: initiative.note,
      dataSource: 'ARTICLE' as const,
    };
    const { row, outcome } = await syncRow(await tx.initiative.findUnique({ where: { code: initiative.code } }), data, {
      create: (values) => tx.initiative.create({ data: values }),
      update: (stored, changes) => tx.initiative.update({ where: { id: stored.id }, data: changes }),
    });
    tally.add('initiatives', outcome);
    ids.set(initiative.code, row.id);
  }
  return ids;
}
