import type { SyntheticRun } from './syntheticRun.js';

/** One invented campaign a year, [year, Chinese name, English name, theme]. */
const campaigns: readonly (readonly [year: number, name: string, nameEn: string, theme: string])[] = [
  [2016, '金融扶贫春风行动', 'Spring breeze of poverty-alleviation finance', '产业扶贫贷款投放'],
  [2017, '产业扶贫贷款推进月', 'Industry poverty-alleviation credit month', '龙头企业带贫'],
  [2018, '普惠金融下乡行动', 'Inclusive finance to the countryside', '县域网点与福农卡'],
  [2019, '小微企业首贷行动', 'First loans for small and micro firms', '首贷户拓展'],
  [2020, '复工复产金融支持专项行动', 'Resumption-of-work financing drive', '疫情防控与复工复产'],
  [2021, '乡村振兴金融服务年', 'Rural revitalisation finance year', '巩固拓展脱贫攻坚成果'],
  [2022, '稳企惠农专项行动', 'Steady firms, benefit farmers', '稳经济惠农户'],
  [2023, '普惠信贷服务季', 'Inclusive credit season', '普惠小微信用贷款'],
  [2024, '县域金融服务提升行动', 'County finance upgrade', '县域特色产业'],
];

/**
 * Writes one invented campaign per year 2016–2024 (codes `SYN-C<year>`), running that calendar
 * year. Leaves scratch table `syn_campaign (year, id)` so loans and initiatives link by year.
 */
export async function seedCampaigns(run: SyntheticRun): Promise<void> {
  const stage = 'campaigns';
  await run.insert(
    stage,
    'Campaign',
    `INSERT INTO "Campaign" (code, name, "nameEn", theme, "startDate", "endDate", note, "dataSource")
     SELECT 'SYN-C' || v.year, v.year || '年' || v.name, v.name_en || ' ' || v.year, v.theme,
            make_date(v.year, 1, 1), make_date(v.year, 12, 31), 'Synthetic campaign: invented for tests and benchmarks.', 'SYNTHETIC'
     FROM json_to_recordset($1::json) AS v(year int, name text, name_en text, theme text) ORDER BY v.year`,
    [JSON.stringify(campaigns.map(([year, name, nameEn, theme]) => ({ year, name, name_en: nameEn, theme })))],
  );
  await run.run(
    stage,
    `CREATE UNLOGGED TABLE syn_campaign AS
     SELECT extract(year from "startDate")::int AS year, id FROM "Campaign" WHERE code LIKE 'SYN-C%'`,
  );
  await run.run(stage, 'ALTER TABLE syn_campaign ADD PRIMARY KEY (year)');
}
