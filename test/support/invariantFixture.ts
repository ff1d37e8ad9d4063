import type { SqlConnection } from '../../src/db/client.js';

/**
 * Ids of the rows {@link insertInvariantFixture} writes. They are far above what the sequences
 * hand out, so rows that tests insert without an id never collide with them.
 */
export const fixtureIds = Object.freeze({
  henan: 9001, // 41, PROVINCE
  zhengzhou: 9002, // 4101, PREFECTURE
  dengfeng: 9003, // 410185, COUNTY
  daye: 9004, // 410185105, TOWNSHIP of 登封市
  pingdingshan: 9005, // 4104, PREFECTURE
  yeCounty: 9006, // 410422, COUNTY
  branch: 9101,
  initiative: 9201,
  village: 9301,
  enterprise: 9401,
  loan: 9501,
});

/** A row to insert: column name -> value, bound as a query parameter. */
export type Row = Record<string, unknown>;

/**
 * Writes the smallest valid set of rows that every invariant test's rows can refer to: a piece
 * of the Henan region tree, a bank branch, an initiative, a village, an enterprise and a loan.
 * @throws the database error if any of them breaks an invariant (which would be a bug here).
 */
export async function insertInvariantFixture(sql: SqlConnection): Promise<void> {
  const id = fixtureIds;
  const regions: Row[] = [
    { id: id.henan, code: '41', name: '河南省', level: 'PROVINCE', parentId: null },
    { id: id.zhengzhou, code: '4101', name: '郑州市', level: 'PREFECTURE', parentId: id.henan },
    { id: id.dengfeng, code: '410185', name: '登封市', level: 'COUNTY', parentId: id.zhengzhou },
    { id: id.daye, code: '410185105', name: '大冶镇', level: 'TOWNSHIP', parentId: id.dengfeng },
    { id: id.pingdingshan, code: '4104', name: '平顶山市', level: 'PREFECTURE', parentId: id.henan },
    { id: id.yeCounty, code: '410422', name: '叶县', level: 'COUNTY', parentId: id.pingdingshan },
  ];
  for (const region of regions) await insertRow(sql, 'Region', region);
  await insertRow(sql, 'OrgUnit', {
    id: id.branch,
    code: 'FIX-ZZ',
    name: 'Zhengzhou Branch',
    nameZh: '工商银行郑州分行',
    kind: 'TIER1_BRANCH',
  });
  await insertRow(sql, 'Initiative', {
    id: id.initiative,
    code: 'FIX-PAIRED',
    name: 'Paired assistance',
    nameZh: '定点帮扶',
    category: 'PAIRED_ASSISTANCE',
    status: 'ACTIVE',
    ownerOrgUnitId: id.branch,
  });
  await insertRow(sql, 'Village', { id: id.village, name: '冶上村', countyId: id.dengfeng, townshipId: id.daye });
  await insertRow(sql, 'Enterprise', { id: id.enterprise, name: 'A dairy company', anonymised: true });
  await insertRow(sql, 'EnterpriseLoan', {
    id: id.loan,
    contractNo: 'FIX-LOAN',
    enterpriseId: id.enterprise,
    orgUnitId: id.branch,
    product: 'WORKING_CAPITAL',
    regulatoryClass: 'INDUSTRY',
    policyRegime: 'TARGETED_2016_2020',
    status: 'DISBURSED',
  });
}

/**
 * Inserts one row into `table` with bound parameters.
 * @throws the database error (with `code` and `constraint`) when the row is refused.
 */
export async function insertRow(sql: SqlConnection, table: string, row: Row): Promise<void> {
  const columns = Object.keys(row);
  const placeholders = columns.map((_, index) => `$${index + 1}`);
  await sql.query(
    `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${placeholders.join(', ')})`,
    columns.map((column) => row[column]),
  );
}
