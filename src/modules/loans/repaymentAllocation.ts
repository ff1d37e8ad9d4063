import { Prisma } from '../../generated/prisma/client.js';

type Decimal = Prisma.Decimal;

/** A schedule item as allocation and delinquency see it. */
export interface OpenInstalment {
  id: number;
  seq: number;
  dueDate: Date;
  principalDue: Decimal;
  interestDue: Decimal;
  principalPaid: Decimal;
  interestPaid: Decimal;
}

/** The part of a payment that goes to one instalment. */
export interface Allocation {
  itemId: number;
  principal: Decimal;
  interest: Decimal;
}

/**
 * Splits `amount` over the instalments oldest first (by seq), each one's interest before its
 * principal. Returns the allocations and what is left over when the payment is larger than
 * everything still owed (the caller refuses that).
 */
export function allocateRepayment(
  items: OpenInstalment[],
  amount: Decimal,
): { allocations: Allocation[]; leftover: Decimal } {
  let left = amount;
  const allocations: Allocation[] = [];
  for (const item of [...items].sort((a, b) => a.seq - b.seq)) {
    if (left.isZero()) break;
    const interest = Prisma.Decimal.min(left, item.interestDue.minus(item.interestPaid));
    left = left.minus(interest);
    const principal = Prisma.Decimal.min(left, item.principalDue.minus(item.principalPaid));
    left = left.minus(principal);
    if (interest.greaterThan(0) || principal.greaterThan(0)) allocations.push({ itemId: item.id, principal, interest });
  }
  return { allocations, leftover: left };
}

/** What is still owed on the instalments: principal plus interest not yet paid. */
export function amountOwed(items: OpenInstalment[]): Decimal {
  return items.reduce(
    (total, item) =>
      total.plus(item.principalDue).minus(item.principalPaid).plus(item.interestDue).minus(item.interestPaid),
    new Prisma.Decimal(0),
  );
}
