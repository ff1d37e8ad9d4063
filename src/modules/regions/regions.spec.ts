import { Prisma } from '../../generated/prisma/client.js';
import type { EntitySpec } from '../../engine/entitySpec.js';
import { col, common, en, of, text } from '../../engine/specHelpers.js';

/** Regions: provinces down to townships, the NBS division tree. */
export const regionSpecs: Record<string, EntitySpec> = {
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
    // NBS codes nest by prefix: the ancestors of 410523 are 4105 and 41, nearest first (regions.loaders.ts).
    computedLists: {
      ancestors: {
        target: 'Region',
        where: (alias, inner) =>
          Prisma.sql`starts_with(${col(alias, 'code')}, ${col(inner, 'code')}) AND ${col(inner, 'code')} <> ${col(alias, 'code')}`,
        order: (inner) => Prisma.sql`length(${col(inner, 'code')}) DESC`,
      },
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
};
