import { badInput } from '../../engine/badInput.js';
import { maxSeriesMonths } from './limits.js';

/** A month of a series: its label ("2020-06") and its last day ("2020-06-30"). */
export interface SeriesMonth {
  label: string;
  monthEnd: string;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A Date (as the Date scalar parses it) or "YYYY-MM-DD" text as "YYYY-MM-DD". */
function isoDate(value: unknown, argument: string): string {
  const text =
    value instanceof Date
      ? Number.isNaN(value.getTime())
        ? ''
        : value.toISOString().slice(0, 10)
      : String(value ?? '');
  if (!datePattern.test(text) || Number.isNaN(Date.parse(text)))
    throw badInput(argument, 'is required and looks like "2020-04-20".');
  return text;
}

/**
 * Every month from the month of `from` to the month of `to`, inclusive.
 * @throws GraphQLError BAD_USER_INPUT naming `from` or `to` when missing or malformed, `to` when
 * it lies before `from`, or when the range spans more than {@link maxSeriesMonths} months.
 */
export function monthRange(from: unknown, to: unknown): SeriesMonth[] {
  const start = isoDate(from, 'from');
  const end = isoDate(to, 'to');
  if (end < start) throw badInput('to', `${end} lies before from (${start}); the range is empty.`);
  const first = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1;
  const last = Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7)) - 1;
  if (last - first + 1 > maxSeriesMonths)
    throw badInput('to', `the range spans ${last - first + 1} months; at most ${maxSeriesMonths}.`);
  const months: SeriesMonth[] = [];
  for (let m = first; m <= last; m++) {
    const year = Math.floor(m / 12);
    const month = (m % 12) + 1;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const label = `${year}-${String(month).padStart(2, '0')}`;
    months.push({ label, monthEnd: `${label}-${lastDay}` });
  }
  return months;
}
