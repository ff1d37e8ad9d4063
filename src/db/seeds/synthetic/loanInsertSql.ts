import { lprOnSql, lprReformDate } from './lprHistory.js';
import {
  asOfDate,
  asOfMonth,
  dueDateSql,
  loanStream as S,
  paidCountSql,
  periodRateSql,
  repaidPrincipalSql,
  riskFromDaysPastDueSql,
  stepSql,
} from './loanFormulas.js';
import type { SqlRandom } from './sqlRandom.js';
import { weighted } from './sqlRandom.js';

const sectors: [string, number][] = [
  ['MEDICAL', 15],
  ['TRANSPORT_LOGISTICS', 20],
  ['ENERGY_CHEMICALS', 10],
  ['FOREIGN_TRADE', 10],
  ['AGRICULTURE', 25],
  ['MANUFACTURING', 12],
  ['CONSUMER_SERVICES', 6],
  ['OTHER', 2],
];

/**
 * The INSERT of loans with ordinals $1..$2 (returning their ids), computed in stages of
 * subqueries; `OFFSET 0` keeps each stage from being folded into the next, so every random
 * draw and derived value is computed once per loan.
 *
 * A loan's story: its first disbursement falls in month m0 (later years likelier), the contract
 * a few days before; loans contracted in the last 45 days are still APPLIED or APPROVED, 3% of
 * the rest REJECTED; a matured loan is mostly REPAID, some WRITTEN_OFF or (if it matured within
 * 18 months) OVERDUE; a running one is DISBURSED or sometimes OVERDUE. Loans from the LPR reform
 * on are priced at LPR plus a spread, older ones at the PBoC benchmark rate times a float.
 */
export function loanInsertSql(random: SqlRandom, enterprises: number): string {
  const u = (stream: number) => random.uniform('k', stream);
  const draws = Object.entries(S)
    .map(([name, stream]) => `${u(stream)} AS u_${name}`)
    .join(', ');
  const rawProduct = weighted('u_product', [
    ['WORKING_CAPITAL', 40],
    ['FIXED_ASSET', 12],
    ['PROJECT', 5],
    ['SUPPLY_CHAIN', 13],
    ['INCLUSIVE_SME', 22],
    ['POVERTY_MICROCREDIT', 8],
  ]);
  const term = `CASE product
    WHEN 'WORKING_CAPITAL' THEN ${weighted('u_term', [
      [12, 60],
      [24, 30],
      [36, 10],
    ])}
    WHEN 'SUPPLY_CHAIN' THEN ${weighted('u_term', [
      [6, 50],
      [12, 50],
    ])}
    WHEN 'FIXED_ASSET' THEN ${weighted('u_term', [
      [36, 40],
      [48, 30],
      [60, 30],
    ])}
    WHEN 'PROJECT' THEN ${weighted('u_term', [
      [60, 30],
      [84, 25],
      [96, 20],
      [120, 25],
    ])}
    ELSE ${weighted('u_term', [
      [12, 50],
      [24, 35],
      [36, 15],
    ])} END`;
  const method = `CASE
    WHEN product IN ('FIXED_ASSET', 'PROJECT') THEN ${weighted('u_method', [
      ['EQUAL_PRINCIPAL', 60],
      ['EQUAL_INSTALMENT', 40],
    ])}
    WHEN product = 'POVERTY_MICROCREDIT' THEN ${weighted('u_method', [
      ['INTEREST_ONLY_BULLET', 60],
      ['EQUAL_INSTALMENT', 40],
    ])}
    WHEN term <= 12 THEN ${weighted('u_method', [
      ['INTEREST_ONLY_BULLET', 45],
      ['EQUAL_PRINCIPAL', 25],
      ['BULLET', 20],
      ['EQUAL_INSTALMENT', 10],
    ])}
    ELSE ${weighted('u_method', [
      ['INTEREST_ONLY_BULLET', 50],
      ['EQUAL_PRINCIPAL', 35],
      ['EQUAL_INSTALMENT', 15],
    ])} END`;
  const amountRange = (bound: 0 | 1) => `CASE WHEN product = 'POVERTY_MICROCREDIT' THEN ${[5e4, 5e5][bound]}
    WHEN size = 'MICRO' THEN ${[3e5, 5e6][bound]} WHEN size = 'SMALL' THEN ${[1e6, 2e7][bound]}
    WHEN size = 'MEDIUM' THEN ${[5e6, 8e7][bound]} ELSE ${[2e7, 5e8][bound]} END`;
  const regulatoryClass = `CASE
    WHEN product = 'PROJECT' THEN ${weighted('u_regulatoryClass', [
      ['PROJECT_INFRASTRUCTURE', 35],
      ['PROJECT_RELOCATION', 20],
      ['PROJECT_FARMLAND', 20],
      ['PROJECT_ECOLOGY', 15],
      ['INDUSTRY', 10],
    ])}
    WHEN regime = 'TARGETED_2016_2020' THEN ${weighted('u_regulatoryClass', [
      ['INDUSTRY', 80],
      ['NONE', 20],
    ])}
    ELSE ${weighted('u_regulatoryClass', [
      ['INDUSTRY', 55],
      ['NONE', 45],
    ])} END`;
  const financingModel = `CASE WHEN product = 'SUPPLY_CHAIN' THEN 'SUPPLY_CHAIN'
    WHEN leading_level <> 'NONE' THEN ${weighted('u_model', [
      ['BANK_LEADING_ENTERPRISE_FARMER', 60],
      ['BANK_GOVERNMENT_ENTERPRISE_FARMER', 20],
      ['DIRECT', 20],
    ])}
    ELSE ${weighted('u_model', [
      ['BANK_LEADING_ENTERPRISE_FARMER', 20],
      ['BANK_GOVERNMENT_ENTERPRISE_FARMER', 30],
      ['DIRECT', 50],
    ])} END`;
  const guarantee = `CASE WHEN product = 'POVERTY_MICROCREDIT' THEN ${weighted('u_guarantee', [
    ['CREDIT', 60],
    ['GUARANTEE', 40],
  ])}
    ELSE ${weighted('u_guarantee', [
      ['CREDIT', 20],
      ['GUARANTEE', 35],
      ['MORTGAGE', 30],
      ['PLEDGE', 5],
      ['COMBINED', 10],
    ])} END`;
  const repaid = (seq: string) =>
    repaidPrincipalSql({ method: 'method', disbursed: 'disbursed', seq, count: 'n', periodRate: 'rate' });
  const disbursedStatuses = `('DISBURSED', 'REPAID', 'OVERDUE', 'WRITTEN_OFF')`;

  return `
INSERT INTO "EnterpriseLoan" ("contractNo", "enterpriseId", "orgUnitId", "siteId", "regionId", product, "regulatoryClass",
  "policyRegime", "financingModel", guarantee, "rateType", "lprTenor", "lprAtPricing", "spreadBps", "effectiveRate",
  "interestSubsidyRate", "repaymentMethod", "contractAmount", "disbursedAmount", "outstandingBalance", "overduePrincipal",
  "overdueInterest", "daysPastDue", "contractDate", "firstDisbursementDate", "maturityDate", "termMonths", "deferredUntil",
  status, "riskClass", "supportSector", illustrative, "dataSource")
SELECT 'SYN-${random.seed}-' || lpad(k::text, 8, '0'), enterprise_id, org_unit_id,
  CASE site_pick WHEN 1 THEN site1_id WHEN 2 THEN site2_id END,
  CASE site_pick WHEN 1 THEN site1_region_id WHEN 2 THEN site2_region_id ELSE head_region_id END,
  product::"LoanProduct", (${regulatoryClass})::"RegulatoryClass", regime::"PolicyRegime",
  (${financingModel})::"FinancingModel", (${guarantee})::"GuaranteeType",
  (CASE WHEN reform AND u_rateType < 0.85 THEN 'FLOATING' ELSE 'FIXED' END)::"RateType", tenor::"LprTenor", lpr, spread, rate_annual,
  CASE WHEN regime = 'TARGETED_2016_2020' AND tier <> 'NONE' AND u_subsidy < 0.35 AND product <> 'PROJECT'
       THEN round((0.005 + 0.02 * u_subsidyRate)::numeric, 6) END,
  method::"RepaymentMethod", contract_amount, disbursed, outstanding, overdue_principal,
  CASE WHEN status = 'OVERDUE' THEN round(outstanding * rate_annual * step * (due - paid) / 12, 2) ELSE 0 END,
  days_past_due, contract_date, CASE WHEN is_disbursed THEN first END, maturity, term,
  CASE WHEN is_disbursed AND first < DATE '2020-03-01' AND maturity > DATE '2020-03-01' AND u_deferral < 0.08
       THEN CASE WHEN u_deferral < 0.05 THEN DATE '2020-12-31' ELSE DATE '2021-03-31' END END,
  status::"LoanStatus",
  (CASE status WHEN 'REPAID' THEN 'NORMAL' WHEN 'WRITTEN_OFF' THEN 'LOSS'
     WHEN 'DISBURSED' THEN CASE WHEN u_risk < 0.04 THEN 'SPECIAL_MENTION' ELSE 'NORMAL' END
     WHEN 'OVERDUE' THEN ${riskFromDaysPastDueSql('days_past_due', "'SPECIAL_MENTION'")} END)::"RiskClass",
  (CASE WHEN contract_date BETWEEN DATE '2020-02-01' AND DATE '2020-12-31' AND u_sector < 0.3
        THEN ${weighted('u_sectorChoice', sectors)} END)::"SupportSector",
  false, 'SYNTHETIC'
FROM (SELECT h.*,
        CASE WHEN status IN ('DISBURSED', 'OVERDUE') THEN disbursed - ${repaid('paid')} ELSE 0 END AS outstanding,
        CASE WHEN status = 'OVERDUE' THEN ${repaid('due')} - ${repaid('paid')} ELSE 0 END AS overdue_principal,
        CASE status WHEN 'OVERDUE' THEN DATE '${asOfDate}' - ${dueDateSql('first', 'paid + 1', 'step')}
                    WHEN 'DISBURSED' THEN 0 WHEN 'REPAID' THEN 0 END AS days_past_due
      FROM (SELECT g.*, ${periodRateSql('rate_annual', 'step')} AS rate
      FROM (SELECT f.*, ${paidCountSql({ status: 'status', count: 'n', due: 'due', u: 'u_unpaid' })} AS paid,
              CASE WHEN is_disbursed THEN CASE WHEN u_disbursedFull < 0.7 THEN contract_amount
                   ELSE (floor(contract_amount * (0.7 + 0.3 * u_disbursedShare) / 1000) * 1000)::numeric(18,2) END
                   ELSE 0::numeric(18,2) END AS disbursed,
              ((CASE WHEN is_disbursed THEN first ELSE contract_date END) + term * interval '1 month')::date AS maturity,
              CASE WHEN reform THEN (lpr + spread / 10000.0)::numeric(9,6)
                   ELSE round(((CASE WHEN term <= 12 THEN 0.0435 WHEN term <= 60 THEN 0.0475 ELSE 0.049 END) * (0.9 + 0.4 * u_spread))::numeric, 6)
                   END AS rate_annual
            FROM (SELECT e.*, status IN ${disbursedStatuses} AS is_disbursed, ${lprOnSql('contract_date', 'tenor')} AS lpr
                  FROM (SELECT d.*, ${stepSql('term', 'method')} AS step, term / ${stepSql('term', 'method')} AS n,
                          least(term / ${stepSql('term', 'method')}, (${asOfMonth} - m0) / ${stepSql('term', 'method')}) AS due,
                          CASE WHEN contract_date > DATE '${asOfDate}' - 45 THEN CASE WHEN u_status < 0.5 THEN 'APPLIED' ELSE 'APPROVED' END
                               WHEN u_status < 0.03 THEN 'REJECTED'
                               WHEN m0 + term <= ${asOfMonth} THEN
                                 CASE WHEN u_statusDisbursed < 0.015 THEN 'WRITTEN_OFF'
                                      WHEN u_statusDisbursed < 0.04 AND ${asOfMonth} - (m0 + term) <= 18 THEN 'OVERDUE'
                                      ELSE 'REPAID' END
                               WHEN (${asOfMonth} - m0) >= ${stepSql('term', 'method')} AND u_statusDisbursed < 0.025 THEN 'OVERDUE'
                               ELSE 'DISBURSED' END AS status,
                          CASE WHEN reform THEN CASE WHEN term > 60 THEN 'FIVE_YEAR_PLUS' ELSE 'ONE_YEAR' END END AS tenor,
                          CASE WHEN reform THEN -50 + floor(u_spread * 200)::int END AS spread
                        FROM (SELECT c.*, ${method} AS method,
                                CASE WHEN contract_date < DATE '2021-01-01' THEN 'TARGETED_2016_2020' ELSE 'TRANSITION_2021_2025' END AS regime,
                                contract_date >= DATE '${lprReformDate}' AS reform,
                                (round(${amountRange(0)} * power((${amountRange(1)})::float8 / ${amountRange(0)}, u_amount) / 10000) * 10000)::numeric(18,2) AS contract_amount
                              FROM (SELECT b.*, ${term} AS term, greatest(first - floor(u_lag * 21)::int, DATE '2016-01-01') AS contract_date
                                    FROM (SELECT a.*, make_date(2016 + m0 / 12, 1 + m0 % 12, 1 + floor(u_day * 28)::int) AS first
                                          FROM (SELECT k, ${draws}, e.id AS enterprise_id, e.county_ord, e.head_region_id, e.size, e.leading_level,
                                                  e.tier, e.site_count, e.site1_id, e.site1_region_id, e.site2_id, e.site2_region_id,
                                                  CASE WHEN e.size IN ('LARGE', 'MEDIUM') AND ${rawProduct.replaceAll('u_product', u(S.product))} = 'INCLUSIVE_SME'
                                                       THEN 'WORKING_CAPITAL' ELSE ${rawProduct.replaceAll('u_product', u(S.product))} END AS product,
                                                  floor(power(${u(S.month)}, 0.85) * ${asOfMonth + 1})::int AS m0,
                                                  CASE WHEN e.site_count = 0 OR ${u(S.site)} < 0.2 THEN 0 WHEN e.site_count = 1 THEN 1
                                                       ELSE 1 + floor(${u(S.siteChoice)} * 2)::int END AS site_pick,
                                                  o.id AS org_unit_id
                                                FROM generate_series($1::int, $2::int) AS k
                                                JOIN syn_enterprise e ON e.ord = 1 + ${random.below('k', S.enterprise, enterprises)}
                                                JOIN syn_orgunit o ON o.county_ord = e.county_ord AND o.n = ${random.below('k', S.orgUnit, 'e.outlet_count + 1')}
                                                OFFSET 0) a OFFSET 0) b OFFSET 0) c OFFSET 0) d OFFSET 0) e OFFSET 0) f OFFSET 0) g OFFSET 0) h OFFSET 0) i
ORDER BY k
RETURNING id`;
}
