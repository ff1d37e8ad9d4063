// One test per fact of ../shared/seed/facts.md: the article data set must hold each of them,
// vague ones as vague (approximate flag, qualifier, null and note). Expected values are written
// out here from facts.md, never imported from the seed, so a wrong seed cannot agree with itself.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MetricKind, PrismaClient } from '../../../src/generated/prisma/client.js';
import { seedArticle } from '../../../src/db/seeds/article/index.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

for (const backend of await testBackends()) {
  describe(`article data set (${backend})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;

    before(async () => {
      database = await createTestDatabase(backend);
      prisma = database.db.prisma;
      await seedArticle(database.db);
    });
    after(async () => {
      await database?.dispose();
    });

    const region = (code: string) => prisma.region.findUniqueOrThrow({ where: { code }, include: { parent: true } });
    const initiative = (code: string) =>
      prisma.initiative.findUniqueOrThrow({ where: { code }, include: { ownerOrgUnit: true } });
    const metric = async (initiativeCode: string, kind: MetricKind) => {
      const rows = await prisma.initiativeMetric.findMany({
        where: { initiative: { code: initiativeCode }, metric: kind },
      });
      assert.equal(rows.length, 1, `one ${kind} metric of ${initiativeCode}`);
      return rows[0]!;
    };
    const loan = (contractNo: string) =>
      prisma.enterpriseLoan.findUniqueOrThrow({
        where: { contractNo },
        include: { enterprise: true, region: true, orgUnit: true, impactRecords: { include: { region: true } } },
      });
    const expectCounty = async (
      code: string,
      expected: {
        name: string;
        alias: string;
        prefecture: string;
        tier: string;
        exitYear: number | null;
        approved: string | null;
      },
    ) => {
      const county = await region(code);
      assert.deepEqual(
        {
          name: county.name,
          hasAlias: county.aliases.includes(expected.alias),
          level: county.level,
          prefecture: county.parent?.code,
          tier: county.povertyTier,
          exitYear: county.exitYear,
          exitApprovedOn: county.exitApprovedOn,
          approvalInNote: expected.approved === null || (county.note ?? '').includes(`approved ${expected.approved}`),
        },
        {
          name: expected.name,
          hasAlias: true,
          level: 'COUNTY',
          prefecture: expected.prefecture,
          tier: expected.tier,
          exitYear: expected.exitYear,
          exitApprovedOn: null,
          approvalInNote: true,
        },
      );
    };

    // Organisation
    test('ICBC Zhengzhou Branch (工商银行郑州分行) is a tier-1 branch in Zhengzhou 4101', async () => {
      const branch = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'ICBC-ZZ' }, include: { region: true } });
      assert.deepEqual(
        [
          branch.kind,
          branch.nameZh,
          branch.region?.code,
          branch.parentId,
          branch.path,
          branch.note?.includes('工商銀行鄭州分行'),
        ],
        ['TIER1_BRANCH', '工商银行郑州分行', '4101', null, `/${branch.id}/`, true],
      );
    });

    test('Leading group (金融扶贫工作领导小组) and office (金融扶贫和定点帮扶办公室) are departments of the branch', async () => {
      const units = await prisma.orgUnit.findMany({
        where: { nameZh: { in: ['金融扶贫工作领导小组', '金融扶贫和定点帮扶办公室'] } },
        include: { parent: true },
      });
      assert.deepEqual(
        units.map((unit) => [unit.kind, unit.parent?.code, unit.path === `${unit.parent?.path}${unit.id}/`]),
        [
          ['DEPARTMENT', 'ICBC-ZZ', true],
          ['DEPARTMENT', 'ICBC-ZZ', true],
        ],
      );
    });

    test('Operations Support Center (运营支持中心) is a department of the branch', async () => {
      const center = await prisma.orgUnit.findFirstOrThrow({
        where: { nameZh: '运营支持中心' },
        include: { parent: true },
      });
      assert.deepEqual(
        [center.name, center.kind, center.parent?.code],
        ['Operations Support Center', 'DEPARTMENT', 'ICBC-ZZ'],
      );
    });

    test('"Nearly 100" county outlets are an approximate metric, not invented org units', async () => {
      const outlets = await prisma.orgUnit.count({
        where: { kind: { in: ['OUTLET', 'SELF_SERVICE_BANK', 'SUB_BRANCH'] } },
      });
      const figure = await metric('ICBC-ZZ-COUNTY-CHANNELS', 'OUTLETS');
      assert.deepEqual(
        [outlets, figure.value?.toFixed(0), figure.unit, figure.approximate, figure.qualifier],
        [0, '100', 'OUTLET', true, '近'],
      );
    });

    // Initiatives
    test('All eight initiatives exist with their categories and owners', async () => {
      const rows = await prisma.initiative.findMany({ include: { ownerOrgUnit: true }, orderBy: { code: 'asc' } });
      assert.deepEqual(
        rows.map((row) => [row.code, row.category, row.ownerOrgUnit.code, row.dataSource]),
        [
          ['ICBC-ZZ-CONSUMPTION', 'CONSUMPTION', 'ICBC-ZZ', 'ARTICLE'],
          ['ICBC-ZZ-COUNTY-CHANNELS', 'FINANCIAL_ACCESS', 'ICBC-ZZ', 'ARTICLE'],
          ['ICBC-ZZ-COVID-RESUMPTION', 'EPIDEMIC_SUPPORT', 'ICBC-ZZ', 'ARTICLE'],
          ['ICBC-ZZ-FUNONG-CARD', 'FINANCIAL_ACCESS', 'ICBC-ZZ', 'ARTICLE'],
          ['ICBC-ZZ-INDUSTRY-CREDIT', 'INDUSTRY_CREDIT', 'ICBC-ZZ', 'ARTICLE'],
          ['ICBC-ZZ-LOVE-LUNCH', 'NUTRITION', 'ICBC-ZZ', 'ARTICLE'],
          ['ICBC-ZZ-MOUNTAIN-CHILDREN', 'EDUCATION_AID', 'ICBC-ZZ-OPERATIONS-SUPPORT', 'ARTICLE'],
          ['ICBC-ZZ-PAIRED-YESHANG', 'PAIRED_ASSISTANCE', 'ICBC-ZZ', 'ARTICLE'],
        ],
      );
    });

    test('Paired assistance of 冶上村 (登封市 410185) since 2017-12: month known, day not', async () => {
      const paired = await prisma.initiative.findUniqueOrThrow({
        where: { code: 'ICBC-ZZ-PAIRED-YESHANG' },
        include: { villages: { include: { village: { include: { county: true } } } } },
      });
      assert.deepEqual(
        {
          category: paired.category,
          startDate: paired.startDate,
          approximate: paired.approximate,
          noteSaysDayUnknown: /month known \(2017-12\), day not/.test(paired.note ?? ''),
          villages: paired.villages.map((link) => [link.village.name, link.village.county.code, link.role]),
        },
        {
          category: 'PAIRED_ASSISTANCE',
          startDate: day('2017-12-01'),
          approximate: true,
          noteSaysDayUnknown: true,
          villages: [['冶上村', '410185', 'TARGET']],
        },
      );
    });

    test('Paired assistance: 3 party-member cadres stationed in the village', async () => {
      const figure = await metric('ICBC-ZZ-PAIRED-YESHANG', 'CADRES_STATIONED');
      const cadres = await prisma.cadreAssignment.findMany({
        where: { initiative: { code: 'ICBC-ZZ-PAIRED-YESHANG' } },
        include: { village: true },
      });
      assert.deepEqual(
        [
          figure.value?.toFixed(0),
          figure.unit,
          cadres.length,
          cadres.every((c) => c.partyMember && c.village.name === '冶上村'),
        ],
        ['3', 'PERSON', 3, true],
      );
    });

    test('Paired assistance: cadres start 2017-12 with a note that the day is not known', async () => {
      const cadres = await prisma.cadreAssignment.findMany({
        where: { initiative: { code: 'ICBC-ZZ-PAIRED-YESHANG' } },
      });
      assert.deepEqual(
        cadres.map((c) => [c.startDate, c.endDate, /2017-12 \(day not known/.test(c.note ?? '')]),
        [
          [day('2017-12-01'), null, true],
          [day('2017-12-01'), null, true],
          [day('2017-12-01'), null, true],
        ],
      );
    });

    test('Paired assistance: printers and computers given to the party activity centre', async () => {
      const paired = await initiative('ICBC-ZZ-PAIRED-YESHANG');
      assert.match(paired.description ?? '', /printers and computers \(打印机、电脑\).*活动中心/);
    });

    test('Paired assistance: about three years so far (近三年)', async () => {
      const figure = await metric('ICBC-ZZ-PAIRED-YESHANG', 'YEARS_RUNNING');
      assert.deepEqual(
        [figure.value?.toFixed(0), figure.unit, figure.approximate, figure.qualifier],
        ['3', 'YEAR', true, '近'],
      );
    });

    test('Love Lunch (爱心午餐): 3 CNY lunch subsidy per child for pupils of the same village', async () => {
      const lunch = await prisma.initiative.findUniqueOrThrow({
        where: { code: 'ICBC-ZZ-LOVE-LUNCH' },
        include: { villages: { include: { village: true } } },
      });
      const figure = await metric('ICBC-ZZ-LOVE-LUNCH', 'MEAL_SUBSIDY_PER_CHILD');
      assert.deepEqual(
        [
          lunch.category,
          lunch.nameZh,
          lunch.villages.map((l) => [l.village.name, l.role]),
          figure.value?.toFixed(2),
          figure.unit,
          figure.approximate,
        ],
        ['NUTRITION', '爱心午餐', [['冶上村', 'TARGET']], '3.00', 'CNY_PER_CHILD_DAY', false],
      );
    });

    test('Mountain-area children charity by Operations Support Center staff: running 7 years', async () => {
      const charity = await initiative('ICBC-ZZ-MOUNTAIN-CHILDREN');
      const figure = await metric('ICBC-ZZ-MOUNTAIN-CHILDREN', 'YEARS_RUNNING');
      assert.deepEqual(
        [charity.ownerOrgUnit.nameZh, figure.value?.toFixed(0), figure.unit, figure.approximate],
        ['运营支持中心', '7', 'YEAR', false],
      );
    });

    test('Mountain-area children charity: nearly 10 poor students sponsored (近10名)', async () => {
      const figure = await metric('ICBC-ZZ-MOUNTAIN-CHILDREN', 'STUDENTS_SUPPORTED');
      assert.deepEqual(
        [figure.value?.toFixed(0), figure.unit, figure.approximate, figure.qualifier],
        ['10', 'PERSON', true, '近'],
      );
    });

    test('Funong cards (福农卡): 200,000 issued by end of 2019', async () => {
      const figure = await metric('ICBC-ZZ-FUNONG-CARD', 'CARDS_ISSUED');
      assert.deepEqual(
        [figure.value?.toFixed(0), figure.unit, figure.cumulative, figure.periodEnd, figure.approximate],
        ['200000', 'CARD', true, day('2019-12-31'), false],
      );
    });

    test('Funong cards: rural customers and migrant workers are the target', async () => {
      const card = await initiative('ICBC-ZZ-FUNONG-CARD');
      assert.deepEqual(
        [
          card.category,
          card.nameZh,
          /rural customers/.test(card.description ?? ''),
          /外来务工人员/.test(card.description ?? ''),
        ],
        ['FINANCIAL_ACCESS', '福农卡', true, true],
      );
    });

    test('Consumption (消费扶贫): nearly 2,000,000 CNY of farm products bought since 2019', async () => {
      const figure = await metric('ICBC-ZZ-CONSUMPTION', 'PURCHASE_AMOUNT');
      assert.deepEqual(
        [
          figure.value?.toFixed(2),
          figure.unit,
          figure.cumulative,
          figure.approximate,
          figure.qualifier,
          figure.periodStart,
        ],
        ['2000000.00', 'CNY', true, true, '近', day('2019-01-01')],
      );
    });

    test('County channels (下沉渠道): refits since 2017, 工小智 7x24 and the merchant zone (扶贫商户专区)', async () => {
      const channels = await initiative('ICBC-ZZ-COUNTY-CHANNELS');
      const text = channels.description ?? '';
      assert.deepEqual(
        [channels.category, /since 2017/.test(text), /工小智.*7x24/.test(text), /扶贫商户专区/.test(text)],
        ['FINANCIAL_ACCESS', true, true, true],
      );
    });

    test('COVID-19 support (2020): 7 sectors, 4 named', async () => {
      const figure = await metric('ICBC-ZZ-COVID-RESUMPTION', 'SECTORS_SUPPORTED');
      const named = ['医疗', '交通物流', '能源化工', '外贸外资'].filter((sector) => figure.note?.includes(sector));
      assert.deepEqual([figure.value?.toFixed(0), figure.unit, named.length], ['7', 'SECTOR', 4]);
    });

    test('COVID-19 support: flexible rates, terms and guarantees, more credit loans, supply-chain financing', async () => {
      const covid = await initiative('ICBC-ZZ-COVID-RESUMPTION');
      const text = covid.description ?? '';
      assert.deepEqual(
        [
          covid.category,
          covid.startDate,
          covid.approximate,
          ['利率优惠', '贷款期限', '担保方式', '信用贷款', '供应链融资'].every((t) => text.includes(t)),
        ],
        ['EPIDEMIC_SUPPORT', day('2020-01-01'), true, true],
      );
    });

    test('COVID-19 support: status as reported in 2020, no end date invented', async () => {
      const covid = await initiative('ICBC-ZZ-COVID-RESUMPTION');
      assert.deepEqual([covid.status, covid.endDate, /no end date/.test(covid.note ?? '')], ['ACTIVE', null, true]);
    });

    test('Industry credit (产业扶贫): the three enterprise loans, one enterprise one policy, both models', async () => {
      const credit = await initiative('ICBC-ZZ-INDUSTRY-CREDIT');
      const figure = await metric('ICBC-ZZ-INDUSTRY-CREDIT', 'LOANS_GRANTED');
      const text = credit.description ?? '';
      assert.deepEqual(
        [
          figure.value?.toFixed(0),
          figure.unit,
          text.includes('一企一策'),
          text.includes('银行+农业龙头企业+企业/农户'),
          text.includes('银行+政府+企业/农户'),
        ],
        ['3', 'LOAN', true, true, true],
      );
    });

    // Campaigns
    test("Four campaigns under Simplified names with the article's Traditional spellings as aliases", async () => {
      const campaigns = await prisma.campaign.findMany({ orderBy: { name: 'asc' } });
      assert.deepEqual(
        new Map(campaigns.map((c) => [c.name, new Set(c.aliases)])),
        new Map([
          ['工银普惠行', new Set(['工銀普惠行'])],
          ['百行进万企', new Set(['百行進萬企'])],
          ['千名专家进小微', new Set(['千名專家進小微'])],
          ['万户小微企业成长计划', new Set(['萬戶小微企業成長計劃', '万家小微成长计划', '萬家小微成長計劃'])],
        ]),
      );
    });

    test('万户小微企业成长计划 is also found as 万家小微成长计划', async () => {
      const found = await prisma.campaign.findMany({ where: { aliases: { has: '万家小微成长计划' } } });
      assert.deepEqual(
        found.map((c) => c.name),
        ['万户小微企业成长计划'],
      );
    });

    test('Campaigns bring "financing + expertise + business" (融资+融智+融商)', async () => {
      const themes = await prisma.campaign.findMany({ select: { theme: true } });
      assert.deepEqual(
        themes.map((c) => c.theme),
        ['融资+融智+融商', '融资+融智+融商', '融资+融智+融商', '融资+融智+融商'],
      );
    });

    test('Campaigns are linked to the industry-credit and COVID initiatives, and to no loan', async () => {
      const campaigns = await prisma.campaign.findMany({
        include: { initiatives: { include: { initiative: true } }, loans: true },
      });
      assert.deepEqual(
        campaigns.map((c) => [c.initiatives.map((l) => l.initiative.code).sort(), c.loans.length]),
        Array(4).fill([['ICBC-ZZ-COVID-RESUMPTION', 'ICBC-ZZ-INDUSTRY-CREDIT'], 0]),
      );
    });

    // Enterprise loans
    test('Borrowers stay anonymous: descriptions only, no credit codes', async () => {
      const enterprises = await prisma.enterprise.findMany({ orderBy: { id: 'asc' } });
      assert.deepEqual(
        enterprises.map((e) => [e.nameZh, e.anonymised, e.creditCode]),
        [
          ['某健康食品公司', true, null],
          ['河南某乳业公司', true, null],
          ['某生物公司', true, null],
        ],
      );
    });

    test('Loan A: working-capital loan (流动资金贷款) to a health-food company for a Xinjiang plant', async () => {
      const a = await loan('ARTICLE-LOAN-A');
      assert.deepEqual(
        [
          a.enterprise.nameZh,
          a.product,
          a.region?.code,
          a.orgUnit.code,
          /产业援疆/.test(a.note ?? ''),
          /assumption/.test(a.note ?? ''),
        ],
        ['某健康食品公司', 'WORKING_CAPITAL', '652824', 'ICBC-ZZ', true, true],
      );
    });

    test('Company A: plants in 若羌县 652824, 阿克苏市 652901 and 哈密市 6505', async () => {
      const sites = await prisma.enterpriseSite.findMany({
        where: { enterprise: { nameZh: '某健康食品公司' } },
        include: { region: true },
      });
      assert.deepEqual(sites.map((s) => [s.kind, s.region.code]).sort(), [
        ['PLANT', '6505'],
        ['PLANT', '652824'],
        ['PLANT', '652901'],
      ]);
    });

    test('Loan A: 1,000+ farmers and herders employed in Xinjiang (一千多名)', async () => {
      const a = await loan('ARTICLE-LOAN-A');
      const rows = a.impactRecords.filter((r) => r.peopleDriven === 1000);
      assert.deepEqual(
        rows.map((r) => [r.mechanism, r.region.code, r.approximate, r.qualifier, r.verifiedBy]),
        [['EMPLOYMENT', '65', true, '多', 'BANK']],
      );
    });

    test('Loan A: about 300 poor workers placed in Hami (约300人)', async () => {
      const a = await loan('ARTICLE-LOAN-A');
      const rows = a.impactRecords.filter((r) => r.peopleDriven === 300);
      assert.deepEqual(
        rows.map((r) => [r.mechanism, r.region.code, r.approximate, r.qualifier]),
        [['EMPLOYMENT', '6505', true, '约']],
      );
    });

    test('Loan A: 40+ registered poor households among the Hami workers (40余户)', async () => {
      const a = await loan('ARTICLE-LOAN-A');
      const rows = a.impactRecords.filter((r) => r.registeredPoorHouseholds !== null);
      assert.deepEqual(
        rows.map((r) => [r.registeredPoorHouseholds, r.region.code, r.approximate, r.qualifier]),
        [[40, '6505', true, '余']],
      );
    });

    test('Loan A: "tens of thousands" of jujube farmers benefit, no number invented', async () => {
      const a = await loan('ARTICLE-LOAN-A');
      const rows = a.impactRecords.filter((r) => r.mechanism === 'ORDER_PURCHASE');
      assert.deepEqual(
        rows.map((r) => [r.peopleDriven, r.approximate, r.qualifier, /数以万计/.test(r.note ?? '')]),
        [[null, true, '数万', true]],
      );
    });

    test('Loan B: working-capital loan to a Henan dairy company (河南某乳业公司)', async () => {
      const b = await loan('ARTICLE-LOAN-B');
      assert.deepEqual(
        [b.enterprise.nameZh, b.product, b.orgUnit.code],
        ['河南某乳业公司', 'WORKING_CAPITAL', 'ICBC-ZZ'],
      );
    });

    test('Company B: dairy farms in 4 national-level and 2 provincial-level poor counties', async () => {
      const sites = await prisma.enterpriseSite.findMany({
        where: { enterprise: { nameZh: '河南某乳业公司' } },
        include: { region: true },
      });
      assert.deepEqual(sites.map((s) => [s.kind, s.region.code, s.region.povertyTier]).sort(), [
        ['FARM', '410422', 'PROVINCIAL'],
        ['FARM', '410423', 'NATIONAL'],
        ['FARM', '411422', 'NATIONAL'],
        ['FARM', '411621', 'PROVINCIAL'],
        ['FARM', '411723', 'NATIONAL'],
        ['FARM', '411729', 'NATIONAL'],
      ]);
    });

    test('Loan B: 30% of staff come from nearby poor households', async () => {
      const b = await loan('ARTICLE-LOAN-B');
      assert.deepEqual(
        b.impactRecords.map((r) => [r.mechanism, r.poorEmployeeShare?.toFixed(2), r.region.code]),
        [['EMPLOYMENT', '0.30', '41']],
      );
    });

    test('Loan B: the illegible "?000" households figure is null with a note, never a guess', async () => {
      const b = await loan('ARTICLE-LOAN-B');
      assert.deepEqual(
        b.impactRecords.map((r) => [
          r.registeredPoorHouseholds,
          r.peopleDriven,
          /\?000/.test(r.note ?? ''),
          /illegible/.test(r.note ?? ''),
        ]),
        [[null, null, true, true]],
      );
    });

    test('Loan C: loan to a bio company (某生物公司) for a pig-farming poverty project in 叶县', async () => {
      const c = await loan('ARTICLE-LOAN-C');
      const site = await prisma.enterpriseSite.findUniqueOrThrow({
        where: { id: c.siteId ?? -1 },
        include: { region: true },
      });
      assert.deepEqual(
        [c.enterprise.nameZh, c.product, c.region?.code, site.kind, site.region.code, /生猪养殖/.test(c.note ?? '')],
        ['某生物公司', 'PROJECT', '410422', 'PROJECT', '410422', true],
      );
    });

    test('Loan C: over 10,000 people in 叶县 lifted out of poverty (超万人)', async () => {
      const c = await loan('ARTICLE-LOAN-C');
      assert.deepEqual(
        c.impactRecords.map((r) => [r.peopleDriven, r.region.code, r.approximate, r.qualifier, r.verifiedBy]),
        [[10000, '410422', true, '超', 'BANK']],
      );
    });

    test('All three loans are industry poverty-alleviation loans (产业精准扶贫贷款) of 2016–2020', async () => {
      const loans = await prisma.enterpriseLoan.findMany({ orderBy: { contractNo: 'asc' } });
      assert.deepEqual(
        loans.map((l) => [l.contractNo, l.regulatoryClass, l.policyRegime, l.status, l.riskClass]),
        [
          ['ARTICLE-LOAN-A', 'INDUSTRY', 'TARGETED_2016_2020', 'DISBURSED', null],
          ['ARTICLE-LOAN-B', 'INDUSTRY', 'TARGETED_2016_2020', 'DISBURSED', null],
          ['ARTICLE-LOAN-C', 'INDUSTRY', 'TARGETED_2016_2020', 'DISBURSED', null],
        ],
      );
    });

    test('Loan amounts, rates and dates are null: the article has none', async () => {
      const loans = await prisma.enterpriseLoan.findMany();
      const known = loans.flatMap((l) =>
        Object.entries({
          contractAmount: l.contractAmount,
          disbursedAmount: l.disbursedAmount,
          outstandingBalance: l.outstandingBalance,
          effectiveRate: l.effectiveRate,
          lprAtPricing: l.lprAtPricing,
          spreadBps: l.spreadBps,
          contractDate: l.contractDate,
          firstDisbursementDate: l.firstDisbursementDate,
          maturityDate: l.maturityDate,
          termMonths: l.termMonths,
        })
          .filter(([, value]) => value !== null)
          .map(([field]) => `${l.contractNo}.${field}`),
      );
      assert.deepEqual([loans.length, known, loans.some((l) => l.illustrative)], [3, [], false]);
    });

    test('Contract numbers are labelled placeholders, said so in the note', async () => {
      const loans = await prisma.enterpriseLoan.findMany();
      assert.deepEqual(
        loans.map((l) => /^ARTICLE-LOAN-[ABC]$/.test(l.contractNo) && /placeholder/.test(l.note ?? '')),
        [true, true, true],
      );
    });

    test('Financing models are not pinned to loans the article does not pin them to', async () => {
      const loans = await prisma.enterpriseLoan.findMany();
      assert.deepEqual(
        loans.map((l) => [l.financingModel, /does not say which/.test(l.note ?? '')]),
        [
          [null, true],
          [null, true],
          [null, true],
        ],
      );
    });

    // Places
    test('Henan (41, 河南省) and its five prefectures', async () => {
      const henan = await prisma.region.findUniqueOrThrow({ where: { code: '41' }, include: { children: true } });
      assert.deepEqual(
        [henan.name, henan.level, henan.children.map((c) => [c.code, c.name, c.level]).sort()],
        [
          '河南省',
          'PROVINCE',
          [
            ['4101', '郑州市', 'PREFECTURE'],
            ['4104', '平顶山市', 'PREFECTURE'],
            ['4114', '商丘市', 'PREFECTURE'],
            ['4116', '周口市', 'PREFECTURE'],
            ['4117', '驻马店市', 'PREFECTURE'],
          ],
        ],
      );
    });

    test('登封市 410185 (郑州市): not a poor county', async () => {
      await expectCounty('410185', {
        name: '登封市',
        alias: '登封',
        prefecture: '4101',
        tier: 'NONE',
        exitYear: null,
        approved: null,
      });
    });

    test('叶县 410422 (平顶山市): provincial tier, 2018 batch, approved 2019', async () => {
      await expectCounty('410422', {
        name: '叶县',
        alias: '葉縣',
        prefecture: '4104',
        tier: 'PROVINCIAL',
        exitYear: 2018,
        approved: '2019',
      });
    });

    test('鲁山县 410423 (平顶山市): national tier, 2019 batch, approved 2020-02', async () => {
      await expectCounty('410423', {
        name: '鲁山县',
        alias: '魯山縣',
        prefecture: '4104',
        tier: 'NATIONAL',
        exitYear: 2019,
        approved: '2020-02',
      });
    });

    test('睢县 411422 (商丘市): national tier, 2018 batch, approved 2019', async () => {
      await expectCounty('411422', {
        name: '睢县',
        alias: '睢縣',
        prefecture: '4114',
        tier: 'NATIONAL',
        exitYear: 2018,
        approved: '2019',
      });
    });

    test('扶沟县 411621 (周口市): provincial tier, 2018 batch, approved 2019', async () => {
      await expectCounty('411621', {
        name: '扶沟县',
        alias: '扶溝縣',
        prefecture: '4116',
        tier: 'PROVINCIAL',
        exitYear: 2018,
        approved: '2019',
      });
    });

    test('平舆县 411723 (驻马店市): national tier, 2019 batch, approved 2020-02', async () => {
      await expectCounty('411723', {
        name: '平舆县',
        alias: '平輿縣',
        prefecture: '4117',
        tier: 'NATIONAL',
        exitYear: 2019,
        approved: '2020-02',
      });
    });

    test('新蔡县 411729 (驻马店市): national tier, 2017 batch, approved 2018-08', async () => {
      await expectCounty('411729', {
        name: '新蔡县',
        alias: '新蔡縣',
        prefecture: '4117',
        tier: 'NATIONAL',
        exitYear: 2017,
        approved: '2018-08',
      });
    });

    test('Xinjiang: 若羌县 652824 under 巴音郭楞蒙古自治州 6528', async () => {
      const county = await region('652824');
      const prefecture = await region('6528');
      assert.deepEqual(
        [
          county.name,
          county.level,
          county.aliases.includes('若羌縣'),
          prefecture.name,
          prefecture.parent?.code,
          prefecture.parent?.name,
        ],
        ['若羌县', 'COUNTY', true, '巴音郭楞蒙古自治州', '65', '新疆维吾尔自治区'],
      );
    });

    test('Xinjiang: 阿克苏市 652901 under 阿克苏地区 6529', async () => {
      const county = await region('652901');
      assert.deepEqual(
        [county.name, county.level, county.aliases.includes('阿克蘇市'), county.parent?.code, county.parent?.name],
        ['阿克苏市', 'COUNTY', true, '6529', '阿克苏地区'],
      );
    });

    test('Xinjiang: "Hami" is kept at the prefecture 哈密市 6505', async () => {
      const hami = await region('6505');
      const counties = await prisma.region.count({ where: { parentId: hami.id } });
      assert.deepEqual([hami.name, hami.level, hami.parent?.code, counties], ['哈密市', 'PREFECTURE', '65', 0]);
    });

    test("Every region's parent is one level up and its code extends the parent's", async () => {
      const levels = ['PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP'];
      const regions = await prisma.region.findMany({ include: { parent: true } });
      const broken = regions
        .filter((r) =>
          r.parent === null
            ? r.level !== 'PROVINCE'
            : levels.indexOf(r.level) - levels.indexOf(r.parent.level) !== 1 || !r.code.startsWith(r.parent.code),
        )
        .map((r) => r.code);
      assert.deepEqual([regions.length > 0, broken], [true, []]);
    });

    test("Official names are Simplified; the article's Traditional spellings are aliases", async () => {
      const expected: Record<string, [string, string]> = {
        '4101': ['郑州市', '鄭州市'],
        '4104': ['平顶山市', '平頂山市'],
        '4117': ['驻马店市', '駐馬店市'],
        '65': ['新疆维吾尔自治区', '新疆維吾爾自治區'],
        '6529': ['阿克苏地区', '阿克蘇地區'],
      };
      const rows = await prisma.region.findMany({ where: { code: { in: Object.keys(expected) } } });
      assert.deepEqual(
        Object.fromEntries(rows.map((r) => [r.code, [r.name, r.aliases.find((a) => a === expected[r.code]?.[1])]])),
        expected,
      );
    });

    test('A name filter finds 叶县 by its Simplified or Traditional spelling', async () => {
      const byName = (text: string) =>
        prisma.region.findMany({ where: { OR: [{ name: { contains: text } }, { aliases: { has: text } }] } });
      const [simplified, traditional] = await Promise.all([byName('叶县'), byName('葉縣')]);
      assert.deepEqual([simplified.map((r) => r.code), traditional.map((r) => r.code)], [['410422'], ['410422']]);
    });

    // Village
    test('The village is found by either spelling: 冶上村 (text) and 上冶村 (photo caption)', async () => {
      const bySpelling = (text: string) =>
        prisma.village.findMany({ where: { OR: [{ name: text }, { aliases: { has: text } }] } });
      const [text, caption] = await Promise.all([bySpelling('冶上村'), bySpelling('上冶村')]);
      assert.deepEqual(
        [text.length, caption.length, text[0]?.id === caption[0]?.id, text[0]?.name, text[0]?.aliases],
        [1, 1, true, '冶上村', ['上冶村']],
      );
    });

    test('The village code is not verified; it is likely in 大冶镇 410185105 (a note, not a link)', async () => {
      const village = await prisma.village.findFirstOrThrow({ where: { name: '冶上村' }, include: { county: true } });
      const township = await region('410185105');
      assert.deepEqual(
        [
          village.code,
          village.codeVerified,
          village.county.code,
          village.townshipId,
          /likely in 大冶镇 \(410185105\)/.test(village.note ?? ''),
          township.name,
          township.level,
          township.parent?.code,
        ],
        [null, false, '410185', null, true, '大冶镇', 'TOWNSHIP', '410185'],
      );
    });

    // LPR
    test('LPR 1Y in 2020: 4.15% from 01-20, 4.05% from 02-20, 3.85% from 04-20', async () => {
      const rates = await prisma.lprRate.findMany({ where: { tenor: 'ONE_YEAR' }, orderBy: { effectiveDate: 'asc' } });
      assert.deepEqual(
        rates.map((r) => [r.effectiveDate, r.rate.toFixed(6)]),
        [
          [day('2020-01-20'), '0.041500'],
          [day('2020-02-20'), '0.040500'],
          [day('2020-04-20'), '0.038500'],
        ],
      );
    });

    test('LPR 5Y+ in 2020: 4.80% from 01-20, 4.75% from 02-20, 4.65% from 04-20', async () => {
      const rates = await prisma.lprRate.findMany({
        where: { tenor: 'FIVE_YEAR_PLUS' },
        orderBy: { effectiveDate: 'asc' },
      });
      assert.deepEqual(
        rates.map((r) => [r.effectiveDate, r.rate.toFixed(6)]),
        [
          [day('2020-01-20'), '0.048000'],
          [day('2020-02-20'), '0.047500'],
          [day('2020-04-20'), '0.046500'],
        ],
      );
    });

    // Privacy and provenance
    test('No personal data: cadres are pseudonymous staff references, never names', async () => {
      const cadres = await prisma.cadreAssignment.findMany();
      assert.deepEqual(
        [cadres.length, cadres.map((c) => c.staffRef).sort()],
        [3, ['ICBC-ZZ-CADRE-1', 'ICBC-ZZ-CADRE-2', 'ICBC-ZZ-CADRE-3']],
      );
    });

    test('No personal data: beneficiaries are counts at county level or coarser', async () => {
      const records = await prisma.impactRecord.findMany({ include: { region: true } });
      assert.deepEqual([records.length, records.filter((r) => r.region.level === 'TOWNSHIP').length], [6, 0]);
    });

    test('Every row of the data set is marked dataSource ARTICLE', async () => {
      const notArticle = { dataSource: { not: 'ARTICLE' as const } };
      const counts = await Promise.all([
        prisma.region.count({ where: notArticle }),
        prisma.village.count({ where: notArticle }),
        prisma.orgUnit.count({ where: notArticle }),
        prisma.initiative.count({ where: notArticle }),
        prisma.initiativeVillage.count({ where: notArticle }),
        prisma.cadreAssignment.count({ where: notArticle }),
        prisma.initiativeMetric.count({ where: notArticle }),
        prisma.campaign.count({ where: notArticle }),
        prisma.initiativeCampaign.count({ where: notArticle }),
        prisma.enterprise.count({ where: notArticle }),
        prisma.enterpriseSite.count({ where: notArticle }),
        prisma.enterpriseLoan.count({ where: notArticle }),
        prisma.impactRecord.count({ where: notArticle }),
        prisma.lprRate.count({ where: notArticle }),
      ]);
      assert.deepEqual(counts, Array(counts.length).fill(0));
    });
  });
}
