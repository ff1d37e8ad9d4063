import type { SyntheticRun } from './syntheticRun.js';

/**
 * Loan Prime Rate (贷款市场报价利率) changes since the August 2019 reform, as [effective date,
 * 1-year rate, 5-year-plus rate]; a rate repeats when only the other tenor moved. The 2020 values
 * agree with shared/domain.md (1Y 4.15 → 4.05 → 3.85; 5Y+ 4.80 → 4.75 → 4.65).
 */
export const lprHistory: readonly (readonly [date: string, oneYear: number, fiveYearPlus: number])[] = [
  ['2019-08-20', 0.0425, 0.0485],
  ['2019-09-20', 0.042, 0.0485],
  ['2019-11-20', 0.0415, 0.048],
  ['2020-02-20', 0.0405, 0.0475],
  ['2020-04-20', 0.0385, 0.0465],
  ['2021-12-20', 0.038, 0.0465],
  ['2022-01-20', 0.037, 0.046],
  ['2022-05-20', 0.037, 0.0445],
  ['2022-08-22', 0.0365, 0.043],
  ['2023-06-20', 0.0355, 0.042],
  ['2023-08-21', 0.0345, 0.042],
  ['2024-02-20', 0.0345, 0.0395],
  ['2024-07-22', 0.0335, 0.0385],
  ['2024-10-21', 0.031, 0.036],
];

/** Date of the LPR reform: loans contracted before it were priced off the PBoC benchmark rates. */
export const lprReformDate = lprHistory[0]![0];

/**
 * SQL for the LPR of `tenor` ('ONE_YEAR' or 'FIVE_YEAR_PLUS', an SQL expression) in force on
 * `date`, or NULL before the reform. A CASE chain: no table lookup per loan.
 */
export function lprOnSql(date: string, tenor: string): string {
  const arms = [...lprHistory]
    .reverse()
    .map(
      ([day, one, five]) =>
        `WHEN ${date} >= DATE '${day}' THEN (CASE WHEN ${tenor} = 'ONE_YEAR' THEN ${one} ELSE ${five} END)`,
    );
  return `(CASE ${arms.join(' ')} END)::numeric(9,6)`;
}

/**
 * Writes each published change of the LPR (both tenors at each change date, unless a row for
 * that tenor and date exists already, e.g. from the article seed).
 */
export async function seedLprRates(run: SyntheticRun): Promise<void> {
  const rows = lprHistory.flatMap(([date, one, five], i) => {
    const previous = lprHistory[i - 1];
    return [
      ...(previous?.[1] === one ? [] : [{ date, tenor: 'ONE_YEAR', rate: one }]),
      ...(previous?.[2] === five ? [] : [{ date, tenor: 'FIVE_YEAR_PLUS', rate: five }]),
    ];
  });
  await run.insert(
    'lpr',
    'LprRate',
    `INSERT INTO "LprRate" ("effectiveDate", tenor, rate, "dataSource")
     SELECT v.date::date, v.tenor::"LprTenor", v.rate::numeric(9,6), 'SYNTHETIC'
     FROM json_to_recordset($1::json) AS v(date text, tenor text, rate text)
     ORDER BY v.date, v.tenor
     ON CONFLICT (tenor, "effectiveDate") DO NOTHING`,
    [JSON.stringify(rows.map((row) => ({ ...row, rate: row.rate.toFixed(6) })))],
  );
}
