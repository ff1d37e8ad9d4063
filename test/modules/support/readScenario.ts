import type { Database } from '../../../src/db/client.js';

/** Sizes of the read-API scenario; statement-count tests grow them and expect the same count. */
export interface ReadScenarioSize {
  villages: number;
  initiatives: number;
  loans: number;
}

/** Ids of the named rows of the scenario. */
export interface ReadScenario {
  henanId: number;
  tangyinId: number;
  nationalEnterpriseId: number;
  overdueLoanContractNo: string;
}

/**
 * Inserts a small named data set for the read API: Henan (41) with a national-tier county
 * (410523 湯陰縣) and a provincial-tier one (410724), Xinjiang's 若羌 (652824), villages linked
 * to initiatives, two enterprises (one a national leading enterprise), loans with schedules,
 * repayments, classification history and impact records, and the 2020 one-year LPR fixings.
 * Loan L-0001 has an overdue instalment.
 */
export async function insertReadScenario(db: Database, size: ReadScenarioSize): Promise<ReadScenario> {
  const p = db.prisma;
  const henan = await p.region.create({ data: { code: '41', name: '河南省', aliases: ['河南'], level: 'PROVINCE' } });
  const anyang = await p.region.create({
    data: { code: '4105', name: '安阳市', aliases: ['安陽市'], level: 'PREFECTURE', parentId: henan.id },
  });
  const tangyin = await p.region.create({
    data: {
      code: '410523',
      name: '汤阴县',
      aliases: ['湯陰縣'],
      level: 'COUNTY',
      parentId: anyang.id,
      povertyTier: 'NATIONAL',
      exitYear: 2019,
    },
  });
  const xinxiang = await p.region.create({
    data: { code: '4107', name: '新乡市', level: 'PREFECTURE', parentId: henan.id },
  });
  const fengqiu = await p.region.create({
    data: {
      code: '410727',
      name: '封丘县',
      aliases: ['封丘縣'],
      level: 'COUNTY',
      parentId: xinxiang.id,
      povertyTier: 'PROVINCIAL',
      exitYear: 2020,
    },
  });
  const xinjiang = await p.region.create({ data: { code: '65', name: '新疆维吾尔自治区', level: 'PROVINCE' } });
  const bayingol = await p.region.create({
    data: { code: '6528', name: '巴音郭楞蒙古自治州', level: 'PREFECTURE', parentId: xinjiang.id },
  });
  const ruoqiang = await p.region.create({
    data: {
      code: '652824',
      name: '若羌县',
      aliases: ['若羌縣'],
      level: 'COUNTY',
      parentId: bayingol.id,
      povertyTier: 'NATIONAL',
      exitYear: 2019,
    },
  });
  const branch = await p.orgUnit.create({
    data: { code: 'ZZ', name: 'Zhengzhou Branch', nameZh: '鄭州分行', kind: 'TIER1_BRANCH', regionId: henan.id },
  });
  const subBranch = await p.orgUnit.create({
    data: {
      code: 'ZZ-TY',
      name: 'Tangyin Sub-branch',
      nameZh: '湯陰支行',
      kind: 'SUB_BRANCH',
      parentId: branch.id,
      regionId: tangyin.id,
      countyLevel: true,
    },
  });
  const counties = [tangyin, fengqiu, ruoqiang];
  await p.village.createMany({
    data: Array.from({ length: size.villages }, (_, i) => ({
      code: `${counties[i % 3]!.code}${String(100000 + i)}`,
      name: i === 0 ? '冶上村' : `村${i}`,
      aliases: i === 0 ? ['上冶村'] : [],
      countyId: counties[i % 3]!.id,
      wasPoorVillage: i % 2 === 0,
      population: 500 + i,
    })),
  });
  const villages = await p.village.findMany({ orderBy: { id: 'asc' } });
  await p.initiative.createMany({
    data: Array.from({ length: size.initiatives }, (_, i) => ({
      code: `INI-${String(i).padStart(3, '0')}`,
      name: `Initiative ${i}`,
      nameZh: i === 0 ? '愛心午餐' : `項目${i}`,
      category: i % 2 === 0 ? 'NUTRITION' : 'PAIRED_ASSISTANCE',
      status: 'ACTIVE',
      ownerOrgUnitId: branch.id,
      budget: `${1000 * (i + 1)}.50`,
      startDate: new Date(Date.UTC(2016 + (i % 5), 0, 1)),
    })),
  });
  const initiatives = await p.initiative.findMany({ orderBy: { id: 'asc' } });
  // Every village links to every initiative, so nested pages fill up as the data grows.
  await p.initiativeVillage.createMany({
    data: villages.flatMap((v) =>
      initiatives.map((ini) => ({ villageId: v.id, initiativeId: ini.id, role: 'TARGET' as const })),
    ),
  });
  const national = await p.enterprise.create({
    data: {
      name: 'Enterprise A',
      nameZh: '甲公司',
      leadingEnterpriseLevel: 'NATIONAL',
      size: 'LARGE',
      headOfficeRegionId: tangyin.id,
    },
  });
  const local = await p.enterprise.create({
    data: { name: 'Enterprise B', leadingEnterpriseLevel: 'NONE', size: 'SMALL', headOfficeRegionId: ruoqiang.id },
  });
  const site = await p.enterpriseSite.create({
    data: { enterpriseId: national.id, regionId: fengqiu.id, kind: 'FARM' },
  });
  await p.enterpriseSite.create({ data: { enterpriseId: national.id, regionId: tangyin.id, kind: 'PLANT' } });
  await p.lprRate.createMany({
    data: [
      { tenor: 'ONE_YEAR', effectiveDate: new Date('2020-01-20'), rate: '0.041500' },
      { tenor: 'ONE_YEAR', effectiveDate: new Date('2020-02-20'), rate: '0.040500' },
      { tenor: 'ONE_YEAR', effectiveDate: new Date('2020-04-20'), rate: '0.038500' },
    ],
  });
  await p.enterpriseLoan.createMany({
    data: Array.from({ length: size.loans }, (_, i) => ({
      contractNo: `L-${String(i + 1).padStart(4, '0')}`,
      enterpriseId: i % 2 === 0 ? national.id : local.id,
      orgUnitId: subBranch.id,
      siteId: i % 4 === 0 ? site.id : null,
      regionId: i % 2 === 0 ? null : ruoqiang.id,
      product: 'WORKING_CAPITAL' as const,
      regulatoryClass: 'INDUSTRY' as const,
      policyRegime: 'TARGETED_2016_2020' as const,
      lprTenor: 'ONE_YEAR' as const,
      effectiveRate: '0.043500',
      contractAmount: `${(i % 7) * 1000000 + 500000}.00`,
      disbursedAmount: `${(i % 7) * 1000000 + 500000}.00`,
      outstandingBalance: `${(i % 7) * 1000000 + 100000}.00`,
      contractDate: new Date(Date.UTC(2020, i % 6, 1 + (i % 28))),
      maturityDate: new Date(Date.UTC(2021, i % 6, 1)),
      termMonths: 12,
      status: 'DISBURSED' as const,
      riskClass: i % 10 === 3 ? ('SUBSTANDARD' as const) : i % 5 === 0 ? null : ('NORMAL' as const),
    })),
  });
  const loans = await p.enterpriseLoan.findMany({ orderBy: { id: 'asc' } });
  await p.repaymentScheduleItem.createMany({
    data: loans.flatMap((loan, i) =>
      Array.from({ length: 3 }, (_, seq) => ({
        loanId: loan.id,
        seq: seq + 1,
        dueDate: new Date(Date.UTC(2020, 6 + seq, 20)),
        principalDue: '100000.00',
        interestDue: '3625.00',
        status: i === 0 && seq === 0 ? ('OVERDUE' as const) : ('PENDING' as const),
      })),
    ),
  });
  await p.repayment.createMany({
    data: loans.flatMap((loan) =>
      Array.from({ length: 2 }, (_, k) => ({
        loanId: loan.id,
        paidOn: new Date(Date.UTC(2020, 6 + k, 20)),
        principal: '0.00',
        interest: '3625.00',
      })),
    ),
  });
  await p.impactRecord.createMany({
    data: loans.map((loan) => ({
      loanId: loan.id,
      regionId: tangyin.id,
      mechanism: 'EMPLOYMENT' as const,
      peopleDriven: 10,
      verifiedBy: 'BANK' as const,
    })),
  });
  return {
    henanId: henan.id,
    tangyinId: tangyin.id,
    nationalEnterpriseId: national.id,
    overdueLoanContractNo: 'L-0001',
  };
}
