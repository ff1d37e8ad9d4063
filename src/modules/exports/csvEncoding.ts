import { neutraliseFormula } from '../analytics/index.js';

/** The UTF-8 byte order mark Excel needs to read a CSV file as UTF-8. */
export const utf8Bom = '\uFEFF';

/**
 * One RFC 4180 field: null is empty, a field holding a comma, quote, CR or LF is quoted with its
 * quotes doubled, anything else is written as is (decimals stay exact text). Text that would start a
 * spreadsheet formula gets the `'` prefix of {@link neutraliseFormula}, as the SQL-rendered rows do.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One RFC 4180 record of the fields, ended by CRLF. */
export function csvRecord(fields: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}
