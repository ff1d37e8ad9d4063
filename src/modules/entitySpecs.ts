import { Prisma } from '../generated/prisma/client.js';
import type { EntitySpec } from '../engine/entitySpec.js';
import { col, common, en, of, text } from '../engine/specHelpers.js';
import { initiativeInUnits, unitColumn } from '../engine/scopeHelpers.js';
import { financeSpecs, lprRateSpec } from './financeSpecs.js';

/** Every entity the read API exposes as a connection, by GraphQL type name. */
export const entitySpecs: Record<string, EntitySpec> = {
  ...financeSpecs,
  LprRate: lprRateSpec,
  Region: {
    typeName: 'Region',
    table: 'Region',
    fields: {
      ...common(),
      code: text('code', 'NBS statistical division code (統計用區劃代碼).'),
      name: text('name', 'Official Simplified name; also matches aliases (e.g. Traditional spellings).', 'aliases'),
      level: en('RegionLevel', 'level', 'Administrative level.'),
      povertyTier: en('PovertyTier', 'povertyTier', 'Poverty-county tier (貧困縣), counties only.'),
      contiguousArea: text('contiguousArea', 'Contiguous destitute area (集中連片特困地區).'),
      exitYear: of('int', 'exitYear', 'Year the county exited poverty (脫貧摘帽).'),
      exitApprovedOn: of('date', 'exitApprovedOn', 'Date the exit was approved.'),
      revitalizationKeyCounty: of(
        'boolean',
        'revitalizationKeyCounty',
        'National rural-revitalisation key county (國家鄉村振興重點幫扶縣).',
      ),
    },
    relations: {
      parent: { cardinality: 'one', target: 'Region', column: 'parentId', description: 'The region one level up.' },
      children: {
        cardinality: 'many',
        target: 'Region',
        foreignKey: 'parentId',
        description: 'Regions one level down.',
      },
      villages: {
        cardinality: 'many',
        target: 'Village',
        link: Prisma.sql`SELECT "id" AS child, "countyId" AS parent FROM "Village" UNION ALL SELECT "id", "townshipId" FROM "Village" WHERE "townshipId" IS NOT NULL`,
        description: 'Villages whose county or township this region is.',
      },
    },
    regionId: (alias) => col(alias, 'id'),
  },
  Village: {
    typeName: 'Village',
    table: 'Village',
    fields: {
      ...common(),
      code: text('code', '12-digit village code; null when unknown.'),
      codeVerified: of('boolean', 'codeVerified', 'Whether the code was checked against the NBS list.'),
      name: text('name', 'Name; also matches aliases (冶上村 / 上冶村).', 'aliases'),
      wasPoorVillage: of('boolean', 'wasPoorVillage', 'Whether it was a registered poor village (貧困村).'),
      exitYear: of('int', 'exitYear', 'Year the village exited poverty.'),
      registeredPoorHouseholds: of(
        'int',
        'registeredPoorHouseholds',
        'Registered poor households (建檔立卡貧困戶), a count.',
      ),
      population: of('int', 'population', 'Population, a count.'),
    },
    relations: {
      county: { cardinality: 'one', target: 'Region', column: 'countyId', description: 'The county.' },
      township: { cardinality: 'one', target: 'Region', column: 'townshipId', description: 'The township.' },
      initiatives: {
        cardinality: 'many',
        target: 'Initiative',
        link: Prisma.sql`SELECT DISTINCT "initiativeId" AS child, "villageId" AS parent FROM "InitiativeVillage"`,
        description: 'Initiatives that target or are hosted by the village.',
      },
      cadreAssignments: {
        cardinality: 'many',
        target: 'CadreAssignment',
        foreignKey: 'villageId',
        description: 'Cadres stationed in the village.',
      },
    },
    regionId: (alias) => Prisma.sql`COALESCE(${col(alias, 'townshipId')}, ${col(alias, 'countyId')})`,
  },
  OrgUnit: {
    typeName: 'OrgUnit',
    table: 'OrgUnit',
    fields: {
      ...common(),
      code: text('code', 'Internal unit code.'),
      name: text('name', 'English name; also matches the Chinese name.', 'nameZh'),
      nameZh: text('nameZh', 'Chinese name.'),
      kind: en('OrgUnitKind', 'kind', 'Kind of unit.'),
      countyLevel: of('boolean', 'countyLevel', 'Whether the unit serves a county (縣域).'),
    },
    relations: {
      parent: { cardinality: 'one', target: 'OrgUnit', column: 'parentId', description: 'The unit above.' },
      children: {
        cardinality: 'many',
        target: 'OrgUnit',
        foreignKey: 'parentId',
        description: 'Units directly below.',
      },
      region: { cardinality: 'one', target: 'Region', column: 'regionId', description: 'Region the unit serves.' },
      initiatives: {
        cardinality: 'many',
        target: 'Initiative',
        foreignKey: 'ownerOrgUnitId',
        description: 'Initiatives the unit owns.',
      },
      loans: {
        cardinality: 'many',
        target: 'EnterpriseLoan',
        foreignKey: 'orgUnitId',
        description: 'Loans booked by the unit.',
      },
    },
    regionId: (alias) => col(alias, 'regionId'),
    inScope: unitColumn('id'),
  },
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
