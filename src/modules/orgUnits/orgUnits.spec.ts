import type { EntitySpec } from '../../engine/entitySpec.js';
import { col, common, en, of, text } from '../../engine/specHelpers.js';
import { unitColumn } from '../auth/index.js';

/** The bank's org units, the tree row scope is measured against. */
export const orgUnitSpecs: Record<string, EntitySpec> = {
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
};
