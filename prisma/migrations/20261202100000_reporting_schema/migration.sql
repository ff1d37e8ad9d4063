-- The SQL door for BI tools (docs/sql.md): a `reporting` schema of documented views, readable by
-- PostgreSQL logins made with `dishui sql-user create`, with the API's row security.
--
-- Who is calling is `current_user`, looked up in "ReportingLogin": a session cannot forge it (SET
-- ROLE only narrows to a role the login is a member of, which has no row), unlike a settable GUC.
-- Views run with their owner's rights on the base tables, which the logins are never granted; they
-- are security_barrier, so a caller's own WHERE clause (with a leaky function in it) is applied
-- only to rows the view's scope already let through. Nothing here is a function of ours: the views
-- call only built-ins, so there is nothing to revoke or to make leakproof.

-- CreateTable
CREATE TABLE "ReportingLogin" (
    "id" SERIAL NOT NULL,
    "login" VARCHAR(63) NOT NULL,
    "label" VARCHAR(128) NOT NULL,
    "role" VARCHAR(32) NOT NULL,
    "orgUnitId" INTEGER,
    "connectionLimit" INTEGER NOT NULL DEFAULT 5,
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportingLogin_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportingLogin_login_key" ON "ReportingLogin"("login");

-- CreateIndex
CREATE INDEX "ReportingLogin_orgUnitId_idx" ON "ReportingLogin"("orgUnitId");

-- AddForeignKey
ALTER TABLE "ReportingLogin" ADD CONSTRAINT "ReportingLogin_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE SCHEMA "reporting";
COMMENT ON SCHEMA "reporting" IS 'Dishui reporting views for BI tools: the API''s facts, rollups and reference data, limited to the login''s role and branch subtree (docs/sql.md).';
-- Not granted to anyone: the caller and its subtree, read by the reporting views as their owner.
CREATE SCHEMA "reporting_private";

-- The live login calling: none for a revoked or expired login, or for any other role.
CREATE VIEW "reporting_private"."caller" AS
SELECT rl."role", rl."orgUnitId"
FROM "ReportingLogin" rl
WHERE rl."login" = current_user AND rl."revokedAt" IS NULL AND (rl."expiresAt" IS NULL OR rl."expiresAt" > now());

-- The caller's org unit and every unit below it, by "parentId" as the API's scope (empty for a
-- bank-wide login, whose views test "orgUnitId" IS NULL instead).
CREATE VIEW "reporting_private"."callerUnits" AS
WITH RECURSIVE "subtree"("id") AS (
  SELECT c."orgUnitId" FROM "reporting_private"."caller" c WHERE c."orgUnitId" IS NOT NULL
  UNION SELECT child."id" FROM "OrgUnit" child JOIN "subtree" ON child."parentId" = "subtree"."id"
)
SELECT "id" FROM "subtree";


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
  CASE WHEN c."role" IN ('ANALYST', 'LOAN_OFFICER', 'ADMIN') THEN (l."lprAtPricing")::numeric(9,6) END AS "lprAtPricing",
  CASE WHEN c."role" IN ('ANALYST', 'LOAN_OFFICER', 'ADMIN') THEN (l."spreadBps")::int END AS "spreadBps",
  CASE WHEN c."role" IN ('ANALYST', 'LOAN_OFFICER', 'ADMIN') THEN (l."effectiveRate")::numeric(9,6) END AS "effectiveRate",
  CASE WHEN c."role" IN ('ANALYST', 'LOAN_OFFICER', 'ADMIN') THEN (l."interestSubsidyRate")::numeric(9,6) END AS "interestSubsidyRate",
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

CREATE VIEW "reporting"."impact_facts" WITH (security_barrier) AS
SELECT
  (i."id")::int AS "impactId",
  (l."id")::int AS "loanId",
  CASE WHEN c."role" IN ('ANALYST', 'LOAN_OFFICER', 'ADMIN') THEN (l."contractNo")::text END AS "loanContractNo",
  (l."product")::text AS "loanProduct",
  (l."regulatoryClass")::text AS "loanRegulatoryClass",
  (e."name")::text AS "enterpriseName",
  (n."id")::int AS "initiativeId",
  (n."code")::text AS "initiativeCode",
  (n."name")::text AS "initiativeName",
  (n."category")::text AS "initiativeCategory",
  (o."code")::text AS "orgUnitCode",
  (o."name")::text AS "orgUnitName",
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
  (i."periodStart")::date AS "periodStart",
  (i."periodEnd")::date AS "periodEnd",
  (i."mechanism")::text AS "mechanism",
  (i."peopleDriven")::int AS "peopleDriven",
  (i."registeredPoorPeople")::int AS "registeredPoorPeople",
  (i."registeredPoorHouseholds")::int AS "registeredPoorHouseholds",
  (i."employeesTotal")::int AS "employeesTotal",
  (i."poorEmployeeShare")::numeric(5,4) AS "poorEmployeeShare",
  (i."incomeIncrease")::numeric(18,2) AS "incomeIncrease",
  (i."approximate")::boolean AS "approximate",
  (i."qualifier")::text AS "qualifier",
  (i."verifiedBy")::text AS "verifiedBy",
  (i."dataSource")::text AS "dataSource",
  (i."createdAt")::timestamptz(3) AS "createdAt",
  (i."updatedAt")::timestamptz(3) AS "updatedAt"
FROM "ImpactRecord" i
LEFT JOIN "Region" r ON r."id" = i."regionId"
LEFT JOIN "Region" rp ON rp."code" = left(r."code", 2)
LEFT JOIN "Region" rf ON length(r."code") >= 4 AND rf."code" = left(r."code", 4)
LEFT JOIN "Region" rc ON length(r."code") >= 6 AND rc."code" = left(r."code", 6)
LEFT JOIN "EnterpriseLoan" l ON l."id" = i."loanId"
LEFT JOIN "Enterprise" e ON e."id" = l."enterpriseId"
LEFT JOIN "Initiative" n ON n."id" = i."initiativeId"
LEFT JOIN "OrgUnit" o ON o."id" = COALESCE(l."orgUnitId", n."ownerOrgUnitId")
JOIN "reporting_private"."caller" c ON c."role" IN ('ANALYST', 'ADMIN')
  AND (c."orgUnitId" IS NULL OR l."orgUnitId" IN (SELECT u."id" FROM "reporting_private"."callerUnits" u) OR n."ownerOrgUnitId" IN (SELECT u."id" FROM "reporting_private"."callerUnits" u));

CREATE VIEW "reporting"."loan_months" WITH (security_barrier) AS
SELECT
  date_trunc('month', l."firstDisbursementDate")::date AS "disbursementMonth",
  r."code"::text AS "regionCode",
  CASE WHEN length(r."code") >= 6 THEN left(r."code", 6) END::text AS "countyCode",
  CASE WHEN length(r."code") >= 4 THEN left(r."code", 4) END::text AS "prefectureCode",
  left(r."code", 2)::text AS "provinceCode",
  o."code"::text AS "orgUnitCode",
  count(*)::int AS "loanCount",
  COALESCE(sum(l."contractAmount"), 0)::numeric(18,2) AS "contractAmount",
  COALESCE(sum(l."disbursedAmount"), 0)::numeric(18,2) AS "disbursedAmount",
  COALESCE(sum(l."outstandingBalance"), 0)::numeric(18,2) AS "outstandingBalance",
  COALESCE(sum(l."overduePrincipal"), 0)::numeric(18,2) AS "overduePrincipal",
  COALESCE(sum(l."outstandingBalance") FILTER (WHERE COALESCE(l."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS'), false)), 0)::numeric(18,2) AS "nonPerformingBalance",
  count(l."effectiveRate")::int AS "ratedLoanCount",
  COALESCE(sum(l."effectiveRate"), 0)::numeric(18,6) AS "rateSum"
FROM "EnterpriseLoan" l
LEFT JOIN "Region" r ON r."id" = l."regionId"
LEFT JOIN "OrgUnit" o ON o."id" = l."orgUnitId"
JOIN "reporting_private"."caller" c ON c."role" IN ('ANALYST', 'LOAN_OFFICER', 'ADMIN')
  AND (c."orgUnitId" IS NULL OR l."orgUnitId" IN (SELECT u."id" FROM "reporting_private"."callerUnits" u))
GROUP BY date_trunc('month', l."firstDisbursementDate"), r."code", o."code";

CREATE VIEW "reporting"."snapshot_months" WITH (security_barrier) AS
SELECT
  s."monthEnd"::date AS "monthEnd",
  r."code"::text AS "regionCode",
  left(r."code", 2)::text AS "provinceCode",
  o."code"::text AS "orgUnitCode",
  count(*)::int AS "loanCount",
  sum(s."outstandingBalance")::numeric(18,2) AS "outstandingBalance",
  COALESCE(sum(s."outstandingBalance") FILTER (WHERE s."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')), 0)::numeric(18,2) AS "nonPerformingBalance"
FROM "LoanClassificationSnapshot" s
JOIN "EnterpriseLoan" l ON l."id" = s."loanId"
LEFT JOIN "Region" r ON r."id" = l."regionId"
LEFT JOIN "OrgUnit" o ON o."id" = l."orgUnitId"
JOIN "reporting_private"."caller" c ON c."role" IN ('ANALYST', 'LOAN_OFFICER', 'ADMIN')
  AND (c."orgUnitId" IS NULL OR l."orgUnitId" IN (SELECT u."id" FROM "reporting_private"."callerUnits" u))
GROUP BY s."monthEnd", r."code", o."code";

CREATE VIEW "reporting"."initiatives" WITH (security_barrier) AS
SELECT
  n."id"::int AS "id",
  n."code"::text AS "code",
  n."name"::text AS "name",
  n."nameZh"::text AS "nameZh",
  n."category"::text AS "category",
  n."status"::text AS "status",
  n."startDate"::date AS "startDate",
  n."endDate"::date AS "endDate",
  n."budget"::numeric(18,2) AS "budget",
  n."description"::text AS "description",
  n."approximate"::boolean AS "approximate",
  o."code"::text AS "ownerOrgUnitCode",
  o."name"::text AS "ownerOrgUnitName",
  n."dataSource"::text AS "dataSource",
  n."createdAt"::timestamptz(3) AS "createdAt",
  n."updatedAt"::timestamptz(3) AS "updatedAt"
FROM "Initiative" n
LEFT JOIN "OrgUnit" o ON o."id" = n."ownerOrgUnitId"
JOIN "reporting_private"."caller" c ON c."role" IN ('VIEWER', 'ANALYST', 'LOAN_OFFICER', 'PROGRAMME_MANAGER', 'ADMIN')
  AND (c."orgUnitId" IS NULL OR n."ownerOrgUnitId" IN (SELECT u."id" FROM "reporting_private"."callerUnits" u));

CREATE VIEW "reporting"."org_units" WITH (security_barrier) AS
SELECT
  o."id"::int AS "id",
  o."code"::text AS "code",
  o."name"::text AS "name",
  o."nameZh"::text AS "nameZh",
  o."kind"::text AS "kind",
  op."code"::text AS "parentCode",
  o."path"::text AS "path",
  r."code"::text AS "regionCode",
  o."countyLevel"::boolean AS "countyLevel",
  o."dataSource"::text AS "dataSource",
  o."createdAt"::timestamptz(3) AS "createdAt",
  o."updatedAt"::timestamptz(3) AS "updatedAt"
FROM "OrgUnit" o
LEFT JOIN "OrgUnit" op ON op."id" = o."parentId"
LEFT JOIN "Region" r ON r."id" = o."regionId"
JOIN "reporting_private"."caller" c ON c."role" IN ('VIEWER', 'ANALYST', 'LOAN_OFFICER', 'PROGRAMME_MANAGER', 'ADMIN')
  AND (c."orgUnitId" IS NULL OR o."id" IN (SELECT u."id" FROM "reporting_private"."callerUnits" u));

CREATE VIEW "reporting"."enterprises" WITH (security_barrier) AS
SELECT
  e."id"::int AS "id",
  e."name"::text AS "name",
  e."nameZh"::text AS "nameZh",
  e."anonymised"::boolean AS "anonymised",
  CASE WHEN c."role" IN ('ANALYST', 'LOAN_OFFICER', 'PROGRAMME_MANAGER', 'ADMIN') THEN e."creditCode"::text END AS "creditCode",
  e."industrySection"::text AS "industrySection",
  e."industryCode"::text AS "industryCode",
  e."size"::text AS "size",
  e."leadingEnterpriseLevel"::text AS "leadingEnterpriseLevel",
  r."code"::text AS "headOfficeRegionCode",
  e."dataSource"::text AS "dataSource",
  e."createdAt"::timestamptz(3) AS "createdAt",
  e."updatedAt"::timestamptz(3) AS "updatedAt"
FROM "Enterprise" e
LEFT JOIN "Region" r ON r."id" = e."headOfficeRegionId"
JOIN "reporting_private"."caller" c ON c."role" IN ('VIEWER', 'ANALYST', 'LOAN_OFFICER', 'PROGRAMME_MANAGER', 'ADMIN')
  AND (c."orgUnitId" IS NULL
    OR EXISTS (SELECT 1 FROM "EnterpriseLoan" sl WHERE sl."enterpriseId" = e."id" AND sl."orgUnitId" IN (SELECT u."id" FROM "reporting_private"."callerUnits" u))
    OR NOT EXISTS (SELECT 1 FROM "EnterpriseLoan" al WHERE al."enterpriseId" = e."id"));

CREATE VIEW "reporting"."regions" WITH (security_barrier) AS
SELECT
  r."id"::int AS "id",
  r."code"::text AS "code",
  r."name"::text AS "name",
  array_to_string(r."aliases", ';') AS "aliases",
  r."level"::text AS "level",
  rpar."code"::text AS "parentCode",
  concat_ws('/', rp."code", rf."code", rc."code", CASE WHEN length(r."code") > 6 THEN r."code" END) AS "path",
  rp."code"::text AS "provinceCode",
  rp."name"::text AS "provinceName",
  rf."code"::text AS "prefectureCode",
  rf."name"::text AS "prefectureName",
  rc."code"::text AS "countyCode",
  rc."name"::text AS "countyName",
  r."povertyTier"::text AS "povertyTier",
  r."contiguousArea"::text AS "contiguousArea",
  r."exitYear"::int AS "exitYear",
  r."exitApprovedOn"::date AS "exitApprovedOn",
  r."revitalizationKeyCounty"::boolean AS "revitalizationKeyCounty",
  r."dataSource"::text AS "dataSource",
  r."createdAt"::timestamptz(3) AS "createdAt",
  r."updatedAt"::timestamptz(3) AS "updatedAt"
FROM "Region" r
LEFT JOIN "Region" rpar ON rpar."id" = r."parentId"
LEFT JOIN "Region" rp ON rp."code" = left(r."code", 2)
LEFT JOIN "Region" rf ON length(r."code") >= 4 AND rf."code" = left(r."code", 4)
LEFT JOIN "Region" rc ON length(r."code") >= 6 AND rc."code" = left(r."code", 6)
JOIN "reporting_private"."caller" c ON c."role" IN ('VIEWER', 'ANALYST', 'LOAN_OFFICER', 'PROGRAMME_MANAGER', 'ADMIN');

CREATE VIEW "reporting"."villages" WITH (security_barrier) AS
SELECT
  v."id"::int AS "id",
  v."code"::text AS "code",
  v."codeVerified"::boolean AS "codeVerified",
  v."name"::text AS "name",
  array_to_string(v."aliases", ';') AS "aliases",
  rc."code"::text AS "countyCode",
  rc."name"::text AS "countyName",
  rt."code"::text AS "townshipCode",
  rt."name"::text AS "townshipName",
  v."wasPoorVillage"::boolean AS "wasPoorVillage",
  v."exitYear"::int AS "exitYear",
  v."registeredPoorHouseholds"::int AS "registeredPoorHouseholds",
  v."population"::int AS "population",
  v."dataSource"::text AS "dataSource",
  v."createdAt"::timestamptz(3) AS "createdAt",
  v."updatedAt"::timestamptz(3) AS "updatedAt"
FROM "Village" v
LEFT JOIN "Region" rc ON rc."id" = v."countyId"
LEFT JOIN "Region" rt ON rt."id" = v."townshipId"
JOIN "reporting_private"."caller" c ON c."role" IN ('VIEWER', 'ANALYST', 'LOAN_OFFICER', 'PROGRAMME_MANAGER', 'ADMIN');

CREATE VIEW "reporting"."lpr_rates" WITH (security_barrier) AS
SELECT
  x."id"::int AS "id",
  x."effectiveDate"::date AS "effectiveDate",
  x."tenor"::text AS "tenor",
  x."rate"::numeric(9,6) AS "rate",
  x."dataSource"::text AS "dataSource",
  x."createdAt"::timestamptz(3) AS "createdAt",
  x."updatedAt"::timestamptz(3) AS "updatedAt"
FROM "LprRate" x
JOIN "reporting_private"."caller" c ON c."role" IN ('VIEWER', 'ANALYST', 'LOAN_OFFICER', 'PROGRAMME_MANAGER', 'ADMIN');

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
COMMENT ON VIEW "reporting"."impact_facts" IS 'Flat impact rows (帶貧, one per impact record), the columns of the GraphQL ImpactFact: the record, its loan or initiative, unit and region. Rows for ANALYST, ADMIN (as Query.impactFacts).';
COMMENT ON COLUMN "reporting"."impact_facts"."impactId" IS 'Row id of the impact record: the keyset the pages follow.';
COMMENT ON COLUMN "reporting"."impact_facts"."loanId" IS 'Row id of the loan, null for an initiative record.';
COMMENT ON COLUMN "reporting"."impact_facts"."loanContractNo" IS 'Contract number of the loan. Null unless the role is ANALYST, LOAN_OFFICER, ADMIN (as EnterpriseLoan.contractNo).';
COMMENT ON COLUMN "reporting"."impact_facts"."loanProduct" IS 'Product of the loan.';
COMMENT ON COLUMN "reporting"."impact_facts"."loanRegulatoryClass" IS 'Regulatory class of the loan.';
COMMENT ON COLUMN "reporting"."impact_facts"."enterpriseName" IS 'Borrower of the loan.';
COMMENT ON COLUMN "reporting"."impact_facts"."initiativeId" IS 'Row id of the initiative, null for a loan record.';
COMMENT ON COLUMN "reporting"."impact_facts"."initiativeCode" IS 'Code of the initiative.';
COMMENT ON COLUMN "reporting"."impact_facts"."initiativeName" IS 'Name of the initiative.';
COMMENT ON COLUMN "reporting"."impact_facts"."initiativeCategory" IS 'Category of the initiative (InitiativeCategory value).';
COMMENT ON COLUMN "reporting"."impact_facts"."orgUnitCode" IS 'Code of the loan''s booking unit or the initiative''s owner.';
COMMENT ON COLUMN "reporting"."impact_facts"."orgUnitName" IS 'Name of that unit.';
COMMENT ON COLUMN "reporting"."impact_facts"."regionCode" IS 'NBS code of the region reached.';
COMMENT ON COLUMN "reporting"."impact_facts"."regionName" IS 'Official name of the region reached.';
COMMENT ON COLUMN "reporting"."impact_facts"."regionLevel" IS 'Level of the region reached (PROVINCE … TOWNSHIP).';
COMMENT ON COLUMN "reporting"."impact_facts"."countyCode" IS 'County code (6 digits), null above county level.';
COMMENT ON COLUMN "reporting"."impact_facts"."countyName" IS 'County name.';
COMMENT ON COLUMN "reporting"."impact_facts"."countyPovertyTier" IS 'Poverty tier of the county (國家級/省級貧困縣): NATIONAL, PROVINCIAL or NONE.';
COMMENT ON COLUMN "reporting"."impact_facts"."prefectureCode" IS 'Prefecture code (4 digits).';
COMMENT ON COLUMN "reporting"."impact_facts"."prefectureName" IS 'Prefecture name.';
COMMENT ON COLUMN "reporting"."impact_facts"."provinceCode" IS 'Province code (2 digits).';
COMMENT ON COLUMN "reporting"."impact_facts"."provinceName" IS 'Province name.';
COMMENT ON COLUMN "reporting"."impact_facts"."periodStart" IS 'Start of the period.';
COMMENT ON COLUMN "reporting"."impact_facts"."periodEnd" IS 'End of the period.';
COMMENT ON COLUMN "reporting"."impact_facts"."mechanism" IS 'How poor people are driven (帶貧機制).';
COMMENT ON COLUMN "reporting"."impact_facts"."peopleDriven" IS 'People driven (帶動).';
COMMENT ON COLUMN "reporting"."impact_facts"."registeredPoorPeople" IS 'Registered poor people (建檔立卡) reached.';
COMMENT ON COLUMN "reporting"."impact_facts"."registeredPoorHouseholds" IS 'Registered poor households reached.';
COMMENT ON COLUMN "reporting"."impact_facts"."employeesTotal" IS 'Employees in total.';
COMMENT ON COLUMN "reporting"."impact_facts"."poorEmployeeShare" IS 'Share of poor employees, 0–1.';
COMMENT ON COLUMN "reporting"."impact_facts"."incomeIncrease" IS 'Income increase, CNY.';
COMMENT ON COLUMN "reporting"."impact_facts"."approximate" IS 'Whether the figures are approximate.';
COMMENT ON COLUMN "reporting"."impact_facts"."qualifier" IS 'The source''s qualifier when approximate (近, 超, 約, 數萬).';
COMMENT ON COLUMN "reporting"."impact_facts"."verifiedBy" IS 'Who verified the figures (Verifier value).';
COMMENT ON COLUMN "reporting"."impact_facts"."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';
COMMENT ON COLUMN "reporting"."impact_facts"."createdAt" IS 'When the row was written.';
COMMENT ON COLUMN "reporting"."impact_facts"."updatedAt" IS 'When the row last changed: refresh incrementally with `updatedSince`.';
COMMENT ON VIEW "reporting"."loan_months" IS 'Loans per month of first disbursement, region and booking unit, with additive sums (the monthly rollup): sum the rows of any grouping. Rows for ANALYST, LOAN_OFFICER, ADMIN (as Query.loanStatistics).';
COMMENT ON COLUMN "reporting"."loan_months"."disbursementMonth" IS 'First day of the month of first disbursement; null for loans not disbursed.';
COMMENT ON COLUMN "reporting"."loan_months"."regionCode" IS 'NBS code of the region where the money is used.';
COMMENT ON COLUMN "reporting"."loan_months"."countyCode" IS 'County code (6 digits), null above county level.';
COMMENT ON COLUMN "reporting"."loan_months"."prefectureCode" IS 'Prefecture code (4 digits).';
COMMENT ON COLUMN "reporting"."loan_months"."provinceCode" IS 'Province code (2 digits).';
COMMENT ON COLUMN "reporting"."loan_months"."orgUnitCode" IS 'Code of the booking unit.';
COMMENT ON COLUMN "reporting"."loan_months"."loanCount" IS 'Loans in the cell.';
COMMENT ON COLUMN "reporting"."loan_months"."contractAmount" IS 'Sum of contract amounts, CNY.';
COMMENT ON COLUMN "reporting"."loan_months"."disbursedAmount" IS 'Sum of disbursed amounts, CNY.';
COMMENT ON COLUMN "reporting"."loan_months"."outstandingBalance" IS 'Sum of outstanding balances, CNY.';
COMMENT ON COLUMN "reporting"."loan_months"."overduePrincipal" IS 'Sum of overdue principal, CNY.';
COMMENT ON COLUMN "reporting"."loan_months"."nonPerformingBalance" IS 'Outstanding balance of loans in risk class SUBSTANDARD, DOUBTFUL or LOSS, CNY.';
COMMENT ON COLUMN "reporting"."loan_months"."ratedLoanCount" IS 'Loans with an effective rate: divide rateSum by it for the plain average rate.';
COMMENT ON COLUMN "reporting"."loan_months"."rateSum" IS 'Sum of effective rates (fractions) of the rated loans.';
COMMENT ON VIEW "reporting"."snapshot_months" IS 'Month-end classification snapshots (五級分類) per month, region and booking unit: balance and non-performing balance, the source of NPL trends. Rows for ANALYST, LOAN_OFFICER, ADMIN (as Query.portfolioSeries).';
COMMENT ON COLUMN "reporting"."snapshot_months"."monthEnd" IS 'Month-end date of the snapshots.';
COMMENT ON COLUMN "reporting"."snapshot_months"."regionCode" IS 'NBS code of the region of the loans.';
COMMENT ON COLUMN "reporting"."snapshot_months"."provinceCode" IS 'Province code (2 digits).';
COMMENT ON COLUMN "reporting"."snapshot_months"."orgUnitCode" IS 'Code of the booking unit.';
COMMENT ON COLUMN "reporting"."snapshot_months"."loanCount" IS 'Loans with a snapshot that month.';
COMMENT ON COLUMN "reporting"."snapshot_months"."outstandingBalance" IS 'Sum of month-end balances, CNY.';
COMMENT ON COLUMN "reporting"."snapshot_months"."nonPerformingBalance" IS 'Month-end balance in risk class SUBSTANDARD, DOUBTFUL or LOSS, CNY.';
COMMENT ON VIEW "reporting"."initiatives" IS 'Assistance programmes (幫扶項目) of the units in scope. Rows for VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Query.initiatives).';
COMMENT ON COLUMN "reporting"."initiatives"."id" IS 'Row id of the initiative.';
COMMENT ON COLUMN "reporting"."initiatives"."code" IS 'Initiative code.';
COMMENT ON COLUMN "reporting"."initiatives"."name" IS 'Name.';
COMMENT ON COLUMN "reporting"."initiatives"."nameZh" IS 'Chinese name.';
COMMENT ON COLUMN "reporting"."initiatives"."category" IS 'Category (InitiativeCategory value).';
COMMENT ON COLUMN "reporting"."initiatives"."status" IS 'PLANNED, ACTIVE, COMPLETED or SUSPENDED.';
COMMENT ON COLUMN "reporting"."initiatives"."startDate" IS 'Start date.';
COMMENT ON COLUMN "reporting"."initiatives"."endDate" IS 'End date.';
COMMENT ON COLUMN "reporting"."initiatives"."budget" IS 'Budget, CNY.';
COMMENT ON COLUMN "reporting"."initiatives"."description" IS 'Description.';
COMMENT ON COLUMN "reporting"."initiatives"."approximate" IS 'Whether the figures are approximate.';
COMMENT ON COLUMN "reporting"."initiatives"."ownerOrgUnitCode" IS 'Code of the owning unit.';
COMMENT ON COLUMN "reporting"."initiatives"."ownerOrgUnitName" IS 'Name of the owning unit.';
COMMENT ON COLUMN "reporting"."initiatives"."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';
COMMENT ON COLUMN "reporting"."initiatives"."createdAt" IS 'When the row was written.';
COMMENT ON COLUMN "reporting"."initiatives"."updatedAt" IS 'When the row last changed: refresh incrementally on it.';
COMMENT ON VIEW "reporting"."org_units" IS 'The bank''s units (一級分行 … 網點) in scope: the login''s unit and every unit below it. Rows for VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Query.orgUnits).';
COMMENT ON COLUMN "reporting"."org_units"."id" IS 'Row id of the unit.';
COMMENT ON COLUMN "reporting"."org_units"."code" IS 'Unit code.';
COMMENT ON COLUMN "reporting"."org_units"."name" IS 'Name.';
COMMENT ON COLUMN "reporting"."org_units"."nameZh" IS 'Chinese name.';
COMMENT ON COLUMN "reporting"."org_units"."kind" IS 'TIER1_BRANCH, TIER2_BRANCH, SUB_BRANCH, OUTLET, SELF_SERVICE_BANK or DEPARTMENT.';
COMMENT ON COLUMN "reporting"."org_units"."parentCode" IS 'Code of the parent unit, null at the root.';
COMMENT ON COLUMN "reporting"."org_units"."path" IS 'Materialised path of unit ids ("/1/4/9/").';
COMMENT ON COLUMN "reporting"."org_units"."regionCode" IS 'NBS code of the region the unit is in.';
COMMENT ON COLUMN "reporting"."org_units"."countyLevel" IS 'Whether the unit is at county level.';
COMMENT ON COLUMN "reporting"."org_units"."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';
COMMENT ON COLUMN "reporting"."org_units"."createdAt" IS 'When the row was written.';
COMMENT ON COLUMN "reporting"."org_units"."updatedAt" IS 'When the row last changed: refresh incrementally on it.';
COMMENT ON VIEW "reporting"."enterprises" IS 'Borrowing enterprises (企業) in scope: a borrower of a loan in scope, or one with no loan yet. Rows for VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Query.enterprises).';
COMMENT ON COLUMN "reporting"."enterprises"."id" IS 'Row id of the enterprise.';
COMMENT ON COLUMN "reporting"."enterprises"."name" IS 'Name (anonymised where the source keeps it so).';
COMMENT ON COLUMN "reporting"."enterprises"."nameZh" IS 'Chinese name.';
COMMENT ON COLUMN "reporting"."enterprises"."anonymised" IS 'Whether the name is a stand-in.';
COMMENT ON COLUMN "reporting"."enterprises"."creditCode" IS 'Unified social credit code (統一社會信用代碼). Null unless the role is ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Enterprise.creditCode).';
COMMENT ON COLUMN "reporting"."enterprises"."industrySection" IS 'GB/T 4754 section letter.';
COMMENT ON COLUMN "reporting"."enterprises"."industryCode" IS 'GB/T 4754 class code.';
COMMENT ON COLUMN "reporting"."enterprises"."size" IS 'LARGE, MEDIUM, SMALL or MICRO.';
COMMENT ON COLUMN "reporting"."enterprises"."leadingEnterpriseLevel" IS 'Leading agricultural enterprise level (農業產業化龍頭企業).';
COMMENT ON COLUMN "reporting"."enterprises"."headOfficeRegionCode" IS 'NBS code of the head-office region.';
COMMENT ON COLUMN "reporting"."enterprises"."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';
COMMENT ON COLUMN "reporting"."enterprises"."createdAt" IS 'When the row was written.';
COMMENT ON COLUMN "reporting"."enterprises"."updatedAt" IS 'When the row last changed: refresh incrementally on it.';
COMMENT ON VIEW "reporting"."regions" IS 'Regions (NBS statistical divisions) with their path and ancestors: reference data every branch shares. Rows for VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Query.regions).';
COMMENT ON COLUMN "reporting"."regions"."id" IS 'Row id of the region.';
COMMENT ON COLUMN "reporting"."regions"."code" IS 'NBS code: province 2 digits, prefecture 4, county 6, township 9.';
COMMENT ON COLUMN "reporting"."regions"."name" IS 'Official name (Simplified).';
COMMENT ON COLUMN "reporting"."regions"."aliases" IS 'Other spellings, separated by ";"; empty when none.';
COMMENT ON COLUMN "reporting"."regions"."level" IS 'PROVINCE, PREFECTURE, COUNTY or TOWNSHIP.';
COMMENT ON COLUMN "reporting"."regions"."parentCode" IS 'Code of the parent region.';
COMMENT ON COLUMN "reporting"."regions"."path" IS 'Codes from the province down to the region, separated by "/" ("41/4101/410185").';
COMMENT ON COLUMN "reporting"."regions"."provinceCode" IS 'Province code.';
COMMENT ON COLUMN "reporting"."regions"."provinceName" IS 'Province name.';
COMMENT ON COLUMN "reporting"."regions"."prefectureCode" IS 'Prefecture code, null for a province.';
COMMENT ON COLUMN "reporting"."regions"."prefectureName" IS 'Prefecture name.';
COMMENT ON COLUMN "reporting"."regions"."countyCode" IS 'County code, null above county level.';
COMMENT ON COLUMN "reporting"."regions"."countyName" IS 'County name.';
COMMENT ON COLUMN "reporting"."regions"."povertyTier" IS 'Poverty tier of a county (國家級/省級貧困縣): NATIONAL, PROVINCIAL or NONE.';
COMMENT ON COLUMN "reporting"."regions"."contiguousArea" IS 'Contiguous destitute area (集中連片特困地區).';
COMMENT ON COLUMN "reporting"."regions"."exitYear" IS 'Year the county exited poverty (脫貧摘帽).';
COMMENT ON COLUMN "reporting"."regions"."exitApprovedOn" IS 'Date the exit was approved.';
COMMENT ON COLUMN "reporting"."regions"."revitalizationKeyCounty" IS 'National rural revitalisation key county (2021+).';
COMMENT ON COLUMN "reporting"."regions"."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';
COMMENT ON COLUMN "reporting"."regions"."createdAt" IS 'When the row was written.';
COMMENT ON COLUMN "reporting"."regions"."updatedAt" IS 'When the row last changed: refresh incrementally on it.';
COMMENT ON VIEW "reporting"."villages" IS 'Villages (行政村) with their county and township: reference data every branch shares. Rows for VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Query.villages).';
COMMENT ON COLUMN "reporting"."villages"."id" IS 'Row id of the village.';
COMMENT ON COLUMN "reporting"."villages"."code" IS '12-digit village code, null when unknown.';
COMMENT ON COLUMN "reporting"."villages"."codeVerified" IS 'Whether the code is verified.';
COMMENT ON COLUMN "reporting"."villages"."name" IS 'Official name.';
COMMENT ON COLUMN "reporting"."villages"."aliases" IS 'Other spellings, separated by ";"; empty when none.';
COMMENT ON COLUMN "reporting"."villages"."countyCode" IS 'County code.';
COMMENT ON COLUMN "reporting"."villages"."countyName" IS 'County name.';
COMMENT ON COLUMN "reporting"."villages"."townshipCode" IS 'Township code.';
COMMENT ON COLUMN "reporting"."villages"."townshipName" IS 'Township name.';
COMMENT ON COLUMN "reporting"."villages"."wasPoorVillage" IS 'Whether it was a registered poor village (貧困村).';
COMMENT ON COLUMN "reporting"."villages"."exitYear" IS 'Year it exited poverty.';
COMMENT ON COLUMN "reporting"."villages"."registeredPoorHouseholds" IS 'Registered poor households (a count only).';
COMMENT ON COLUMN "reporting"."villages"."population" IS 'Population (a count only).';
COMMENT ON COLUMN "reporting"."villages"."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';
COMMENT ON COLUMN "reporting"."villages"."createdAt" IS 'When the row was written.';
COMMENT ON COLUMN "reporting"."villages"."updatedAt" IS 'When the row last changed: refresh incrementally on it.';
COMMENT ON VIEW "reporting"."lpr_rates" IS 'Loan prime rate fixings (貸款市場報價利率): reference data every branch shares. Rows for VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Query.lprRates).';
COMMENT ON COLUMN "reporting"."lpr_rates"."id" IS 'Row id of the fixing.';
COMMENT ON COLUMN "reporting"."lpr_rates"."effectiveDate" IS 'Date the rate takes effect.';
COMMENT ON COLUMN "reporting"."lpr_rates"."tenor" IS 'ONE_YEAR or FIVE_YEAR_PLUS.';
COMMENT ON COLUMN "reporting"."lpr_rates"."rate" IS 'Rate, annual fraction (0.038500 = 3.85%).';
COMMENT ON COLUMN "reporting"."lpr_rates"."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';
COMMENT ON COLUMN "reporting"."lpr_rates"."createdAt" IS 'When the row was written.';
COMMENT ON COLUMN "reporting"."lpr_rates"."updatedAt" IS 'When the row last changed: refresh incrementally on it.';

-- One NOLOGIN group role per API role, cluster-wide (so created only when missing, and tolerating a
-- colleague database creating it at the same moment), granted the views of this database and
-- nothing else. Where the migrating user may not create roles (PGlite has no real roles to speak of;
-- a managed server may withhold CREATEROLE) this is skipped with a notice: the views then return no
-- rows to anyone, and a DBA can run this block later.
DO $$
DECLARE
  api_role text;
  group_role text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
    RAISE NOTICE 'reporting: % may not create roles; the SQL door has no group roles in this database', current_user;
    RETURN;
  END IF;
  FOREACH api_role IN ARRAY ARRAY['VIEWER', 'ANALYST', 'LOAN_OFFICER', 'PROGRAMME_MANAGER', 'ADMIN'] LOOP
    group_role := 'dishui_reporting_' || lower(api_role);
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = group_role) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT', group_role);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END;
    END IF;
    EXECUTE format('COMMENT ON ROLE %I IS %L', group_role, 'Dishui SQL door: logins of API role ' || api_role || ' (dishui sql-user)');
    EXECUTE format('GRANT USAGE ON SCHEMA "reporting" TO %I', group_role);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA "reporting" TO %I', group_role);
  END LOOP;
  -- TEMP is PUBLIC's by default: a login could otherwise create temporary tables and functions.
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO %I', current_database(), current_user);
END $$;
