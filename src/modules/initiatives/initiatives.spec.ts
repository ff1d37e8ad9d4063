import { Prisma } from '../../generated/prisma/client.js';
import type { EntitySpec } from '../../engine/entitySpec.js';
import { col, common, en, of, text } from '../../engine/specHelpers.js';
import { initiativeInUnits, unitColumn } from '../auth/index.js';

/** Initiatives, their cadres and figures, and the campaigns they belong to. */
export const initiativeSpecs: Record<string, EntitySpec> = {
  Initiative: {
    typeName: 'Initiative',
    table: 'Initiative',
    fields: {
      ...common(),
      code: text('code', 'Initiative code.'),
      name: text('name', 'English name; also matches the Chinese name.', 'nameZh'),
      nameZh: text('nameZh', 'Chinese name.'),
      category: en('InitiativeCategory', 'category', 'Category.'),
      status: en('InitiativeStatus', 'status', 'Status.'),
      startDate: of('date', 'startDate', 'Start date.'),
      endDate: of('date', 'endDate', 'End date.'),
      budget: of('decimal', 'budget', 'Budget in CNY.'),
      approximate: of('boolean', 'approximate', 'Whether figures are approximate.'),
    },
    relations: {
      ownerOrgUnit: { cardinality: 'one', target: 'OrgUnit', column: 'ownerOrgUnitId', description: 'Owning unit.' },
      villages: {
        cardinality: 'many',
        target: 'Village',
        link: Prisma.sql`SELECT DISTINCT "villageId" AS child, "initiativeId" AS parent FROM "InitiativeVillage"`,
        description: 'Villages the initiative targets or is hosted in.',
      },
      campaigns: {
        cardinality: 'many',
        target: 'Campaign',
        link: Prisma.sql`SELECT "campaignId" AS child, "initiativeId" AS parent FROM "InitiativeCampaign"`,
        description: 'Campaigns the initiative belongs to.',
      },
      cadreAssignments: {
        cardinality: 'many',
        target: 'CadreAssignment',
        foreignKey: 'initiativeId',
        description: 'Cadres stationed for it.',
      },
      metrics: {
        cardinality: 'many',
        target: 'InitiativeMetric',
        foreignKey: 'initiativeId',
        description: 'Outcome figures.',
      },
      impactRecords: {
        cardinality: 'many',
        target: 'ImpactRecord',
        foreignKey: 'initiativeId',
        description: 'Impact records.',
      },
    },
    inScope: unitColumn('ownerOrgUnitId'),
  },
  CadreAssignment: {
    typeName: 'CadreAssignment',
    table: 'CadreAssignment',
    fields: {
      ...common(),
      role: en('CadreRole', 'role', 'Role.'),
      partyMember: of('boolean', 'partyMember', 'Whether the cadre is a Party member.'),
      staffRef: text('staffRef', 'Pseudonymous staff reference.'),
      startDate: of('date', 'startDate', 'Start date.'),
      endDate: of('date', 'endDate', 'End date.'),
    },
    relations: {
      initiative: { cardinality: 'one', target: 'Initiative', column: 'initiativeId', description: 'The initiative.' },
      village: { cardinality: 'one', target: 'Village', column: 'villageId', description: 'The village.' },
    },
    inScope: (alias, units) => initiativeInUnits(col(alias, 'initiativeId'), units),
  },
  InitiativeMetric: {
    typeName: 'InitiativeMetric',
    table: 'InitiativeMetric',
    fields: {
      ...common(),
      metric: en('MetricKind', 'metric', 'What is measured.'),
      value: of('decimal', 'value', 'The figure.'),
      unit: en('MetricUnit', 'unit', 'Unit of the figure.'),
      periodStart: of('date', 'periodStart', 'Start of the period.'),
      periodEnd: of('date', 'periodEnd', 'End of the period.'),
      cumulative: of('boolean', 'cumulative', 'Whether the figure is cumulative.'),
      approximate: of('boolean', 'approximate', 'Whether the figure is approximate.'),
    },
    relations: {
      initiative: { cardinality: 'one', target: 'Initiative', column: 'initiativeId', description: 'The initiative.' },
    },
    inScope: (alias, units) => initiativeInUnits(col(alias, 'initiativeId'), units),
  },
  Campaign: {
    typeName: 'Campaign',
    table: 'Campaign',
    fields: {
      ...common(),
      code: text('code', 'Campaign code.'),
      name: text('name', 'Name (工銀普惠行); also matches aliases.', 'aliases'),
      nameEn: text('nameEn', 'English name.'),
      sponsor: text('sponsor', 'Sponsor.'),
      theme: text('theme', 'Theme.'),
      startDate: of('date', 'startDate', 'Start date.'),
      endDate: of('date', 'endDate', 'End date.'),
    },
    relations: {
      initiatives: {
        cardinality: 'many',
        target: 'Initiative',
        link: Prisma.sql`SELECT "initiativeId" AS child, "campaignId" AS parent FROM "InitiativeCampaign"`,
        description: 'Initiatives in the campaign.',
      },
      loans: {
        cardinality: 'many',
        target: 'EnterpriseLoan',
        link: Prisma.sql`SELECT "loanId" AS child, "campaignId" AS parent FROM "LoanCampaign"`,
        description: 'Loans granted under the campaign.',
      },
    },
  },
};
