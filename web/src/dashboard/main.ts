// The portfolio dashboard: filters → one GraphQL request to the gateway → five ECharts charts.
import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { loadToken, saveToken } from '../shared/token.js';
import { errorsFor, requestGraphQL, type GraphQLAnswer } from './api.js';
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
import {
  dashboardQuery,
  dashboardVariables,
  optionsQuery,
  type DashboardData,
  type Filters,
  type OptionsData,
} from './queries.js';

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
let language: Language = initialLanguage(
  safeStorage(() => localStorage.getItem(languageKey)),
  navigator.language,
);
let token = loadToken();
let filters: Filters = { region: '', orgUnit: '', from: '2017-01', to: '2020-12' };
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
  element('#token-state').textContent = token ? `✓ ${text('tokenSaved', language)}` : text('tokenNone', language);
  fillSelects();
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
  charts.portfolio.setOption(portfolioOption(data?.portfolioSeries ?? null, filters, language), true);
  charts.loansByCounty.setOption(
    rankedBarsOption(
      data?.loansByCounty?.groups.map((group) => ({ key: group.key, value: group.loanCount })) ?? null,
      text('loanCount', language),
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
  renderCount += 1;
  document.body.dataset.renderCount = String(renderCount);
  document.body.dataset.state = 'ready';
}

async function refresh(): Promise<void> {
  const mine = ++requestNumber;
  document.body.dataset.state = 'loading';
  const result = await requestGraphQL<DashboardData>(dashboardQuery, dashboardVariables(filters), token);
  // A slower, older answer must not overwrite a newer one.
  if (mine !== requestNumber) return;
  answer = result;
  render();
}

async function loadOptions(): Promise<void> {
  const result = await requestGraphQL<OptionsData>(optionsQuery, {}, token);
  options = result.data;
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
for (const select of document.querySelectorAll('#filters select')) {
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
  input.value = '';
  applyTexts();
  void loadOptions().then(refresh);
});
element('#language').addEventListener('click', () => {
  language = language === 'zh' ? 'en' : 'zh';
  safeStorage(() => localStorage.setItem(languageKey, language));
  applyTexts();
  createCharts();
  render();
});
window.addEventListener('resize', () => chartNames.forEach((name) => charts[name].resize()));

applyTexts();
createCharts();
void loadOptions().then(refresh);
