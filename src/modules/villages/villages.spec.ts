import { Prisma } from '../../generated/prisma/client.js';
import type { EntitySpec } from '../../engine/entitySpec.js';
import { col, common, of, text } from '../../engine/specHelpers.js';

/** Villages (行政村) and their poverty records. */
export const villageSpecs: Record<string, EntitySpec> = {
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
};
