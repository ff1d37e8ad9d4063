import { creditCheckSql, organisationCheckSql } from './creditCodeSql.js';
import { countySlotCount } from './seedRegions.js';
import { textArray, weighted } from './sqlRandom.js';
import { industries, tradeNames } from './syntheticNames.js';
import type { SyntheticRun } from './syntheticRun.js';

/**
 * Writes `plan.enterprises` borrowers, head-quartered in counties picked with the poor-county
 * weighting, each with a valid unified social credit code (`91` company or `93` farmers'
 * cooperative, the county's division code, an organisation code with its GB 11714 check char,
 * the GB 32100 check char) and zero to two sites. Leaves scratch table `syn_enterprise` (ord, id,
 * county, size, leading level, tier, outlet count, up to two sites) for the loan stage.
 */
export async function seedEnterprises(run: SyntheticRun): Promise<void> {
  const stage = 'enterprises';
  const { random, plan } = run;
  const key = 'g';
  const industry = weighted(
    random.uniform(key, 101),
    industries.map(([, , , weight], i) => [i + 1, weight]),
  );
  const column = (index: number) => `(${textArray(industries.map((row) => String(row[index])))})[industry]`;
  // A bijection of 0..10^8-1 (48271 is coprime to 10^8), so organisation codes never repeat.
  const body = `lpad(((g::int8 * 48271 + ${plan.seed % 100_000_000}) % 100000000)::text, 8, '0')`;
  await run.run(
    stage,
    `CREATE UNLOGGED TABLE syn_enterprise AS
     SELECT b.*, b.first17 || ${creditCheckSql('b.first17')} AS credit_code
     FROM (SELECT a.*, '9' || CASE WHEN a.cooperative THEN '3' ELSE '1' END || a.county_code || a.body || ${organisationCheckSql('a.body')} AS first17
           FROM (SELECT g AS ord, NULL::int AS id, c.ord AS county_ord, c.region_id AS head_region_id, c.code AS county_code,
                        c.tier, c.outlet_count, c.short AS county_short, ${body} AS body, ${industry} AS industry,
                        ${weighted(random.uniform(key, 102), [
                          ['MICRO', 45],
                          ['SMALL', 33],
                          ['MEDIUM', 17],
                          ['LARGE', 5],
                        ])} AS size,
                        ${weighted(random.uniform(key, 103), [
                          ['NATIONAL', 0.5],
                          ['PROVINCIAL', 3],
                          ['MUNICIPAL', 10],
                          ['NONE', 86.5],
                        ])} AS leading_level,
                        ${random.uniform(key, 104)} < 0.15 AS cooperative,
                        ${weighted(random.uniform(key, 105), [
                          [0, 35],
                          [1, 50],
                          [2, 15],
                        ])} AS site_count,
                        ${random.below(key, 106, tradeNames.length)} AS trade,
                        NULL::int AS site1_id, NULL::int AS site1_region_id, NULL::int AS site2_id, NULL::int AS site2_region_id
                 FROM generate_series(1, ${plan.enterprises}) AS g
                 JOIN syn_slot s ON s.slot = ${random.below(key, 100, countySlotCount)}
                 JOIN syn_county c ON c.ord = s.county_ord OFFSET 0) a OFFSET 0) b`,
  );
  await run.run(stage, 'ALTER TABLE syn_enterprise ADD PRIMARY KEY (ord)');
  await run.run(stage, 'ANALYZE syn_enterprise');
  await run.insert(
    stage,
    'Enterprise',
    `INSERT INTO "Enterprise" (name, "nameZh", anonymised, "creditCode", "industrySection", "industryCode", size,
                               "leadingEnterpriseLevel", "headOfficeRegionId", note, "dataSource")
     SELECT name, name, false, credit_code, ${column(0)}, ${column(1)}, size::"EnterpriseSize",
            leading_level::"LeadingEnterpriseLevel", head_region_id, 'Synthetic enterprise: name and credit code are invented.', 'SYNTHETIC'
     FROM (SELECT e.*, e.county_short || (${textArray(tradeNames)})[1 + e.trade] || ${column(2)}
                       || CASE WHEN e.cooperative THEN '农民专业合作社' ELSE '有限公司' END AS name
           FROM syn_enterprise e OFFSET 0) e
     ORDER BY ord`,
  );
  await run.run(
    stage,
    `UPDATE syn_enterprise s SET id = e.id FROM "Enterprise" e WHERE e."creditCode" = s.credit_code`,
  );
  await seedSites(run);
}

async function seedSites(run: SyntheticRun): Promise<void> {
  const stage = 'enterprises';
  const { random } = run;
  const key = 'e.ord * 4 + n';
  const section = `(${textArray(industries.map((row) => row[0]))})[e.industry]`;
  await run.run(
    stage,
    `CREATE UNLOGGED TABLE syn_site AS
     SELECT e.ord, n, e.id AS enterprise_id,
            CASE WHEN n = 1 AND ${random.uniform(key, 110)} < 0.75 THEN e.county_ord ELSE s.county_ord END AS county_ord,
            CASE ${section}
              WHEN 'A' THEN ${weighted(random.uniform(key, 111), [
                ['FARM', 60],
                ['BASE', 40],
              ])}
              WHEN 'C' THEN ${weighted(random.uniform(key, 111), [
                ['PLANT', 80],
                ['PROJECT', 20],
              ])}
              ELSE ${weighted(random.uniform(key, 111), [
                ['BASE', 70],
                ['PROJECT', 30],
              ])} END AS kind,
            (DATE '2012-01-01' + ${random.below(key, 112, 11 * 365)}) AS opened_on, NULL::int AS id
     FROM syn_enterprise e CROSS JOIN LATERAL generate_series(1, e.site_count) AS n
     JOIN syn_slot s ON s.slot = ${random.below(key, 113, countySlotCount)}`,
  );
  await run.run(stage, 'ALTER TABLE syn_site ADD PRIMARY KEY (ord, n)');
  await run.run(stage, 'ANALYZE syn_site');
  const siteName = `CASE s.kind WHEN 'FARM' THEN '养殖场' WHEN 'BASE' THEN '生产基地' WHEN 'PLANT' THEN '加工厂' ELSE '项目' END`;
  await run.insert(
    stage,
    'EnterpriseSite',
    `INSERT INTO "EnterpriseSite" ("enterpriseId", "regionId", kind, name, "openedOn", note, "dataSource")
     SELECT s.enterprise_id, c.region_id, s.kind::"SiteKind", c.short || ${siteName} || s.n || '号', s.opened_on,
            'Synthetic site.', 'SYNTHETIC'
     FROM syn_site s JOIN syn_county c ON c.ord = s.county_ord ORDER BY s.ord, s.n`,
  );
  await run.run(
    stage,
    `UPDATE syn_site s SET id = x.id FROM "EnterpriseSite" x
     WHERE x."enterpriseId" = s.enterprise_id AND x."dataSource" = 'SYNTHETIC' AND x.name LIKE '%' || s.n || '号'`,
  );
  await run.run(
    stage,
    `UPDATE syn_enterprise e SET site1_id = s1.id, site1_region_id = c1.region_id, site2_id = s2.id, site2_region_id = c2.region_id
     FROM syn_site s1 JOIN syn_county c1 ON c1.ord = s1.county_ord
     LEFT JOIN syn_site s2 ON s2.ord = s1.ord AND s2.n = 2 LEFT JOIN syn_county c2 ON c2.ord = s2.county_ord
     WHERE s1.ord = e.ord AND s1.n = 1`,
  );
}
