import { Prisma } from '../generated/prisma/client.js';
import type { EntitySpec } from '../engine/entitySpec.js';
import { col, common, en, of, text } from '../engine/specHelpers.js';
import { enterpriseInUnits, initiativeInUnits, loanInUnits, loanReaders, unitColumn } from '../engine/scopeHelpers.js';

/** Enterprises, their sites and loans, and the loan's schedule, payments, history and impact. */
export const financeSpecs: Record<string, EntitySpec> = {
  Enterprise: {
    typeName: 'Enterprise',
    table: 'Enterprise',
    fields: {
      ...common(),
      name: text('name', 'Name (anonymised in article data); also matches the Chinese name.', 'nameZh'),
      nameZh: text('nameZh', 'Chinese name.'),
      anonymised: of('boolean', 'anonymised', 'Whether the name is a stand-in.'),
      creditCode: text('creditCode', 'Unified social credit code (統一社會信用代碼).'),
      industrySection: text('industrySection', 'GB/T 4754 section letter.'),
      industryCode: text('industryCode', 'GB/T 4754 class code.'),
      size: en('EnterpriseSize', 'size', 'Size class.'),
      leadingEnterpriseLevel: en(
        'LeadingEnterpriseLevel',
        'leadingEnterpriseLevel',
        'Leading-enterprise level (農業產業化龍頭企業).',
      ),
    },
    relations: {
      headOfficeRegion: {
        cardinality: 'one',
        target: 'Region',
        column: 'headOfficeRegionId',
        description: 'Head-office region.',
      },
      sites: { cardinality: 'many', target: 'EnterpriseSite', foreignKey: 'enterpriseId', description: 'Sites.' },
      loans: {
        cardinality: 'many',
        target: 'EnterpriseLoan',
        foreignKey: 'enterpriseId',
        description: 'Loans borrowed.',
      },
    },
    regionId: (alias) => col(alias, 'headOfficeRegionId'),
    inScope: (alias, units) => enterpriseInUnits(col(alias, 'id'), units),
  },
  EnterpriseSite: {
    typeName: 'EnterpriseSite',
    table: 'EnterpriseSite',
    fields: {
      ...common(),
      kind: en('SiteKind', 'kind', 'Kind of site.'),
      name: text('name', 'Name of the site.'),
      openedOn: of('date', 'openedOn', 'Opening date.'),
    },
    relations: {
      enterprise: {
        cardinality: 'one',
        target: 'Enterprise',
        column: 'enterpriseId',
        description: 'Operating enterprise.',
      },
      region: { cardinality: 'one', target: 'Region', column: 'regionId', description: 'Region of the site.' },
      loans: {
        cardinality: 'many',
        target: 'EnterpriseLoan',
        foreignKey: 'siteId',
        description: 'Loans used at the site.',
      },
    },
    regionId: (alias) => col(alias, 'regionId'),
    inScope: (alias, units) => enterpriseInUnits(col(alias, 'enterpriseId'), units),
  },
  EnterpriseLoan: {
    typeName: 'EnterpriseLoan',
    table: 'EnterpriseLoan',
    fields: {
      ...common(),
      contractNo: text('contractNo', 'Contract number.'),
      product: en('LoanProduct', 'product', 'Loan product.'),
      regulatoryClass: en('RegulatoryClass', 'regulatoryClass', 'PBoC targeted-poverty statistical class.'),
      policyRegime: en('PolicyRegime', 'policyRegime', 'Policy regime.'),
      financingModel: en('FinancingModel', 'financingModel', 'Financing model.'),
      guarantee: en('GuaranteeType', 'guarantee', 'Guarantee type.'),
      rateType: en('RateType', 'rateType', 'Fixed or floating rate.'),
      lprTenor: en('LprTenor', 'lprTenor', 'LPR tenor the rate is priced on.'),
      spreadBps: of('int', 'spreadBps', 'Spread over LPR in basis points.'),
      effectiveRate: of('decimal', 'effectiveRate', 'Effective annual rate.'),
      contractAmount: of('decimal', 'contractAmount', 'Contract amount, CNY.'),
      disbursedAmount: of('decimal', 'disbursedAmount', 'Disbursed amount, CNY.'),
      outstandingBalance: of('decimal', 'outstandingBalance', 'Outstanding balance, CNY.'),
      overduePrincipal: of('decimal', 'overduePrincipal', 'Overdue principal, CNY.'),
      daysPastDue: of('int', 'daysPastDue', 'Days past due.'),
      contractDate: of('date', 'contractDate', 'Contract date.'),
      firstDisbursementDate: of('date', 'firstDisbursementDate', 'First disbursement date.'),
      maturityDate: of('date', 'maturityDate', 'Maturity date.'),
      termMonths: of('int', 'termMonths', 'Term in months.'),
      deferredUntil: of('date', 'deferredUntil', 'Deferral (延期還本付息) until.'),
      status: en('LoanStatus', 'status', 'Lifecycle status.'),
      riskClass: en('RiskClass', 'riskClass', 'Five-tier risk class (五級分類).'),
      supportSector: en('SupportSector', 'supportSector', 'COVID-19 support sector.'),
      illustrative: of('boolean', 'illustrative', 'Whether figures are illustrative.'),
    },
    relations: {
      enterprise: { cardinality: 'one', target: 'Enterprise', column: 'enterpriseId', description: 'The borrower.' },
      orgUnit: { cardinality: 'one', target: 'OrgUnit', column: 'orgUnitId', description: 'Booking unit.' },
      site: {
        cardinality: 'one',
        target: 'EnterpriseSite',
        column: 'siteId',
        description: 'Site where the money is used.',
      },
      region: {
        cardinality: 'one',
        target: 'Region',
        column: 'regionId',
        description: 'County where the money is used.',
      },
      campaigns: {
        cardinality: 'many',
        target: 'Campaign',
        link: Prisma.sql`SELECT "campaignId" AS child, "loanId" AS parent FROM "LoanCampaign"`,
        description: 'Campaigns the loan was granted under.',
      },
      scheduleItems: {
        cardinality: 'many',
        target: 'RepaymentScheduleItem',
        foreignKey: 'loanId',
        description: 'Planned instalments.',
      },
      repayments: { cardinality: 'many', target: 'Repayment', foreignKey: 'loanId', description: 'Actual payments.' },
      classificationHistory: {
        cardinality: 'many',
        target: 'LoanClassificationSnapshot',
        foreignKey: 'loanId',
        description: 'Month-end classification.',
      },
      impactRecords: {
        cardinality: 'many',
        target: 'ImpactRecord',
        foreignKey: 'loanId',
        description: 'Impact records.',
      },
    },
    // The stored region, else the site's, else the borrower's head office.
    regionId: (alias) =>
      Prisma.sql`COALESCE(${col(alias, 'regionId')}, (SELECT s."regionId" FROM "EnterpriseSite" s WHERE s."id" = ${col(alias, 'siteId')}), (SELECT e."headOfficeRegionId" FROM "Enterprise" e WHERE e."id" = ${col(alias, 'enterpriseId')}))`,
    readers: loanReaders,
    inScope: unitColumn('orgUnitId'),
  },
  RepaymentScheduleItem: {
    typeName: 'RepaymentScheduleItem',
    table: 'RepaymentScheduleItem',
    fields: {
      ...common(),
      seq: of('int', 'seq', 'Instalment number.'),
      dueDate: of('date', 'dueDate', 'Due date.'),
      principalDue: of('decimal', 'principalDue', 'Principal due, CNY.'),
      interestDue: of('decimal', 'interestDue', 'Interest due, CNY.'),
      principalPaid: of('decimal', 'principalPaid', 'Principal paid, CNY.'),
      interestPaid: of('decimal', 'interestPaid', 'Interest paid, CNY.'),
      status: en('ScheduleStatus', 'status', 'Status.'),
    },
    relations: {
      loan: { cardinality: 'one', target: 'EnterpriseLoan', column: 'loanId', description: 'The loan.' },
      repayments: {
        cardinality: 'many',
        target: 'Repayment',
        foreignKey: 'scheduleItemId',
        description: 'Payments against it.',
      },
    },
    readers: loanReaders,
    inScope: (alias, units) => loanInUnits(col(alias, 'loanId'), units),
  },
  Repayment: {
    typeName: 'Repayment',
    table: 'Repayment',
    fields: {
      ...common(),
      paidOn: of('date', 'paidOn', 'Payment date.'),
      principal: of('decimal', 'principal', 'Principal paid, CNY.'),
      interest: of('decimal', 'interest', 'Interest paid, CNY.'),
      penalty: of('decimal', 'penalty', 'Penalty interest paid, CNY.'),
    },
    relations: {
      loan: { cardinality: 'one', target: 'EnterpriseLoan', column: 'loanId', description: 'The loan.' },
      scheduleItem: {
        cardinality: 'one',
        target: 'RepaymentScheduleItem',
        column: 'scheduleItemId',
        description: 'Instalment paid.',
      },
    },
    readers: loanReaders,
    inScope: (alias, units) => loanInUnits(col(alias, 'loanId'), units),
  },
  LoanClassificationSnapshot: {
    typeName: 'LoanClassificationSnapshot',
    table: 'LoanClassificationSnapshot',
    fields: {
      ...common(),
      monthEnd: of('date', 'monthEnd', 'Month end.'),
      riskClass: en('RiskClass', 'riskClass', 'Risk class at month end.'),
      outstandingBalance: of('decimal', 'outstandingBalance', 'Balance at month end, CNY.'),
      daysPastDue: of('int', 'daysPastDue', 'Days past due at month end.'),
    },
    relations: {
      loan: { cardinality: 'one', target: 'EnterpriseLoan', column: 'loanId', description: 'The loan.' },
    },
    readers: loanReaders,
    inScope: (alias, units) => loanInUnits(col(alias, 'loanId'), units),
  },
  ImpactRecord: {
    typeName: 'ImpactRecord',
    table: 'ImpactRecord',
    fields: {
      ...common(),
      periodStart: of('date', 'periodStart', 'Start of the period.'),
      periodEnd: of('date', 'periodEnd', 'End of the period.'),
      mechanism: en('ImpactMechanism', 'mechanism', 'How poor people are driven (帶貧機制).'),
      peopleDriven: of('int', 'peopleDriven', 'People driven (帶動).'),
      registeredPoorPeople: of('int', 'registeredPoorPeople', 'Registered poor people reached.'),
      registeredPoorHouseholds: of('int', 'registeredPoorHouseholds', 'Registered poor households reached.'),
      employeesTotal: of('int', 'employeesTotal', 'Employees in total.'),
      poorEmployeeShare: of('decimal', 'poorEmployeeShare', 'Share of poor employees, 0–1.'),
      incomeIncrease: of('decimal', 'incomeIncrease', 'Income increase, CNY.'),
      approximate: of('boolean', 'approximate', 'Whether approximate.'),
      verifiedBy: en('Verifier', 'verifiedBy', 'Who verified it.'),
    },
    relations: {
      loan: { cardinality: 'one', target: 'EnterpriseLoan', column: 'loanId', description: 'The loan.' },
      initiative: { cardinality: 'one', target: 'Initiative', column: 'initiativeId', description: 'The initiative.' },
      region: { cardinality: 'one', target: 'Region', column: 'regionId', description: 'The region.' },
    },
    regionId: (alias) => col(alias, 'regionId'),
    // A record counts for the branch of its loan or of its initiative.
    inScope: (alias, units) =>
      Prisma.sql`(${loanInUnits(col(alias, 'loanId'), units)} OR ${initiativeInUnits(col(alias, 'initiativeId'), units)})`,
  },
};

/** LPR fixings (貸款市場報價利率), for spreads over LPR. */
export const lprRateSpec: EntitySpec = {
  typeName: 'LprRate',
  table: 'LprRate',
  fields: {
    ...common(),
    effectiveDate: of('date', 'effectiveDate', 'Date the fixing takes effect.'),
    tenor: en('LprTenor', 'tenor', 'Tenor.'),
    rate: of('decimal', 'rate', 'Annual rate as a fraction (0.038500 = 3.85%).'),
  },
  relations: {},
};
