import type { Database } from '../../db/client.js';
import type { AccessScope } from '../auth/index.js';
import { GraphQLError } from 'graphql';
import { Prisma } from '../../generated/prisma/client.js';
import { type AliasSource, aliasSource, compileWhere, type WhereInput } from '../../engine/compileWhere.js';
import { entitySpec } from '../entities.js';
import {
  groupByClause,
  keyOf,
  keySelect,
  resolveGrouping,
  type Dimension,
  type Grouping,
  type JoinTable,
} from './grouping.js';
import { checkedFirst, defaultGroups, maxGroups } from './limits.js';
import {
  compileHaving,
  compileOrder,
  measureSelect,
  type HavingInput,
  type Measure,
  type OrderItem,
  type StatisticsOrder,
} from './measures.js';
import {
  afterCondition,
  groupCursor,
  orderColumn,
  orderSignature,
  outerOrder,
  type GroupPageInfo,
} from './groupKeyset.js';
import { runSql } from './runSql.js';

/** Arguments every statistics query takes, as GraphQL (or the CLI) hands them over. */
export interface StatisticsArgs {
  where?: WhereInput | null;
  groupBy?: readonly string[] | null;
  having?: HavingInput | null;
  orderBy?: readonly StatisticsOrder[] | null;
  first?: number | null;
  /** Cursor of the last group of the previous page (`pageInfo.endCursor`). */
  after?: string | null;
  /** Measures to compute (GraphQL field names); all when not given. Unknown names are ignored. */
  measures?: readonly string[] | null;
}

/** One group: its key (null fields for dimensions not grouped by) and its measures. */
export type StatisticsGroup = { key: Record<string, string | null> } & Record<string, unknown>;

/** Groups of a statistics call, how many groups matched before `first` cut them, and the page. */
export interface StatisticsResult {
  groups: StatisticsGroup[];
  groupCount: number;
  pageInfo: GroupPageInfo;
  grouping: Grouping;
}

/** What one kind of statistics is computed over: a table, its filter spec and its whitelists. */
export interface StatisticsSource {
  /** `"Table" alias`; the alias is the one `where` filters and the joins refer to. */
  from: string;
  alias: string;
  whereType: string;
  dimensions: Readonly<Record<string, Dimension>>;
  joins: JoinTable;
  measures: Readonly<Record<string, Measure>>;
}

/** The parts of one statistics request, shared by the executed service and the compiled answer. */
export interface StatisticsPlan {
  first: number;
  grouping: Grouping;
  order: OrderItem[];
  /** Fingerprint of the ordering that the page's cursors carry. */
  signature: string;
  /** The condition on the subquery `g` selecting the groups after the cursor (TRUE when `groups()` holds only those). */
  after: Prisma.Sql;
  /**
   * Whether `groups()` holds every group, so groupCount can be counted from it. A page after a
   * cursor, ordered by the group keys alone, leaves out the groups before the cursor: their rows
   * are filtered out before grouping (a group's rows share its key values), which spares
   * aggregating them; `count` then counts the groups.
   */
  holdsEveryGroup: boolean;
  /** The measures computed, by GraphQL field name. */
  measures: string[];
  /**
   * The groups as a SELECT: key columns by field name, measures, ORDER BY values as `_o0`, `_o1`…
   * and `extra` items, after `having` and before the keyset cut.
   */
  groups: (extra?: readonly Prisma.Sql[]) => Prisma.Sql;
  /** How many groups there are (after `having`), as a SELECT of one int column `n`. */
  count: Prisma.Sql;
}

/**
 * Checks a statistics request against the whitelists of `source` and builds its SQL parts. Only
 * rows within `scope` count, so no measure or group count reflects another branch's rows.
 * @throws GraphQLError BAD_USER_INPUT naming the argument for an unknown dimension or measure,
 * a bad filter, or `first` out of range; FORBIDDEN on groupBy for a dimension whose `readers`
 * the scope's roles are not among.
 */
export function planStatistics(
  source: StatisticsSource,
  args: StatisticsArgs,
  scope: AccessScope,
  aliases: AliasSource = aliasSource(scope),
): StatisticsPlan {
  const first = checkedFirst(args.first, defaultGroups, maxGroups);
  const grouping = resolveGrouping(args.groupBy, source.dimensions, source.joins, 'groupBy');
  assertMayGroupBy(grouping.dimensions, source.dimensions, scope);
  const where = compileWhere(entitySpec(source.whereType), args.where, source.alias, 'where', aliases);
  const having = compileHaving(args.having, source.measures);
  const order = compileOrder(
    args.orderBy,
    source.measures,
    (d) => (grouping.dimensions.includes(d) ? source.dimensions[d]!.keys : undefined),
    grouping.keys,
  );
  const signature = orderSignature(source.whereType, grouping.dimensions, args.orderBy);
  const byKeys = !(args.orderBy ?? []).some((item) => item.measure);
  const early =
    args.after && byKeys
      ? afterCondition(args.after, signature, order, 'after', (i) => Prisma.raw(order[i]!.sql))
      : null;
  // Once the rows are cut before grouping, every group left is past the cursor.
  const after = early ? Prisma.sql`TRUE` : afterCondition(args.after, signature, order);
  const wanted = args.measures
    ? Object.entries(source.measures).filter(([name]) => args.measures!.includes(name))
    : Object.entries(source.measures);
  const orderValues = order.map((item, i) => Prisma.raw(`${item.sql} AS "${orderColumn(i)}"`));
  const items = [...keySelect(grouping.keys), ...measureSelect(Object.fromEntries(wanted)), ...orderValues];
  const fromWhere = Prisma.sql`FROM ${Prisma.raw(source.from)} ${grouping.joins} WHERE ${where}`;
  const grouped = Prisma.sql`${groupByClause(grouping.groupBy)} ${having}`;
  return {
    first,
    grouping,
    order,
    signature,
    after,
    measures: wanted.map(([name]) => name),
    holdsEveryGroup: early === null,
    groups: (extra = []) =>
      Prisma.sql`SELECT ${Prisma.join([...items, ...extra])} ${fromWhere} ${early ? Prisma.sql`AND ${early}` : Prisma.empty}
      ${grouped}`,
    count: Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} ${grouped}) g`,
  };
}

/**
 * The measures of the rows of `source` matching `where`, per combination of the `groupBy`
 * dimensions, filtered by `having`, ordered and cut to `first`, in one statement (see
 * {@link planStatistics} for what it checks and throws).
 */
export async function runStatistics(
  db: Database,
  source: StatisticsSource,
  args: StatisticsArgs,
  scope: AccessScope,
): Promise<StatisticsResult> {
  const plan = planStatistics(source, args, scope);
  const { first, order, signature } = plan;
  // groupCount is counted before the keyset cuts, so every page reports all matching groups.
  const rows = await runSql<Record<string, unknown>>(
    db,
    Prisma.sql`SELECT * FROM (${plan.groups([plan.holdsEveryGroup ? Prisma.raw('(count(*) OVER ())::int AS "groupCount"') : Prisma.sql`(${plan.count}) AS "groupCount"`])}) g
    WHERE ${plan.after}
    ${outerOrder(order)}
    LIMIT ${first + 1}`,
  );
  const page = rows.slice(0, first);
  return {
    groups: page.map((row) => ({
      ...Object.fromEntries(plan.measures.map((n) => [n, row[n] ?? null])),
      key: keyOf(row, plan.grouping.keys),
    })),
    groupCount: Number(rows[0]?.groupCount ?? (args.after ? await countGroups() : 0)),
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(args.after),
      startCursor: page.length ? groupCursor(signature, page[0]!, order) : null,
      endCursor: page.length ? groupCursor(signature, page.at(-1)!, order) : null,
    },
    grouping: plan.grouping,
  };

  // A page past the last group has no row to carry the count.
  async function countGroups(): Promise<number> {
    const [row] = await runSql<{ n: number }>(db, plan.count);
    return row?.n ?? 0;
  }
}

/**
 * Refuses a dimension read from an entity the caller may not read: its groups would show that
 * entity's values (a VIEWER would see the product mix of loans it cannot open).
 * @throws GraphQLError FORBIDDEN naming `groupBy`, the dimension and the roles that may use it.
 */
function assertMayGroupBy(
  names: readonly string[],
  dimensions: Readonly<Record<string, Dimension>>,
  scope: AccessScope,
): void {
  for (const name of names) {
    const readers = dimensions[name]?.readers;
    if (!readers || scope.roles.some((role) => readers.roles.includes(role))) continue;
    throw new GraphQLError(
      `Argument "groupBy": ${name} is taken from ${readers.entity} and needs one of the roles ${readers.roles.join(', ')}.`,
      { extensions: { code: 'FORBIDDEN', argument: 'groupBy' } },
    );
  }
}
