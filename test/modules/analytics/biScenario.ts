import type { Database } from '../../../src/db/client.js';
import type { Prisma } from '../../../src/generated/prisma/client.js';

/** Ids and sizes of the BI scenario that tests refer to. */
export interface BiScenario {
  loans: number;
  /** The month every loan skips in its classification history (series must still show it). */
  gapMonth: string;
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** A repeatable pseudo-random source (mulberry32), so failures reproduce. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0));

/**
 * Inserts the BI scenario: Henan (41) with two prefectures and three counties of each poverty
 * tier, Xinjiang (65) with 若羌 (652824) and Hami
 * (6505, a prefecture-level region holding loans), two org units, five enterprises (one with no
 * size or section), three campaigns, `loans` loans with random attributes and nulls (some with no
 * region, rate, balance or dates; some in two campaigns), month-end snapshots for 2020 that all
 * skip June, initiatives with metrics, and impact records on loans and initiatives.
 */
export async function insertBiScenario(db: Database, loans: number, seed = 7): Promise<BiScenario> {
  const p = db.prisma;
  const random = seededRandom(seed);
  const region = (
    code: string,
    name: string,
    level: 'PROVINCE' | 'PREFECTURE' | 'COUNTY',
    parentId: number | null,
    povertyTier?: 'NATIONAL' | 'PROVINCIAL' | 'NONE',
  ) => p.region.create({ data: { code, name, level, parentId, povertyTier: povertyTier ?? null } });
  const henan = await region('41', '河南省', 'PROVINCE', null);
  const pingdingshan = await region('4104', '平顶山市', 'PREFECTURE', henan.id);
  const zhumadian = await region('4117', '驻马店市', 'PREFECTURE', henan.id);
  const yexian = await region('410422', '叶县', 'COUNTY', pingdingshan.id, 'PROVINCIAL');
  const lushan = await region('410423', '鲁山县', 'COUNTY', pingdingshan.id, 'NATIONAL');
  const xincai = await region('411729', '新蔡县', 'COUNTY', zhumadian.id, 'NATIONAL');
  const zhengzhou = await region('4101', '郑州市', 'PREFECTURE', henan.id);
  const dengfeng = await region('410185', '登封市', 'COUNTY', zhengzhou.id, 'NONE');
  const xinjiang = await region('65', '新疆维吾尔自治区', 'PROVINCE', null);
  const hami = await region('6505', '哈密市', 'PREFECTURE', xinjiang.id);
  const bayingol = await region('6528', '巴音郭楞蒙古自治州', 'PREFECTURE', xinjiang.id);
  const ruoqiang = await region('652824', '若羌县', 'COUNTY', bayingol.id, 'NATIONAL');
  const loanRegions = [yexian.id, lushan.id, xincai.id, dengfeng.id, hami.id, ruoqiang.id, null];

  const branch = await p.orgUnit.create({
    data: { code: 'ZZ', name: 'Zhengzhou Branch', nameZh: '郑州分行', kind: 'TIER1_BRANCH', regionId: henan.id },
  });
  const sub = await p.orgUnit.create({
    data: {
      code: 'ZZ-YX',
      name: 'Ye County Sub-branch',
      nameZh: '叶县支行',
      kind: 'SUB_BRANCH',
      parentId: branch.id,
      regionId: yexian.id,
    },
  });
  const enterprises = await Promise.all(
    [
      {
        name: 'Health Food Co.',
        nameZh: '某健康食品公司',
        industrySection: 'C',
        size: 'MEDIUM',
        leadingEnterpriseLevel: 'NATIONAL',
      },
      {
        name: 'Dairy Co.',
        nameZh: '河南某乳业公司',
        industrySection: 'A',
        size: 'LARGE',
        leadingEnterpriseLevel: 'PROVINCIAL',
      },
      { name: 'Bio Co.', nameZh: '某生物公司', industrySection: 'A', size: 'SMALL', leadingEnterpriseLevel: 'NONE' },
      {
        name: 'Logistics Co.',
        nameZh: '某物流公司',
        industrySection: 'G',
        size: 'MICRO',
        leadingEnterpriseLevel: 'MUNICIPAL',
      },
      { name: 'Unknown Co.', nameZh: null, industrySection: null, size: null, leadingEnterpriseLevel: 'NONE' },
    ].map((data) => p.enterprise.create({ data: data as Prisma.EnterpriseUncheckedCreateInput })),
  );
  const campaigns = await Promise.all(
    [
      ['GYPHX', '工银普惠行'],
      ['BHJWQ', '百行进万企'],
      ['WHXW', '万户小微企业成长计划'],
    ].map(([code, name]) => p.campaign.create({ data: { code: code!, name: name! } })),
  );

  const products = [
    'WORKING_CAPITAL',
    'FIXED_ASSET',
    'PROJECT',
    'SUPPLY_CHAIN',
    'INCLUSIVE_SME',
    'POVERTY_MICROCREDIT',
  ] as const;
  const classes = ['INDUSTRY', 'INDIVIDUAL_REGISTERED_POOR', 'PROJECT_ECOLOGY', 'NONE'] as const;
  const statuses = ['APPLIED', 'APPROVED', 'DISBURSED', 'REPAID', 'OVERDUE', 'WRITTEN_OFF'] as const;
  const risks = ['NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS', null] as const;
  const rows: Prisma.EnterpriseLoanCreateManyInput[] = [];
  for (let i = 0; i < loans; i++) {
    const contract = Date.UTC(2019, 0, 1) + Math.floor(random() * 900) * 86_400_000;
    const amountCents = BigInt(100_000 + Math.floor(random() * 5_000_000)) * 100n + BigInt(Math.floor(random() * 100));
    const disbursed = random() < 0.85 ? (amountCents * BigInt(50 + Math.floor(random() * 51))) / 100n : null;
    const status = pick(random, statuses);
    const balance =
      status === 'REPAID'
        ? 0n
        : disbursed !== null && random() < 0.9
          ? (disbursed * BigInt(Math.floor(random() * 101))) / 100n
          : null;
    const cents = (v: bigint | null) => (v === null ? null : `${v / 100n}.${String(v % 100n).padStart(2, '0')}`);
    rows.push({
      contractNo: `BI-${String(i).padStart(5, '0')}`,
      enterpriseId: pick(random, enterprises).id,
      orgUnitId: random() < 0.5 ? branch.id : sub.id,
      regionId: pick(random, loanRegions),
      product: pick(random, products),
      regulatoryClass: pick(random, classes),
      policyRegime: random() < 0.7 ? 'TARGETED_2016_2020' : 'TRANSITION_2021_2025',
      financingModel: pick(random, ['BANK_LEADING_ENTERPRISE_FARMER', 'DIRECT', 'SUPPLY_CHAIN', null] as const),
      guarantee: pick(random, ['CREDIT', 'GUARANTEE', 'MORTGAGE', null] as const),
      effectiveRate: random() < 0.9 ? `0.0${String(30_000 + Math.floor(random() * 30_000)).padStart(5, '0')}` : null,
      contractAmount: cents(amountCents),
      disbursedAmount: cents(disbursed),
      outstandingBalance: cents(balance),
      overduePrincipal: balance !== null && random() < 0.2 ? cents(balance / 3n) : null,
      contractDate: random() < 0.95 ? new Date(contract) : null,
      firstDisbursementDate:
        disbursed !== null && random() < 0.95 ? new Date(contract + Math.floor(random() * 60) * 86_400_000) : null,
      maturityDate: new Date(contract + 1000 * 86_400_000),
      status,
      riskClass: pick(random, risks),
      supportSector: pick(random, ['MEDICAL', 'FOREIGN_TRADE', null, null] as const),
      dataSource: 'SYNTHETIC',
    });
  }
  await p.enterpriseLoan.createMany({ data: rows });
  const loanRows = await p.enterpriseLoan.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  const links: Prisma.LoanCampaignCreateManyInput[] = [];
  const snapshots: Prisma.LoanClassificationSnapshotCreateManyInput[] = [];
  for (const { id } of loanRows) {
    const r = random();
    if (r < 0.4) links.push({ loanId: id, campaignId: campaigns[0]!.id });
    if (r > 0.25 && r < 0.6) links.push({ loanId: id, campaignId: campaigns[1]!.id });
    if (r > 0.9) links.push({ loanId: id, campaignId: campaigns[2]!.id });
    const start = 1 + Math.floor(random() * 4);
    for (let month = start; month <= 12; month++) {
      if (month === 6) continue;
      snapshots.push({
        loanId: id,
        monthEnd: monthEnd(2020, month),
        riskClass: pick(random, ['NORMAL', 'NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'LOSS'] as const),
        outstandingBalance: `${Math.floor(random() * 1_000_000)}.${String(Math.floor(random() * 100)).padStart(2, '0')}`,
      });
    }
  }
  await p.loanCampaign.createMany({ data: links });
  await p.loanClassificationSnapshot.createMany({ data: snapshots });

  const categories = ['NUTRITION', 'INDUSTRY_CREDIT', 'CONSUMPTION'] as const;
  const initiatives = await Promise.all(
    categories.map((category, i) =>
      p.initiative.create({
        data: {
          code: `INI-${i}`,
          name: `Initiative ${i}`,
          nameZh: `项目${i}`,
          category,
          status: i === 2 ? 'COMPLETED' : 'ACTIVE',
          ownerOrgUnitId: i === 0 ? sub.id : branch.id,
          budget: i === 1 ? null : `${(i + 1) * 12345}.50`,
          startDate: day(`201${7 + i}-12-01`),
        },
      }),
    ),
  );
  await p.initiativeMetric.createMany({
    data: initiatives.flatMap((ini, i) => [
      {
        initiativeId: ini.id,
        metric: 'HOUSEHOLDS_REACHED' as const,
        value: `${100 * (i + 1)}.00`,
        unit: 'HOUSEHOLD' as const,
      },
      {
        initiativeId: ini.id,
        metric: 'PURCHASE_AMOUNT' as const,
        value: i === 1 ? null : `${2000000 + i}.00`,
        unit: 'CNY' as const,
      },
    ]),
  });
  const impact: Prisma.ImpactRecordCreateManyInput[] = [];
  const impactRegions = [yexian.id, lushan.id, xincai.id, hami.id, ruoqiang.id, henan.id];
  for (let i = 0; i < Math.max(12, Math.floor(loans / 3)); i++) {
    const onLoan = random() < 0.7;
    const year = 2018 + Math.floor(random() * 3);
    impact.push({
      loanId: onLoan ? pick(random, loanRows).id : null,
      initiativeId: onLoan ? null : pick(random, initiatives).id,
      regionId: pick(random, impactRegions),
      periodStart: day(`${year}-01-01`),
      periodEnd: day(`${year}-12-31`),
      mechanism: pick(random, ['EMPLOYMENT', 'ORDER_PURCHASE', 'ASSET_INCOME', 'TRAINING'] as const),
      peopleDriven: random() < 0.9 ? Math.floor(random() * 2000) : null,
      registeredPoorPeople: random() < 0.8 ? Math.floor(random() * 500) : null,
      registeredPoorHouseholds: random() < 0.8 ? Math.floor(random() * 150) : null,
      employeesTotal: random() < 0.6 ? Math.floor(random() * 1000) : null,
      incomeIncrease:
        random() < 0.7
          ? `${Math.floor(random() * 10_000_000)}.${String(Math.floor(random() * 100)).padStart(2, '0')}`
          : null,
      verifiedBy: pick(random, ['POVERTY_OFFICE', 'BANK', 'SELF_REPORTED'] as const),
    });
  }
  await p.impactRecord.createMany({ data: impact });
  return { loans, gapMonth: '2020-06-30' };
}

const copiedLoanColumns = [
  '"enterpriseId"',
  '"orgUnitId"',
  '"regionId"',
  'product',
  '"regulatoryClass"',
  '"policyRegime"',
  '"contractAmount"',
  '"disbursedAmount"',
  '"outstandingBalance"',
  '"effectiveRate"',
  '"contractDate"',
  '"firstDisbursementDate"',
  '"maturityDate"',
  'status',
  '"riskClass"',
  '"dataSource"',
];

/**
 * Adds `copies` copies of every loan (contract numbers suffixed `-1` … `-copies`): bulk for the
 * export tests, which need more CSV than the sockets buffer.
 */
export async function copyScenarioLoans(db: Database, copies: number): Promise<void> {
  const columns = copiedLoanColumns.join(', ');
  const from = copiedLoanColumns.map((column) => `l.${column}`).join(', ');
  await db.sql.exec(`INSERT INTO "EnterpriseLoan" (${columns}, "contractNo")
    SELECT ${from}, l."contractNo" || '-' || g FROM "EnterpriseLoan" l CROSS JOIN generate_series(1, ${copies}) g`);
}
