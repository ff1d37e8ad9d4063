// The portfolio dashboard: filters → one GraphQL request to the gateway → five ECharts charts.
import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { isApiKey } from '../shared/credential.js';
import { loadToken, saveToken } from '../shared/token.js';
import { credentialRefused, errorsFor, requestGraphQL, type GraphQLAnswer } from './api.js';
import { chartTables, csvText, drillTable, type ChartTable } from './chartTables.js';
import {
  datedInPeriod,
  initiativeName,
  mechanismOption,
  portfolioOption,
  rankedBarsOption,
  timelineOption,
} from './chartOptions.js';
import './dashboard.css';
import { initialLanguage, text, type Language, type TextKey } from './i18n.js';
import { kpis } from './kpis.js';
import { formatMoney, initialMoneyUnit, inUnit, moneyUnitLabel, moneyUnits, type MoneyUnit } from './money.js';
import {
  dashboardQuery,
  dashboardVariables,
  dataPeriod,
  drillQuery,
  drillWhere,
  optionsQuery,
  periodQuery,
  periodVariables,
  type DashboardData,
  type DrillData,
  type DrillRow,
  type Filters,
  type OptionsData,
  type PeriodData,
} from './queries.js';
import { xlsxBytes } from './xlsx.js';

// Only the chart types and components used here are bundled.
echarts.use([
  BarChart,
  LineChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  GraphicComponent,
  CanvasRenderer,
]);

const chartNames = ['portfolio', 'loansByCounty', 'peopleByCounty', 'impactByMechanism', 'initiativeTimeline'] as const;
type ChartName = (typeof chartNames)[number];

const languageKey = 'dishui.language';
const unitKey = 'dishui.moneyUnit';
let language: Language = initialLanguage(
  safeStorage(() => localStorage.getItem(languageKey)),
  navigator.language,
);
let unit: MoneyUnit = initialMoneyUnit(safeStorage(() => localStorage.getItem(unitKey)));
let countyMeasure: 'count' | 'amount' = 'count';
let token = loadToken();
// Until the data's own period is known (see loadPeriod), and when it cannot be: the article's years.
let filters: Filters = { region: '', orgUnit: '', from: '2017-01', to: '2020-12' };
let refused: string | null = null;
let drill: { countyCode: string; countyName: string; rows: DrillRow[] } | null = null;
let options: OptionsData | null = null;
let answer: GraphQLAnswer<DashboardData> | null = null;
let renderCount = 0;
let requestNumber = 0;

const charts = {} as Record<ChartName, echarts.ECharts>;

/** (Re)creates the charts: ECharts fixes its locale (axis dates, tooltips) when a chart is made. */
function createCharts(): void {
  for (const name of chartNames) {
    charts[name]?.dispose();
    charts[name] = echarts.init(element<HTMLElement>(`[data-chart="${name}"]`), undefined, {
      renderer: 'canvas',
      locale: language === 'zh' ? 'ZH' : 'EN',
    });
  }
  charts.loansByCounty.on('click', (params) => {
    // The bars run bottom-up in reverse order of the groups (largest on top).
    const groups = answer?.data?.loansByCounty?.groups ?? [];
    const group = groups[groups.length - 1 - (params.dataIndex ?? -1)];
    if (group?.key.countyCode) void openDrill(group.key.countyCode, group.key.countyName ?? group.key.countyCode);
  });
}

// The browser test and curious analysts read the charts' data from here.
Object.assign(window, {
  dishuiDashboard: {
    charts,
    get filters() {
      return { ...filters };
    },
    get language() {
      return language;
    },
    get renderCount() {
      return renderCount;
    },
    get errors() {
      return answer?.errors ?? [];
    },
    get unit() {
      return unit;
    },
    get countyMeasure() {
      return countyMeasure;
    },
    get kpis() {
      return kpis(answer?.data ?? null);
    },
    get drill() {
      return drill;
    },
    tables: () => chartTables(answer?.data ?? null, language),
  },
});

function element<T extends Element = HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`dashboard: ${selector} missing`);
  return found;
}

function safeStorage<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

function applyTexts(): void {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  document.title = text('title', language);
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]'))
    node.textContent = text(node.dataset.text as TextKey, language);
  showCredentialState();
  fillSelects();
}

/** Says which credential is sent, and whether the gateway refused it: never "in use" for a refused one. */
function showCredentialState(): void {
  const state = element('#token-state');
  state.dataset.state = refused ? 'refused' : token ? 'ok' : 'none';
  if (refused) state.textContent = `✗ ${text('credentialRefused', language)}: ${refused}`;
  else if (token) state.textContent = `✓ ${text(isApiKey(token) ? 'apiKeySaved' : 'tokenSaved', language)}`;
  else state.textContent = text('tokenNone', language);
}

/** Notes whether an answer refused the credential itself (401), and says so in the header. */
function noteCredential(result: GraphQLAnswer<unknown>): void {
  refused = token && credentialRefused(result) ? (result.errors[0]?.message ?? `HTTP ${result.status}`) : null;
  showCredentialState();
}

function fillSelects(): void {
  const regionSelect = element<HTMLSelectElement>('select[name="region"]');
  const orgSelect = element<HTMLSelectElement>('select[name="orgUnit"]');
  const all = new Option(text('all', language), '');
  regionSelect.replaceChildren(
    all,
    ...(options?.regions?.nodes ?? []).map(
      (region) =>
        new Option(`${region.level === 'PREFECTURE' ? '　' : ''}${region.name} (${region.code})`, region.code),
    ),
  );
  orgSelect.replaceChildren(
    new Option(text('all', language), ''),
    ...(options?.orgUnits?.nodes ?? []).map(
      (unit) => new Option(language === 'zh' ? (unit.nameZh ?? unit.name) : unit.name, unit.code),
    ),
  );
  regionSelect.value = filters.region;
  orgSelect.value = filters.orgUnit;
  const unitSelect = element<HTMLSelectElement>('select[name="unit"]');
  unitSelect.replaceChildren(...moneyUnits.map((each) => new Option(moneyUnitLabel(each, language), each)));
  unitSelect.value = unit;
  const measureSelect = element<HTMLSelectElement>('select[name="countyMeasure"]');
  measureSelect.replaceChildren(
    new Option(text('byCount', language), 'count'),
    new Option(`${text('byAmount', language)} (${moneyUnitLabel(unit, language)})`, 'amount'),
  );
  measureSelect.value = countyMeasure;
  element<HTMLInputElement>('input[name="from"]').value = filters.from;
  element<HTMLInputElement>('input[name="to"]').value = filters.to;
}

function readFilters(): Filters {
  const form = new FormData(element<HTMLFormElement>('#filters'));
  const from = String(form.get('from') || filters.from);
  const to = String(form.get('to') || filters.to);
  return {
    region: String(form.get('region') ?? ''),
    orgUnit: String(form.get('orgUnit') ?? ''),
    from,
    // biome-ignore lint/complexity/useMathMinMax: months are 'YYYY-MM' strings, compared as text.
    to: to < from ? from : to,
  };
}

function messageFor(field: string): string {
  if (!answer) return '';
  const errors = errorsFor(answer, field);
  if (!errors.length) return '';
  const forbidden = errors.some((error) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(error.extensions?.code ?? ''));
  return forbidden ? text('forbidden', language) : `${text('failed', language)}: ${errors[0]!.message}`;
}

/** Draws every chart from the last answer (also on a language switch, without a new request). */
function render(): void {
  const data = answer?.data ?? null;
  for (const node of document.querySelectorAll<HTMLElement>('[data-error]:not([data-error="options"])'))
    node.textContent = messageFor(node.dataset.error!);
  renderKpis(data);
  charts.portfolio.setOption(portfolioOption(data?.portfolioSeries ?? null, filters, language, unit), true);
  charts.loansByCounty.setOption(
    rankedBarsOption(
      data?.loansByCounty?.groups.map((group) => ({
        key: group.key,
        value: countyMeasure === 'count' ? group.loanCount : (inUnit(group.outstandingBalance, unit) ?? 0),
      })) ?? null,
      countyMeasure === 'count'
        ? text('loanCount', language)
        : `${text('byAmount', language)} (${moneyUnitLabel(unit, language)})`,
      language,
    ),
    true,
  );
  charts.peopleByCounty.setOption(
    rankedBarsOption(
      data?.peopleByCounty?.groups.map((group) => ({ key: group.key, value: group.peopleDriven })) ?? null,
      text('peopleDriven', language),
      language,
    ),
    true,
  );
  charts.impactByMechanism.setOption(mechanismOption(data?.impactByMechanism ?? null, language), true);
  const initiatives = data?.initiatives?.nodes ?? [];
  charts.initiativeTimeline.setOption(timelineOption(initiatives, filters, language), true);
  const dated = new Set(datedInPeriod(initiatives, filters).map((initiative) => initiative.code));
  element('#undated').replaceChildren(
    ...initiatives
      .filter((initiative) => !initiative.startDate && !dated.has(initiative.code))
      .map((initiative) =>
        Object.assign(document.createElement('li'), { textContent: initiativeName(initiative, language) }),
      ),
  );
  renderDrill();
  renderCount += 1;
  document.body.dataset.renderCount = String(renderCount);
  document.body.dataset.state = 'ready';
}

function renderKpis(data: DashboardData | null): void {
  const figures = kpis(data);
  const tile = (name: string, value: string, note: string, trend?: 'up' | 'down') => {
    const node = element(`[data-kpi="${name}"]`);
    node.querySelector('strong')!.textContent = value;
    node.querySelector('small')!.textContent = note;
    if (trend) node.dataset.trend = trend;
    else delete node.dataset.trend;
  };
  const asOf = figures.asOf ? `${figures.asOf} ${text('asOf', language)}` : '';
  const number = (value: number) => value.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US');
  tile('balance', figures.balance === null ? '–' : formatMoney(figures.balance, unit, language), asOf);
  tile('nplRatio', figures.nplRatio === null ? '–' : `${(Number(figures.nplRatio) * 100).toFixed(2)}%`, asOf);
  tile('loans', figures.loans === null ? '–' : number(figures.loans), '');
  tile('peopleLifted', figures.peopleLifted === null ? '–' : number(figures.peopleLifted), '');
  const change = figures.balanceChange;
  tile(
    'balanceChange',
    change === null ? '–' : `${change >= 0 ? '+' : ''}${(change * 100).toFixed(2)}%`,
    asOf,
    change === null || change === 0 ? undefined : change > 0 ? 'up' : 'down',
  );
}

/** The drill-down table of the county last clicked, or nothing. */
function renderDrill(): void {
  const section = element('#drill');
  section.hidden = drill === null;
  if (!drill) return;
  const table = drillTable(drill.rows, drill.countyCode, language);
  element('#drill-county').textContent = `${drill.countyName} (${drill.countyCode})`;
  element('#drill-note').textContent = drill.rows.length >= 200 ? text('drillMore', language) : '';
  const head = document.createElement('tr');
  head.replaceChildren(
    ...table.header.map((name) => Object.assign(document.createElement('th'), { textContent: name })),
  );
  element('#drill-table thead').replaceChildren(head);
  element('#drill-table tbody').replaceChildren(
    ...table.rows.map((row) => {
      const line = document.createElement('tr');
      line.replaceChildren(
        ...row.map((cell) =>
          Object.assign(document.createElement('td'), {
            textContent: cell === null ? '' : String(cell),
            className: typeof cell === 'number' ? 'number' : '',
          }),
        ),
      );
      return line;
    }),
  );
}

/** Loads the loans behind a county's bar (the same filters, that county) into the table. */
async function openDrill(countyCode: string, countyName: string): Promise<void> {
  const result = await requestGraphQL<DrillData>(drillQuery, { where: drillWhere(filters, countyCode) }, token);
  drill = { countyCode, countyName, rows: result.data?.loanFacts?.nodes ?? [] };
  renderDrill();
  document.body.dataset.drill = countyCode;
}

/** Saves a table as a file the browser downloads. */
function download(table: ChartTable, format: 'csv' | 'xlsx'): void {
  const blob =
    format === 'csv'
      ? new Blob([csvText(table)], { type: 'text/csv;charset=utf-8' })
      : new Blob([xlsxBytes(table.name, table.header, table.rows)], {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        });
  const link = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(blob),
    download: `${table.name}.${format}`,
  });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

async function refresh(): Promise<void> {
  const mine = ++requestNumber;
  document.body.dataset.state = 'loading';
  const result = await requestGraphQL<DashboardData>(dashboardQuery, dashboardVariables(filters), token);
  // A slower, older answer must not overwrite a newer one.
  if (mine !== requestNumber) return;
  answer = result;
  noteCredential(result);
  render();
}

/** Opens on the months that hold snapshots (bank-wide), not on fixed years; keeps them when unknown. */
async function loadPeriod(): Promise<void> {
  const result = await requestGraphQL<PeriodData>(periodQuery, periodVariables(new Date()), token);
  const period = dataPeriod(result.data);
  if (period) filters = { ...filters, ...period };
  fillSelects();
}

async function loadOptions(): Promise<void> {
  const result = await requestGraphQL<OptionsData>(optionsQuery, {}, token);
  options = result.data;
  noteCredential(result);
  // Without them the filters offer only "all"; say why rather than look empty.
  element('[data-error="options"]').textContent = result.errors.length
    ? `${text('failed', language)}: ${result.errors[0]!.message}`
    : '';
  fillSelects();
}

element('#filters').addEventListener('submit', (event) => {
  event.preventDefault();
  filters = readFilters();
  void refresh();
});
// Choosing in a select refreshes at once; the month fields wait for the button.
// The unit only redraws (its own listener below): it changes no figure the gateway sends.
for (const select of document.querySelectorAll('#filters select:not([name="unit"])')) {
  select.addEventListener('change', () => {
    filters = readFilters();
    void refresh();
  });
}
element('#token').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = element<HTMLInputElement>('input[name="token"]');
  saveToken(input.value);
  token = loadToken();
  refused = null;
  input.value = '';
  applyTexts();
  void loadOptions().then(refresh);
});
element<HTMLSelectElement>('select[name="unit"]').addEventListener('change', (event) => {
  unit = (event.target as HTMLSelectElement).value as MoneyUnit;
  safeStorage(() => localStorage.setItem(unitKey, unit));
  fillSelects();
  render();
});
element<HTMLSelectElement>('select[name="countyMeasure"]').addEventListener('change', (event) => {
  countyMeasure = (event.target as HTMLSelectElement).value as 'count' | 'amount';
  render();
});
element('#drill-close').addEventListener('click', () => {
  drill = null;
  delete document.body.dataset.drill;
  renderDrill();
});
for (const button of document.querySelectorAll<HTMLButtonElement>('#drill [data-export]')) {
  button.addEventListener('click', () => {
    if (drill)
      download(drillTable(drill.rows, drill.countyCode, language), button.dataset.format === 'xlsx' ? 'xlsx' : 'csv');
  });
}
element('#language').addEventListener('click', () => {
  language = language === 'zh' ? 'en' : 'zh';
  safeStorage(() => localStorage.setItem(languageKey, language));
  applyTexts();
  createCharts();
  render();
});
window.addEventListener('resize', () => {
  for (const name of chartNames) charts[name].resize();
});

// Each chart's section gets its CSV and XLSX buttons.
for (const name of chartNames) {
  const heading = element(`[data-section="${name}"] h2`);
  const actions = Object.assign(document.createElement('div'), { className: 'actions' });
  for (const format of ['csv', 'xlsx'] as const) {
    const button = Object.assign(document.createElement('button'), {
      type: 'button',
      textContent: format.toUpperCase(),
    });
    button.dataset.export = name;
    button.dataset.format = format;
    button.addEventListener('click', () => {
      const table = chartTables(answer?.data ?? null, language)[name];
      if (table) download(table, format);
    });
    actions.append(button);
  }
  heading.after(actions);
}

applyTexts();
createCharts();
void loadOptions().then(loadPeriod).then(refresh);
