import { asOfDate } from './loanFormulas.js';
import { literal, weighted } from './sqlRandom.js';
import type { SyntheticRun } from './syntheticRun.js';

const categories: readonly (readonly [category: string, nameZh: string, nameEn: string, weight: number])[] = [
  ['PAIRED_ASSISTANCE', '定点帮扶', 'Paired assistance', 18],
  ['NUTRITION', '爱心午餐', 'Love lunch', 8],
  ['EDUCATION_AID', '助学', 'Education aid', 12],
  ['CONSUMPTION', '消费扶贫', 'Consumption poverty alleviation', 12],
  ['FINANCIAL_ACCESS', '福农卡与普惠网点', 'Financial access', 15],
  ['INDUSTRY_CREDIT', '产业扶贫贷款', 'Industry credit', 20],
  ['EPIDEMIC_SUPPORT', '复工复产支持', 'Epidemic resumption support', 6],
  ['PARTY_BUILDING', '党建共建', 'Party building', 7],
  ['OTHER', '其他帮扶', 'Other assistance', 2],
];

/** Outcome figures per category: [category, metric, unit, low, high, cumulative]. */
const metrics: readonly (readonly [string, string, string, number, number, boolean])[] = [
  ['PAIRED_ASSISTANCE', 'CADRES_STATIONED', 'PERSON', 1, 5, false],
  ['PAIRED_ASSISTANCE', 'HOUSEHOLDS_REACHED', 'HOUSEHOLD', 20, 300, true],
  ['NUTRITION', 'MEAL_SUBSIDY_PER_CHILD', 'CNY_PER_CHILD_DAY', 3, 6, false],
  ['NUTRITION', 'STUDENTS_SUPPORTED', 'PERSON', 20, 400, false],
  ['EDUCATION_AID', 'STUDENTS_SUPPORTED', 'PERSON', 5, 200, true],
  ['CONSUMPTION', 'PURCHASE_AMOUNT', 'CNY', 50_000, 3_000_000, true],
  ['FINANCIAL_ACCESS', 'CARDS_ISSUED', 'CARD', 500, 30_000, true],
  ['FINANCIAL_ACCESS', 'OUTLETS', 'OUTLET', 1, 8, false],
  ['INDUSTRY_CREDIT', 'LOANS_GRANTED', 'LOAN', 3, 80, true],
  ['INDUSTRY_CREDIT', 'PEOPLE_LIFTED', 'PERSON', 50, 3000, true],
  ['EPIDEMIC_SUPPORT', 'SECTORS_SUPPORTED', 'SECTOR', 1, 7, false],
  ['PARTY_BUILDING', 'HOUSEHOLDS_REACHED', 'HOUSEHOLD', 10, 200, false],
  ['OTHER', 'HOUSEHOLDS_REACHED', 'HOUSEHOLD', 10, 100, false],
];

const impactMechanisms: Record<string, string> = {
  PAIRED_ASSISTANCE: 'ASSET_INCOME',
  EDUCATION_AID: 'TRAINING',
  CONSUMPTION: 'CONSUMPTION',
  INDUSTRY_CREDIT: 'EMPLOYMENT',
};

const initiativesPerCounty = 2;

/**
 * Writes two initiatives per county, owned by its sub-branch (codes `SYN-I<county>-<n>`), with
 * their target/host villages, outcome metrics, cadres for paired assistance (pseudonymous staff
 * references only), campaign links and impact records.
 */
export async function seedInitiatives(run: SyntheticRun): Promise<void> {
  const stage = 'initiatives';
  const { random } = run;
  const key = 'c.ord * 10 + n';
  const category = weighted(
    random.uniform(key, 70),
    categories.map(([value, , , weight]) => [value, weight]),
  );
  const nameZh = `CASE category ${categories.map(([value, zh]) => `WHEN ${literal(value)} THEN ${literal(zh)}`).join(' ')} END`;
  const nameEn = `CASE category ${categories.map(([value, , en]) => `WHEN ${literal(value)} THEN ${literal(en)}`).join(' ')} END`;
  await run.run(
    stage,
    `CREATE UNLOGGED TABLE syn_initiative AS
     SELECT *, CASE WHEN u_status < 0.02 THEN 'PLANNED' WHEN u_status < 0.05 THEN 'SUSPENDED'
                    WHEN end_date < DATE '${asOfDate}' THEN 'COMPLETED' ELSE 'ACTIVE' END AS status
     FROM (SELECT *,
             CASE WHEN u_status < 0.02 THEN (DATE '2025-01-01' + floor(u_start * 180)::int)
                  WHEN category = 'EPIDEMIC_SUPPORT' THEN DATE '2020-02-01' + floor(u_start * 30)::int
                  ELSE (DATE '2016-01-01' + floor(u_start * 84)::int * interval '1 month')::date END AS start_date
           FROM (SELECT c.ord AS county_ord, n, c.region_id, c.code AS county_code, c.name AS county_name,
                        'SYN-I' || c.code || '-' || n AS code, ${category} AS category,
                        ${random.uniform(key, 71)} AS u_start, ${random.uniform(key, 72)} AS u_length,
                        ${random.uniform(key, 73)} AS u_status, ${random.uniform(key, 74)} AS u_budget,
                        ${random.uniform(key, 75)} AS u_link, NULL::int AS id
                 FROM syn_county c CROSS JOIN generate_series(1, ${initiativesPerCounty}) AS n) a) b
     CROSS JOIN LATERAL (SELECT CASE WHEN b.category = 'EPIDEMIC_SUPPORT' THEN DATE '2020-12-31'
                              ELSE (b.start_date + (12 + floor(b.u_length * 49)::int) * interval '1 month' - interval '1 day')::date
                              END AS end_date) e`,
  );
  await run.insert(
    stage,
    'Initiative',
    `INSERT INTO "Initiative" (code, name, "nameZh", category, status, "startDate", "endDate", "ownerOrgUnitId", budget,
                               note, "dataSource")
     SELECT i.code, ${nameEn} || ', ' || i.county_code, i.county_name || ${nameZh}, i.category::"InitiativeCategory",
            i.status::"InitiativeStatus", i.start_date, i.end_date, o.id,
            (round(50000 * power(100, i.u_budget) / 1000) * 1000)::numeric(18,2), 'Synthetic initiative.', 'SYNTHETIC'
     FROM syn_initiative i JOIN syn_orgunit o ON o.county_ord = i.county_ord AND o.n = 0 ORDER BY i.code`,
  );
  await run.run(stage, `UPDATE syn_initiative s SET id = i.id FROM "Initiative" i WHERE i.code = s.code`);
  await seedInitiativeLinks(run);
}

async function seedInitiativeLinks(run: SyntheticRun): Promise<void> {
  const stage = 'initiatives';
  const { random } = run;
  const { villagesPerCounty } = run.plan;
  const key = 'i.county_ord * 10 + i.n';
  await run.insert(
    stage,
    'InitiativeVillage',
    `INSERT INTO "InitiativeVillage" ("initiativeId", "villageId", role, since, "dataSource")
     SELECT i.id, v.id, CASE WHEN j = 0 AND i.category IN ('FINANCIAL_ACCESS', 'CONSUMPTION') THEN 'HOST' ELSE 'TARGET' END::"VillageRole",
            i.start_date, 'SYNTHETIC'
     FROM syn_initiative i
     CROSS JOIN LATERAL generate_series(0, ${random.below(key, 76, Math.min(4, villagesPerCounty))}) AS j
     JOIN syn_village v ON v.county_ord = i.county_ord AND v.n = 1 + (${random.below(key, 77, villagesPerCounty)} + j) % ${villagesPerCounty}
     ORDER BY i.code, j`,
  );
  const metricRows = JSON.stringify(
    metrics.map(([category, metric, unit, low, high, cumulative]) => ({
      category,
      metric,
      unit,
      low,
      high,
      cumulative,
    })),
  );
  const mkey = `${key} * 20 + m.ord`;
  await run.insert(
    stage,
    'InitiativeMetric',
    `INSERT INTO "InitiativeMetric" ("initiativeId", metric, value, unit, "periodStart", "periodEnd", cumulative, approximate,
                                     qualifier, "dataSource")
     SELECT i.id, m.metric::"MetricKind",
            CASE WHEN m.unit = 'CNY_PER_CHILD_DAY' THEN m.low + floor(${random.uniform(mkey, 78)} * 7) * 0.5
                 WHEN m.unit = 'CNY' THEN round(m.low * power(m.high / m.low, ${random.uniform(mkey, 78)}) / 1000) * 1000
                 ELSE m.low + floor(${random.uniform(mkey, 78)} * (m.high - m.low + 1)) END,
            m.unit::"MetricUnit", i.start_date, least(i.end_date, DATE '${asOfDate}'), m.cumulative,
            ${random.uniform(mkey, 79)} < 0.15,
            CASE WHEN ${random.uniform(mkey, 79)} < 0.05 THEN '近' WHEN ${random.uniform(mkey, 79)} < 0.10 THEN '約'
                 WHEN ${random.uniform(mkey, 79)} < 0.15 THEN '超' END,
            'SYNTHETIC'
     FROM syn_initiative i
     JOIN (SELECT row_number() OVER () AS ord, * FROM json_to_recordset($1::json)
             AS x(category text, metric text, unit text, low float8, high float8, cumulative boolean)) m ON m.category = i.category
     WHERE i.status <> 'PLANNED' ORDER BY i.code, m.ord`,
    [metricRows],
  );
  await run.insert(
    stage,
    'InitiativeCampaign',
    `INSERT INTO "InitiativeCampaign" ("initiativeId", "campaignId", "dataSource")
     SELECT i.id, c.id, 'SYNTHETIC' FROM syn_initiative i JOIN syn_campaign c ON c.year = extract(year from i.start_date)
     WHERE i.u_link < 0.4 ORDER BY i.code`,
  );
  await run.insert(
    stage,
    'CadreAssignment',
    `INSERT INTO "CadreAssignment" ("initiativeId", "villageId", role, "partyMember", "staffRef", "startDate", "endDate", "dataSource")
     SELECT i.id, v."villageId", CASE WHEN r = 1 THEN 'FIRST_SECRETARY' ELSE 'WORK_TEAM_MEMBER' END::"CadreRole",
            r = 1 OR ${random.uniform(`${key} * 4 + r`, 80)} < 0.8,
            'SYN-STAFF-' || lpad((i.county_ord * 100 + i.n * 10 + r)::text, 6, '0'),
            i.start_date, CASE WHEN i.status = 'COMPLETED' THEN i.end_date END, 'SYNTHETIC'
     FROM syn_initiative i
     JOIN LATERAL (SELECT "villageId" FROM "InitiativeVillage" WHERE "initiativeId" = i.id ORDER BY since, "villageId" LIMIT 1) v ON true
     CROSS JOIN generate_series(1, 3) AS r
     WHERE i.category = 'PAIRED_ASSISTANCE' AND i.status <> 'PLANNED' ORDER BY i.code, r`,
  );
  const mechanism = `CASE i.category ${Object.entries(impactMechanisms)
    .map(([c, m]) => `WHEN ${literal(c)} THEN ${literal(m)}`)
    .join(' ')} END`;
  await run.insert(
    stage,
    'ImpactRecord',
    `INSERT INTO "ImpactRecord" ("initiativeId", "regionId", "periodStart", "periodEnd", mechanism, "peopleDriven",
                                 "registeredPoorPeople", "registeredPoorHouseholds", approximate, "verifiedBy", "dataSource")
     SELECT id, region_id, start_date, least(end_date, DATE '${asOfDate}'), mechanism::"ImpactMechanism", people, poor,
            greatest(1, floor(poor / (2.5 + u_household)))::int, u_approx < 0.2,
            CASE WHEN start_date < DATE '2021-01-01' THEN 'POVERTY_OFFICE' ELSE 'REVITALIZATION_BUREAU' END::"Verifier", 'SYNTHETIC'
     FROM (SELECT i.*, ${mechanism} AS mechanism, 20 + floor(${random.uniform(key, 81)} * 1980)::int AS people,
                  ${random.uniform(key, 82)} AS u_share, ${random.uniform(key, 83)} AS u_household, ${random.uniform(key, 84)} AS u_approx
           FROM syn_initiative i WHERE i.status <> 'PLANNED' AND i.category IN (${Object.keys(impactMechanisms).map(literal).join(', ')})) i
     CROSS JOIN LATERAL (SELECT floor(people * (0.4 + 0.4 * u_share))::int AS poor) p
     ORDER BY code`,
  );
}
