import { defaultFieldResolver, type GraphQLFieldResolver } from 'graphql';
import { Prisma } from '../generated/prisma/client.js';

/**
 * Digits after the point each Decimal field of a Prisma-backed type is returned at: its column's
 * scale (money `Decimal(18,2)`, rates `Decimal(9,6)`, shares `Decimal(5,4)`), as PostgreSQL prints
 * the column as text. Prisma's Decimal drops trailing zeros ("500000.00" becomes 500000), so the
 * scale is restored here. Statistics and facts are computed and rendered as text in SQL and keep
 * the scale the database gives them, so they are not listed.
 */
export const decimalScales: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  EnterpriseLoan: {
    lprAtPricing: 6,
    effectiveRate: 6,
    interestSubsidyRate: 6,
    spreadOverLpr: 6,
    contractAmount: 2,
    disbursedAmount: 2,
    outstandingBalance: 2,
    overduePrincipal: 2,
    overdueInterest: 2,
  },
  RepaymentScheduleItem: { principalDue: 2, interestDue: 2, principalPaid: 2, interestPaid: 2 },
  Repayment: { principal: 2, interest: 2, penalty: 2 },
  LoanClassificationSnapshot: { outstandingBalance: 2 },
  ImpactRecord: { poorEmployeeShare: 4, incomeIncrease: 2 },
  LprRate: { rate: 6 },
  Initiative: { budget: 2 },
  InitiativeMetric: { value: 2 },
};

const decimalText = /^-?\d+(\.\d+)?$/;

/**
 * `value` as a decimal string with exactly `scale` digits after the point (rounded half up when
 * it has more); null and undefined pass through, and so does a string that is not a number (the
 * scalar refuses it later).
 */
export function atScale(value: unknown, scale: number): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'object' && 'toFixed' in value) {
    return (value as { toFixed(places: number): string }).toFixed(scale);
  }
  if (typeof value === 'string') {
    if (!decimalText.test(value)) return value;
    const point = value.indexOf('.');
    // Text from SQL usually has its column's scale already; only a different one is re-rendered.
    if ((point < 0 ? 0 : value.length - point - 1) === scale) return value;
    return new Prisma.Decimal(value).toFixed(scale);
  }
  if (typeof value === 'number') return new Prisma.Decimal(value).toFixed(scale);
  return value;
}

type ResolverMap = Record<string, unknown>;

/**
 * Returns `resolvers` with every field of {@link decimalScales} wrapped so that its value is
 * rendered at its scale (fields without a resolver of their own get the default one wrapped).
 */
export function withDecimalScales<T extends ResolverMap>(resolvers: T): T {
  const scaled: ResolverMap = { ...resolvers };
  for (const [typeName, fields] of Object.entries(decimalScales)) {
    const typeResolvers = { ...((scaled[typeName] as Record<string, unknown> | undefined) ?? {}) };
    for (const [fieldName, scale] of Object.entries(fields)) {
      const original =
        (typeResolvers[fieldName] as GraphQLFieldResolver<unknown, unknown> | undefined) ?? defaultFieldResolver;
      typeResolvers[fieldName] = (parent: unknown, args: unknown, context: unknown, info: never) => {
        const value = original(parent, args as Record<string, unknown>, context, info);
        return value instanceof Promise ? value.then((v) => atScale(v, scale)) : atScale(value, scale);
      };
    }
    scaled[typeName] = typeResolvers;
  }
  return scaled as T;
}
