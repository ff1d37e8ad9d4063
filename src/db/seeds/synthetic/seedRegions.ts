import { henanCounties, henanPrefectures, henanProvince } from './henanDivisions.js';
import { henanPovertyTier, type TierSource } from './henanPovertyTiers.js';
import { textArray } from './sqlRandom.js';
import { townshipStems } from './syntheticNames.js';
import type { SyntheticRun } from './syntheticRun.js';

const realNote = 'Code and name from the NBS division table; row written by the synthetic seed.';
const tierNotes: Record<TierSource, string> = {
  FACTS: 'Poverty tier from shared/seed/facts.md (public notices).',
  PUBLISHED_LIST:
    'Poverty tier: on the 2012 national key county list (国家扶贫开发工作重点县), from a republished copy not checked against the official notice.',
  SYNTHETIC: 'Poverty tier INVENTED by the synthetic seed (no reliable source at hand): do not cite it.',
};

/** How many slots the weighted county picker has; a county's share of slots is its weight. */
const countySlots = 1000;

/**
 * Writes Henan's province, prefectures and 157 counties (real codes and names; a code already
 * present, e.g. from the article seed, is left as it is) and synthetic townships under each
 * county (code part 9xx, which NBS does not assign). Leaves scratch tables `syn_county` (one row per
 * county, ordinal by code), `syn_township` and `syn_slot` (county picker weighted towards poor
 * counties) for the later stages.
 */
export async function seedRegions(run: SyntheticRun): Promise<void> {
  const stage = 'regions';
  await run.insert(
    stage,
    'Region',
    `INSERT INTO "Region" (code, name, level, note, "dataSource")
     VALUES ($1, $2, 'PROVINCE', $3, 'SYNTHETIC') ON CONFLICT (code) DO NOTHING`,
    [henanProvince.code, henanProvince.name, realNote],
  );
  await run.insert(
    stage,
    'Region',
    `INSERT INTO "Region" (code, name, level, "parentId", note, "dataSource")
     SELECT v.code, v.name, 'PREFECTURE', p.id, $3, 'SYNTHETIC'
     FROM json_to_recordset($1::json) AS v(code text, name text)
     JOIN "Region" p ON p.code = $2
     ORDER BY v.code
     ON CONFLICT (code) DO NOTHING`,
    [JSON.stringify(henanPrefectures.map(([code, name]) => ({ code, name }))), henanProvince.code, realNote],
  );
  const counties = henanCounties.map(([code, name, prefecture], index) => {
    const tier = henanPovertyTier(code);
    return {
      ord: index + 1,
      code,
      name,
      prefecture,
      tier: tier.tier,
      exit_year: tier.tier === 'NONE' ? null : (tier.exitBatchYear ?? null),
      note: `${realNote} ${tierNotes[tier.source]}`,
    };
  });
  await run.insert(
    stage,
    'Region',
    `INSERT INTO "Region" (code, name, level, "parentId", "povertyTier", "exitYear", note, "dataSource")
     SELECT v.code, v.name, 'COUNTY', p.id, v.tier::"PovertyTier", v.exit_year, v.note, 'SYNTHETIC'
     FROM json_to_recordset($1::json) AS v(ord int, code text, name text, prefecture text, tier text, exit_year int, note text)
     JOIN "Region" p ON p.code = v.prefecture
     ORDER BY v.ord
     ON CONFLICT (code) DO NOTHING`,
    [JSON.stringify(counties)],
  );
  // Weights read the tier the database holds, which the article seed may have set first.
  await run.run(
    stage,
    `CREATE UNLOGGED TABLE syn_county AS
     SELECT v.ord, r.id AS region_id, r.code, r.name,
            CASE WHEN length(regexp_replace(r.name, '(回族区|区|县|市)$', '')) >= 2
                 THEN regexp_replace(r.name, '(回族区|区|县|市)$', '') ELSE r.name END AS short,
            coalesce(r."povertyTier"::text, 'NONE') AS tier,
            r.name NOT LIKE '%区' AS county_level,
            CASE WHEN r."povertyTier" = 'NATIONAL' THEN 3.0 WHEN r."povertyTier" = 'PROVINCIAL' THEN 2.0
                 WHEN r.name LIKE '%区' THEN 0.6 ELSE 1.4 END AS weight
     FROM json_to_recordset($1::json) AS v(ord int, code text) JOIN "Region" r ON r.code = v.code`,
    [JSON.stringify(counties.map(({ ord, code }) => ({ ord, code })))],
  );
  await run.run(stage, 'ALTER TABLE syn_county ADD PRIMARY KEY (ord)');
  await run.run(
    stage,
    `CREATE UNLOGGED TABLE syn_slot AS
     SELECT s.slot, c.ord AS county_ord
     FROM (SELECT ord, sum(weight) OVER (ORDER BY ord) - weight AS lo, sum(weight) OVER (ORDER BY ord) AS hi,
                  sum(weight) OVER () AS total FROM syn_county) c
     JOIN generate_series(0, ${countySlots - 1}) AS s(slot)
       ON s.slot >= floor(c.lo / c.total * ${countySlots}) AND s.slot < floor(c.hi / c.total * ${countySlots})`,
  );
  await run.run(stage, 'ALTER TABLE syn_slot ADD PRIMARY KEY (slot)');
  await seedTownships(run);
}

/** Size of the weighted county picker: pick with `floor(u * countySlotCount)`. */
export const countySlotCount = countySlots;

async function seedTownships(run: SyntheticRun): Promise<void> {
  const stage = 'regions';
  const { townshipsPerCounty } = run.plan;
  const stem = `${textArray(townshipStems)}[1 + ${run.random.below('c.ord * 100 + t', 40, townshipStems.length)}]`;
  await run.run(
    stage,
    `CREATE UNLOGGED TABLE syn_township AS
     SELECT c.ord AS county_ord, t, c.region_id AS county_region_id, c.code || '9' || lpad(t::text, 2, '0') AS code,
            ${stem} || CASE WHEN t % 2 = 1 THEN '镇' ELSE '乡' END AS name, NULL::int AS id
     FROM syn_county c CROSS JOIN generate_series(1, ${townshipsPerCounty}) AS t`,
  );
  await run.insert(
    stage,
    'Region',
    `INSERT INTO "Region" (code, name, level, "parentId", note, "dataSource")
     SELECT code, name, 'TOWNSHIP', county_region_id,
            'Synthetic township: its code part 9xx is not one NBS assigns, and its name is invented.', 'SYNTHETIC'
     FROM syn_township ORDER BY code
     ON CONFLICT (code) DO NOTHING`,
  );
  await run.run(stage, `UPDATE syn_township s SET id = r.id FROM "Region" r WHERE r.code = s.code`);
  await run.run(stage, 'ALTER TABLE syn_township ADD PRIMARY KEY (county_ord, t)');
}
