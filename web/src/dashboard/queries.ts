/** The filters a user picks. Empty strings mean "all". */
export interface Filters {
  /** NBS code of a province or prefecture, or ''. */
  region: string;
  /** Org unit code, or ''. */
  orgUnit: string;
  /** First month, `YYYY-MM`. */
  from: string;
  /** Last month, `YYYY-MM`. */
  to: string;
}

/** Regions and org units to pick from. */
export const optionsQuery = `query DashboardOptions {
  regions(first: 500, where: { OR: [{ level: { eq: PROVINCE } }, { level: { eq: PREFECTURE } }] }, orderBy: [{ field: CODE }]) { nodes { code name level } }
  orgUnits(first: 500, orderBy: [{ field: CODE }]) { nodes { code name nameZh } }
}`;

/** The answer of {@link optionsQuery}. */
export interface OptionsData {
  regions: { nodes: { code: string; name: string; level: string }[] } | null;
  orgUnits: { nodes: { code: string; name: string; nameZh: string | null }[] } | null;
}

/** Everything the charts show, in one request; each root field is one chart. */
export const dashboardQuery = `query Dashboard($loanWhere: EnterpriseLoanWhere, $impactWhere: ImpactRecordWhere, $initiativeWhere: InitiativeWhere, $from: Date!, $to: Date!) {
  portfolioSeries(where: $loanWhere, from: $from, to: $to) {
    series { points { month monthEnd loanCount outstandingBalance nonPerformingBalance nplRatio } }
  }
  loanTotals: loanStatistics(where: $loanWhere) {
    groups { loanCount outstandingBalance nonPerformingBalance nplRatio }
  }
  loansByCounty: loanStatistics(where: $loanWhere, groupBy: [COUNTY], orderBy: [{ measure: LOAN_COUNT, direction: DESC }], first: 30) {
    groups { key { countyCode countyName } loanCount outstandingBalance }
  }
  peopleByCounty: impactStatistics(where: $impactWhere, groupBy: [COUNTY], orderBy: [{ measure: PEOPLE_DRIVEN, direction: DESC }], first: 30) {
    groups { key { countyCode countyName } peopleDriven recordCount }
  }
  impactByMechanism: impactStatistics(where: $impactWhere, groupBy: [MECHANISM], orderBy: [{ measure: PEOPLE_DRIVEN, direction: DESC }]) {
    groups { key { mechanism } peopleDriven recordCount }
  }
  initiatives(first: 100, where: $initiativeWhere, orderBy: [{ field: START_DATE }, { field: CODE }]) {
    nodes { code name nameZh category status startDate endDate }
  }
}`;

/** One point of the portfolio series. */
export interface SeriesPoint {
  month: string;
  monthEnd: string;
  loanCount: number;
  outstandingBalance: string;
  nonPerformingBalance: string;
  nplRatio: string | null;
}

/** A county group of loans or impact. */
export interface CountyKey {
  countyCode: string | null;
  countyName: string | null;
}

/** One initiative on the timeline. */
export interface TimelineInitiative {
  code: string;
  name: string;
  nameZh: string;
  category: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
}

/** The loans' totals under the filters (one group: loanStatistics without groupBy). */
export interface LoanTotals {
  loanCount: number;
  outstandingBalance: string;
  nonPerformingBalance: string;
  nplRatio: string | null;
}

/** The answer of {@link dashboardQuery}; a field is null when it failed (e.g. not allowed). */
export interface DashboardData {
  portfolioSeries: { series: { points: SeriesPoint[] }[] } | null;
  loanTotals: { groups: LoanTotals[] } | null;
  loansByCounty: { groups: { key: CountyKey; loanCount: number; outstandingBalance: string }[] } | null;
  peopleByCounty: { groups: { key: CountyKey; peopleDriven: number; recordCount: number }[] } | null;
  impactByMechanism: {
    groups: { key: { mechanism: string | null }; peopleDriven: number; recordCount: number }[];
  } | null;
  initiatives: { nodes: TimelineInitiative[] } | null;
}

/**
 * The month ends that carry snapshots, bank-wide, over the widest range a series may span: the
 * dashboard opens on the data's own period rather than on fixed years.
 */
export const periodQuery = `query DashboardPeriod($from: Date!, $to: Date!) {
  portfolioSeries(from: $from, to: $to) { series { points { month loanCount } } }
}`;

/** The answer of {@link periodQuery}. */
export interface PeriodData {
  portfolioSeries: { series: { points: { month: string; loanCount: number }[] }[] } | null;
}

/** The variables of {@link periodQuery}: the 240 months (the series' limit) up to `today`'s month. */
export function periodVariables(today: Date): { from: string; to: string } {
  const last = `${today.getUTCFullYear()}-${String(today.getUTCMonth() + 1).padStart(2, '0')}`;
  const firstMonthIndex = today.getUTCFullYear() * 12 + today.getUTCMonth() - 239;
  const first = `${Math.floor(firstMonthIndex / 12)}-${String((firstMonthIndex % 12) + 1).padStart(2, '0')}`;
  return { from: `${first}-01`, to: lastDayOfMonth(last) };
}

/** The first and last month (`YYYY-MM`) with any loan in its snapshot, or null when there is none. */
export function dataPeriod(data: PeriodData | null): { from: string; to: string } | null {
  const months = (data?.portfolioSeries?.series[0]?.points ?? [])
    .filter((point) => point.loanCount > 0)
    .map((point) => point.month.slice(0, 7));
  return months.length ? { from: months[0]!, to: months[months.length - 1]! } : null;
}

/** The loans behind one county's bar: their flat facts under the same filters. */
export const drillQuery = `query DashboardDrill($where: EnterpriseLoanWhere) {
  loanFacts(where: $where, first: 200) {
    nodes { loanId contractNo enterpriseName enterpriseNameZh countyCode countyName product status riskClass contractAmount outstandingBalance firstDisbursementDate }
  }
}`;

/** One row of the drill-down table. */
export interface DrillRow {
  loanId: number;
  contractNo: string | null;
  enterpriseName: string | null;
  enterpriseNameZh: string | null;
  countyCode: string | null;
  countyName: string | null;
  product: string | null;
  status: string | null;
  riskClass: string | null;
  contractAmount: string | null;
  outstandingBalance: string | null;
  firstDisbursementDate: string | null;
}

/** The answer of {@link drillQuery}. */
export interface DrillData {
  loanFacts: { nodes: DrillRow[] } | null;
}

/** The `where` of the loans behind a county's bar: the dashboard's loan filter and the county. */
export function drillWhere(filters: Filters, countyCode: string): Record<string, unknown> {
  const loanWhere = dashboardVariables(filters).loanWhere as Record<string, unknown> | null;
  return loanWhere ? { AND: [loanWhere, { inRegion: countyCode }] } : { inRegion: countyCode };
}

/** The variables of {@link dashboardQuery} for some filters. */
export function dashboardVariables(filters: Filters): Record<string, unknown> {
  const orgUnit = filters.orgUnit ? { code: { eq: filters.orgUnit } } : undefined;
  const region = filters.region || undefined;
  const loanWhere = compact({ inRegion: region, orgUnit });
  const impactWhere = compact({
    inRegion: region,
    OR: orgUnit ? [{ loan: { orgUnit } }, { initiative: { ownerOrgUnit: orgUnit } }] : undefined,
  });
  // An initiative belongs to a region through its villages or through the unit that runs it.
  const initiativeWhere = compact({
    ownerOrgUnit: orgUnit,
    OR: region ? [{ villages: { some: { inRegion: region } } }, { ownerOrgUnit: { inRegion: region } }] : undefined,
  });
  return { loanWhere, impactWhere, initiativeWhere, from: `${filters.from}-01`, to: lastDayOfMonth(filters.to) };
}

/** `YYYY-MM-DD` of the last day of month `YYYY-MM`. */
export function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

function compact(where: Record<string, unknown>): Record<string, unknown> | null {
  const entries = Object.entries(where).filter(([, value]) => value !== undefined);
  return entries.length ? Object.fromEntries(entries) : null;
}
