import type { EntitySpec } from '../../engine/entitySpec.js';
import { col, common, en, of, text } from '../../engine/specHelpers.js';
import { enterpriseInUnits } from '../auth/index.js';

/** Enterprises and their sites. */
export const enterpriseSpecs: Record<string, EntitySpec> = {
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
};
