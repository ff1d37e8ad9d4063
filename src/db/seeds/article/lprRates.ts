import type { LprTenor } from '../../../generated/prisma/client.js';
import { day, type SeedContext } from './seedContext.js';
import { syncRow } from './syncRow.js';

/** One Loan Prime Rate fixing: the rate (an annual fraction) in force from its day on. */
export interface ArticleLprRate {
  tenor: LprTenor;
  effectiveDate: string;
  rate: string;
}

/**
 * The 2020 LPR changes: 1Y 4.15% (Jan), 4.05% (Feb–Mar), 3.85% (from Apr); 5Y+ 4.80%, 4.75%,
 * 4.65% on the same days. Months without a change are not rows: a rate holds until the next one.
 */
export const articleLprRates: readonly ArticleLprRate[] = [
  { tenor: 'ONE_YEAR', effectiveDate: '2020-01-20', rate: '0.041500' },
  { tenor: 'ONE_YEAR', effectiveDate: '2020-02-20', rate: '0.040500' },
  { tenor: 'ONE_YEAR', effectiveDate: '2020-04-20', rate: '0.038500' },
  { tenor: 'FIVE_YEAR_PLUS', effectiveDate: '2020-01-20', rate: '0.048000' },
  { tenor: 'FIVE_YEAR_PLUS', effectiveDate: '2020-02-20', rate: '0.047500' },
  { tenor: 'FIVE_YEAR_PLUS', effectiveDate: '2020-04-20', rate: '0.046500' },
];

/**
 * Creates or updates the 2020 LPR table, keyed by tenor and effective date.
 * Returns nothing; rethrows database errors.
 */
export async function seedLprRates({ tx, tally }: SeedContext): Promise<void> {
  for (const lpr of articleLprRates) {
    const key = { tenor: lpr.tenor, effectiveDate: day(lpr.effectiveDate) };
    const { outcome } = await syncRow(
      await tx.lprRate.findUnique({ where: { tenor_effectiveDate: key } }),
      { ...key, rate: lpr.rate, dataSource: 'ARTICLE' as const },
      {
        create: (values) => tx.lprRate.create({ data: values }),
        update: (row, changes) => tx.lprRate.update({ where: { id: row.id }, data: changes }),
      },
    );
    tally.add('lprRates', outcome);
  }
}
