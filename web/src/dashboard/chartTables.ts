// Each chart's data as a table, for the chart's CSV and XLSX buttons: the exact figures of the
// answer (money in 元 with its two decimals), whatever unit the chart is drawn in.
import { mechanismLabel, text, type Language } from './i18n.js';
import type { DashboardData, DrillRow } from './queries.js';
import type { Cell } from './xlsx.js';

/** A table: a file name stem, its header and its rows. */
export interface ChartTable {
  name: string;
  header: string[];
  rows: Cell[][];
}

const money = (amount: string | null): number | null => (amount === null ? null : Number(amount));

/** The table behind each chart of a dashboard answer (empty tables where a field failed). */
export function chartTables(data: DashboardData | null, language: Language): Record<string, ChartTable> {
  const l = (zh: string, en: string) => (language === 'zh' ? zh : en);
  return {
    portfolio: {
      name: 'portfolio-series',
      header: [
        l('月末', 'month end'),
        l('贷款笔数', 'loans'),
        l('贷款余额（元）', 'outstanding balance (CNY)'),
        l('不良余额（元）', 'non-performing balance (CNY)'),
        l('不良率', 'non-performing ratio'),
      ],
      rows: (data?.portfolioSeries?.series[0]?.points ?? []).map((point) => [
        point.monthEnd,
        point.loanCount,
        money(point.outstandingBalance),
        money(point.nonPerformingBalance),
        point.nplRatio === null ? null : Number(point.nplRatio),
      ]),
    },
    loansByCounty: {
      name: 'loans-by-county',
      header: [
        l('县代码', 'county code'),
        l('县', 'county'),
        l('贷款笔数', 'loans'),
        l('贷款余额（元）', 'outstanding balance (CNY)'),
      ],
      rows: (data?.loansByCounty?.groups ?? []).map((group) => [
        group.key.countyCode,
        group.key.countyName ?? text('noCounty', language),
        group.loanCount,
        money(group.outstandingBalance),
      ]),
    },
    peopleByCounty: {
      name: 'people-by-county',
      header: [l('县代码', 'county code'), l('县', 'county'), l('带动人数', 'people driven'), l('记录数', 'records')],
      rows: (data?.peopleByCounty?.groups ?? []).map((group) => [
        group.key.countyCode,
        group.key.countyName ?? text('noCounty', language),
        group.peopleDriven,
        group.recordCount,
      ]),
    },
    impactByMechanism: {
      name: 'impact-by-mechanism',
      header: [
        l('机制代码', 'mechanism code'),
        l('带贫机制', 'mechanism'),
        l('带动人数', 'people driven'),
        l('记录数', 'records'),
      ],
      rows: (data?.impactByMechanism?.groups ?? []).map((group) => [
        group.key.mechanism,
        mechanismLabel(group.key.mechanism, language),
        group.peopleDriven,
        group.recordCount,
      ]),
    },
    initiativeTimeline: {
      name: 'initiatives',
      header: [
        l('项目代码', 'code'),
        l('项目', 'initiative'),
        l('类别', 'category'),
        l('状态', 'status'),
        l('开始', 'start'),
        l('结束', 'end'),
      ],
      rows: (data?.initiatives?.nodes ?? []).map((initiative) => [
        initiative.code,
        language === 'zh' ? initiative.nameZh : initiative.name,
        initiative.category,
        initiative.status,
        initiative.startDate,
        initiative.endDate,
      ]),
    },
  };
}

/** The drill-down's loans as a table. */
export function drillTable(rows: DrillRow[], countyCode: string, language: Language): ChartTable {
  const l = (zh: string, en: string) => (language === 'zh' ? zh : en);
  return {
    name: `loans-${countyCode}`,
    header: [
      l('贷款编号', 'loan id'),
      l('合同号', 'contract no'),
      l('借款企业', 'borrower'),
      l('县', 'county'),
      l('产品', 'product'),
      l('状态', 'status'),
      l('风险分类', 'risk class'),
      l('合同金额（元）', 'contract amount (CNY)'),
      l('贷款余额（元）', 'outstanding balance (CNY)'),
      l('首次放款日', 'first disbursement'),
    ],
    rows: rows.map((row) => [
      row.loanId,
      row.contractNo,
      (language === 'zh' ? row.enterpriseNameZh : null) ?? row.enterpriseName,
      row.countyName,
      row.product,
      row.status,
      row.riskClass,
      money(row.contractAmount),
      money(row.outstandingBalance),
      row.firstDisbursementDate,
    ]),
  };
}

/**
 * A table as CSV for Excel: a BOM (so Excel reads UTF-8), CRLF lines, RFC 4180 quoting, and a text
 * cell that starts like a formula (=, +, -, @, tab, CR) prefixed with ' so it stays text (OWASP).
 */
export function csvText(table: ChartTable): string {
  const cell = (value: Cell): string => {
    if (value === null) return '';
    if (typeof value === 'number') return String(value);
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\ufeff${[table.header, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
