import type { Dimension, JoinTable } from './grouping.js';

/**
 * Joins of the region hierarchy above a row's region `regionIdSql`: the region itself (`r`), and
 * its province, prefecture and county rows, found by NBS code prefix (2, 4 and 6 digits).
 */
export function regionJoins(regionIdSql: string): JoinTable {
  return [
    ['region', `LEFT JOIN "Region" r ON r."id" = ${regionIdSql}`],
    ['province', `LEFT JOIN "Region" rp ON rp."code" = left(r."code", 2)`, 'region'],
    ['prefecture', `LEFT JOIN "Region" rf ON length(r."code") >= 4 AND rf."code" = left(r."code", 4)`, 'region'],
    ['county', `LEFT JOIN "Region" rc ON length(r."code") >= 6 AND rc."code" = left(r."code", 6)`, 'region'],
  ];
}

/**
 * The province, prefecture, county and county-tier dimensions over {@link regionJoins}. They group
 * by the ancestor's row id: the region tree guarantees every ancestor of a region has its row.
 */
export const regionDimensions: Readonly<Record<string, Dimension>> = {
  PROVINCE: {
    joins: ['region', 'province'],
    groupBy: ['rp."id"'],
    keys: [
      { field: 'provinceCode', sql: `rp."code"` },
      { field: 'provinceName', sql: `rp."name"` },
    ],
  },
  PREFECTURE: {
    joins: ['region', 'prefecture'],
    groupBy: ['rf."id"'],
    keys: [
      { field: 'prefectureCode', sql: `rf."code"` },
      { field: 'prefectureName', sql: `rf."name"` },
    ],
  },
  COUNTY: {
    joins: ['region', 'county'],
    groupBy: ['rc."id"'],
    keys: [
      { field: 'countyCode', sql: `rc."code"` },
      { field: 'countyName', sql: `rc."name"` },
    ],
  },
  COUNTY_POVERTY_TIER: {
    joins: ['region', 'county'],
    keys: [{ field: 'countyPovertyTier', sql: `rc."povertyTier"::text` }],
  },
};

/** Year, quarter, month and ISO-week buckets of the date column `column`, keyed `<prefix>Period`. */
export function dateBuckets(prefix: string, dimensionPrefix: string, column: string): Record<string, Dimension> {
  const units = {
    YEAR: ['year', 'YYYY'],
    QUARTER: ['quarter', 'YYYY-"Q"Q'],
    MONTH: ['month', 'YYYY-MM'],
    WEEK: ['week', 'IYYY-"W"IW'],
  };
  return Object.fromEntries(
    Object.entries(units).map(([unit, [trunc, label]]) => [
      `${dimensionPrefix}_${unit}`,
      {
        joins: [],
        bucketOf: column,
        // Truncating a timestamp without time zone keeps the session's time zone out of it.
        groupBy: [`date_trunc('${trunc}', ${column}::timestamp)`],
        keys: [
          { field: `${prefix}Period`, sql: `date_trunc('${trunc}', ${column}::timestamp)::date::text` },
          { field: `${prefix}PeriodLabel`, sql: `to_char(date_trunc('${trunc}', ${column}::timestamp), '${label}')` },
        ],
      } satisfies Dimension,
    ]),
  );
}
