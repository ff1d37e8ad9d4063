import { Prisma } from '../../generated/prisma/client.js';
import type { EntitySpec } from '../../engine/entitySpec.js';
import { col, common, en, of, text } from '../../engine/specHelpers.js';
import { loanInUnits, loanReaders, unitColumn } from '../auth/index.js';
import { nonPerformingSql, spreadOverLprSql } from './loanFigures.js';
import { loanInRegionsSql, loanRegionSql } from './loanRegion.js';

/** Loans and their schedule, payments and classification history. */
export const loanSpecs: Record<string, EntitySpec> = {
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
        // The stored region is a convenience copy: the fallback rule decides (loanRegion.ts).
        key: loanRegionSql,
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
    regionId: loanRegionSql,
    inRegions: loanInRegionsSql,
    computedSql: { nonPerforming: nonPerformingSql, spreadOverLpr: spreadOverLprSql },
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
};
