import { badInput } from '../../engine/badInput.js';

/** Most groups one statistics call returns. */
export const maxGroups = 10_000;
/** Groups returned when `first` is not given. */
export const defaultGroups = 1_000;
/** Most months one portfolio series spans. */
export const maxSeriesMonths = 240;

/**
 * `first` checked against `1..max`, or `fallback` when not given.
 * @throws GraphQLError BAD_USER_INPUT naming `argument` when out of range.
 */
export function checkedFirst(
  first: number | null | undefined,
  fallback: number,
  max: number,
  argument = 'first',
): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > max)
    throw badInput(argument, `must be between 1 and ${max}; got ${first}.`);
  return first;
}
