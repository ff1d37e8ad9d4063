// Turns GraphQL answers into ECharts options. Pure functions: the page and the browser test read
// the same options back from the chart instances.
import type { EChartsCoreOption } from 'echarts/core';
import { mechanismLabel, text, type Language } from './i18n.js';
import { inUnit, moneyUnitLabel, type MoneyUnit } from './money.js';
import {
  lastDayOfMonth,
  type CountyKey,
  type DashboardData,
  type Filters,
  type SeriesPoint,
  type TimelineInitiative,
} from './queries.js';

const palette = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#91c7ae', '#749f83', '#ca8622', '#bda29a', '#6e7074'];

/** Months `YYYY-MM` from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  while (year < toYear || (year === toYear && month <= toMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    if (months.length > 600) break;
  }
  return months;
}

/**
 * Balance in `unit` (bars, left axis) and non-performing ratio in % (line, right axis) per month
 * end; a month without snapshots is a gap, not a bar of zero.
 */
export function portfolioOption(
  data: DashboardData['portfolioSeries'],
  filters: Filters,
  language: Language,
  unit: MoneyUnit = 'yuan',
): EChartsCoreOption {
  const unitName = moneyUnitLabel(unit, language);
  const balanceName = `${text('balance', language)}${language === 'zh' ? `（${unitName}）` : ` (${unitName})`}`;
  const points: SeriesPoint[] = data?.series[0]?.points ?? [];
  const months = points.length
    ? points.map((point) => point.month.slice(0, 7))
    : monthsBetween(filters.from, filters.to);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [balanceName, text('nplRatio', language)] },
    grid: { left: 70, right: 50, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: months },
    yAxis: [
      { type: 'value', name: balanceName, nameTextStyle: { align: 'left' } },
      { type: 'value', name: '%', min: 0, splitLine: { show: false } },
    ],
    series: [
      {
        id: 'balance',
        name: balanceName,
        type: 'bar',
        data: points.map((point) => (point.loanCount > 0 ? inUnit(point.outstandingBalance, unit) : null)),
      },
      {
        id: 'nplRatio',
        name: text('nplRatio', language),
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        data: points.map((point) => (point.nplRatio === null ? null : round(Number(point.nplRatio) * 100, 4))),
      },
    ],
    graphic: points.length ? [] : [emptyNote(text('noSnapshots', language))],
  };
}

/** Ranked horizontal bars, largest on top. */
export function rankedBarsOption(
  groups: { key: CountyKey; value: number }[] | null,
  measure: string,
  language: Language,
): EChartsCoreOption {
  // ECharts draws the first category at the bottom: reverse so the largest is on top.
  const rows = [...(groups ?? [])].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 120, right: 60, top: 10, bottom: 30 },
    xAxis: { type: 'value', minInterval: 1 },
    // Every county keeps its label (interval 0): the chart is tall enough for 30 of them.
    yAxis: {
      type: 'category',
      data: rows.map((row) => countyLabel(row.key, language)),
      axisLabel: { interval: 0, width: 110, overflow: 'truncate' },
    },
    series: [
      {
        id: 'ranked',
        name: measure,
        type: 'bar',
        data: rows.map((row) => row.value),
        label: { show: true, position: 'right' },
      },
    ],
    graphic: rows.length ? [] : [emptyNote(text('noData', language))],
  };
}

/** People driven per impact mechanism, with the number of records in the tooltip. */
export function mechanismOption(data: DashboardData['impactByMechanism'], language: Language): EChartsCoreOption {
  const groups = data?.groups ?? [];
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [text('peopleDriven', language), text('records', language)] },
    grid: { left: 60, right: 50, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: groups.map((group) => mechanismLabel(group.key.mechanism, language)) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        id: 'peopleDriven',
        name: text('peopleDriven', language),
        type: 'bar',
        data: groups.map((group) => group.peopleDriven),
      },
      {
        id: 'records',
        name: text('records', language),
        type: 'bar',
        yAxisIndex: 1,
        data: groups.map((group) => group.recordCount),
      },
    ],
    graphic: groups.length ? [] : [emptyNote(text('noData', language))],
  };
}

/** The initiatives with a start date, as bars from start to end (or to the period's end while ongoing). */
export function timelineOption(
  initiatives: TimelineInitiative[],
  filters: Filters,
  language: Language,
): EChartsCoreOption {
  const periodStart = Date.parse(`${filters.from}-01T00:00:00Z`);
  const periodEnd = Date.parse(`${lastDayOfMonth(filters.to)}T23:59:59Z`);
  const dated = datedInPeriod(initiatives, filters);
  const categories = [...new Set(initiatives.map((initiative) => initiative.category))];
  return {
    tooltip: {
      formatter: (params: { data: { value: [number, number, number]; name: string; ongoing: boolean } }) => {
        const [, start, end] = params.data.value;
        const until = params.data.ongoing ? text('ongoing', language) : isoDate(end);
        return `${params.data.name}<br/>${isoDate(start)} – ${until}`;
      },
    },
    grid: { left: 190, right: 30, top: 10, bottom: 30 },
    xAxis: { type: 'time', min: periodStart, max: periodEnd },
    yAxis: { type: 'category', data: dated.map((initiative) => initiativeName(initiative, language)), inverse: true },
    series: [
      {
        id: 'timeline',
        type: 'custom',
        renderItem: renderTimelineBar,
        encode: { x: [1, 2], y: 0 },
        data: dated.map((initiative, index) => {
          const start = Math.max(Date.parse(`${initiative.startDate}T00:00:00Z`), periodStart);
          const end = initiative.endDate
            ? Math.min(Date.parse(`${initiative.endDate}T00:00:00Z`), periodEnd)
            : periodEnd;
          return {
            name: initiativeName(initiative, language),
            code: initiative.code,
            ongoing: !initiative.endDate,
            value: [index, start, end],
            itemStyle: { color: palette[categories.indexOf(initiative.category) % palette.length] },
          };
        }),
      },
    ],
    graphic: dated.length ? [] : [emptyNote(text('noData', language))],
  };
}

/** Initiatives with a start date whose span meets the period. */
export function datedInPeriod(initiatives: TimelineInitiative[], filters: Filters): TimelineInitiative[] {
  const from = `${filters.from}-01`;
  const to = lastDayOfMonth(filters.to);
  return initiatives.filter(
    (initiative) =>
      initiative.startDate !== null &&
      initiative.startDate <= to &&
      (initiative.endDate === null || initiative.endDate >= from),
  );
}

/** The initiative's name in the language. */
export function initiativeName(initiative: TimelineInitiative, language: Language): string {
  return language === 'zh' ? initiative.nameZh : initiative.name;
}

function countyLabel(key: CountyKey, language: Language): string {
  return key.countyName ?? text('noCounty', language);
}

// ECharts' custom series API, typed loosely: the bar of one initiative, clipped to the grid.
// biome-ignore lint/suspicious/noExplicitAny: ECharts types renderItem's params and api only as a loose union.
function renderTimelineBar(params: any, api: any): unknown {
  const category = api.value(0);
  const start = api.coord([api.value(1), category]);
  const end = api.coord([api.value(2), category]);
  const height = api.size([0, 1])[1] * 0.55;
  const grid = params.coordSys;
  const x = Math.max(start[0], grid.x);
  const width = Math.max(Math.min(end[0], grid.x + grid.width) - x, 3);
  return { type: 'rect', shape: { x, y: start[1] - height / 2, width, height, r: 3 }, style: api.style() };
}

function emptyNote(message: string): Record<string, unknown> {
  return { type: 'text', left: 'center', top: 'middle', style: { text: message, fill: '#888', fontSize: 14 } };
}

function isoDate(timestamp: number): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
