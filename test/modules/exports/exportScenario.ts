import type { Database } from '../../../src/db/client.js';

const at = new Date('2020-04-20T08:00:00.000Z');
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * Inserts the export scenario: two loans of a borrower whose Chinese name holds a comma, a double
 * quote and a line break, in 叶县 (410422), one under two campaigns with every amount set, one with
 * most fields null; and one impact record. Every timestamp is 2020-04-20T08:00:00Z, so the
 * export is the same byte for byte on every run.
 */
export async function insertExportScenario(db: Database): Promise<void> {
  const p = db.prisma;
  const stamp = { createdAt: at, updatedAt: at, dataSource: 'SYNTHETIC' as const };
  const henan = await p.region.create({ data: { code: '41', name: '河南省', level: 'PROVINCE', ...stamp } });
  const pds = await p.region.create({
    data: { code: '4104', name: '平顶山市', level: 'PREFECTURE', parentId: henan.id, ...stamp },
  });
  const ye = await p.region.create({
    data: { code: '410422', name: '叶县', level: 'COUNTY', parentId: pds.id, povertyTier: 'PROVINCIAL', ...stamp },
  });
  const unit = await p.orgUnit.create({
    data: { code: 'ZZ', name: 'Zhengzhou, "Main" Branch', nameZh: '郑州分行', kind: 'TIER1_BRANCH', ...stamp },
  });
  const firm = await p.enterprise.create({
    data: { name: 'Bio Co.', nameZh: '某生物公司, "养猪"\n分公司', industrySection: 'A', size: 'SMALL', ...stamp },
  });
  await p.enterpriseLoan.create({
    data: {
      contractNo: 'YX-2020-001',
      enterpriseId: firm.id,
      orgUnitId: unit.id,
      regionId: ye.id,
      product: 'PROJECT',
      regulatoryClass: 'INDUSTRY',
      policyRegime: 'TARGETED_2016_2020',
      financingModel: 'BANK_LEADING_ENTERPRISE_FARMER',
      guarantee: 'CREDIT',
      rateType: 'FLOATING',
      lprTenor: 'ONE_YEAR',
      lprAtPricing: '0.038500',
      spreadBps: -10,
      effectiveRate: '0.037500',
      contractAmount: '12000000.00',
      disbursedAmount: '10000000.50',
      outstandingBalance: '9876543.21',
      overduePrincipal: '0.10',
      contractDate: day('2020-03-02'),
      firstDisbursementDate: day('2020-03-10'),
      maturityDate: day('2023-03-02'),
      termMonths: 36,
      status: 'DISBURSED',
      riskClass: 'SUBSTANDARD',
      supportSector: 'AGRICULTURE',
      ...stamp,
    },
  });
  await p.enterpriseLoan.create({
    data: {
      contractNo: 'YX-2020-002',
      enterpriseId: firm.id,
      orgUnitId: unit.id,
      product: 'WORKING_CAPITAL',
      regulatoryClass: 'NONE',
      policyRegime: 'TRANSITION_2021_2025',
      status: 'APPLIED',
      ...stamp,
    },
  });
  const loan = await p.enterpriseLoan.findUniqueOrThrow({ where: { contractNo: 'YX-2020-001' } });
  for (const [code, name] of [
    ['GYPHX', '工银普惠行'],
    ['BHJWQ', '百行进万企'],
  ] as const) {
    const campaign = await p.campaign.create({ data: { code, name, ...stamp } });
    await p.loanCampaign.create({ data: { loanId: loan.id, campaignId: campaign.id, ...stamp } });
  }
  await p.impactRecord.create({
    data: {
      loanId: loan.id,
      regionId: ye.id,
      mechanism: 'EMPLOYMENT',
      peopleDriven: 10000,
      approximate: true,
      qualifier: '超',
      poorEmployeeShare: '0.3000',
      verifiedBy: 'POVERTY_OFFICE',
      periodStart: day('2020-01-01'),
      ...stamp,
    },
  });
}
