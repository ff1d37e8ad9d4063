import type { SqlConnection } from '../../db/client.js';
import { type RegionRef, cleanAliases, validateVillage } from '../villages/index.js';
import { Checks } from '../writes/index.js';
import { intCell, problemsOf } from './importCells.js';
import type { ImportKind } from './importTypes.js';

/**
 * Village rows: the rules of createVillage (villages.validation.ts), with the county and township
 * by their NBS codes and aliases separated by "|".
 */
export const villageImport: ImportKind<Map<string, RegionRef>> = {
  kind: 'villages',
  table: 'Village',
  required: ['name', 'countyCode'],
  optional: [
    'aliases',
    'townshipCode',
    'code',
    'codeVerified',
    'wasPoorVillage',
    'exitYear',
    'registeredPoorHouseholds',
    'population',
    'note',
  ],
  columns: [
    { name: 'name', type: 'text' },
    { name: 'aliases', type: 'text[]' },
    { name: 'countyId', type: 'integer' },
    { name: 'townshipId', type: 'integer' },
    { name: 'code', type: 'varchar(12)' },
    { name: 'codeVerified', type: 'boolean' },
    { name: 'wasPoorVillage', type: 'boolean' },
    { name: 'exitYear', type: 'integer' },
    { name: 'registeredPoorHouseholds', type: 'integer' },
    { name: 'population', type: 'integer' },
    { name: 'note', type: 'text' },
  ],
  async lookups(sql, rows) {
    const codes = [...new Set(rows.flatMap((row) => [row.countyCode ?? '', row.townshipCode ?? '']).filter(Boolean))];
    const regions = await sql.query<RegionRef>(
      'SELECT "id", "code", "level", "parentId" FROM "Region" WHERE "code" = ANY($1::text[])',
      [codes],
    );
    return new Map(regions.map((region) => [region.code, region]));
  },
  toValues(cells, regions) {
    const checks = new Checks();
    const county = regions.get(cells.countyCode ?? '') ?? null;
    checks.require(county !== null, ['countyCode'], 'NOT_FOUND', `No region has code ${cells.countyCode}.`);
    const township = cells.townshipCode ? (regions.get(cells.townshipCode) ?? null) : null;
    if (cells.townshipCode)
      checks.require(township !== null, ['townshipCode'], 'NOT_FOUND', `No region has code ${cells.townshipCode}.`);
    const flags = ['codeVerified', 'wasPoorVillage'].map((column) => {
      const value = (cells[column] ?? '').toLowerCase();
      checks.require(
        ['', 'true', 'false'].includes(value),
        [column],
        'INVALID_FORMAT',
        `${column} is true, false or blank; got "${cells[column]}".`,
      );
      return value === '' ? null : value === 'true';
    });
    const numbers = ['exitYear', 'registeredPoorHouseholds', 'population'].map((column) => {
      const value = intCell(cells, column);
      checks.require(
        !Number.isNaN(value),
        [column],
        'NOT_WHOLE_NUMBER',
        `${column} is a whole number; got "${cells[column]}".`,
      );
      return Number.isNaN(value) ? undefined : value;
    });
    const village = {
      name: cells.name,
      code: cells.code || null,
      codeVerified: flags[0],
      exitYear: numbers[0],
      registeredPoorHouseholds: numbers[1],
      population: numbers[2],
    };
    validateVillage(checks, village, county, township);
    // The problems name CSV columns, so region fields point at the code columns.
    for (const error of checks.errors) {
      if (error.field.at(-1) === 'countyId') error.field = ['input', 'countyCode'];
      if (error.field.at(-1) === 'townshipId') error.field = ['input', 'townshipCode'];
    }
    if (!checks.clean()) return { problems: problemsOf(checks) };
    const name = cells.name!.trim();
    const aliases = cleanAliases((cells.aliases ?? '').split('|'), name);
    return {
      problems: [],
      values: [
        name,
        `{${aliases.map((alias) => `"${alias.replace(/["\\]/g, (char) => `\\${char}`)}"`).join(',')}}`,
        String(county!.id),
        township ? String(township.id) : null,
        cells.code || null,
        String(flags[0] ?? false),
        flags[1] === null ? null : String(flags[1]),
        ...numbers.map((value) => (value === undefined ? null : String(value))),
        cells.note || null,
      ],
    };
  },
  uniqueKey: {
    column: 'code',
    async existing(sql: SqlConnection, keys: string[]) {
      const rows = await sql.query<{ code: string }>('SELECT "code" FROM "Village" WHERE "code" = ANY($1::text[])', [
        keys.filter(Boolean),
      ]);
      return new Set(rows.map((row) => row.code));
    },
  },
};
