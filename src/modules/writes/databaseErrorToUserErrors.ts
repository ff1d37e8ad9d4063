import { constraintRules } from './constraintRules.js';
import type { UserError } from './userError.js';

interface DriverCause {
  code?: string;
  originalCode?: string;
  kind?: string;
  message?: string;
  originalMessage?: string;
  constraint?: { index?: string; fields?: string[] };
  table?: string;
}

/**
 * Turns a database refusal that slipped past a service's own checks into user errors: a CHECK
 * or trigger rule (SQLSTATE 23514), a unique key (23505), a missing reference (23503) or a bad
 * value (22xxx). Returns undefined for anything else, which is a real failure for the caller to
 * rethrow. Messages name the rule, never the SQL.
 */
export function databaseErrorToUserErrors(error: unknown): UserError[] | undefined {
  const cause = driverCause(error);
  if (!cause) return undefined;
  const sqlState = cause.originalCode ?? cause.code ?? '';
  const text = cause.originalMessage ?? cause.message ?? '';
  const named = /constraint "([^"]+)"/.exec(text)?.[1] ?? cause.constraint?.index;
  if (sqlState === '23514' || sqlState === '23505' || cause.kind === 'UniqueConstraintViolation') {
    const rule = named ? constraintRules[named] : undefined;
    const ruleByMessage = rule ?? ruleFromTriggerMessage(text);
    if (ruleByMessage) {
      return [
        {
          field: ['input', ruleByMessage.field],
          code: ruleByMessage.code,
          message: `Refused by the rule ${named ?? 'of the database'}: ${text}`,
        },
      ];
    }
    const unique = sqlState === '23505' || cause.kind === 'UniqueConstraintViolation';
    const fields = cause.constraint?.fields ?? [];
    return [
      {
        field: ['input', ...(fields.length > 0 ? fields : [])],
        code: unique ? 'ALREADY_EXISTS' : 'CONSTRAINT_VIOLATION',
        message: unique
          ? `A row with this ${fields.join(', ') || 'key'} already exists.`
          : `Refused by a database rule: ${text}`,
      },
    ];
  }
  if (sqlState === '23503' || cause.kind === 'ForeignKeyConstraintViolation') {
    const index = cause.constraint?.index ?? named ?? '';
    const column = /_([A-Za-z]+)_fkey$/.exec(index)?.[1];
    return [
      {
        field: ['input', ...(column ? [column] : [])],
        code: 'NOT_FOUND',
        message: `The ${column ?? 'referenced row'} does not exist.`,
      },
    ];
  }
  if (sqlState.startsWith('22')) {
    return [{ field: ['input'], code: 'INVALID_FORMAT', message: `A value cannot be stored: ${text}` }];
  }
  return undefined;
}

// Trigger checks raise check_violation without a constraint clause in the message text on every
// driver, so they are recognised by their wording (prisma/migrations/*_invariants).
function ruleFromTriggerMessage(text: string) {
  if (/is a [A-Z]+, not a county/.test(text)) return constraintRules.Village_county_is_county_check;
  if (/is not a township of county/.test(text)) return constraintRules.Village_township_in_county_check;
  if (/must start with the code .* of its township or county/.test(text))
    return constraintRules.Village_code_extends_region_check;
  return undefined;
}

function driverCause(error: unknown): DriverCause | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } }).meta;
  const cause = meta?.driverAdapterError?.cause;
  if (cause) return cause;
  // Raw SQL on the pg or PGlite driver directly (the import path) throws the driver's error.
  const direct = error as { code?: unknown; message?: unknown; constraint?: unknown };
  if (typeof direct.code === 'string' && /^[0-9A-Z]{5}$/.test(direct.code)) {
    return {
      code: direct.code,
      message: String(direct.message ?? ''),
      constraint: typeof direct.constraint === 'string' ? { index: direct.constraint } : undefined,
    };
  }
  return undefined;
}
