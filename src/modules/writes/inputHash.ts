import { createHash } from 'node:crypto';

/**
 * Returns the SHA-256 (hex) of the operation and its input in canonical JSON: keys sorted,
 * undefined dropped, Dates as ISO strings and decimals as their string, so the same input always
 * hashes the same however its object was built.
 */
export function inputHash(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(canonicalJson(input)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    // Decimal.js and similar value objects: their string form is their identity.
    if (typeof (value as { toFixed?: unknown }).toFixed === 'function') return JSON.stringify(String(value));
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
