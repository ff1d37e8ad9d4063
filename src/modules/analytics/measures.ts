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

/** One ORDER BY item of a statistics query: fixed SQL and its direction. */
export interface OrderItem {
  sql: string;
  descending: boolean;
}

/**
 * The ORDER BY items: the requested measures and dimensions, then every key column ascending,
 * so the order is total and repeatable. Ascending puts nulls last and descending first, so a null
 * always sorts as the largest value (the group keyset relies on it).
 * @throws GraphQLError BAD_USER_INPUT naming `orderBy[i]` for an unknown measure, a dimension not
 * in the groupBy, or an item naming both or neither.
 */
export function compileOrder(
  orderBy: readonly StatisticsOrder[] | null | undefined,
  measures: Readonly<Record<string, Measure>>,
  keysOf: (dimension: string) => readonly KeyColumn[] | undefined,
  allKeys: readonly KeyColumn[],
): OrderItem[] {
  const byValue = new Map(Object.entries(measures).map(([name, m]) => [orderFieldValue(name), m]));
  const items: OrderItem[] = [];
  (orderBy ?? []).forEach((item, i) => {
    const at = `orderBy[${i}]`;
    const descending = item.direction === 'DESC';
    if (!!item.measure === !!item.dimension) throw badInput(at, 'give exactly one of measure and dimension.');
    if (item.measure) {
      const measure = byValue.get(item.measure);
      if (!measure) throw badInput(`${at}.measure`, `unknown measure "${item.measure}".`);
      items.push({ sql: `(${measure.sql})`, descending });
    } else {
      const keys = keysOf(item.dimension!);
      if (!keys) throw badInput(`${at}.dimension`, `${item.dimension} is not in groupBy.`);
      items.push(...keys.map((key) => ({ sql: key.sql, descending })));
    }
  });
  items.push(...allKeys.map((key) => ({ sql: key.sql, descending: false })));
  return items;
}
