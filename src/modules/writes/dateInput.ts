import type { Checks } from './userError.js';

/** A Date input: a Date at UTC midnight (the GraphQL Date scalar) or "2020-04-20". */
export type DateInput = Date | string;

/**
 * Reads a calendar date as a UTC-midnight Date. Returns undefined for null/undefined and null
 * (recording INVALID_FORMAT on `path`) for anything that is not a real date.
 */
export function readDate(
  checks: Checks,
  value: DateInput | null | undefined,
  path: Array<string | number>,
): Date | null | undefined {
  if (value === null || value === undefined) return undefined;
  const date =
    typeof value === 'string'
      ? parseDay(value)
      : new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  if (!date || Number.isNaN(date.getTime())) {
    checks.require(false, path, 'INVALID_FORMAT', `"${String(value)}" is not a date such as "2020-04-20".`);
    return null;
  }
  return date;
}

function parseDay(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Date.UTC rolls 2020-02-30 over into March; a real date survives the round trip.
  return date.toISOString().slice(0, 10) === text.trim() ? date : undefined;
}

/** The date `months` calendar months after `date`, on the same day or the month's last day. */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 86_400_000);
}

/** True when `date` is the last day of its month. */
export function isMonthEnd(date: Date): boolean {
  return new Date(date.getTime() + 86_400_000).getUTCDate() === 1;
}

/** "2020-04-20" for a UTC-midnight date. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
