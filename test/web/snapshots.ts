import type { Database } from '../../src/db/client.js';

/**
 * Month-end classification snapshots for the article's loans over January–June 2020 (the article
 * reports none, so the balance chart would otherwise be empty): balances that fall as loans are
 * repaid, and the Xinjiang loan turning substandard from April, so the non-performing ratio moves.
 */
export async function addMonthEndSnapshots(db: Database): Promise<void> {
  const loans = await db.prisma.enterpriseLoan.findMany({
    orderBy: { id: 'asc' },
    select: { id: true, contractNo: true },
  });
  const data = [];
  for (const [index, loan] of loans.entries()) {
    for (let month = 1; month <= 6; month++) {
      const troubled = loan.contractNo === 'ARTICLE-LOAN-A' && month >= 4;
      data.push({
        loanId: loan.id,
        monthEnd: new Date(Date.UTC(2020, month, 0)),
        riskClass: troubled ? ('SUBSTANDARD' as const) : ('NORMAL' as const),
        outstandingBalance: String((index + 1) * 1_000_000 - month * 50_000),
        daysPastDue: troubled ? 95 : 0,
      });
    }
  }
  await db.prisma.loanClassificationSnapshot.createMany({ data });
}
