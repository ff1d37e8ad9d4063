import type { SqlConnection } from '../../db/client.js';
import { EnterpriseSize, LeadingEnterpriseLevel } from '../../generated/prisma/enums.js';
import { validateEnterprise } from '../enterprises/index.js';
import { Checks } from '../writes/index.js';
import { enumCell, problemsOf } from './importCells.js';
import type { ImportKind } from './importTypes.js';

/**
 * Enterprise rows: the rules of createEnterprise (enterprises.validation.ts), with the head
 * office by its region code.
 */
export const enterpriseImport: ImportKind<Map<string, number>> = {
  kind: 'enterprises',
  table: 'Enterprise',
  required: ['name'],
  optional: [
    'nameZh',
    'anonymised',
    'creditCode',
    'industrySection',
    'industryCode',
    'size',
    'leadingEnterpriseLevel',
    'headOfficeRegionCode',
    'note',
  ],
  columns: [
    { name: 'name', type: 'text' },
    { name: 'nameZh', type: 'text' },
    { name: 'anonymised', type: 'boolean' },
    { name: 'creditCode', type: 'char(18)' },
    { name: 'industrySection', type: 'char(1)' },
    { name: 'industryCode', type: 'varchar(5)' },
    { name: 'size', type: '"EnterpriseSize"' },
    { name: 'leadingEnterpriseLevel', type: '"LeadingEnterpriseLevel"' },
    { name: 'headOfficeRegionId', type: 'integer' },
    { name: 'note', type: 'text' },
  ],
  async lookups(sql, rows) {
    const codes = [...new Set(rows.map((row) => row.headOfficeRegionCode ?? '').filter(Boolean))];
    const regions = await sql.query<{ id: number; code: string }>(
      'SELECT "id", "code" FROM "Region" WHERE "code" = ANY($1::text[])',
      [codes],
    );
    return new Map(regions.map((region) => [region.code, region.id]));
  },
  toValues(cells, regions) {
    const checks = new Checks();
    validateEnterprise(checks, cells);
    const size = cells.size ? enumCell(checks, cells, 'size', EnterpriseSize) : null;
    const level = cells.leadingEnterpriseLevel
      ? enumCell(checks, cells, 'leadingEnterpriseLevel', LeadingEnterpriseLevel)
      : 'NONE';
    const anonymised = (cells.anonymised ?? '').toLowerCase();
    checks.require(
      ['', 'true', 'false'].includes(anonymised),
      ['anonymised'],
      'INVALID_FORMAT',
      `anonymised is true, false or blank; got "${cells.anonymised}".`,
    );
    const regionId = cells.headOfficeRegionCode ? regions.get(cells.headOfficeRegionCode) : undefined;
    if (cells.headOfficeRegionCode)
      checks.require(
        regionId !== undefined,
        ['headOfficeRegionCode'],
        'NOT_FOUND',
        `No region has code ${cells.headOfficeRegionCode}.`,
      );
    if (!checks.clean()) return { problems: problemsOf(checks) };
    return {
      problems: [],
      values: [
        cells.name!.trim(),
        cells.nameZh || null,
        String(anonymised === 'true'),
        cells.creditCode || null,
        cells.industrySection || null,
        cells.industryCode || null,
        (size as string | null | undefined) ?? null,
        level as string,
        regionId === undefined ? null : String(regionId),
        cells.note || null,
      ],
    };
  },
  uniqueKey: {
    column: 'creditCode',
    async existing(sql: SqlConnection, keys: string[]) {
      const rows = await sql.query<{ creditCode: string }>(
        'SELECT "creditCode" FROM "Enterprise" WHERE "creditCode" = ANY($1::text[])',
        [keys.filter(Boolean)],
      );
      return new Set(rows.map((row) => row.creditCode));
    },
  },
};
