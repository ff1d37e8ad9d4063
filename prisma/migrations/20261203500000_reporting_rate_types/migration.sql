-- reporting.loan_facts carried its three masked rates as plain numeric: a cast inside CASE WHEN is
-- lost on the CASE's result, so BI tools saw no precision or scale for lprAtPricing, effectiveRate
-- and interestSubsidyRate (found by test/modules/reporting/reportingDrift.test.ts). The cast now
-- wraps the CASE, so they are numeric(9,6) as the base columns. A view's column type cannot be
-- changed in place: the view is made again, with its comments and grants.

DROP VIEW "reporting"."loan_facts";

CREATE VIEW "reporting"."loan_facts" WITH (security_barrier) AS
SELECT
  (l."id")::int AS "loanId",
  CASE WHEN c."role" IN ('ANALYST', 'LOAN_OFFICER', 'ADMIN') THEN (l."contractNo")::text END AS "contractNo",
  (l."product")::text AS "product",
  (l."regulatoryClass")::text AS "regulatoryClass",
  (l."policyRegime")::text AS "policyRegime",
  (l."financingModel")::text AS "financingModel",
  (l."guarantee")::text AS "guarantee",
  (l."rateType")::text AS "rateType",
  (l."lprTenor")::text AS "lprTenor",
  (CASE WHEN c."role" IN ('ANALYST', 'LOAN_OFFICER', 'ADMIN') THEN l."lprAtPricing" END)::numeric(9,6) AS "lprAtPricing",
  CASE WHEN c."role" IN ('ANALYST', 'LOAN_OFFICER', 'ADMIN') THEN (l."spreadBps")::int END AS "spreadBps",
  (CASE WHEN c."role" IN ('ANALYST', 'LOAN_OFFICER', 'ADMIN') THEN l."effectiveRate" END)::numeric(9,6) AS "effectiveRate",
  (CASE WHEN c."role" IN ('ANALYST', 'LOAN_OFFICER', 'ADMIN') THEN l."interestSubsidyRate" END)::numeric(9,6) AS "interestSubsidyRate",
  (l."repaymentMethod")::text AS "repaymentMethod",
  (l."contractAmount")::numeric(18,2) AS "contractAmount",
  (l."disbursedAmount")::numeric(18,2) AS "disbursedAmount",
  (l."outstandingBalance")::numeric(18,2) AS "outstandingBalance",
  (l."overduePrincipal")::numeric(18,2) AS "overduePrincipal",
  (l."overdueInterest")::numeric(18,2) AS "overdueInterest",
  (l."daysPastDue")::int AS "daysPastDue",
  (l."contractDate")::date AS "contractDate",
  (l."firstDisbursementDate")::date AS "firstDisbursementDate",
  (l."maturityDate")::date AS "maturityDate",
  (l."termMonths")::int AS "termMonths",
  (l."deferredUntil")::date AS "deferredUntil",
  (l."status")::text AS "status",
  (l."riskClass")::text AS "riskClass",
  (COALESCE(l."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS'), false))::boolean AS "nonPerforming",
  (l."supportSector")::text AS "supportSector",
  (l."illustrative")::boolean AS "illustrative",
  ((SELECT string_agg(cp."code", ';' ORDER BY cp."code") FROM "LoanCampaign" lc JOIN "Campaign" cp ON cp."id" = lc."campaignId" WHERE lc."loanId" = l."id"))::text AS "campaignCodes",
  (e."id")::int AS "enterpriseId",
  (e."name")::text AS "enterpriseName",
  (e."nameZh")::text AS "enterpriseNameZh",
  CASE WHEN c."role" IN ('ANALYST', 'LOAN_OFFICER', 'PROGRAMME_MANAGER', 'ADMIN') THEN (e."creditCode")::text END AS "enterpriseCreditCode",
  (e."industrySection")::text AS "industrySection",
  (e."industryCode")::text AS "industryCode",
  (e."size")::text AS "enterpriseSize",
  (e."leadingEnterpriseLevel")::text AS "leadingEnterpriseLevel",
  (o."code")::text AS "orgUnitCode",
  (o."name")::text AS "orgUnitName",
  (o."nameZh")::text AS "orgUnitNameZh",
  (r."code")::text AS "regionCode",
  (r."name")::text AS "regionName",
  (r."level")::text AS "regionLevel",
  (CASE WHEN length(r."code") >= 6 THEN left(r."code", 6) END)::text AS "countyCode",
  (rc."name")::text AS "countyName",
  (rc."povertyTier")::text AS "countyPovertyTier",
  (CASE WHEN length(r."code") >= 4 THEN left(r."code", 4) END)::text AS "prefectureCode",
  (rf."name")::text AS "prefectureName",
  (left(r."code", 2))::text AS "provinceCode",
  (rp."name")::text AS "provinceName",
  (l."dataSource")::text AS "dataSource",
  (l."createdAt")::timestamptz(3) AS "createdAt",
  (l."updatedAt")::timestamptz(3) AS "updatedAt"
FROM "EnterpriseLoan" l
LEFT JOIN "Region" r ON r."id" = l."regionId"
LEFT JOIN "Region" rp ON rp."code" = left(r."code", 2)
LEFT JOIN "Region" rf ON length(r."code") >= 4 AND rf."code" = left(r."code", 4)
LEFT JOIN "Region" rc ON length(r."code") >= 6 AND rc."code" = left(r."code", 6)
LEFT JOIN "OrgUnit" o ON o."id" = l."orgUnitId"
LEFT JOIN "Enterprise" e ON e."id" = l."enterpriseId"
JOIN "reporting_private"."caller" c ON c."role" IN ('ANALYST', 'ADMIN')
  AND (c."orgUnitId" IS NULL OR l."orgUnitId" IN (SELECT u."id" FROM "reporting_private"."callerUnits" u));

COMMENT ON VIEW "reporting"."loan_facts" IS 'Flat loan rows (one per loan), the columns of the GraphQL LoanFact: the loan, its borrower, booking unit and region denormalised. Rows for ANALYST, ADMIN (as Query.loanFacts).';
COMMENT ON COLUMN "reporting"."loan_facts"."loanId" IS 'Row id of the loan: the keyset the pages follow.';
COMMENT ON COLUMN "reporting"."loan_facts"."contractNo" IS 'Contract number. Null unless the role is ANALYST, LOAN_OFFICER, ADMIN (as EnterpriseLoan.contractNo).';
COMMENT ON COLUMN "reporting"."loan_facts"."product" IS 'Loan product (LoanProduct value).';
COMMENT ON COLUMN "reporting"."loan_facts"."regulatoryClass" IS 'PBoC targeted-poverty statistical class (RegulatoryClass value).';
COMMENT ON COLUMN "reporting"."loan_facts"."policyRegime" IS 'Policy regime (PolicyRegime value).';
COMMENT ON COLUMN "reporting"."loan_facts"."financingModel" IS 'Financing model (FinancingModel value).';
COMMENT ON COLUMN "reporting"."loan_facts"."guarantee" IS 'Guarantee type (GuaranteeType value).';
COMMENT ON COLUMN "reporting"."loan_facts"."rateType" IS 'FIXED or FLOATING.';
COMMENT ON COLUMN "reporting"."loan_facts"."lprTenor" IS 'LPR tenor the rate is priced on.';
COMMENT ON COLUMN "reporting"."loan_facts"."lprAtPricing" IS 'LPR at pricing, annual fraction. Null unless the role is ANALYST, LOAN_OFFICER, ADMIN (as EnterpriseLoan.lprAtPricing).';
COMMENT ON COLUMN "reporting"."loan_facts"."spreadBps" IS 'Spread over LPR in basis points. Null unless the role is ANALYST, LOAN_OFFICER, ADMIN (as EnterpriseLoan.spreadBps).';
COMMENT ON COLUMN "reporting"."loan_facts"."effectiveRate" IS 'Effective annual rate, fraction (0.038500 = 3.85%). Null unless the role is ANALYST, LOAN_OFFICER, ADMIN (as EnterpriseLoan.effectiveRate).';
COMMENT ON COLUMN "reporting"."loan_facts"."interestSubsidyRate" IS 'Fiscal interest subsidy rate, fraction. Null unless the role is ANALYST, LOAN_OFFICER, ADMIN (as EnterpriseLoan.interestSubsidyRate).';
COMMENT ON COLUMN "reporting"."loan_facts"."repaymentMethod" IS 'Repayment method.';
COMMENT ON COLUMN "reporting"."loan_facts"."contractAmount" IS 'Contract amount, CNY.';
COMMENT ON COLUMN "reporting"."loan_facts"."disbursedAmount" IS 'Disbursed amount, CNY.';
COMMENT ON COLUMN "reporting"."loan_facts"."outstandingBalance" IS 'Outstanding balance, CNY.';
COMMENT ON COLUMN "reporting"."loan_facts"."overduePrincipal" IS 'Overdue principal, CNY.';
COMMENT ON COLUMN "reporting"."loan_facts"."overdueInterest" IS 'Overdue interest, CNY.';
COMMENT ON COLUMN "reporting"."loan_facts"."daysPastDue" IS 'Days past due.';
COMMENT ON COLUMN "reporting"."loan_facts"."contractDate" IS 'Contract date.';
COMMENT ON COLUMN "reporting"."loan_facts"."firstDisbursementDate" IS 'First disbursement date.';
COMMENT ON COLUMN "reporting"."loan_facts"."maturityDate" IS 'Maturity date.';
COMMENT ON COLUMN "reporting"."loan_facts"."termMonths" IS 'Term in months.';
COMMENT ON COLUMN "reporting"."loan_facts"."deferredUntil" IS 'Deferral (延期還本付息) until.';
COMMENT ON COLUMN "reporting"."loan_facts"."status" IS 'Lifecycle status (LoanStatus value).';
COMMENT ON COLUMN "reporting"."loan_facts"."riskClass" IS 'Five-tier risk class (五級分類).';
COMMENT ON COLUMN "reporting"."loan_facts"."nonPerforming" IS 'Whether the risk class is SUBSTANDARD, DOUBTFUL or LOSS.';
COMMENT ON COLUMN "reporting"."loan_facts"."supportSector" IS 'COVID-19 support sector.';
COMMENT ON COLUMN "reporting"."loan_facts"."illustrative" IS 'Whether amounts, rates or dates are made up for illustration.';
COMMENT ON COLUMN "reporting"."loan_facts"."campaignCodes" IS 'Codes of the campaigns the loan was granted under, sorted, separated by ";"; null when none.';
COMMENT ON COLUMN "reporting"."loan_facts"."enterpriseId" IS 'Row id of the borrower.';
COMMENT ON COLUMN "reporting"."loan_facts"."enterpriseName" IS 'Borrower name (anonymised where the source keeps it so).';
COMMENT ON COLUMN "reporting"."loan_facts"."enterpriseNameZh" IS 'Borrower name in Chinese.';
COMMENT ON COLUMN "reporting"."loan_facts"."enterpriseCreditCode" IS 'Unified social credit code (統一社會信用代碼). Null unless the role is ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Enterprise.creditCode).';
COMMENT ON COLUMN "reporting"."loan_facts"."industrySection" IS 'GB/T 4754 section letter.';
COMMENT ON COLUMN "reporting"."loan_facts"."industryCode" IS 'GB/T 4754 class code.';
COMMENT ON COLUMN "reporting"."loan_facts"."enterpriseSize" IS 'LARGE, MEDIUM, SMALL or MICRO.';
COMMENT ON COLUMN "reporting"."loan_facts"."leadingEnterpriseLevel" IS 'Leading agricultural enterprise level (農業產業化龍頭企業).';
COMMENT ON COLUMN "reporting"."loan_facts"."orgUnitCode" IS 'Code of the booking unit.';
COMMENT ON COLUMN "reporting"."loan_facts"."orgUnitName" IS 'Name of the booking unit.';
COMMENT ON COLUMN "reporting"."loan_facts"."orgUnitNameZh" IS 'Chinese name of the booking unit.';
COMMENT ON COLUMN "reporting"."loan_facts"."regionCode" IS 'NBS code of the region where the money is used.';
COMMENT ON COLUMN "reporting"."loan_facts"."regionName" IS 'Official name of the region where the money is used.';
COMMENT ON COLUMN "reporting"."loan_facts"."regionLevel" IS 'Level of the region where the money is used (PROVINCE … TOWNSHIP).';
COMMENT ON COLUMN "reporting"."loan_facts"."countyCode" IS 'County code (6 digits), null above county level.';
COMMENT ON COLUMN "reporting"."loan_facts"."countyName" IS 'County name.';
COMMENT ON COLUMN "reporting"."loan_facts"."countyPovertyTier" IS 'Poverty tier of the county (國家級/省級貧困縣): NATIONAL, PROVINCIAL or NONE.';
COMMENT ON COLUMN "reporting"."loan_facts"."prefectureCode" IS 'Prefecture code (4 digits).';
COMMENT ON COLUMN "reporting"."loan_facts"."prefectureName" IS 'Prefecture name.';
COMMENT ON COLUMN "reporting"."loan_facts"."provinceCode" IS 'Province code (2 digits).';
COMMENT ON COLUMN "reporting"."loan_facts"."provinceName" IS 'Province name.';
COMMENT ON COLUMN "reporting"."loan_facts"."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';
COMMENT ON COLUMN "reporting"."loan_facts"."createdAt" IS 'When the row was written.';
COMMENT ON COLUMN "reporting"."loan_facts"."updatedAt" IS 'When the row last changed: refresh incrementally with `updatedSince`.';

-- The group roles' SELECT, where the first reporting migration could make them.
DO $$
DECLARE
  group_role text;
BEGIN
  FOR group_role IN SELECT rolname FROM pg_roles WHERE rolname IN (
    'dishui_reporting_viewer', 'dishui_reporting_analyst', 'dishui_reporting_loan_officer',
    'dishui_reporting_programme_manager', 'dishui_reporting_admin') LOOP
    EXECUTE format('GRANT SELECT ON "reporting"."loan_facts" TO %I', group_role);
  END LOOP;
END $$;
