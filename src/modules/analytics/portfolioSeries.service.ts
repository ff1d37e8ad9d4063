import type { Database } from '../../db/client.js';
import type { AccessScope } from '../auth/index.js';
import { Prisma } from '../../generated/prisma/client.js';
import { aliasSource, compileWhere, type WhereInput } from '../../engine/compileWhere.js';
import { seesEverything } from '../../engine/scopeCondition.js';
import { entitySpec } from '../entities.js';
import { keyOf, keySelect, resolveGrouping } from './grouping.js';
import { checkedFirst } from './limits.js';
import { loanDimensions, loanJoins, nonPerformingClasses } from './loanDimensions.js';
import { isEmptyWhere, snapshotRollupDimensions } from './loanRollups.js';
import { monthRange } from './monthRange.js';
import { regionDimensions, regionJoins } from './regionColumns.js';
import { runSql } from './runSql.js';

/** Arguments of `portfolioSeries`. `from` and `to` are Dates or "YYYY-MM-DD"; their months count. */
export interface PortfolioSeriesArgs {
  where?: WhereInput | null;
  groupBy?: readonly string[] | null;
  from: unknown;
  to: unknown;
  first?: number | null;
  /** Whether an unfiltered request by region reads the snapshot rollup (the default; same figures). */
  rollups?: boolean;
}

/** The month-end position of one group in one month. */
export interface PortfolioPoint {
  month: string;
  monthEnd: string;
  loanCount: number;
  outstandingBalance: string;
  nonPerformingBalance: string;
  nplRatio: string | null;
}

/** One group's series: a point for every month of the range, zero where it had no snapshot. */
export interface PortfolioSeries {
  key: Record<string, string | null>;
  points: PortfolioPoint[];
}

/** Most series one call returns. */
export const maxSeries = 1_000;

const npl = `s."riskClass" IN (${nonPerformingClasses.map((c) => `'${c}'`).join(', ')})`;

/**
 * Month-end outstanding and non-performing balance and NPL ratio per group, from the loans'
 * classification snapshots of the loans within `scope` (the snapshot's risk class, not the loan's current one). Groups with no
 * snapshot in the range are left out; the rest get every month, so series are continuous.
 * Unfiltered series by region read the snapshot rollup, which holds the same sums.
 * @throws GraphQLError BAD_USER_INPUT naming the argument for a bad range, dimension, filter or
 * `first`.
 */
export async function portfolioSeries(
  db: Database,
  args: PortfolioSeriesArgs,
  scope: AccessScope,
): Promise<{ series: PortfolioSeries[]; seriesCount: number }> {
  const months = monthRange(args.from, args.to);
  const first = checkedFirst(args.first, 100, maxSeries);
  // The rollup has no org unit: only a caller who sees every loan may read it.
  const rollup =
    args.rollups !== false &&
    isEmptyWhere(args.where) &&
    (args.groupBy ?? []).every((d) => snapshotRollupDimensions.has(d)) &&
    seesEverything(entitySpec('EnterpriseLoan'), scope);
  const grouping = rollup
    ? resolveGrouping(args.groupBy, regionDimensions, regionJoins('s."regionId"'), 'groupBy')
    : resolveGrouping(args.groupBy, loanDimensions, loanJoins, 'groupBy');
  const where = compileWhere(entitySpec('EnterpriseLoan'), args.where, 'l', 'where', aliasSource(scope));
  const keys = grouping.keys.map((k) => k.sql);
  // The rollup holds, per loan region and month-end, the count and sums the raw path computes.
  const [count, balance, nonPerforming] = rollup
    ? ['COALESCE(sum(s."loanCount"), 0)', 'sum(s."outstandingBalance")', 'sum(s."nonPerformingBalance")']
    : ['count(*)', 'sum(s."outstandingBalance")', `sum(s."outstandingBalance") FILTER (WHERE ${npl})`];
  const rows = await runSql<Record<string, unknown>>(
    db,
    Prisma.sql`SELECT ${Prisma.join([
      ...keySelect(grouping.keys),
      Prisma.raw(`to_char(s."monthEnd", 'YYYY-MM') AS "month"`),
      Prisma.raw(`${count}::int AS "loanCount"`),
      Prisma.raw(`COALESCE(${balance}, 0.00)::text AS "outstandingBalance"`),
      Prisma.raw(`COALESCE(${nonPerforming}, 0.00)::text AS "nonPerformingBalance"`),
      Prisma.raw(`round(COALESCE(${nonPerforming}, 0) / NULLIF(${balance}, 0), 8)::text AS "nplRatio"`),
    ])}
      FROM ${Prisma.raw(rollup ? '"LoanSnapshotRollup" s' : '"LoanClassificationSnapshot" s JOIN "EnterpriseLoan" l ON l."id" = s."loanId"')} ${grouping.joins}
      WHERE ${where}
        AND s."monthEnd" >= CAST(${`${months[0]!.label}-01`} AS date)
        AND s."monthEnd" <= CAST(${months.at(-1)!.monthEnd} AS date)
      GROUP BY ${Prisma.raw([...grouping.groupBy, `to_char(s."monthEnd", 'YYYY-MM')`].join(', '))}
      ORDER BY ${Prisma.raw([...keys.map((k) => `${k} ASC NULLS LAST`), '"month"'].join(', '))}`,
  );
  const byGroup = new Map<
    string,
    { key: Record<string, string | null>; points: Map<string, Record<string, unknown>> }
  >();
  for (const row of rows) {
    const key = keyOf(row, grouping.keys);
    const id = JSON.stringify(grouping.keys.map((k) => key[k.field]));
    const group = byGroup.get(id) ?? { key, points: new Map() };
    group.points.set(row.month as string, row);
    byGroup.set(id, group);
  }
  const series = [...byGroup.values()].slice(0, first).map(({ key, points }) => ({
    key,
    points: months.map(({ label, monthEnd }) => {
      const row = points.get(label);
      return {
        month: label,
        monthEnd,
        loanCount: (row?.loanCount as number) ?? 0,
        outstandingBalance: (row?.outstandingBalance as string) ?? '0.00',
        nonPerformingBalance: (row?.nonPerformingBalance as string) ?? '0.00',
        nplRatio: (row?.nplRatio as string | null) ?? null,
      };
    }),
  }));
  return { series, seriesCount: byGroup.size };
}
