import type { Checks, UserErrorCode } from '../writes/index.js';

/**
 * Reads an enum cell; records INVALID_FORMAT (naming the allowed values) or REQUIRED on the
 * column and returns undefined when it is not one of `values`.
 */
export function enumCell<T extends string>(
  checks: Checks,
  cells: Record<string, string>,
  column: string,
  values: Record<string, T>,
): T | undefined {
  const value = cells[column] ?? '';
  if (!value) {
    checks.require(false, [column], 'REQUIRED', `${column} is required.`);
    return undefined;
  }
  const allowed = Object.values(values);
  if (allowed.includes(value as T)) return value as T;
  checks.require(false, [column], 'INVALID_FORMAT', `"${value}" is not one of ${allowed.join(', ')}.`);
  return undefined;
}

/** The recorded user errors as import problems: the column is the last part of the input path. */
export function problemsOf(checks: Checks): Array<{ column: string; code: UserErrorCode; message: string }> {
  return checks.errors.map((error) => ({ column: error.field.at(-1) ?? '', code: error.code, message: error.message }));
}

/** A whole-number cell as a number, undefined when blank, NaN when not a whole number. */
export function intCell(cells: Record<string, string>, column: string): number | undefined {
  const value = cells[column] ?? '';
  if (!value) return undefined;
  return /^-?\d{1,9}$/.test(value) ? Number(value) : NaN;
}
