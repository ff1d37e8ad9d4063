import { textArray } from './sqlRandom.js';
import type { SyntheticRun } from './syntheticRun.js';

const outletPlaces = ['城关', '东城', '西城', '南关', '北关', '新区'];

/**
 * Writes the synthetic bank tree: one head-office root (`SYN-HO`, the provincial branch, as the
 * article's ICBC-ZZ), under it a tier-1 branch per prefecture (codes `SYN-B<prefecture>`), a
 * sub-branch per county (`SYN-S<county>`), one to three outlets per county (`SYN-O<county>-<n>`)
 * and, in about half the counties, a self-service bank (`SYN-A<county>`), with materialised
 * paths. Leaves scratch table `syn_orgunit (county_ord, n, id)` of the units a loan can be booked
 * at: n = 0 is the county's sub-branch, 1..outlet_count its outlets; `syn_county.outlet_count`
 * is set.
 */
export async function seedOrgUnits(run: SyntheticRun): Promise<void> {
  const stage = 'org units';
  const { random } = run;
  await run.run(stage, `ALTER TABLE syn_county ADD COLUMN outlet_count int, ADD COLUMN self_service boolean`);
  await run.run(
    stage,
    `UPDATE syn_county SET outlet_count = 1 + ${random.below('ord', 50, 3)}, self_service = ${random.uniform('ord', 51)} < 0.5`,
  );
  // One root above the branches, so a bank-wide ANALYST key can be bound to an org unit.
  await run.insert(
    stage,
    'OrgUnit',
    `INSERT INTO "OrgUnit" (code, name, "nameZh", kind, "regionId", "countyLevel", note, "dataSource")
     SELECT 'SYN-HO', 'Synthetic head office', '河南省分行', 'TIER1_BRANCH', p.id, false, 'Synthetic head office: root of the synthetic tree.', 'SYNTHETIC'
     FROM "Region" p WHERE p.code = '41'`,
  );
  await run.insert(
    stage,
    'OrgUnit',
    `INSERT INTO "OrgUnit" (code, name, "nameZh", kind, "parentId", "regionId", "countyLevel", note, "dataSource")
     SELECT 'SYN-B' || p.code, 'Branch ' || p.code,
            CASE WHEN p.code = '4190' THEN '济源分行' ELSE regexp_replace(p.name, '市$', '') || '分行' END,
            'TIER1_BRANCH', (SELECT h.id FROM "OrgUnit" h WHERE h.code = 'SYN-HO'), p.id, false, 'Synthetic branch.', 'SYNTHETIC'
     FROM "Region" p WHERE p.code IN (SELECT DISTINCT left(code, 4) FROM syn_county) ORDER BY p.code`,
  );
  await run.insert(
    stage,
    'OrgUnit',
    `INSERT INTO "OrgUnit" (code, name, "nameZh", kind, "parentId", "regionId", "countyLevel", note, "dataSource")
     SELECT 'SYN-S' || c.code, 'Sub-branch ' || c.code, c.short || '支行', 'SUB_BRANCH', b.id, c.region_id,
            c.county_level, 'Synthetic sub-branch.', 'SYNTHETIC'
     FROM syn_county c JOIN "OrgUnit" b ON b.code = 'SYN-B' || left(c.code, 4) ORDER BY c.ord`,
  );
  await run.insert(
    stage,
    'OrgUnit',
    `INSERT INTO "OrgUnit" (code, name, "nameZh", kind, "parentId", "regionId", "countyLevel", note, "dataSource")
     SELECT 'SYN-O' || c.code || '-' || n, 'Outlet ' || c.code || '-' || n,
            c.short || (${textArray(outletPlaces)})[n] || '分理处', 'OUTLET', s.id, c.region_id, c.county_level,
            'Synthetic outlet.', 'SYNTHETIC'
     FROM syn_county c JOIN "OrgUnit" s ON s.code = 'SYN-S' || c.code
     CROSS JOIN LATERAL generate_series(1, c.outlet_count) AS n ORDER BY c.ord, n`,
  );
  await run.insert(
    stage,
    'OrgUnit',
    `INSERT INTO "OrgUnit" (code, name, "nameZh", kind, "parentId", "regionId", "countyLevel", note, "dataSource")
     SELECT 'SYN-A' || c.code, 'Self-service bank ' || c.code, c.short || '便民自助银行', 'SELF_SERVICE_BANK', s.id,
            c.region_id, c.county_level, 'Synthetic self-service bank.', 'SYNTHETIC'
     FROM syn_county c JOIN "OrgUnit" s ON s.code = 'SYN-S' || c.code WHERE c.self_service ORDER BY c.ord`,
  );
  // Paths hold ids, known only after the insert: fill them top-down, one level per statement.
  await run.run(stage, `UPDATE "OrgUnit" SET path = '/' || id || '/' WHERE code = 'SYN-HO'`);
  await run.run(
    stage,
    `UPDATE "OrgUnit" u SET path = p.path || u.id || '/' FROM "OrgUnit" p WHERE p.id = u."parentId" AND u.code LIKE 'SYN-B%'`,
  );
  await run.run(
    stage,
    `UPDATE "OrgUnit" u SET path = p.path || u.id || '/' FROM "OrgUnit" p WHERE p.id = u."parentId" AND u.code LIKE 'SYN-S%'`,
  );
  await run.run(
    stage,
    `UPDATE "OrgUnit" u SET path = p.path || u.id || '/' FROM "OrgUnit" p
     WHERE p.id = u."parentId" AND (u.code LIKE 'SYN-O%' OR u.code LIKE 'SYN-A%')`,
  );
  await run.run(
    stage,
    `CREATE UNLOGGED TABLE syn_orgunit AS
     SELECT c.ord AS county_ord, 0 AS n, u.id FROM syn_county c JOIN "OrgUnit" u ON u.code = 'SYN-S' || c.code
     UNION ALL
     SELECT c.ord, n, u.id FROM syn_county c CROSS JOIN LATERAL generate_series(1, c.outlet_count) AS n
     JOIN "OrgUnit" u ON u.code = 'SYN-O' || c.code || '-' || n`,
  );
  await run.run(stage, 'ALTER TABLE syn_orgunit ADD PRIMARY KEY (county_ord, n)');
}
