/** The two languages of the dashboard. */
export type Language = 'zh' | 'en';

export const texts = {
  title: { zh: '滴水 · 扶贫金融组合看板', en: 'Dishui · poverty-alleviation portfolio' },
  language: { zh: 'English', en: '中文' },
  region: { zh: '地区', en: 'Region' },
  orgUnit: { zh: '机构', en: 'Org unit' },
  from: { zh: '起始月份', en: 'From month' },
  to: { zh: '截止月份', en: 'To month' },
  all: { zh: '全部', en: 'All' },
  apply: { zh: '刷新', en: 'Refresh' },
  token: { zh: '访问令牌或 API 密钥', en: 'Access token or API key' },
  tokenSave: { zh: '保存', en: 'Save' },
  tokenSaved: { zh: '已使用令牌', en: 'token in use' },
  apiKeySaved: { zh: '已使用 API 密钥', en: 'API key in use' },
  credentialRefused: { zh: '凭据被拒绝', en: 'credential refused' },
  tokenNone: { zh: '匿名访问', en: 'anonymous' },
  unit: { zh: '金额单位', en: 'Amounts in' },
  kpiBalance: { zh: '贷款余额', en: 'Outstanding balance' },
  kpiNpl: { zh: '不良率', en: 'Non-performing ratio' },
  kpiLoans: { zh: '贷款笔数', en: 'Loans' },
  kpiPeople: { zh: '带动脱贫人数', en: 'People lifted' },
  kpiChange: { zh: '余额较上月', en: 'Balance on last month' },
  asOf: { zh: '月末', en: 'month end' },
  countyMeasure: { zh: '指标', en: 'Measure' },
  byCount: { zh: '笔数', en: 'count' },
  byAmount: { zh: '余额', en: 'balance' },
  drillTitle: { zh: '县内贷款明细', en: 'Loans in the county' },
  drillHint: { zh: '点击柱形查看该县贷款明细', en: 'Click a bar for the loans behind it' },
  drillMore: { zh: '仅显示前 200 笔', en: 'showing the first 200 loans' },
  close: { zh: '关闭', en: 'Close' },
  portfolio: { zh: '贷款余额与不良率（月末）', en: 'Outstanding balance and non-performing ratio (month ends)' },
  balance: { zh: '贷款余额', en: 'Outstanding balance' },
  nplRatio: { zh: '不良率（%）', en: 'Non-performing ratio (%)' },
  noSnapshots: { zh: '所选期间没有月末分类快照', en: 'No month-end classification snapshots in this period' },
  loansByCounty: { zh: '各县贷款', en: 'Loans by county' },
  loanCount: { zh: '贷款笔数', en: 'Loans' },
  peopleByCounty: { zh: '各县带动脱贫人数', en: 'People lifted by county' },
  peopleDriven: { zh: '带动人数', en: 'People driven' },
  impactByMechanism: { zh: '按带贫机制划分的带动人数', en: 'Impact by mechanism' },
  records: { zh: '记录数', en: 'Records' },
  timeline: { zh: '帮扶项目时间线', en: 'Initiatives timeline' },
  undated: { zh: '未报告日期的项目', en: 'Initiatives without reported dates' },
  ongoing: { zh: '进行中', en: 'ongoing' },
  noCounty: { zh: '（未落到县）', en: '(no county)' },
  noData: { zh: '无数据', en: 'No data' },
  loading: { zh: '加载中…', en: 'Loading…' },
  forbidden: { zh: '无权查看：请粘贴有权限的令牌', en: 'Not allowed: paste a token with access' },
  failed: { zh: '查询失败', en: 'Query failed' },
  periodNote: {
    zh: '期间筛选作用于余额序列和时间线；文章中的贷款与带贫记录没有日期。',
    en: 'The period filters the balance series and the timeline; the article’s loans and impact records carry no dates.',
  },
} as const;

/** A key of the dictionary. */
export type TextKey = keyof typeof texts;

/** The text of `key` in `language`. */
export function text(key: TextKey, language: Language): string {
  return texts[key][language];
}

const mechanisms: Record<string, [string, string]> = {
  EMPLOYMENT: ['就业带动', 'Employment'],
  ORDER_PURCHASE: ['订单收购', 'Order purchase'],
  ASSET_INCOME: ['资产收益', 'Asset income'],
  LAND_TRANSFER: ['土地流转', 'Land transfer'],
  HOSTING: ['托管代养', 'Hosting'],
  TRAINING: ['技能培训', 'Training'],
  CONSUMPTION: ['消费扶贫', 'Consumption'],
};

/** The label of an ImpactMechanism value. */
export function mechanismLabel(mechanism: string | null, language: Language): string {
  const pair = mechanism ? mechanisms[mechanism] : undefined;
  if (!pair) return mechanism ?? text('noData', language);
  return language === 'zh' ? pair[0] : pair[1];
}

/** The language the page starts in: the stored choice, else the browser's. */
export function initialLanguage(stored: string | null, browser: string): Language {
  if (stored === 'zh' || stored === 'en') return stored;
  return browser.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
