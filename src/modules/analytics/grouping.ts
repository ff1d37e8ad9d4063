import { Prisma } from '../../generated/prisma/client.js';
import { badInput } from '../../engine/badInput.js';

/** One output column of a group key: its GraphQL field name and the fixed SQL computing it. */
export interface KeyColumn {
  field: string;
  sql: string;
}

/** A dimension a statistic can be grouped by: the joins it needs and the key columns it adds. */
export interface Dimension {
  joins: readonly string[];
  keys: readonly KeyColumn[];
  /**
   * What to GROUP BY, when not the key columns themselves: one id whose row the keys are read
   * from. A single column with statistics lets the planner estimate the groups and hash them;
   * a product of expressions makes it guess hundreds of thousands and sort instead.
   */
  groupBy?: readonly string[];
  /** Set on time buckets: the date column bucketed, so one statement buckets each date once. */
  bucketOf?: string;
  /**
   * Set on a dimension read from another entity (a loan's product in impact statistics): the
   * roles that may read that entity, and its name for the refusal. Omitted: any caller may group by it.
   */
  readers?: { roles: readonly string[]; entity: string };
}

/** Fixed SQL of the joins dimensions may need, in the order they must appear, by name. */
export type JoinTable = ReadonlyArray<readonly [name: string, sql: string, requires?: string]>;

/** The key columns, GROUP BY list and joins of one groupBy list. */
export interface Grouping {
  dimensions: string[];
  keys: KeyColumn[];
  /** The GROUP BY expressions, in dimension order. */
  groupBy: string[];
  joins: Prisma.Sql;
}

/**
 * Resolves a groupBy list against a whitelist of dimensions. Every SQL fragment comes from the
 * whitelist; user text only selects entries, so nothing the caller sends reaches SQL unbound.
 * @throws GraphQLError BAD_USER_INPUT naming `argument[i]` for an unknown or repeated dimension,
 * or for two buckets of the same date (their keys would collide).
 */
export function resolveGrouping(
  groupBy: readonly string[] | null | undefined,
  dimensions: Readonly<Record<string, Dimension>>,
  joinTable: JoinTable,
  argument: string,
): Grouping {
  const list = groupBy ?? [];
  const seen = new Set<string>();
  const buckets = new Map<string, string>();
  const needed = new Set<string>();
  const keys: KeyColumn[] = [];
  const groupBySql: string[] = [];
  list.forEach((name, i) => {
    const at = `${argument}[${i}]`;
    const dimension = Object.hasOwn(dimensions, name) ? dimensions[name] : undefined;
    if (!dimension)
      throw badInput(at, `unknown dimension "${String(name)}"; use one of ${Object.keys(dimensions).join(', ')}.`);
    if (seen.has(name)) throw badInput(at, `dimension ${name} is listed twice.`);
    seen.add(name);
    if (dimension.bucketOf) {
      const other = buckets.get(dimension.bucketOf);
      if (other) throw badInput(at, `${name} and ${other} bucket the same date; group by one of them.`);
      buckets.set(dimension.bucketOf, name);
    }
    for (const join of dimension.joins) needed.add(join);
    keys.push(...dimension.keys);
    groupBySql.push(...(dimension.groupBy ?? dimension.keys.map((key) => key.sql)));
  });
  // A join may need another (a province name needs the loan's region row first).
  for (const [name, , requires] of [...joinTable].reverse()) if (needed.has(name) && requires) needed.add(requires);
  const joins = joinTable.filter(([name]) => needed.has(name)).map(([, sql]) => Prisma.raw(sql));
  return {
    dimensions: [...list],
    keys,
    groupBy: groupBySql,
    joins: joins.length ? Prisma.join(joins, '\n') : Prisma.empty,
  };
}

/** `SELECT` items of the key columns, each aliased by its field name. */
export function keySelect(keys: readonly KeyColumn[]): Prisma.Sql[] {
  return keys.map((key) => Prisma.raw(`${key.sql} AS "${key.field}"`));
}

/** The GROUP BY clause of the expressions, or nothing for one total. */
export function groupByClause(expressions: readonly string[]): Prisma.Sql {
  return expressions.length ? Prisma.raw(`GROUP BY ${expressions.join(', ')}`) : Prisma.empty;
}

/** The group key object of a result row: every key column of the grouping, by field name. */
export function keyOf(row: Record<string, unknown>, keys: readonly KeyColumn[]): Record<string, string | null> {
  return Object.fromEntries(keys.map((key) => [key.field, (row[key.field] as string | null) ?? null]));
}
