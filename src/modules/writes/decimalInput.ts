import { Prisma } from '../../generated/prisma/client.js';
import type { Checks } from './userError.js';

/** A Decimal input as it comes off the wire ("1250000.00") or from code. */
export type DecimalInput = string | number | Prisma.Decimal;

const decimalText = /^-?\d+(\.\d+)?$/;

/**
 * Reads a decimal input with at most `places` decimal places and `precision` digits in all (the
 * column's `Decimal(precision, places)`). Returns undefined for null/undefined, and null
 * (recording INVALID_FORMAT or TOO_MANY_DECIMALS on `path`) when the value cannot be one.
 */
export function readDecimal(
  checks: Checks,
  value: DecimalInput | null | undefined,
  path: Array<string | number>,
  places: number,
  precision = 18,
): Prisma.Decimal | null | undefined {
  if (value === null || value === undefined) return undefined;
  const text =
    typeof value === 'string' ? value.trim() : value instanceof Prisma.Decimal ? value.toFixed() : String(value);
  if (!decimalText.test(text)) {
    checks.require(false, path, 'INVALID_FORMAT', `"${text}" is not a decimal number such as "1250000.00".`);
    return null;
  }
  const decimal = new Prisma.Decimal(text);
  if (decimal.decimalPlaces() > places) {
    checks.require(false, path, 'TOO_MANY_DECIMALS', `${text} has more than ${places} decimal places.`);
    return null;
  }
  // Checked here so the error names this field; the database would refuse the whole input.
  const integerDigits = precision - places;
  if (decimal.abs().greaterThanOrEqualTo(new Prisma.Decimal(10).pow(integerDigits))) {
    checks.require(
      false,
      path,
      'INVALID_FORMAT',
      `${text} is too large: at most ${integerDigits} digits before the point (below 1e${integerDigits}).`,
    );
    return null;
  }
  return decimal;
}

/** Reads money (CNY, 2 places), see {@link readDecimal}. */
export function readMoney(checks: Checks, value: DecimalInput | null | undefined, path: Array<string | number>) {
  return readDecimal(checks, value, path, 2);
}

/** Reads an annual rate (a fraction, 6 places) and records RATE_OUT_OF_RANGE outside [0, 1). */
export function readRate(checks: Checks, value: DecimalInput | null | undefined, path: Array<string | number>) {
  const rate = readDecimal(checks, value, path, 6);
  if (rate && (rate.lessThan(0) || rate.greaterThanOrEqualTo(1))) {
    checks.require(
      false,
      path,
      'RATE_OUT_OF_RANGE',
      `A rate is an annual fraction from 0 up to 1 (0.0385 is 3.85%); got ${rate.toFixed()}.`,
    );
    return null;
  }
  return rate;
}

/** Rounds to cents, half up (the bank's rounding of interest). */
export function toCents(value: Prisma.Decimal): Prisma.Decimal {
  return value.toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);
}
