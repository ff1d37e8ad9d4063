/**
 * The formulas one synthetic loan is made of, as SQL fragments shared by the loan insert and
 * the inserts of its schedule, repayments and snapshots, so that every table agrees: the
 * balance of a loan is its disbursed amount less the principal of the instalments it paid, and
 * each of those instalments is a row of its schedule.
 *
 * Time is counted in months from January 2016 (month 0). The data set is valued at the end of
 * December 2024 (month 107). First disbursements fall on day 1–28, so "n months later" never
 * needs clamping to a shorter month and an instalment is due by the end of its month.
 */

/** The valuation date of the data set. */
export const asOfDate = '2024-12-31';
/** Month index of the valuation date. */
export const asOfMonth = 107;
/** First month of the classification-snapshot window (January 2023: the last 24 months). */
export const snapshotFirstMonth = 84;

/**
 * Months between two instalments: quarterly up to a year, half-yearly up to five years, yearly
 * beyond (so a schedule has 2–10 instalments); a bullet loan has one, at maturity.
 */
export function stepSql(term: string, method: string): string {
  return `(CASE WHEN ${method} = 'BULLET' THEN ${term} WHEN ${term} <= 12 THEN 3 WHEN ${term} <= 60 THEN 6 ELSE 12 END)`;
}

/** Month index (0 = January 2016) of a date SQL expression. */
export function monthIndexSql(date: string): string {
  return `((extract(year from ${date})::int - 2016) * 12 + extract(month from ${date})::int - 1)`;
}

/** The first day of month index `month`. */
export function monthStartSql(month: string): string {
  return `make_date(2016 + (${month}) / 12, 1 + (${month}) % 12, 1)`;
}

/** The last day of month index `month`: the day before the next month starts (date arithmetic, no intervals). */
export function monthEndSql(month: string): string {
  return `(${monthStartSql(`(${month}) + 1`)} - 1)`;
}

/** Due date of instalment `seq`: `seq` steps after the first disbursement. */
export function dueDateSql(first: string, seq: string, step: string): string {
  return `(${first} + ((${seq}) * ${step}) * interval '1 month')::date`;
}

/**
 * Principal repaid after `seq` instalments, rounded to fen, so each instalment's principal is
 * the difference of two of these and any number of instalments adds up exactly:
 * equal principal: D·s/n; equal instalments (annuity at periodic rate r): D·((1+r)^s − 1)/((1+r)^n − 1);
 * interest-only and bullet loans: nothing until the last instalment, then D.
 */
export function repaidPrincipalSql(p: {
  method: string;
  disbursed: string;
  seq: string;
  count: string;
  periodRate: string;
}): string {
  const { method, disbursed, seq, count, periodRate } = p;
  return `(CASE
    WHEN (${seq}) <= 0 THEN 0::numeric
    WHEN (${seq}) >= (${count}) THEN ${disbursed}
    WHEN ${method} = 'EQUAL_PRINCIPAL' THEN round(${disbursed} * (${seq}) / (${count}), 2)
    WHEN ${method} = 'EQUAL_INSTALMENT' THEN round(${disbursed} * (power(1 + ${periodRate}, (${seq})::numeric) - 1) / (power(1 + ${periodRate}, (${count})::numeric) - 1), 2)
    ELSE 0::numeric END)`;
}

/** Periodic interest rate of an instalment period, as numeric. */
export function periodRateSql(effectiveRate: string, step: string): string {
  return `(${effectiveRate}::numeric * ${step} / 12)`;
}

/**
 * Instalments a loan has paid, by its status: all of them once repaid, all due ones while
 * performing, and fewer for overdue and written-off loans (their count is drawn from `u`,
 * a uniform the loan insert and the child inserts compute alike).
 */
export function paidCountSql(p: { status: string; count: string; due: string; u: string }): string {
  const { status, count, due, u } = p;
  return `(CASE ${status}
    WHEN 'REPAID' THEN ${count}
    WHEN 'DISBURSED' THEN ${due}
    WHEN 'OVERDUE' THEN ${due} - 1 - floor(${u} * least(${due}, 4))::int
    WHEN 'WRITTEN_OFF' THEN floor(${u} * ${count})::int
    ELSE 0 END)`;
}

/** Month index in which a written-off loan was written off: nine months after its first missed instalment. */
export function writeOffMonthSql(firstMonth: string, paid: string, step: string): string {
  return `least(${asOfMonth}, ${firstMonth} + ((${paid}) + 1) * ${step} + 9)`;
}

/** 五級分類 from days past due, as PBoC practice sets the floors (>90 substandard, >180 doubtful, >360 loss). */
export function riskFromDaysPastDueSql(days: string, otherwise: string): string {
  return `(CASE WHEN ${days} > 360 THEN 'LOSS' WHEN ${days} > 180 THEN 'DOUBTFUL' WHEN ${days} > 90 THEN 'SUBSTANDARD' WHEN ${days} > 0 THEN 'SPECIAL_MENTION' ELSE ${otherwise} END)`;
}

/** The loan's ordinal within its run, read back from its contract number `SYN-<seed>-<ordinal>`. */
export function loanOrdinalSql(contractNo: string): string {
  return `split_part(${contractNo}, '-', 3)::int8`;
}

/** Random streams of a loan, shared by the loan insert and its child inserts. */
export const loanStream = {
  enterprise: 1,
  product: 2,
  term: 3,
  month: 4,
  day: 5,
  lag: 6,
  status: 7,
  statusDisbursed: 8,
  risk: 9,
  amount: 10,
  disbursedShare: 11,
  disbursedFull: 12,
  spread: 13,
  guarantee: 14,
  model: 15,
  regulatoryClass: 16,
  unpaid: 17,
  site: 18,
  siteChoice: 19,
  orgUnit: 20,
  sector: 21,
  sectorChoice: 22,
  deferral: 23,
  subsidy: 24,
  subsidyRate: 25,
  method: 26,
  rateType: 27,
  watchMonths: 28,
  impact: 29,
  campaign: 30,
} as const;
