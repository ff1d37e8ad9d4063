import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { chartTables, csvText } from '../../web/src/dashboard/chartTables.js';
import { texts } from '../../web/src/dashboard/i18n.js';
import { kpis } from '../../web/src/dashboard/kpis.js';
import { formatMoney, inUnit } from '../../web/src/dashboard/money.js';
import { type DashboardData, dataPeriod, drillWhere, periodVariables } from '../../web/src/dashboard/queries.js';
import { xlsxBytes } from '../../web/src/dashboard/xlsx.js';
import { authorizationHeaders, isApiKey } from '../../web/src/shared/credential.js';

const point = (
  month: string,
  loanCount: number,
  outstandingBalance: string | null,
  nplRatio: string | null = null,
) => ({
  month: `${month}-01`,
  monthEnd: `${month}-28`,
  loanCount,
  outstandingBalance: outstandingBalance as string,
  nonPerformingBalance: '0.00',
  nplRatio,
});

const answer: DashboardData = {
  portfolioSeries: {
    series: [
      {
        points: [
          point('2020-01', 3, '3000000.00', '0.000000'),
          point('2020-02', 3, '2500000.00', '0.100000'),
          point('2020-03', 0, null),
        ],
      },
    ],
  },
  loanTotals: { groups: [{ loanCount: 7, outstandingBalance: '1.00', nonPerformingBalance: '0.00', nplRatio: null }] },
  loansByCounty: {
    groups: [
      { key: { countyCode: '410185', countyName: '=HYPERLINK("x")' }, loanCount: 2, outstandingBalance: '12.50' },
    ],
  },
  peopleByCounty: { groups: [] },
  impactByMechanism: {
    groups: [
      { key: { mechanism: 'EMPLOYMENT' }, peopleDriven: 120, recordCount: 2 },
      { key: { mechanism: 'TRAINING' }, peopleDriven: 30, recordCount: 1 },
    ],
  },
  initiatives: { nodes: [] },
};

describe('the dashboard figures: tiles, units, tables and files', () => {
  test('the tiles read the last month end with snapshots, the month before it, and the totals', () => {
    const figures = kpis(answer);
    assert.equal(figures.balance, '2500000.00');
    assert.equal(figures.nplRatio, '0.100000');
    assert.equal(figures.asOf, '2020-02');
    assert.equal(figures.loans, 7);
    assert.equal(figures.peopleLifted, 150);
    assert.equal(figures.balanceChange?.toFixed(4), (-1 / 6).toFixed(4));
    assert.deepEqual(kpis(null), {
      balance: null,
      nplRatio: null,
      loans: null,
      peopleLifted: null,
      balanceChange: null,
      asOf: null,
    });
  });

  test('amounts are shown in 万元 or 亿元, rounded for drawing only', () => {
    assert.equal(inUnit('123456789.00', 'wan'), 12345.68);
    assert.equal(inUnit('123456789.00', 'yi'), 1.23);
    assert.equal(inUnit('7000000000.00', 'yi'), 70);
    assert.equal(formatMoney('7000000000.00', 'yi', 'zh'), '70.00 亿元');
    assert.equal(formatMoney('123456789.00', 'wan', 'en'), '12,345.68 10k CNY');
  });

  test("the period is the data's own: the first and last month with loans in their snapshot", () => {
    assert.deepEqual(dataPeriod({ portfolioSeries: answer.portfolioSeries }), { from: '2020-01', to: '2020-02' });
    assert.equal(dataPeriod({ portfolioSeries: { series: [{ points: [] }] } }), null);
    assert.deepEqual(periodVariables(new Date(Date.UTC(2026, 11, 2))), { from: '2007-01-01', to: '2026-12-31' });
  });

  test('a drill-down keeps the filters and adds the county', () => {
    const filters = { region: '41', orgUnit: '', from: '2020-01', to: '2020-02' };
    assert.deepEqual(drillWhere(filters, '410185'), { AND: [{ inRegion: '41' }, { inRegion: '410185' }] });
    assert.deepEqual(drillWhere({ ...filters, region: '' }, '410185'), { inRegion: '410185' });
  });

  test('a CSV keeps exact money, opens in Excel as UTF-8 and turns a formula into text', () => {
    const csv = csvText(chartTables(answer, 'en').loansByCounty!);
    assert.ok(csv.startsWith('\ufeffcounty code,county,loans,outstanding balance (CNY)\r\n'));
    assert.ok(csv.includes(`410185,"'=HYPERLINK(""x"")",2,12.5\r\n`), csv);
  });

  test('an XLSX opens in a spreadsheet reader with codes as text and money as numbers', async () => {
    const table = chartTables(answer, 'zh').loansByCounty!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxBytes(table.name, table.header, table.rows).buffer);
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.name, 'loans-by-county');
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['县代码', '县', '贷款笔数', '贷款余额（元）']);
    assert.equal(sheet.getCell('A2').value, '410185');
    assert.equal(sheet.getCell('B2').value, '=HYPERLINK("x")', 'XLSX text is never a formula');
    assert.equal(sheet.getCell('C2').value, 2);
    assert.equal(sheet.getCell('D2').value, 12.5);
    assert.equal(sheet.views[0]?.state, 'frozen');
  });

  test('an API key goes as x-api-key, anything else as a bearer token', () => {
    const key = `dsh_0123456789ab_${'A'.repeat(43)}`;
    assert.equal(isApiKey(key), true);
    assert.deepEqual(authorizationHeaders(key), { 'x-api-key': key });
    assert.deepEqual(authorizationHeaders('eyJhbGciOi.x.y'), { Authorization: 'Bearer eyJhbGciOi.x.y' });
    assert.deepEqual(authorizationHeaders(null), {});
  });

  test('the Chinese texts are Simplified throughout', () => {
    // Characters that exist only in Traditional script, among those a finance dashboard uses.
    const traditional =
      '貸餘與額際數據機構縣區帶動貧戶項時間線無權檢視詢請貼覽發總較計劃資產業農銷訂購買託養訓練費點擊細僅顯關閉鑰憑證絕幣萬億單筆類風險標準報價';
    for (const [key, pair] of Object.entries(texts)) {
      const found = [...pair.zh].filter((char) => traditional.includes(char));
      assert.deepEqual(found, [], `${key}: ${pair.zh}`);
    }
  });
});
