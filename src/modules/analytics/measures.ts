import { Prisma } from '../../generated/prisma/client.js';
import { badInput } from '../../engine/badInput.js';
import { orderFieldValue } from '../../engine/entitySpec.js';
import type { KeyColumn } from './grouping.js';

/** An aggregate a statistic reports: fixed SQL, and whether it is a count (Int) or a Decimal. */
export interface Measure {
  sql: string;
  type: 'int' | 'decimal';
}

/** A `having` input: per measure, comparisons with a value. */
export type HavingInput = Record<string, Record<string, unknown> | null | undefined>;

/** One `orderBy` item: a measure (as its enum value) or a dimension of the groupBy. */
export interface StatisticsOrder {
  measure?: string | null;
  dimension?: string | null;
  direction?: 'ASC' | 'DESC' | null;
}

const comparisons: Record<string, string> = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' };
const decimalPattern = /^-?\d+(\.\d+)?$/;

/** `SELECT` items of the measures, cast so both drivers return ints as numbers, decimals as text. */
export function measureSelect(measures: Readonly<Record<string, Measure>>): Prisma.Sql[] {
  return Object.entries(measures).map(([name, m]) =>
    Prisma.raw(`(${m.sql})::${m.type === 'int' ? 'int' : 'text'} AS "${name}"`),
  );
}

/**
 * The HAVING clause of a `having` input; values are bound parameters.
 * @throws GraphQLError BAD_USER_INPUT naming `having.<measure>.<op>` for an unknown measure or
 * operator, or a value that is not a number.
 */
export function compileHaving(
  having: HavingInput | null | undefined,
  measures: Readonly<Record<string, Measure>>,
): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  for (const [name, ops] of Object.entries(having ?? {})) {
    if (ops === null || ops === undefined) continue;
    const measure = Object.hasOwn(measures, name) ? measures[name] : undefined;
    if (!measure) throw badInput(`having.${name}`, `unknown measure; use one of ${Object.keys(measures).join(', ')}.`);
    for (const [op, value] of Object.entries(ops)) {
      if (value === null || value === undefined) continue;
      const at = `having.${name}.${op}`;
      const symbol = Object.hasOwn(comparisons, op) ? comparisons[op] : undefined;
      if (!symbol) throw badInput(at, `unknown operator; use one of ${Object.keys(comparisons).join(', ')}.`);
      const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
      if (typeof text !== 'string' || !decimalPattern.test(text))
        throw badInput(at, `"${String(value)}" is not a number.`);
      parts.push(Prisma.sql`(${Prisma.raw(measure.sql)}) ${Prisma.raw(symbol)} CAST(${text} AS numeric)`);
    }
  }
  return parts.length ? Prisma.sql`HAVING ${Prisma.join(parts, ' AND ')}` : Prisma.empty;
}

/**
 * The ORDER BY clause: the requested measures and dimensions, then every key column ascending,
 * so the order is total and repeatable.
 * @throws GraphQLError BAD_USER_INPUT naming `orderBy[i]` for an unknown measure, a dimension not
 * in the groupBy, or an item naming both or neither.
 */
export function compileOrder(
  orderBy: readonly StatisticsOrder[] | null | undefined,
  measures: Readonly<Record<string, Measure>>,
  keysOf: (dimension: string) => readonly KeyColumn[] | undefined,
  allKeys: readonly KeyColumn[],
): Prisma.Sql {
  const byValue = new Map(Object.entries(measures).map(([name, m]) => [orderFieldValue(name), m]));
  const items: string[] = [];
  (orderBy ?? []).forEach((item, i) => {
    const at = `orderBy[${i}]`;
    const direction = item.direction === 'DESC' ? 'DESC NULLS FIRST' : 'ASC NULLS LAST';
    if (!!item.measure === !!item.dimension) throw badInput(at, 'give exactly one of measure and dimension.');
    if (item.measure) {
      const measure = byValue.get(item.measure);
      if (!measure) throw badInput(`${at}.measure`, `unknown measure "${item.measure}".`);
      items.push(`(${measure.sql}) ${direction}`);
    } else {
      const keys = keysOf(item.dimension!);
      if (!keys) throw badInput(`${at}.dimension`, `${item.dimension} is not in groupBy.`);
      items.push(...keys.map((key) => `${key.sql} ${direction}`));
    }
  });
  items.push(...allKeys.map((key) => `${key.sql} ASC NULLS LAST`));
  return items.length ? Prisma.raw(`ORDER BY ${items.join(', ')}`) : Prisma.empty;
}
