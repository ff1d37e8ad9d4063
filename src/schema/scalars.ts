import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';

const decimalPattern = /^-?\d+(\.\d+)?$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Money and rates as exact decimal strings ("1234.50"); never a float on the wire. */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1250000.00" (CNY) or "0.038500" (a rate of 3.85%).',
  serialize(value) {
    if (value === null || value === undefined) return null;
    // Decimal.js prints tiny values in exponent form with String(); toFixed() never does.
    return typeof value === 'object' && 'toFixed' in value ? (value as { toFixed(): string }).toFixed() : String(value);
  },
  parseValue(value) {
    if (typeof value !== 'string' || !decimalPattern.test(value)) {
      throw badInput('Decimal values are strings of digits with an optional point, e.g. "1250000.00".');
    }
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !decimalPattern.test(ast.value)) {
      throw badInput('Decimal values are strings of digits with an optional point, e.g. "1250000.00".');
    }
    return ast.value;
  },
});

/** Years both PostgreSQL's and JavaScript's dates hold and print the same way: 0001 to 9999. */
const firstYear = 1;
const lastYear = 9999;

// Date.parse rolls 2020-02-30 over to March 1; only a day that survives the round trip exists.
function isCalendarDay(text: string): boolean {
  if (!datePattern.test(text)) return false;
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text && inYearRange(date);
}

function inYearRange(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= firstYear && year <= lastYear;
}

/** A DateTime text as an instant, or undefined when it is none or its UTC year is outside 0001–9999. */
function instantOf(text: string): Date | undefined {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) || !inYearRange(date) ? undefined : date;
}

/** A calendar date, "2020-04-20". Stored as a UTC midnight DateTime by Prisma. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, e.g. "2020-04-20".',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return String(value);
  },
  parseValue(value) {
    if (typeof value !== 'string' || !isCalendarDay(value)) {
      throw badInput('Date values look like "2020-04-20", in the years 0001 to 9999.');
    }
    return new Date(`${value}T00:00:00.000Z`);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isCalendarDay(ast.value)) {
      throw badInput('Date values look like "2020-04-20", in the years 0001 to 9999.');
    }
    return new Date(`${ast.value}T00:00:00.000Z`);
  },
});

const dateTimeMessage =
  'DateTime values are ISO 8601 strings, e.g. "2020-04-20T08:00:00Z", in the years 0001 to 9999 (UTC).';

/** An instant in ISO 8601 with time zone, "2020-04-20T08:00:00.000Z". */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant in ISO 8601 with time zone, e.g. "2020-04-20T08:00:00.000Z".',
  serialize(value) {
    return value instanceof Date ? value.toISOString() : String(value);
  },
  parseValue(value) {
    const instant = typeof value === 'string' ? instantOf(value) : undefined;
    if (!instant) throw badInput(dateTimeMessage);
    return instant;
  },
  parseLiteral(ast) {
    const instant = ast.kind === Kind.STRING ? instantOf(ast.value) : undefined;
    if (!instant) throw badInput(dateTimeMessage);
    return instant;
  },
});

/** Any JSON value, passed through as it is (audit events' before and after rows). */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value: the row values an audit event records (decimals as strings, dates as ISO strings).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
