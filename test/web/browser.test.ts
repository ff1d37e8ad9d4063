// Loads GraphiQL and the dashboard in headless Chromium over a served, seeded database, and checks
// what the charts hold against what the API answers for the same filters.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { seedArticle } from '../../src/db/seeds/article/index.js';
import { createApiKey } from '../../src/modules/auth/apiKeys.service.js';
import { buildServer } from '../../src/server/buildServer.js';
import { signTestToken, testServerConfig } from '../support/auth.js';
import { chartTables, csvText, drillTable } from '../../web/src/dashboard/chartTables.js';
import { kpis } from '../../web/src/dashboard/kpis.js';
import { formatMoney, inUnit, type MoneyUnit } from '../../web/src/dashboard/money.js';
import {
  dashboardQuery,
  dashboardVariables,
  drillQuery,
  drillWhere,
  type DashboardData,
  type DrillData,
  type Filters,
} from '../../web/src/dashboard/queries.js';
import { browserSkipReason, ensureWebBuilt, launchChromium, screenshotDirectory } from '../support/browser.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { addMonthEndSnapshots } from './snapshots.js';

/** The token both pages send as `Authorization: Bearer …`: an analyst of the article's branch, who may read loan figures. */
async function browserToken(): Promise<string> {
  return signTestToken({ roles: ['ANALYST'], orgUnit: 'ICBC-ZZ', sub: 'browser-test' });
}

const skip = browserSkipReason();
if (skip) console.log(`# browser tests skipped: ${skip}`);

/** What the page reports of one chart: its option, as plain JSON. */
type ChartOption = {
  series: { id: string; data: unknown[] }[];
  xAxis: { data?: string[] }[];
  yAxis: { data?: string[] }[];
};

describe('GraphiQL and the dashboard in Chromium', { skip: skip ?? false }, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let origin: string;
  let token: string;
  const foreignRequests: string[] = [];

  before(async () => {
    ensureWebBuilt();
    fs.mkdirSync(screenshotDirectory, { recursive: true });
    database = await createTestDatabase('pglite');
    await seedArticle(database.db);
    await addMonthEndSnapshots(database.db);
    app = await buildServer({ config: testServerConfig, db: database.db });
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    token = await browserToken();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await database?.dispose();
  });

  /** A page that may only reach the gateway: anything else (a CDN) is recorded and refused. */
  async function openPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-US' });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
      foreignRequests.push(url);
      return route.abort();
    });
    return page;
  }

  async function api(filters: Filters): Promise<DashboardData> {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: dashboardQuery, variables: dashboardVariables(filters) },
      headers: { authorization: `Bearer ${token}` },
    });
    const body = response.json();
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data as DashboardData;
  }

  test('GraphiQL loads offline, sends the pasted token and shows the answer of a query', async () => {
    const page = await openPage();
    const authorizations: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url() === `${origin}/graphql`)
        authorizations.push(request.headers().authorization);
    });
    await page.goto(`${origin}/graphql#token=${encodeURIComponent(token)}`);
    await page.locator('.graphiql-container').waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token is taken out of the address bar');
    const headersEditor = await page.locator('.graphiql-editor-tool').innerText();
    assert.ok(headersEditor.includes(`Bearer ${token}`), headersEditor);

    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText('冶上村').first().waitFor({ timeout: 15_000 });
    assert.match(await result.innerText(), /"codeVerified": false/);
    assert.ok(
      authorizations.length > 0 && authorizations.every((value) => value === `Bearer ${token}`),
      String(authorizations),
    );
    await page.screenshot({ path: path.join(screenshotDirectory, 'graphiql.png') });
    assert.deepEqual(foreignRequests, []);
    await page.close();
  });

  test('the dashboard draws every chart from the API, follows a filter and switches language', async () => {
    const page = await openPage();
    const authorizations = new Set<string | undefined>();
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url() === `${origin}/graphql`)
        authorizations.add(request.headers().authorization);
    });
    await page.goto(`${origin}/dashboard#token=${encodeURIComponent(token)}`);
    await page.waitForSelector('body[data-render-count="1"]');
    assert.deepEqual([...authorizations], [`Bearer ${token}`]);
    assert.deepEqual(await page.evaluate(() => (globalThis as any).dishuiDashboard.errors), []);

    const all: Filters = await page.evaluate(() => (globalThis as any).dishuiDashboard.filters);
    // The data's own period: the test's month-end snapshots run January to June 2020.
    assert.deepEqual([all.from, all.to], ['2020-01', '2020-06']);
    const whole = await api(all);
    await assertChartsMatch(page, whole, 'en');
    await assertTilesMatch(page, whole, 'en');
    await page.screenshot({ path: path.join(screenshotDirectory, 'dashboard-all.png'), fullPage: true });
    // The README's picture: DISHUI_UPDATE_SCREENSHOT=1 node --import tsx --test test/web/browser.test.ts
    if (process.env.DISHUI_UPDATE_SCREENSHOT === '1') {
      await page.screenshot({ path: path.resolve(import.meta.dirname, '../../docs/dashboard.png'), fullPage: true });
    }

    // Xinjiang only: the charts must now hold Xinjiang's figures, which differ from the whole bank's.
    await page.selectOption('select[name="region"]', '65');
    await page.waitForSelector('body[data-render-count="2"]');
    const xinjiang = await api({ ...all, region: '65' });
    assert.notDeepEqual(xinjiang.loansByCounty, whole.loansByCounty);
    assert.notDeepEqual(xinjiang.portfolioSeries, whole.portfolioSeries);
    await assertChartsMatch(page, xinjiang, 'en');
    await page.screenshot({ path: path.join(screenshotDirectory, 'dashboard-xinjiang.png'), fullPage: true });

    await page.click('#language');
    await page.waitForSelector('body[data-render-count="3"]');
    assert.equal(await page.locator('h1').innerText(), '滴水 · 扶贫金融组合看板');
    await assertChartsMatch(page, xinjiang, 'zh');
    await page.screenshot({ path: path.join(screenshotDirectory, 'dashboard-zh.png'), fullPage: true });
    assert.deepEqual(foreignRequests, []);
    await page.close();
  });

  test('amounts switch to 亿元, the county chart shows balances, a bar drills down, and every table downloads', async () => {
    const page = await openPage();
    await page.goto(`${origin}/dashboard#token=${encodeURIComponent(token)}`);
    await page.waitForSelector('body[data-render-count="1"]');
    const filters: Filters = await page.evaluate(() => (globalThis as any).dishuiDashboard.filters);
    const data = await api(filters);

    await page.selectOption('select[name="unit"]', 'yi');
    await page.waitForSelector('body[data-render-count="2"]');
    const portfolio = await chartOption(page, 'portfolio');
    const points = data.portfolioSeries!.series[0]!.points;
    assert.deepEqual(
      portfolio.series.find((entry) => entry.id === 'balance')!.data,
      points.map((point) => (point.loanCount > 0 ? inUnit(point.outstandingBalance, 'yi') : null)),
    );
    await assertTilesMatch(page, data, 'en', 'yi');

    await page.selectOption('select[name="countyMeasure"]', 'amount');
    await page.waitForSelector('body[data-render-count="3"]');
    const counties = await chartOption(page, 'loansByCounty');
    assert.deepEqual(
      [...counties.series[0]!.data].reverse(),
      data.loansByCounty!.groups.map((group) => inUnit(group.outstandingBalance, 'yi')),
    );

    // Drill down from the largest county's bar (drawn last, on top) to its loans, on bars of loan
    // counts (a balance in 亿元 can be too thin a bar to click).
    await page.selectOption('select[name="countyMeasure"]', 'count');
    await page.waitForSelector('body[data-render-count="4"]');
    const county = data.loansByCounty!.groups.find((group) => group.key.countyCode !== null)!;
    const barIndex = data.loansByCounty!.groups.length - 1 - data.loansByCounty!.groups.indexOf(county);
    const chartBox = (await page.locator('[data-chart="loansByCounty"]').boundingBox())!;
    const bar = await page.evaluate(
      (index) =>
        (globalThis as any).dishuiDashboard.charts.loansByCounty.convertToPixel({ seriesIndex: 0 }, [0, index]),
      barIndex,
    );
    await page.mouse.click(chartBox.x + bar[0] + 3, chartBox.y + bar[1]);
    await page.waitForSelector(`body[data-drill="${county.key.countyCode}"]`);
    const drilled = await loanFacts(drillWhere(filters, county.key.countyCode!));
    assert.ok(drilled.length > 0);
    const expectedTable = drillTable(drilled, county.key.countyCode!, 'en');
    const shown = await page
      .locator('#drill-table tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)));
    assert.deepEqual(
      shown,
      expectedTable.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))),
    );

    // Each chart's CSV is the chart's table; the drill-down's XLSX holds its loans with codes as text.
    const tables = chartTables(data, 'en');
    for (const name of ['portfolio', 'loansByCounty', 'peopleByCounty', 'impactByMechanism', 'initiativeTimeline']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`[data-section="${name}"] [data-export="${name}"][data-format="csv"]`),
      ]);
      const body = fs.readFileSync((await download.path())!, 'utf8');
      assert.equal(body, csvText(tables[name]!), name);
    }
    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#drill [data-export="drill"][data-format="xlsx"]'),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsxDownload.path())!);
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.rowCount, drilled.length + 1);
    assert.equal(sheet.getCell('A2').value, drilled[0]!.loanId);
    assert.equal(sheet.getCell('B2').value, drilled[0]!.contractNo);
    await page.screenshot({ path: path.join(screenshotDirectory, 'dashboard-drill.png'), fullPage: true });
    assert.deepEqual(foreignRequests, []);
    await page.close();
  });

  test('an API key pasted into the dashboard is sent as x-api-key; a refused credential is said to be refused', async () => {
    const { key } = await createApiKey(database.db, { label: 'browser', roles: ['ANALYST'], orgUnitCode: 'ICBC-ZZ' });
    const page = await openPage();
    const sent = new Set<string>();
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url() === `${origin}/graphql`)
        sent.add(`${request.headers()['x-api-key'] ?? ''}|${request.headers().authorization ?? ''}`);
    });
    await page.goto(`${origin}/dashboard`);
    await page.waitForSelector('body[data-render-count="1"]');
    sent.clear();
    await page.fill('#token input[name="token"]', key);
    await page.click('#token button[type="submit"]');
    await page.waitForSelector('#token-state[data-state="ok"]');
    await page.waitForFunction(
      () =>
        (globalThis as any).dishuiDashboard.errors.length === 0 &&
        (globalThis as any).document.body.dataset.state === 'ready',
    );
    assert.ok(
      [...sent].every((entry) => entry === `${key}|`),
      [...sent].join('\n'),
    );
    assert.match(await page.locator('#token-state').innerText(), /API key in use/);
    assert.ok((await chartOption(page, 'loansByCounty')).series[0]!.data.length > 0, 'the key reads loan figures');

    await page.fill('#token input[name="token"]', `dsh_0123456789ab_${'x'.repeat(43)}`);
    await page.click('#token button[type="submit"]');
    await page.waitForSelector('#token-state[data-state="refused"]');
    assert.match(await page.locator('#token-state').innerText(), /^✗ credential refused/);
    await page.close();
  });

  test('a chart whose field is refused says so, and the others still draw', async () => {
    const page = await openPage();
    // The gateway's real answer, with loansByCounty refused the way the security layer refuses.
    await page.route(`${origin}/graphql`, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      if (body.data && 'loansByCounty' in body.data) {
        body.data.loansByCounty = null;
        body.errors = [{ message: 'Not allowed', path: ['loansByCounty'], extensions: { code: 'FORBIDDEN' } }];
      }
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${origin}/dashboard#token=${encodeURIComponent(token)}`);
    await page.waitForSelector('body[data-render-count="1"]');
    assert.equal(
      await page.locator('[data-error="loansByCounty"]').innerText(),
      'Not allowed: paste a token with access',
    );
    assert.equal(await page.locator('[data-error="peopleByCounty"]').innerText(), '');
    const loans = await chartOption(page, 'loansByCounty');
    const people = await chartOption(page, 'peopleByCounty');
    assert.deepEqual(loans.series[0]!.data, []);
    assert.ok(people.series[0]!.data.length > 0);
    await page.close();
  });

  async function loanFacts(
    where: Record<string, unknown>,
  ): Promise<DrillData['loanFacts'] extends infer C ? (C extends { nodes: infer N } ? N : never) : never> {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: drillQuery, variables: { where } },
      headers: { authorization: `Bearer ${token}` },
    });
    const body = response.json();
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return (body.data as DrillData).loanFacts!.nodes;
  }

  async function assertTilesMatch(page: Page, data: DashboardData, language: 'en' | 'zh', unit: MoneyUnit = 'wan') {
    const figures = kpis(data);
    assert.ok(figures.balance !== null && figures.loans !== null && figures.peopleLifted !== null);
    const tile = (name: string) => page.locator(`[data-kpi="${name}"] strong`).innerText();
    assert.equal(await tile('balance'), formatMoney(figures.balance, unit, language));
    assert.equal(await tile('nplRatio'), `${(Number(figures.nplRatio) * 100).toFixed(2)}%`);
    assert.equal(await tile('loans'), figures.loans.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US'));
    assert.equal(
      await tile('peopleLifted'),
      figures.peopleLifted.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US'),
    );
    const change = figures.balanceChange!;
    assert.equal(await tile('balanceChange'), `${change >= 0 ? '+' : ''}${(change * 100).toFixed(2)}%`);
  }

  async function chartOption(page: Page, name: string): Promise<ChartOption> {
    return page.evaluate((chart) => {
      const option = (globalThis as any).dishuiDashboard.charts[chart].getOption();
      return JSON.parse(JSON.stringify({ series: option.series, xAxis: option.xAxis, yAxis: option.yAxis }));
    }, name);
  }

  async function assertChartsMatch(page: Page, data: DashboardData, language: 'en' | 'zh'): Promise<void> {
    const noCounty = language === 'en' ? '(no county)' : '（未落到县）';
    const series = (option: ChartOption, id: string) => option.series.find((entry) => entry.id === id)!.data;

    const portfolio = await chartOption(page, 'portfolio');
    const points = data.portfolioSeries!.series[0]?.points ?? [];
    assert.ok(
      points.some((point) => Number(point.outstandingBalance) > 0),
      'the test data has month-end snapshots',
    );
    assert.deepEqual(
      portfolio.xAxis[0]!.data,
      points.map((point) => point.month.slice(0, 7)),
    );
    const unit: MoneyUnit = await page.evaluate(() => (globalThis as any).dishuiDashboard.unit);
    assert.deepEqual(
      series(portfolio, 'balance'),
      points.map((point) => (point.loanCount > 0 ? inUnit(point.outstandingBalance, unit) : null)),
    );
    assert.deepEqual(
      series(portfolio, 'nplRatio').map((value) => (value === null ? null : Number((value as number).toFixed(4)))),
      points.map((point) => (point.nplRatio === null ? null : Number((Number(point.nplRatio) * 100).toFixed(4)))),
    );

    const loans = await chartOption(page, 'loansByCounty');
    const loanGroups = data.loansByCounty!.groups;
    assert.ok(loanGroups.length > 0);
    assert.deepEqual(
      [...loans.yAxis[0]!.data!].reverse(),
      loanGroups.map((group) => group.key.countyName ?? noCounty),
    );
    assert.deepEqual(
      [...series(loans, 'ranked')].reverse(),
      loanGroups.map((group) => group.loanCount),
    );

    const people = await chartOption(page, 'peopleByCounty');
    const peopleGroups = data.peopleByCounty!.groups;
    assert.ok(peopleGroups.length > 0);
    assert.deepEqual(
      [...people.yAxis[0]!.data!].reverse(),
      peopleGroups.map((group) => group.key.countyName ?? noCounty),
    );
    assert.deepEqual(
      [...series(people, 'ranked')].reverse(),
      peopleGroups.map((group) => group.peopleDriven),
    );

    const mechanisms = await chartOption(page, 'impactByMechanism');
    const mechanismGroups = data.impactByMechanism!.groups;
    assert.ok(mechanismGroups.length > 0);
    assert.deepEqual(
      series(mechanisms, 'peopleDriven'),
      mechanismGroups.map((group) => group.peopleDriven),
    );
    assert.deepEqual(
      series(mechanisms, 'records'),
      mechanismGroups.map((group) => group.recordCount),
    );
    const employment = language === 'en' ? 'Employment' : '就业带动';
    assert.equal(
      mechanisms.xAxis[0]!.data!.includes(employment),
      mechanismGroups.some((group) => group.key.mechanism === 'EMPLOYMENT'),
    );

    const timeline = await chartOption(page, 'initiativeTimeline');
    const dated = data.initiatives!.nodes.filter((initiative) => initiative.startDate !== null);
    assert.deepEqual(
      (series(timeline, 'timeline') as { code: string }[]).map((item) => item.code),
      dated.map((initiative) => initiative.code),
    );
    assert.deepEqual(
      timeline.yAxis[0]!.data,
      dated.map((initiative) => (language === 'en' ? initiative.name : initiative.nameZh)),
    );
  }
});
