import {
  asOfDate,
  asOfMonth,
  dueDateSql,
  loanOrdinalSql,
  loanStream,
  monthEndSql,
  monthIndexSql,
  paidCountSql,
  periodRateSql,
  repaidPrincipalSql,
  riskFromDaysPastDueSql,
  snapshotFirstMonth,
  stepSql,
  writeOffMonthSql,
} from './loanFormulas.js';
import type { SqlRandom } from './sqlRandom.js';
import { weighted } from './sqlRandom.js';

// Ids bound the index scan; contract numbers keep out loans of a chunk another worker wrote
// meanwhile, whose ids may fall between this chunk's.
// No child insert sorts its rows: they come out of the loan scan in loan order already, and a
// sort of a million rows would cost more than the order is worth.
const chunkFilter = `l.id BETWEEN $1 AND $2 AND l."contractNo" BETWEEN $3 AND $4 AND l."dataSource" = 'SYNTHETIC'`;

/**
 * The disbursed synthetic loans of a chunk (ids $1..$2, contract numbers $3..$4), with the values their children are derived
 * from recomputed by the same formulas as the loan insert: ordinal k, instalment step and count,
 * month of first disbursement, instalments due and paid at the valuation date.
 */
function loanFactsSql(random: SqlRandom): string {
  return `(SELECT q.*, ${paidCountSql({ status: 'status', count: 'n', due: 'due', u: random.uniform('k', loanStream.unpaid) })} AS paid
    FROM (SELECT p.*, term / step AS n, least(term / step, (${asOfMonth} - m0) / step) AS due, ${periodRateSql('rate_annual', 'step')} AS rate
          FROM (SELECT l.id, l.status::text AS status, l."disbursedAmount" AS disbursed, l."effectiveRate" AS rate_annual,
                  l."firstDisbursementDate" AS first, l."deferredUntil" AS deferred_until, l."riskClass"::text AS risk,
                  l."termMonths" AS term, l."repaymentMethod"::text AS method, l."regionId" AS region_id,
                  l."regulatoryClass"::text AS regulatory_class, l."policyRegime"::text AS regime, l."maturityDate" AS maturity,
                  ${loanOrdinalSql('l."contractNo"')} AS k, ${stepSql('l."termMonths"', 'l."repaymentMethod"::text')} AS step,
                  ${monthIndexSql('l."firstDisbursementDate"')} AS m0
                FROM "EnterpriseLoan" l
                WHERE ${chunkFilter} AND l.status IN ('DISBURSED', 'REPAID', 'OVERDUE', 'WRITTEN_OFF') OFFSET 0) p OFFSET 0) q)`;
}

const repaid = (seq: string) =>
  repaidPrincipalSql({ method: 'method', disbursed: 'disbursed', seq, count: 'n', periodRate: 'rate' });

/** INSERT of the repayment schedules of the loans of a chunk: instalments 1..n, paid ones first. */
export function scheduleInsertSql(random: SqlRandom): string {
  return `INSERT INTO "RepaymentScheduleItem" ("loanId", seq, "dueDate", "principalDue", "interestDue", "principalPaid", "interestPaid",
                                         status, "dataSource")
  SELECT id, seq, due_date, cum - cum_before, interest_due,
         CASE WHEN item_status = 'PAID' THEN cum - cum_before ELSE 0 END, CASE WHEN item_status = 'PAID' THEN interest_due ELSE 0 END,
         item_status::"ScheduleStatus", 'SYNTHETIC'
  FROM (SELECT x.*, round((disbursed - cum_before) * rate, 2) AS interest_due
        FROM (SELECT f.id, seq, f.disbursed, f.rate, ${dueDateSql('f.first', 'seq', 'f.step')} AS due_date,
                ${repaid('seq')} AS cum, ${repaid('seq - 1')} AS cum_before,
                CASE WHEN seq <= f.paid THEN 'PAID' WHEN f.status = 'WRITTEN_OFF' OR seq <= f.due THEN 'OVERDUE' ELSE 'PENDING' END AS item_status
              FROM ${loanFactsSql(random)} f CROSS JOIN LATERAL generate_series(1, f.n) AS seq OFFSET 0) x OFFSET 0) y`;
}

/**
 * INSERT of one repayment per paid instalment of the loans of a chunk: mostly on or a few
 * days before the due date, 8% late with a penalty, and on the deferral date for instalments
 * that fell in a COVID-19 deferral (延期還本付息), without penalty.
 */
export function repaymentInsertSql(random: SqlRandom): string {
  const key = `${loanOrdinalSql('l."contractNo"')} * 16 + si.seq`;
  return `INSERT INTO "Repayment" ("loanId", "scheduleItemId", "paidOn", principal, interest, penalty, "dataSource")
  SELECT loan_id, item_id, CASE WHEN deferred THEN deferred_until WHEN late_days > 0 THEN due_date + late_days
                                ELSE due_date - floor(u_days * 4)::int END,
         principal, interest, CASE WHEN late_days > 0 THEN round((principal + interest) * 0.0005 * late_days, 2) ELSE 0 END, 'SYNTHETIC'
  FROM (SELECT x.*, CASE WHEN deferred OR u_late >= 0.08 THEN 0 ELSE least(1 + floor(u_days * 20)::int, DATE '${asOfDate}' - due_date) END AS late_days
        FROM (SELECT si."loanId" AS loan_id, si.id AS item_id, si."dueDate" AS due_date, si."principalPaid" AS principal,
                si."interestPaid" AS interest, l."deferredUntil" AS deferred_until,
                coalesce(si."dueDate" BETWEEN DATE '2020-03-01' AND l."deferredUntil", false) AS deferred,
                ${random.uniform(key, 120)} AS u_late, ${random.uniform(key, 121)} AS u_days
              FROM "RepaymentScheduleItem" si JOIN "EnterpriseLoan" l ON l.id = si."loanId"
              WHERE si."loanId" BETWEEN $1 AND $2 AND si.status = 'PAID' AND ${chunkFilter} OFFSET 0) x OFFSET 0) y`;
}

/**
 * INSERT of month-end classification snapshots of the loans of a chunk for each month of
 * the last 24 (January 2023 – December 2024) in which the loan was on the books: balance after
 * the instalments paid by then, days past due of the oldest unpaid due instalment, and the
 * risk class those days imply (watch-listed loans turn SPECIAL_MENTION in their last months).
 */
export function snapshotInsertSql(random: SqlRandom): string {
  const lastMonth = `CASE f.status WHEN 'REPAID' THEN f.m0 + f.term - 1
    WHEN 'WRITTEN_OFF' THEN ${writeOffMonthSql('f.m0', 'f.paid', 'f.step')} - 1 ELSE ${asOfMonth} END`;
  const watched = `CASE WHEN risk = 'SPECIAL_MENTION' AND mth >= ${asOfMonth} - floor(${random.uniform('k', loanStream.watchMonths)} * 6)
    THEN 'SPECIAL_MENTION' ELSE 'NORMAL' END`;
  return `INSERT INTO "LoanClassificationSnapshot" ("loanId", "monthEnd", "riskClass", "outstandingBalance", "daysPastDue", "dataSource")
  SELECT id, month_end, (${riskFromDaysPastDueSql('days_past_due', watched)})::"RiskClass", balance, days_past_due, 'SYNTHETIC'
  FROM (SELECT x.*, disbursed - ${repaid('paid_m')} AS balance,
          CASE WHEN due_m > paid_m THEN month_end - ${dueDateSql('first', 'paid_m + 1', 'step')} ELSE 0 END AS days_past_due
        FROM (SELECT w.*, CASE WHEN status IN ('OVERDUE', 'WRITTEN_OFF') THEN least(due_m, paid) ELSE due_m END AS paid_m
              FROM (SELECT f.*, mth, ${monthEndSql('mth')} AS month_end, least(f.n, (mth - f.m0) / f.step) AS due_m
                    FROM ${loanFactsSql(random)} f
                    CROSS JOIN LATERAL generate_series(greatest(${snapshotFirstMonth}, f.m0), ${lastMonth}) AS mth OFFSET 0) w OFFSET 0) x OFFSET 0) y`;
}

/**
 * INSERT of impact records (帶貧) for about 30% of the disbursed industry loans of a chunk:
 * poor people employed or otherwise reached in the loan's county over its life, counts only.
 */
export function impactInsertSql(random: SqlRandom): string {
  const u = (stream: number) => random.uniform('k', stream);
  const mechanism = weighted(u(130), [
    ['EMPLOYMENT', 40],
    ['ORDER_PURCHASE', 20],
    ['ASSET_INCOME', 10],
    ['LAND_TRANSFER', 15],
    ['HOSTING', 5],
    ['TRAINING', 5],
    ['CONSUMPTION', 5],
  ]);
  return `INSERT INTO "ImpactRecord" ("loanId", "regionId", "periodStart", "periodEnd", mechanism, "peopleDriven", "registeredPoorPeople",
                                "registeredPoorHouseholds", "employeesTotal", "poorEmployeeShare", "incomeIncrease", approximate,
                                qualifier, "verifiedBy", "dataSource")
  SELECT id, region_id, first, least(maturity, DATE '${asOfDate}'), mechanism::"ImpactMechanism", people, poor, households, employees,
         share, round(households * (1500 + 4500 * u_income))::numeric(18,2), u_approx < 0.2, CASE WHEN u_approx < 0.2 THEN '約' END,
         (CASE WHEN regime = 'TARGETED_2016_2020' THEN ${weighted('u_verifier', [
           ['POVERTY_OFFICE', 50],
           ['BANK', 30],
           ['SELF_REPORTED', 20],
         ])}
               ELSE ${weighted('u_verifier', [
                 ['REVITALIZATION_BUREAU', 50],
                 ['BANK', 30],
                 ['SELF_REPORTED', 20],
               ])} END)::"Verifier",
         'SYNTHETIC'
  FROM (SELECT y.*, CASE WHEN poor = 0 THEN 0 ELSE greatest(1, floor(poor / (2.5 + u_household)))::int END AS households
        FROM (SELECT x.*, floor(people * (0.3 + 0.5 * u_poor))::int AS poor
              FROM (SELECT f.*, ${mechanism} AS mechanism, 5 + floor(power(${u(131)}, 2) * 500)::int AS employees,
                      round((0.05 + 0.35 * ${u(132)})::numeric, 4) AS share, 10 + floor(${u(133)} * 990)::int AS people,
                      ${u(134)} AS u_poor, ${u(135)} AS u_household, ${u(136)} AS u_income, ${u(137)} AS u_approx, ${u(138)} AS u_verifier
                    FROM ${loanFactsSql(random)} f
                    WHERE f.regulatory_class = 'INDUSTRY' AND ${u(loanStream.impact)} < 0.3 OFFSET 0) x OFFSET 0) y OFFSET 0) z`;
}

/** INSERT linking about a quarter of the loans of a chunk to the campaign of their contract year. */
export function loanCampaignInsertSql(random: SqlRandom): string {
  return `INSERT INTO "LoanCampaign" ("loanId", "campaignId", "dataSource")
  SELECT l.id, c.id, 'SYNTHETIC' FROM "EnterpriseLoan" l JOIN syn_campaign c ON c.year = extract(year from l."contractDate")::int
  WHERE ${chunkFilter} AND ${random.uniform(loanOrdinalSql('l."contractNo"'), loanStream.campaign)} < 0.25`;
}
