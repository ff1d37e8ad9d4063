// The tiles above the charts: the figures an analyst looks for first, from the same answer the
// charts draw, so a tile and its chart can never disagree.
import type { DashboardData } from './queries.js';

/** The figures of the tiles; null where the answer lacks them (a refused field, no snapshot). */
export interface Kpis {
  /** Outstanding balance at the last month end with snapshots, in 元. */
  balance: string | null;
  /** Non-performing ratio at that month end, a fraction. */
  nplRatio: string | null;
  /** Loans under the filters. */
  loans: number | null;
  /** People lifted (driven) by the impact records under the filters. */
  peopleLifted: number | null;
  /** Change of the balance on the month before, a fraction (0.05 = +5%); null without two months. */
  balanceChange: number | null;
  /** The month end the balance is from (`YYYY-MM`). */
  asOf: string | null;
}

/** The tiles' figures from a dashboard answer. */
export function kpis(data: DashboardData | null): Kpis {
  const points = (data?.portfolioSeries?.series[0]?.points ?? []).filter(
    (point) => point.loanCount > 0 && point.outstandingBalance !== null,
  );
  const last = points[points.length - 1];
  const previous = points[points.length - 2];
  const people = data?.impactByMechanism?.groups.reduce((sum, group) => sum + group.peopleDriven, 0) ?? null;
  const change =
    last && previous && Number(previous.outstandingBalance) !== 0
      ? Number(last.outstandingBalance) / Number(previous.outstandingBalance) - 1
      : null;
  return {
    balance: last?.outstandingBalance ?? null,
    nplRatio: last?.nplRatio ?? null,
    loans: data?.loanTotals?.groups[0]?.loanCount ?? (data?.loanTotals ? 0 : null),
    peopleLifted: people,
    balanceChange: change,
    asOf: last ? last.month.slice(0, 7) : null,
  };
}
