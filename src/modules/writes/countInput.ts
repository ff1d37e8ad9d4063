import type { Checks } from './userError.js';

/**
 * Checks an optional count (people, households, staff): a whole number, not negative. Records
 * NOT_WHOLE_NUMBER or NEGATIVE_COUNT on `path`; returns true when the value is fine or absent.
 */
export function checkCount(checks: Checks, value: number | null | undefined, path: Array<string | number>): boolean {
  if (value === null || value === undefined) return true;
  if (!checks.require(Number.isInteger(value), path, 'NOT_WHOLE_NUMBER', `A count is a whole number; got ${value}.`))
    return false;
  return checks.require(value >= 0, path, 'NEGATIVE_COUNT', `A count cannot be negative; got ${value}.`);
}

/** Checks that an optional end date is not before its start date (DATES_OUT_OF_ORDER on `path`). */
export function checkOrdered(
  checks: Checks,
  start: Date | null | undefined,
  end: Date | null | undefined,
  path: Array<string | number>,
): boolean {
  if (!start || !end) return true;
  return checks.require(end >= start, path, 'DATES_OUT_OF_ORDER', 'The end date is before the start date.');
}
