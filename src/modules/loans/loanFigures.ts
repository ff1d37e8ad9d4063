import { Prisma } from '../../generated/prisma/client.js';
import type { LprTenor } from '../../generated/prisma/enums.js';
import { col } from '../../engine/specHelpers.js';

/** The risk classes that make a loan non-performing (不良). */
export const nonPerformingClasses: ReadonlySet<string> = new Set(['SUBSTANDARD', 'DOUBTFUL', 'LOSS']);

/** The LPR tenor a loan prices on: its recorded tenor, else over five years the 5Y+ LPR. */
export function pricingTenor(loan: { lprTenor: LprTenor | null; termMonths: number | null }): LprTenor {
  return loan.lprTenor ?? ((loan.termMonths ?? 0) > 60 ? 'FIVE_YEAR_PLUS' : 'ONE_YEAR');
}

/** `EnterpriseLoan.nonPerforming` in SQL for the loan row aliased `alias`, as the resolver answers it. */
export function nonPerformingSql(alias: string): Prisma.Sql {
  const classes = [...nonPerformingClasses].map((c) => Prisma.raw(`'${c}'`));
  return Prisma.sql`COALESCE(CAST(${col(alias, 'riskClass')} AS text) IN (${Prisma.join(classes)}), false)`;
}

/**
 * `EnterpriseLoan.spreadOverLpr` in SQL for the loan row aliased `alias`, as the resolver answers
 * it: the effective rate minus the LPR of the pricing tenor in force on the contract date (the
 * latest fixing on or before it); null without a rate, a contract date or a fixing.
 */
export function spreadOverLprSql(alias: string): Prisma.Sql {
  const tenor = Prisma.sql`COALESCE(CAST(${col(alias, 'lprTenor')} AS text),
    CASE WHEN COALESCE(${col(alias, 'termMonths')}, 0) > 60 THEN 'FIVE_YEAR_PLUS' ELSE 'ONE_YEAR' END)`;
  return Prisma.sql`(SELECT ${col(alias, 'effectiveRate')} - "lpr"."rate" FROM "LprRate" "lpr"
    WHERE CAST("lpr"."tenor" AS text) = ${tenor} AND "lpr"."effectiveDate" <= ${col(alias, 'contractDate')}
    ORDER BY "lpr"."effectiveDate" DESC LIMIT 1)`;
}
