import { textArray } from './sqlRandom.js';
import { villageStems, villageSuffixes } from './syntheticNames.js';
import type { SyntheticRun } from './syntheticRun.js';

/**
 * Writes `villagesPerCounty` villages in every county, spread over its synthetic townships, with
 * 12-digit codes under the township's (village part 2xx, as NBS numbers village committees),
 * `codeVerified` false. Poor villages are likelier in poor counties; household and population
 * figures are counts only. Leaves scratch table `syn_village (county_ord, n, id)`.
 */
export async function seedVillages(run: SyntheticRun): Promise<void> {
  const stage = 'villages';
  const { random } = run;
  const { villagesPerCounty, townshipsPerCounty } = run.plan;
  const key = 'c.ord * 1000 + n';
  const name =
    `(${textArray(villageStems)})[1 + ${random.below(key, 60, villageStems.length)}]` +
    ` || (${textArray(villageSuffixes)})[1 + ${random.below(key, 61, villageSuffixes.length)}] || '村'`;
  const poorChance = `CASE c.tier WHEN 'NATIONAL' THEN 0.55 WHEN 'PROVINCIAL' THEN 0.35 ELSE 0.06 END`;
  await run.run(
    stage,
    `CREATE UNLOGGED TABLE syn_village AS
     SELECT c.ord AS county_ord, n, c.region_id AS county_id, t.id AS township_id,
            t.code || lpad((200 + (n - 1) / ${townshipsPerCounty} + 1)::text, 3, '0') AS code,
            ${name} AS name, ${random.uniform(key, 62)} < ${poorChance} AS poor,
            ${random.uniform(key, 63)} AS u_size, ${random.uniform(key, 64)} AS u_poor, ${random.uniform(key, 65)} AS u_exit,
            NULL::int AS id
     FROM syn_county c CROSS JOIN generate_series(1, ${villagesPerCounty}) AS n
     JOIN syn_township t ON t.county_ord = c.ord AND t.t = 1 + (n - 1) % ${townshipsPerCounty}`,
  );
  await run.insert(
    stage,
    'Village',
    `INSERT INTO "Village" (code, "codeVerified", name, "countyId", "townshipId", "wasPoorVillage", "exitYear",
                            "registeredPoorHouseholds", population, note, "dataSource")
     SELECT code, false, name, county_id, township_id, poor,
            CASE WHEN poor THEN 2016 + floor(u_exit * 5)::int END,
            CASE WHEN poor THEN 30 + floor(u_poor * 220)::int ELSE floor(u_poor * 25)::int END,
            600 + floor(u_size * 3400)::int,
            'Synthetic village: name and code are invented.', 'SYNTHETIC'
     FROM syn_village ORDER BY code`,
  );
  await run.run(stage, `UPDATE syn_village s SET id = v.id FROM "Village" v WHERE v.code = s.code`);
  await run.run(stage, 'ALTER TABLE syn_village ADD PRIMARY KEY (county_ord, n)');
}
