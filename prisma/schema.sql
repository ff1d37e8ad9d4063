--
-- PostgreSQL database dump
--

--
-- Name: reporting; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA reporting;

--
-- Name: SCHEMA reporting; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA reporting IS 'Dishui reporting views for BI tools: the API''s facts, rollups and reference data, limited to the login''s role and branch subtree (docs/sql.md).';

--
-- Name: reporting_private; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA reporting_private;

--
-- Name: CadreRole; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."CadreRole" AS ENUM (
    'FIRST_SECRETARY',
    'WORK_TEAM_MEMBER',
    'LIAISON'
);

--
-- Name: DataSource; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."DataSource" AS ENUM (
    'ARTICLE',
    'SYNTHETIC',
    'IMPORT',
    'API'
);

--
-- Name: EnterpriseSize; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."EnterpriseSize" AS ENUM (
    'LARGE',
    'MEDIUM',
    'SMALL',
    'MICRO'
);

--
-- Name: ExportJobStatus; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."ExportJobStatus" AS ENUM (
    'QUEUED',
    'RUNNING',
    'SUCCEEDED',
    'FAILED',
    'EXPIRED'
);

--
-- Name: FinancingModel; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."FinancingModel" AS ENUM (
    'BANK_LEADING_ENTERPRISE_FARMER',
    'BANK_GOVERNMENT_ENTERPRISE_FARMER',
    'DIRECT',
    'SUPPLY_CHAIN'
);

--
-- Name: GuaranteeType; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."GuaranteeType" AS ENUM (
    'CREDIT',
    'GUARANTEE',
    'MORTGAGE',
    'PLEDGE',
    'COMBINED'
);

--
-- Name: ImpactMechanism; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."ImpactMechanism" AS ENUM (
    'EMPLOYMENT',
    'ORDER_PURCHASE',
    'ASSET_INCOME',
    'LAND_TRANSFER',
    'HOSTING',
    'TRAINING',
    'CONSUMPTION'
);

--
-- Name: InitiativeCategory; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."InitiativeCategory" AS ENUM (
    'PAIRED_ASSISTANCE',
    'NUTRITION',
    'EDUCATION_AID',
    'CONSUMPTION',
    'FINANCIAL_ACCESS',
    'INDUSTRY_CREDIT',
    'EPIDEMIC_SUPPORT',
    'PARTY_BUILDING',
    'OTHER'
);

--
-- Name: InitiativeStatus; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."InitiativeStatus" AS ENUM (
    'PLANNED',
    'ACTIVE',
    'COMPLETED',
    'SUSPENDED'
);

--
-- Name: LeadingEnterpriseLevel; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."LeadingEnterpriseLevel" AS ENUM (
    'NATIONAL',
    'PROVINCIAL',
    'MUNICIPAL',
    'NONE'
);

--
-- Name: LoanProduct; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."LoanProduct" AS ENUM (
    'WORKING_CAPITAL',
    'FIXED_ASSET',
    'PROJECT',
    'SUPPLY_CHAIN',
    'INCLUSIVE_SME',
    'POVERTY_MICROCREDIT'
);

--
-- Name: LoanStatus; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."LoanStatus" AS ENUM (
    'APPLIED',
    'APPROVED',
    'DISBURSED',
    'REPAID',
    'OVERDUE',
    'WRITTEN_OFF',
    'REJECTED'
);

--
-- Name: LprTenor; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."LprTenor" AS ENUM (
    'ONE_YEAR',
    'FIVE_YEAR_PLUS'
);

--
-- Name: MetricKind; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."MetricKind" AS ENUM (
    'STUDENTS_SUPPORTED',
    'MEAL_SUBSIDY_PER_CHILD',
    'CARDS_ISSUED',
    'PURCHASE_AMOUNT',
    'OUTLETS',
    'HOUSEHOLDS_REACHED',
    'CADRES_STATIONED',
    'YEARS_RUNNING',
    'SECTORS_SUPPORTED',
    'LOANS_GRANTED',
    'PEOPLE_LIFTED'
);

--
-- Name: MetricUnit; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."MetricUnit" AS ENUM (
    'PERSON',
    'HOUSEHOLD',
    'CNY',
    'CARD',
    'OUTLET',
    'CNY_PER_CHILD_DAY',
    'YEAR',
    'SECTOR',
    'LOAN'
);

--
-- Name: OrgUnitKind; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."OrgUnitKind" AS ENUM (
    'TIER1_BRANCH',
    'TIER2_BRANCH',
    'SUB_BRANCH',
    'OUTLET',
    'SELF_SERVICE_BANK',
    'DEPARTMENT'
);

--
-- Name: PolicyRegime; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."PolicyRegime" AS ENUM (
    'TARGETED_2016_2020',
    'TRANSITION_2021_2025'
);

--
-- Name: PovertyTier; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."PovertyTier" AS ENUM (
    'NATIONAL',
    'PROVINCIAL',
    'NONE'
);

--
-- Name: RateType; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."RateType" AS ENUM (
    'FIXED',
    'FLOATING'
);

--
-- Name: RegionLevel; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."RegionLevel" AS ENUM (
    'PROVINCE',
    'PREFECTURE',
    'COUNTY',
    'TOWNSHIP'
);

--
-- Name: RegulatoryClass; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."RegulatoryClass" AS ENUM (
    'INDIVIDUAL_REGISTERED_POOR',
    'INDIVIDUAL_OTHER',
    'INDUSTRY',
    'PROJECT_RELOCATION',
    'PROJECT_FARMLAND',
    'PROJECT_ECOLOGY',
    'PROJECT_INFRASTRUCTURE',
    'NONE'
);

--
-- Name: RepaymentMethod; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."RepaymentMethod" AS ENUM (
    'EQUAL_INSTALMENT',
    'EQUAL_PRINCIPAL',
    'INTEREST_ONLY_BULLET',
    'BULLET'
);

--
-- Name: RiskClass; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."RiskClass" AS ENUM (
    'NORMAL',
    'SPECIAL_MENTION',
    'SUBSTANDARD',
    'DOUBTFUL',
    'LOSS'
);

--
-- Name: ScheduleStatus; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."ScheduleStatus" AS ENUM (
    'PENDING',
    'PAID',
    'PARTIAL',
    'OVERDUE',
    'DEFERRED'
);

--
-- Name: SiteKind; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."SiteKind" AS ENUM (
    'PLANT',
    'FARM',
    'BASE',
    'PROJECT'
);

--
-- Name: SupportSector; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."SupportSector" AS ENUM (
    'MEDICAL',
    'TRANSPORT_LOGISTICS',
    'ENERGY_CHEMICALS',
    'FOREIGN_TRADE',
    'AGRICULTURE',
    'MANUFACTURING',
    'CONSUMER_SERVICES',
    'OTHER'
);

--
-- Name: Verifier; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."Verifier" AS ENUM (
    'POVERTY_OFFICE',
    'REVITALIZATION_BUREAU',
    'BANK',
    'SELF_REPORTED'
);

--
-- Name: VillageRole; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public."VillageRole" AS ENUM (
    'TARGET',
    'HOST'
);

--
-- Name: dishui_add_borrowers(integer[], integer[], integer[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_add_borrowers(region integer[], enterprise integer[], n integer[]) RETURNS void
    LANGUAGE sql
    AS $$
  INSERT INTO "LoanBorrowerRollup" AS u ("regionId", "enterpriseId", "loanCount")
  SELECT x.region, x.enterprise, x.n FROM unnest(region, enterprise, n) AS x(region, enterprise, n)
  ORDER BY x.region, x.enterprise
  ON CONFLICT ("regionId", "enterpriseId") DO UPDATE SET "loanCount" = u."loanCount" + EXCLUDED."loanCount";
  DELETE FROM "LoanBorrowerRollup" u USING unnest(region, enterprise, n) AS x(region, enterprise, n)
  WHERE x.n < 0 AND u."loanCount" = 0 AND u."enterpriseId" = x.enterprise AND (u."regionId" = x.region OR (u."regionId" IS NULL AND x.region IS NULL));
$$;

--
-- Name: dishui_add_loan_months(integer[], date[], integer[], numeric[], numeric[], numeric[], numeric[], numeric[], integer[], numeric[], numeric[], numeric[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_add_loan_months(region integer[], month date[], n integer[], contract numeric[], disbursed numeric[], balance numeric[], overdue numeric[], npl numeric[], rated integer[], rate_sum numeric[], rate_balance numeric[], rated_balance numeric[]) RETURNS void
    LANGUAGE sql
    AS $$
  INSERT INTO "LoanMonthRollup" AS u ("regionId", "disbursementMonth", "loanCount", "contractAmount", "disbursedAmount", "outstandingBalance",
    "overduePrincipal", "nonPerformingBalance", "rateCount", "rateSum", "rateTimesBalance", "ratedBalance")
  SELECT x.region, x.month, x.n, COALESCE(x.contract, 0), COALESCE(x.disbursed, 0), COALESCE(x.balance, 0), COALESCE(x.overdue, 0),
    COALESCE(x.npl, 0), x.rated, COALESCE(x.rate_sum, 0), COALESCE(x.rate_balance, 0), COALESCE(x.rated_balance, 0)
  FROM unnest(region, month, n, contract, disbursed, balance, overdue, npl, rated, rate_sum, rate_balance, rated_balance)
    AS x(region, month, n, contract, disbursed, balance, overdue, npl, rated, rate_sum, rate_balance, rated_balance)
  ORDER BY x.region, x.month
  ON CONFLICT ("regionId", "disbursementMonth") DO UPDATE SET
    "loanCount" = u."loanCount" + EXCLUDED."loanCount",
    "contractAmount" = u."contractAmount" + EXCLUDED."contractAmount",
    "disbursedAmount" = u."disbursedAmount" + EXCLUDED."disbursedAmount",
    "outstandingBalance" = u."outstandingBalance" + EXCLUDED."outstandingBalance",
    "overduePrincipal" = u."overduePrincipal" + EXCLUDED."overduePrincipal",
    "nonPerformingBalance" = u."nonPerformingBalance" + EXCLUDED."nonPerformingBalance",
    "rateCount" = u."rateCount" + EXCLUDED."rateCount",
    "rateSum" = u."rateSum" + EXCLUDED."rateSum",
    "rateTimesBalance" = u."rateTimesBalance" + EXCLUDED."rateTimesBalance",
    "ratedBalance" = u."ratedBalance" + EXCLUDED."ratedBalance";
  DELETE FROM "LoanMonthRollup" WHERE "loanCount" = 0;
$$;

--
-- Name: dishui_add_snapshots(integer[], date[], integer[], numeric[], numeric[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_add_snapshots(region integer[], month date[], n integer[], balance numeric[], npl numeric[]) RETURNS void
    LANGUAGE sql
    AS $$
  INSERT INTO "LoanSnapshotRollup" AS u ("regionId", "monthEnd", "loanCount", "outstandingBalance", "nonPerformingBalance")
  SELECT x.region, x.month, x.n, COALESCE(x.balance, 0), COALESCE(x.npl, 0)
  FROM unnest(region, month, n, balance, npl) AS x(region, month, n, balance, npl)
  ORDER BY x.region, x.month
  ON CONFLICT ("regionId", "monthEnd") DO UPDATE SET
    "loanCount" = u."loanCount" + EXCLUDED."loanCount",
    "outstandingBalance" = u."outstandingBalance" + EXCLUDED."outstandingBalance",
    "nonPerformingBalance" = u."nonPerformingBalance" + EXCLUDED."nonPerformingBalance";
  DELETE FROM "LoanSnapshotRollup" WHERE "loanCount" = 0;
$$;

--
-- Name: dishui_audit_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_audit_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION USING
        ERRCODE = 'insufficient_privilege',
        MESSAGE = 'AuditEvent rows are append-only';
END
$$;

--
-- Name: dishui_borrower_rollup(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_borrower_rollup() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF current_setting('dishui.defer_rollups', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM "dishui_add_borrowers"(array_agg(x."regionId"), array_agg(x."enterpriseId"), array_agg(x.n))
    FROM (SELECT n."regionId", n."enterpriseId", count(*)::int AS n FROM new_rows n GROUP BY 1, 2) x;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "dishui_add_borrowers"(array_agg(x."regionId"), array_agg(x."enterpriseId"), array_agg(x.n))
    FROM (SELECT o."regionId", o."enterpriseId", -count(*)::int AS n FROM old_rows o GROUP BY 1, 2) x;
  ELSE
    PERFORM "dishui_add_borrowers"(array_agg(x."regionId"), array_agg(x."enterpriseId"), array_agg(x.n))
    FROM (SELECT d."regionId", d."enterpriseId", sum(d.s)::int AS n
          FROM old_rows o JOIN new_rows n ON n.id = o.id
          CROSS JOIN LATERAL (VALUES (-1, o."regionId", o."enterpriseId"), (1, n."regionId", n."enterpriseId")) AS d(s, "regionId", "enterpriseId")
          WHERE (o."regionId", o."enterpriseId") IS DISTINCT FROM (n."regionId", n."enterpriseId")
          GROUP BY 1, 2) x;
  END IF;
  RETURN NULL;
END $$;

--
-- Name: dishui_campaign_facts_written(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_campaign_facts_written() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  PERFORM "dishui_touch_facts"('loan-facts', ARRAY(
    SELECT lc."loanId" FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "LoanCampaign" lc ON lc."campaignId" = n."id"
    WHERE n."code" IS DISTINCT FROM o."code"));
  RETURN NULL;
END $$;

--
-- Name: dishui_credit_code_valid(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_credit_code_valid(code text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $_$
DECLARE
    alphabet CONSTANT text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
    weights CONSTANT integer[] := ARRAY[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    total integer := 0;
BEGIN
    IF code !~ '^[0-9A-HJ-NPQRTUWXY]{18}$' THEN
        RETURN false;
    END IF;
    FOR i IN 1..17 LOOP
        total := total + (strpos(alphabet, substr(code, i, 1)) - 1) * weights[i];
    END LOOP;
    -- 31 - (sum mod 31), where a result of 31 is written as 0.
    RETURN substr(code, 18, 1) = substr(alphabet, (31 - total % 31) % 31 + 1, 1);
END
$_$;

--
-- Name: dishui_delete_facts(text, integer[], integer[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_delete_facts(fact_kind text, ids integer[], units integer[]) RETURNS void
    LANGUAGE sql
    AS $$
  INSERT INTO "FactChange" AS c ("kind", "factId", "changedAt", "deleted", "orgUnitId")
  SELECT fact_kind, x.id, statement_timestamp(), true, x.unit FROM unnest(ids, units) AS x(id, unit) ORDER BY x.id
  ON CONFLICT ("kind", "factId") DO UPDATE SET "changedAt" = EXCLUDED."changedAt", "deleted" = true, "orgUnitId" = EXCLUDED."orgUnitId";
$$;

--
-- Name: dishui_enterprise_facts_written(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_enterprise_facts_written() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  PERFORM "dishui_touch_facts"('loan-facts', ARRAY(
    SELECT l."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "EnterpriseLoan" l ON l."enterpriseId" = n."id"
    WHERE (n."name", n."nameZh", n."creditCode", n."industrySection", n."industryCode", n."size", n."leadingEnterpriseLevel")
      IS DISTINCT FROM (o."name", o."nameZh", o."creditCode", o."industrySection", o."industryCode", o."size", o."leadingEnterpriseLevel")));
  PERFORM "dishui_touch_facts"('impact-facts', ARRAY(
    SELECT i."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "EnterpriseLoan" l ON l."enterpriseId" = n."id"
    JOIN "ImpactRecord" i ON i."loanId" = l."id" WHERE n."name" IS DISTINCT FROM o."name"));
  RETURN NULL;
END $$;

--
-- Name: dishui_impact_facts_written(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_impact_facts_written() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "dishui_touch_facts"('impact-facts', ARRAY(SELECT n."id" FROM new_rows n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "dishui_touch_facts"('impact-facts', ARRAY(SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE (n.*) IS DISTINCT FROM (o.*)));
  ELSE
    -- A record deleted with its loan (ON DELETE CASCADE) no longer finds the loan: its tombstone
    -- then has no unit, and the deletion feed shows it to every caller (ids only).
    PERFORM "dishui_delete_facts"('impact-facts',
      ARRAY(SELECT o."id" FROM old_rows o ORDER BY o."id"),
      ARRAY(SELECT COALESCE(l."orgUnitId", n."ownerOrgUnitId") FROM old_rows o
            LEFT JOIN "EnterpriseLoan" l ON l."id" = o."loanId" LEFT JOIN "Initiative" n ON n."id" = o."initiativeId" ORDER BY o."id"));
  END IF;
  RETURN NULL;
END $$;

--
-- Name: dishui_industry_section_of(integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_industry_section_of(division integer) RETURNS character
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    SELECT CASE
        WHEN division BETWEEN 1 AND 5 THEN 'A'
        WHEN division BETWEEN 6 AND 12 THEN 'B'
        WHEN division BETWEEN 13 AND 43 THEN 'C'
        WHEN division BETWEEN 44 AND 46 THEN 'D'
        WHEN division BETWEEN 47 AND 50 THEN 'E'
        WHEN division BETWEEN 51 AND 52 THEN 'F'
        WHEN division BETWEEN 53 AND 60 THEN 'G'
        WHEN division BETWEEN 61 AND 62 THEN 'H'
        WHEN division BETWEEN 63 AND 65 THEN 'I'
        WHEN division BETWEEN 66 AND 69 THEN 'J'
        WHEN division = 70 THEN 'K'
        WHEN division BETWEEN 71 AND 72 THEN 'L'
        WHEN division BETWEEN 73 AND 75 THEN 'M'
        WHEN division BETWEEN 76 AND 79 THEN 'N'
        WHEN division BETWEEN 80 AND 82 THEN 'O'
        WHEN division = 83 THEN 'P'
        WHEN division BETWEEN 84 AND 85 THEN 'Q'
        WHEN division BETWEEN 86 AND 90 THEN 'R'
        WHEN division BETWEEN 91 AND 96 THEN 'S'
        WHEN division = 97 THEN 'T'
    END
$$;

--
-- Name: dishui_initiative_facts_written(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_initiative_facts_written() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  PERFORM "dishui_touch_facts"('impact-facts', ARRAY(
    SELECT i."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "ImpactRecord" i ON i."initiativeId" = n."id"
    WHERE (n."code", n."name", n."category", n."ownerOrgUnitId") IS DISTINCT FROM (o."code", o."name", o."category", o."ownerOrgUnitId")));
  RETURN NULL;
END $$;

--
-- Name: dishui_loan_campaign_facts_written(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_loan_campaign_facts_written() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "dishui_touch_facts"('loan-facts', ARRAY(SELECT o."loanId" FROM old_rows o JOIN "EnterpriseLoan" l ON l."id" = o."loanId"));
  ELSE
    PERFORM "dishui_touch_facts"('loan-facts', ARRAY(SELECT n."loanId" FROM new_rows n));
  END IF;
  RETURN NULL;
END $$;

--
-- Name: dishui_loan_facts_written(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_loan_facts_written() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "dishui_touch_facts"('loan-facts', ARRAY(SELECT n."id" FROM new_rows n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "dishui_touch_facts"('loan-facts', ARRAY(SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE (n.*) IS DISTINCT FROM (o.*)));
    PERFORM "dishui_touch_facts"('impact-facts', ARRAY(
      SELECT i."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "ImpactRecord" i ON i."loanId" = n."id"
      WHERE (n."contractNo", n."product", n."regulatoryClass", n."orgUnitId", n."enterpriseId")
        IS DISTINCT FROM (o."contractNo", o."product", o."regulatoryClass", o."orgUnitId", o."enterpriseId")));
  ELSE
    PERFORM "dishui_delete_facts"('loan-facts', ARRAY(SELECT o."id" FROM old_rows o ORDER BY o."id"), ARRAY(SELECT o."orgUnitId" FROM old_rows o ORDER BY o."id"));
  END IF;
  RETURN NULL;
END $$;

--
-- Name: dishui_loan_rollup(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_loan_rollup() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  -- A bulk writer that adds its rows itself at the end (the synthetic seeder, whose concurrent
  -- chunks would otherwise queue on the same rollup rows for their whole transaction) turns the
  -- triggers off for its own transaction only.
  IF current_setting('dishui.defer_rollups', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM "dishui_add_loan_months"(array_agg(x."regionId"), array_agg(x.month), array_agg(x.n), array_agg(x.contract), array_agg(x.disbursed),
      array_agg(x.balance), array_agg(x.overdue), array_agg(x.npl), array_agg(x.rated), array_agg(x.rate_sum), array_agg(x.rate_balance),
      array_agg(x.rated_balance))
    FROM (SELECT d."regionId", d.month, sum(d.s)::int AS n, sum(d.s * d."contractAmount") AS contract, sum(d.s * d."disbursedAmount") AS disbursed,
            sum(d.s * d."outstandingBalance") AS balance, sum(d.s * d."overduePrincipal") AS overdue,
            sum(d.s * d."outstandingBalance") FILTER (WHERE d.npl) AS npl, (count(*) FILTER (WHERE d."effectiveRate" IS NOT NULL AND d.s = 1)
            - count(*) FILTER (WHERE d."effectiveRate" IS NOT NULL AND d.s = -1))::int AS rated, sum(d.s * d."effectiveRate") AS rate_sum,
            sum(d.s * d."effectiveRate" * d."outstandingBalance") AS rate_balance,
            sum(d.s * d."outstandingBalance") FILTER (WHERE d."effectiveRate" IS NOT NULL) AS rated_balance
          FROM (SELECT 1 AS s, n."regionId", date_trunc('month', n."firstDisbursementDate"::timestamp)::date, n."contractAmount", n."disbursedAmount", n."outstandingBalance", n."overduePrincipal", n."effectiveRate", COALESCE(n."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS'), false) FROM new_rows n) AS d(s, "regionId", month, "contractAmount", "disbursedAmount", "outstandingBalance", "overduePrincipal", "effectiveRate", npl)
          GROUP BY d."regionId", d.month) x;
    PERFORM "dishui_merge_new_loans"(array_agg(p."regionId"), array_agg(p.month), array_agg(p."enterpriseId"), array_agg(p.n), array_agg(p.min_rate), array_agg(p.max_rate))
    FROM (SELECT n."regionId", date_trunc('month', n."firstDisbursementDate"::timestamp)::date AS month, n."enterpriseId", count(*)::int AS n,
            min(n."effectiveRate") AS min_rate, max(n."effectiveRate") AS max_rate
          FROM new_rows n GROUP BY 1, 2, 3) p;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "dishui_add_loan_months"(array_agg(x."regionId"), array_agg(x.month), array_agg(x.n), array_agg(x.contract), array_agg(x.disbursed),
      array_agg(x.balance), array_agg(x.overdue), array_agg(x.npl), array_agg(x.rated), array_agg(x.rate_sum), array_agg(x.rate_balance),
      array_agg(x.rated_balance))
    FROM (SELECT d."regionId", d.month, sum(d.s)::int AS n, sum(d.s * d."contractAmount") AS contract, sum(d.s * d."disbursedAmount") AS disbursed,
            sum(d.s * d."outstandingBalance") AS balance, sum(d.s * d."overduePrincipal") AS overdue,
            sum(d.s * d."outstandingBalance") FILTER (WHERE d.npl) AS npl, (count(*) FILTER (WHERE d."effectiveRate" IS NOT NULL AND d.s = 1)
            - count(*) FILTER (WHERE d."effectiveRate" IS NOT NULL AND d.s = -1))::int AS rated, sum(d.s * d."effectiveRate") AS rate_sum,
            sum(d.s * d."effectiveRate" * d."outstandingBalance") AS rate_balance,
            sum(d.s * d."outstandingBalance") FILTER (WHERE d."effectiveRate" IS NOT NULL) AS rated_balance
          FROM (SELECT -1 AS s, o."regionId", date_trunc('month', o."firstDisbursementDate"::timestamp)::date, o."contractAmount", o."disbursedAmount", o."outstandingBalance", o."overduePrincipal", o."effectiveRate", COALESCE(o."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS'), false) FROM old_rows o) AS d(s, "regionId", month, "contractAmount", "disbursedAmount", "outstandingBalance", "overduePrincipal", "effectiveRate", npl)
          GROUP BY d."regionId", d.month) x;
    PERFORM "dishui_recount_loan_months"(array_agg(c."regionId"), array_agg(c.month))
    FROM (SELECT DISTINCT o."regionId", date_trunc('month', o."firstDisbursementDate"::timestamp)::date AS month FROM old_rows o) c;
  ELSE
    -- Only changes of the columns the rollup reads count: most updates change none of them. A new
    -- borrower changes no sum but its cell's borrower count: its cell is upserted with zero deltas
    -- and recounted.
    PERFORM "dishui_add_loan_months"(array_agg(x."regionId"), array_agg(x.month), array_agg(x.n), array_agg(x.contract), array_agg(x.disbursed),
      array_agg(x.balance), array_agg(x.overdue), array_agg(x.npl), array_agg(x.rated), array_agg(x.rate_sum), array_agg(x.rate_balance),
      array_agg(x.rated_balance))
    FROM (SELECT d."regionId", d.month, sum(d.s)::int AS n, sum(d.s * d."contractAmount") AS contract, sum(d.s * d."disbursedAmount") AS disbursed,
            sum(d.s * d."outstandingBalance") AS balance, sum(d.s * d."overduePrincipal") AS overdue,
            sum(d.s * d."outstandingBalance") FILTER (WHERE d.npl) AS npl, (count(*) FILTER (WHERE d."effectiveRate" IS NOT NULL AND d.s = 1)
            - count(*) FILTER (WHERE d."effectiveRate" IS NOT NULL AND d.s = -1))::int AS rated, sum(d.s * d."effectiveRate") AS rate_sum,
            sum(d.s * d."effectiveRate" * d."outstandingBalance") AS rate_balance,
            sum(d.s * d."outstandingBalance") FILTER (WHERE d."effectiveRate" IS NOT NULL) AS rated_balance
          FROM (SELECT x.* FROM old_rows o JOIN new_rows n ON n.id = o.id
            CROSS JOIN LATERAL (VALUES (-1, o."regionId", date_trunc('month', o."firstDisbursementDate"::timestamp)::date, o."contractAmount", o."disbursedAmount", o."outstandingBalance", o."overduePrincipal", o."effectiveRate", COALESCE(o."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS'), false)), (1, n."regionId", date_trunc('month', n."firstDisbursementDate"::timestamp)::date, n."contractAmount", n."disbursedAmount", n."outstandingBalance", n."overduePrincipal", n."effectiveRate", COALESCE(n."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS'), false))) AS x(s, "regionId", month, "contractAmount", "disbursedAmount", "outstandingBalance", "overduePrincipal", "effectiveRate", npl)
            WHERE (o."regionId", o."firstDisbursementDate", o."contractAmount", o."disbursedAmount", o."outstandingBalance", o."overduePrincipal",
                 o."effectiveRate", o."riskClass", o."enterpriseId") IS DISTINCT FROM (n."regionId", n."firstDisbursementDate", n."contractAmount", n."disbursedAmount",
                 n."outstandingBalance", n."overduePrincipal", n."effectiveRate", n."riskClass", n."enterpriseId")) AS d(s, "regionId", month, "contractAmount", "disbursedAmount", "outstandingBalance", "overduePrincipal", "effectiveRate", npl)
          GROUP BY d."regionId", d.month) x;
    -- The cells a changed loan left and entered are recounted (borrowers, extremes).
    PERFORM "dishui_recount_loan_months"(array_agg(c."regionId"), array_agg(c.month))
    FROM (SELECT DISTINCT m."regionId", m.month FROM old_rows o JOIN new_rows n ON n.id = o.id
            CROSS JOIN LATERAL (VALUES (o."regionId", date_trunc('month', o."firstDisbursementDate"::timestamp)::date),
              (n."regionId", date_trunc('month', n."firstDisbursementDate"::timestamp)::date)) AS m("regionId", month)
          WHERE (o."regionId", o."firstDisbursementDate", o."effectiveRate", o."enterpriseId")
            IS DISTINCT FROM (n."regionId", n."firstDisbursementDate", n."effectiveRate", n."enterpriseId")) c;
    -- A loan whose region changed takes its snapshots to the new region's series.
    PERFORM "dishui_add_snapshots"(array_agg(x."regionId"), array_agg(x."monthEnd"), array_agg(x.n), array_agg(x.balance), array_agg(x.npl))
    FROM (SELECT d."regionId", d."monthEnd", sum(d.s)::int AS n, sum(d.s * d."outstandingBalance") AS balance,
            sum(d.s * d."outstandingBalance") FILTER (WHERE d."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')) AS npl
          FROM (SELECT m.s, m."regionId", sn."monthEnd", sn."outstandingBalance", sn."riskClass"::text AS "riskClass"
            FROM old_rows o JOIN new_rows n ON n.id = o.id AND n."regionId" IS DISTINCT FROM o."regionId"
            CROSS JOIN LATERAL (VALUES (-1, o."regionId"), (1, n."regionId")) AS m(s, "regionId")
            JOIN "LoanClassificationSnapshot" sn ON sn."loanId" = n.id) d GROUP BY d."regionId", d."monthEnd") x;
  END IF;
  RETURN NULL;
END $$;

--
-- Name: dishui_loan_snapshots_out(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_loan_snapshots_out() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF current_setting('dishui.defer_rollups', true) = 'on' THEN
    RETURN OLD;
  END IF;
  IF EXISTS (SELECT 1 FROM "LoanClassificationSnapshot" WHERE "loanId" = OLD.id) THEN
    PERFORM "dishui_add_snapshots"(array_agg(x."regionId"), array_agg(x."monthEnd"), array_agg(x.n), array_agg(x.balance), array_agg(x.npl))
    FROM (SELECT d."regionId", d."monthEnd", sum(d.s)::int AS n, sum(d.s * d."outstandingBalance") AS balance,
            sum(d.s * d."outstandingBalance") FILTER (WHERE d."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')) AS npl
          FROM (SELECT -1 AS s, OLD."regionId" AS "regionId", sn."monthEnd", sn."outstandingBalance", sn."riskClass"::text AS "riskClass"
            FROM "LoanClassificationSnapshot" sn WHERE sn."loanId" = OLD.id) d GROUP BY d."regionId", d."monthEnd") x;
  END IF;
  RETURN OLD;
END $$;

--
-- Name: dishui_merge_new_loans(integer[], date[], integer[], integer[], numeric[], numeric[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_merge_new_loans(region integer[], month date[], enterprise integer[], n integer[], min_rate numeric[], max_rate numeric[]) RETURNS void
    LANGUAGE sql
    AS $$
  UPDATE "LoanMonthRollup" u SET "borrowerCount" = u."borrowerCount" + c.borrowers, "minRate" = least(u."minRate", c.min_rate),
    "maxRate" = greatest(u."maxRate", c.max_rate)
  FROM (SELECT p.region, p.month, min(p.min_rate) AS min_rate, max(p.max_rate) AS max_rate,
          (count(*) FILTER (WHERE p.n = (SELECT count(*) FROM "EnterpriseLoan" e WHERE e."enterpriseId" = p.enterprise
            AND e."regionId" IS NOT DISTINCT FROM p.region
            AND date_trunc('month', e."firstDisbursementDate"::timestamp)::date IS NOT DISTINCT FROM p.month)))::int AS borrowers
        FROM unnest(region, month, enterprise, n, min_rate, max_rate) AS p(region, month, enterprise, n, min_rate, max_rate)
        GROUP BY 1, 2) c
  WHERE COALESCE(u."regionId", -1) = COALESCE(c.region, -1) AND COALESCE(u."disbursementMonth", '-infinity') = COALESCE(c.month, '-infinity');
$$;

--
-- Name: dishui_org_unit_facts_written(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_org_unit_facts_written() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  PERFORM "dishui_touch_facts"('loan-facts', ARRAY(
    SELECT l."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "EnterpriseLoan" l ON l."orgUnitId" = n."id"
    WHERE (n."code", n."name", n."nameZh") IS DISTINCT FROM (o."code", o."name", o."nameZh")));
  -- Two joins, not one with OR: each is served by its foreign-key index.
  PERFORM "dishui_touch_facts"('impact-facts', ARRAY(
    SELECT i."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    JOIN "EnterpriseLoan" l ON l."orgUnitId" = n."id" JOIN "ImpactRecord" i ON i."loanId" = l."id"
    WHERE (n."code", n."name") IS DISTINCT FROM (o."code", o."name")
    UNION ALL
    SELECT i."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    JOIN "Initiative" t ON t."ownerOrgUnitId" = n."id" JOIN "ImpactRecord" i ON i."initiativeId" = t."id"
    WHERE (n."code", n."name") IS DISTINCT FROM (o."code", o."name")));
  RETURN NULL;
END $$;

--
-- Name: dishui_org_unit_path(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_org_unit_path() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
  "parentPath" text;
BEGIN
  IF NEW."parentId" IS NULL THEN
    NEW."path" := '/' || NEW."id" || '/';
    RETURN NEW;
  END IF;
  SELECT p."path" INTO "parentPath" FROM "OrgUnit" p WHERE p."id" = NEW."parentId";
  IF NEW."parentId" = NEW."id" OR strpos("parentPath", '/' || NEW."id" || '/') > 0 THEN
    RAISE EXCEPTION 'org unit % cannot be placed below its own subtree (unit %)', NEW."id", NEW."parentId"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  -- A missing parent is the foreign key's to refuse; the path then only needs to be well formed.
  NEW."path" := COALESCE("parentPath", '/') || NEW."id" || '/';
  RETURN NEW;
END $$;

--
-- Name: dishui_org_unit_path_moved(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_org_unit_path_moved() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  UPDATE "OrgUnit" SET "path" = NEW."path" WHERE "parentId" = NEW."id";
  RETURN NULL;
END $$;

--
-- Name: dishui_recount_loan_months(integer[], date[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_recount_loan_months(region integer[], month date[]) RETURNS void
    LANGUAGE sql
    AS $$
  UPDATE "LoanMonthRollup" u SET "borrowerCount" = c.borrowers, "minRate" = c.min_rate, "maxRate" = c.max_rate
  FROM (SELECT k.region, k.month, a.borrowers, a.min_rate, a.max_rate
    FROM (SELECT DISTINCT x.region, x.month FROM unnest(region, month) AS x(region, month)) k
    CROSS JOIN LATERAL (SELECT count(DISTINCT l."enterpriseId")::int AS borrowers, min(l."effectiveRate") AS min_rate, max(l."effectiveRate") AS max_rate
      FROM (SELECT e."enterpriseId", e."effectiveRate" FROM "EnterpriseLoan" e
              WHERE e."regionId" = k.region AND e."firstDisbursementDate" >= k.month AND e."firstDisbursementDate" < (k.month + interval '1 month')::date
            UNION ALL SELECT e."enterpriseId", e."effectiveRate" FROM "EnterpriseLoan" e
              WHERE k.month IS NULL AND e."regionId" = k.region AND e."firstDisbursementDate" IS NULL
            UNION ALL SELECT e."enterpriseId", e."effectiveRate" FROM "EnterpriseLoan" e
              WHERE k.region IS NULL AND e."regionId" IS NULL AND e."firstDisbursementDate" >= k.month AND e."firstDisbursementDate" < (k.month + interval '1 month')::date
            UNION ALL SELECT e."enterpriseId", e."effectiveRate" FROM "EnterpriseLoan" e
              WHERE k.region IS NULL AND k.month IS NULL AND e."regionId" IS NULL AND e."firstDisbursementDate" IS NULL) l) a) c
  WHERE COALESCE(u."regionId", -1) = COALESCE(c.region, -1) AND COALESCE(u."disbursementMonth", '-infinity') = COALESCE(c.month, '-infinity');
$$;

--
-- Name: dishui_refresh_loan_rollups(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_refresh_loan_rollups() RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
  LOCK TABLE "EnterpriseLoan", "LoanClassificationSnapshot" IN SHARE MODE;
  LOCK TABLE "LoanMonthRollup", "LoanBorrowerRollup", "LoanSnapshotRollup" IN EXCLUSIVE MODE;
  DELETE FROM "LoanMonthRollup";
  INSERT INTO "LoanMonthRollup" ("regionId", "disbursementMonth", "loanCount", "contractAmount", "disbursedAmount", "outstandingBalance",
    "overduePrincipal", "nonPerformingBalance", "rateCount", "rateSum", "rateTimesBalance", "ratedBalance", "borrowerCount", "minRate", "maxRate")
  SELECT l."regionId", date_trunc('month', l."firstDisbursementDate"::timestamp)::date, count(*)::int,
    COALESCE(sum(l."contractAmount"), 0), COALESCE(sum(l."disbursedAmount"), 0), COALESCE(sum(l."outstandingBalance"), 0),
    COALESCE(sum(l."overduePrincipal"), 0),
    COALESCE(sum(l."outstandingBalance") FILTER (WHERE l."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')), 0),
    count(l."effectiveRate")::int, COALESCE(sum(l."effectiveRate"), 0), COALESCE(sum(l."effectiveRate" * l."outstandingBalance"), 0),
    COALESCE(sum(l."outstandingBalance") FILTER (WHERE l."effectiveRate" IS NOT NULL), 0),
    count(DISTINCT l."enterpriseId")::int, min(l."effectiveRate"), max(l."effectiveRate")
  FROM "EnterpriseLoan" l
  GROUP BY 1, 2 ORDER BY 1, 2;
  DELETE FROM "LoanBorrowerRollup";
  INSERT INTO "LoanBorrowerRollup" ("regionId", "enterpriseId", "loanCount")
  SELECT l."regionId", l."enterpriseId", count(*)::int FROM "EnterpriseLoan" l GROUP BY 1, 2 ORDER BY 1, 2;
  DELETE FROM "LoanSnapshotRollup";
  INSERT INTO "LoanSnapshotRollup" ("regionId", "monthEnd", "loanCount", "outstandingBalance", "nonPerformingBalance")
  SELECT l."regionId", s."monthEnd", count(*)::int, COALESCE(sum(s."outstandingBalance"), 0),
    COALESCE(sum(s."outstandingBalance") FILTER (WHERE s."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')), 0)
  FROM "LoanClassificationSnapshot" s JOIN "EnterpriseLoan" l ON l.id = s."loanId"
  GROUP BY 1, 2 ORDER BY 1, 2;
END $$;

--
-- Name: dishui_region_facts_written(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_region_facts_written() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
  codes text[] := ARRAY(
    SELECT DISTINCT v.c FROM new_rows n JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."code"), (o."code")) v(c)
    WHERE (n."code", n."name", n."level", n."povertyTier") IS DISTINCT FROM (o."code", o."name", o."level", o."povertyTier"));
BEGIN
  IF cardinality(codes) > 0 THEN
    PERFORM "dishui_touch_facts"('loan-facts', ARRAY(
      SELECT l."id" FROM "Region" r JOIN unnest(codes) x(c) ON r."code" LIKE x.c || '%' JOIN "EnterpriseLoan" l ON l."regionId" = r."id"));
    PERFORM "dishui_touch_facts"('impact-facts', ARRAY(
      SELECT i."id" FROM "Region" r JOIN unnest(codes) x(c) ON r."code" LIKE x.c || '%' JOIN "ImpactRecord" i ON i."regionId" = r."id"));
  END IF;
  RETURN NULL;
END $$;

--
-- Name: dishui_region_tree_check(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_region_tree_check() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    levels CONSTANT "RegionLevel"[] := enum_range(NULL::"RegionLevel");
    parent "Region"%ROWTYPE;
    child "Region"%ROWTYPE;
BEGIN
    IF NEW."parentId" IS NOT NULL THEN
        SELECT * INTO parent FROM "Region" WHERE "id" = NEW."parentId";
        -- A missing parent is left to the foreign key, which reports it better.
        IF FOUND OR NEW."parentId" = NEW."id" THEN
            IF NEW."parentId" = NEW."id"
                OR array_position(levels, NEW."level") - array_position(levels, parent."level") <> 1 THEN
                RAISE EXCEPTION USING
                    ERRCODE = 'check_violation',
                    CONSTRAINT = 'Region_parent_one_level_up_check',
                    TABLE = 'Region',
                    MESSAGE = format('Region %s (%s) cannot have parent %s (%s): a region''s parent must be exactly one level up',
                        NEW."code", NEW."level", coalesce(parent."code", NEW."code"), coalesce(parent."level", NEW."level"));
            END IF;
            IF left(NEW."code", length(parent."code")) <> parent."code" THEN
                RAISE EXCEPTION USING
                    ERRCODE = 'check_violation',
                    CONSTRAINT = 'Region_code_extends_parent_check',
                    TABLE = 'Region',
                    MESSAGE = format('Region code %s must start with its parent''s code %s', NEW."code", parent."code");
            END IF;
        END IF;
    END IF;
    -- A new code must not strand the children. (A new level always breaks a rule of the region
    -- itself already: its own parent's, or that only a province is a root.)
    IF TG_OP = 'UPDATE' AND NEW."code" <> OLD."code" THEN
        SELECT * INTO child FROM "Region"
        WHERE "parentId" = NEW."id" AND left("code", length(NEW."code")) <> NEW."code"
        LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION USING
                ERRCODE = 'check_violation',
                CONSTRAINT = 'Region_code_extends_parent_check',
                TABLE = 'Region',
                MESSAGE = format('Region %s cannot take code %s: its child %s must start with its parent''s code',
                    OLD."code", NEW."code", child."code");
        END IF;
    END IF;
    RETURN NEW;
END
$$;

--
-- Name: dishui_rollup_loans(integer, integer, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_rollup_loans(lo integer, hi integer, c_lo text, c_hi text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
  PERFORM "dishui_add_loan_months"(array_agg(x."regionId"), array_agg(x.month), array_agg(x.n), array_agg(x.contract), array_agg(x.disbursed),
      array_agg(x.balance), array_agg(x.overdue), array_agg(x.npl), array_agg(x.rated), array_agg(x.rate_sum), array_agg(x.rate_balance),
      array_agg(x.rated_balance))
  FROM (SELECT l."regionId", date_trunc('month', l."firstDisbursementDate"::timestamp)::date AS month, count(*)::int AS n,
          sum(l."contractAmount") AS contract, sum(l."disbursedAmount") AS disbursed, sum(l."outstandingBalance") AS balance,
          sum(l."overduePrincipal") AS overdue, sum(l."outstandingBalance") FILTER (WHERE l."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')) AS npl,
          count(l."effectiveRate")::int AS rated, sum(l."effectiveRate") AS rate_sum, sum(l."effectiveRate" * l."outstandingBalance") AS rate_balance,
          sum(l."outstandingBalance") FILTER (WHERE l."effectiveRate" IS NOT NULL) AS rated_balance
        FROM "EnterpriseLoan" l WHERE l.id BETWEEN lo AND hi AND l."contractNo" BETWEEN c_lo AND c_hi
        GROUP BY 1, 2) x;
  PERFORM "dishui_merge_new_loans"(array_agg(p."regionId"), array_agg(p.month), array_agg(p."enterpriseId"), array_agg(p.n), array_agg(p.min_rate), array_agg(p.max_rate))
  FROM (SELECT l."regionId", date_trunc('month', l."firstDisbursementDate"::timestamp)::date AS month, l."enterpriseId", count(*)::int AS n,
          min(l."effectiveRate") AS min_rate, max(l."effectiveRate") AS max_rate
        FROM "EnterpriseLoan" l WHERE l.id BETWEEN lo AND hi AND l."contractNo" BETWEEN c_lo AND c_hi
        GROUP BY 1, 2, 3) p;
  PERFORM "dishui_add_borrowers"(array_agg(p."regionId"), array_agg(p."enterpriseId"), array_agg(p.n))
  FROM (SELECT l."regionId", l."enterpriseId", count(*)::int AS n FROM "EnterpriseLoan" l
        WHERE l.id BETWEEN lo AND hi AND l."contractNo" BETWEEN c_lo AND c_hi GROUP BY 1, 2) p;
  PERFORM "dishui_add_snapshots"(array_agg(x."regionId"), array_agg(x."monthEnd"), array_agg(x.n), array_agg(x.balance), array_agg(x.npl))
  FROM (SELECT l."regionId", s."monthEnd", count(*)::int AS n, sum(s."outstandingBalance") AS balance,
          sum(s."outstandingBalance") FILTER (WHERE s."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')) AS npl
        FROM "EnterpriseLoan" l JOIN "LoanClassificationSnapshot" s ON s."loanId" = l.id
        WHERE l.id BETWEEN lo AND hi AND l."contractNo" BETWEEN c_lo AND c_hi AND s."loanId" BETWEEN lo AND hi
        GROUP BY 1, 2) x;
END $$;

--
-- Name: dishui_snapshot_rollup(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_snapshot_rollup() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  -- A bulk writer that adds its rows itself at the end (the synthetic seeder, whose concurrent
  -- chunks would otherwise queue on the same rollup rows for their whole transaction) turns the
  -- triggers off for its own transaction only.
  IF current_setting('dishui.defer_rollups', true) = 'on' THEN
    RETURN NULL;
  END IF;
  -- Snapshots of a loan being deleted were taken off by the loan's BEFORE DELETE trigger: the
  -- join to the loan drops them here.
  IF TG_OP = 'INSERT' THEN
    PERFORM "dishui_add_snapshots"(array_agg(x."regionId"), array_agg(x."monthEnd"), array_agg(x.n), array_agg(x.balance), array_agg(x.npl))
    FROM (SELECT d."regionId", d."monthEnd", sum(d.s)::int AS n, sum(d.s * d."outstandingBalance") AS balance,
            sum(d.s * d."outstandingBalance") FILTER (WHERE d."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')) AS npl
          FROM (SELECT 1 AS s, l."regionId", n."monthEnd", n."outstandingBalance", n."riskClass"::text AS "riskClass" FROM new_rows n JOIN "EnterpriseLoan" l ON l.id = n."loanId") d GROUP BY d."regionId", d."monthEnd") x;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "dishui_add_snapshots"(array_agg(x."regionId"), array_agg(x."monthEnd"), array_agg(x.n), array_agg(x.balance), array_agg(x.npl))
    FROM (SELECT d."regionId", d."monthEnd", sum(d.s)::int AS n, sum(d.s * d."outstandingBalance") AS balance,
            sum(d.s * d."outstandingBalance") FILTER (WHERE d."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')) AS npl
          FROM (SELECT -1 AS s, l."regionId", o."monthEnd", o."outstandingBalance", o."riskClass"::text AS "riskClass" FROM old_rows o JOIN "EnterpriseLoan" l ON l.id = o."loanId") d GROUP BY d."regionId", d."monthEnd") x;
  ELSE
    PERFORM "dishui_add_snapshots"(array_agg(x."regionId"), array_agg(x."monthEnd"), array_agg(x.n), array_agg(x.balance), array_agg(x.npl))
    FROM (SELECT d."regionId", d."monthEnd", sum(d.s)::int AS n, sum(d.s * d."outstandingBalance") AS balance,
            sum(d.s * d."outstandingBalance") FILTER (WHERE d."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')) AS npl
          FROM (SELECT -1 AS s, l."regionId", o."monthEnd", o."outstandingBalance", o."riskClass"::text AS "riskClass" FROM old_rows o JOIN "EnterpriseLoan" l ON l.id = o."loanId" UNION ALL SELECT 1 AS s, l."regionId", n."monthEnd", n."outstandingBalance", n."riskClass"::text AS "riskClass" FROM new_rows n JOIN "EnterpriseLoan" l ON l.id = n."loanId") d GROUP BY d."regionId", d."monthEnd") x;
  END IF;
  RETURN NULL;
END $$;

--
-- Name: dishui_touch_facts(text, integer[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_touch_facts(fact_kind text, ids integer[]) RETURNS void
    LANGUAGE sql
    AS $$
  INSERT INTO "FactChange" AS c ("kind", "factId", "changedAt")
  SELECT fact_kind, x.id, statement_timestamp() FROM (SELECT DISTINCT unnest(ids) AS id) x WHERE x.id IS NOT NULL ORDER BY x.id
  ON CONFLICT ("kind", "factId") DO UPDATE SET "changedAt" = EXCLUDED."changedAt"
  WHERE c."changedAt" IS DISTINCT FROM EXCLUDED."changedAt" AND NOT c."deleted";
$$;

--
-- Name: dishui_village_region_check(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.dishui_village_region_check() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    county "Region"%ROWTYPE;
    township "Region"%ROWTYPE;
    enclosing text;
BEGIN
    SELECT * INTO county FROM "Region" WHERE "id" = NEW."countyId";
    -- A missing county or township is left to the foreign key.
    IF FOUND AND county."level" <> 'COUNTY' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'check_violation',
            CONSTRAINT = 'Village_county_is_county_check',
            TABLE = 'Village',
            MESSAGE = format('Village %s: region %s is a %s, not a county', NEW."name", county."code", county."level");
    END IF;
    IF NEW."townshipId" IS NOT NULL THEN
        SELECT * INTO township FROM "Region" WHERE "id" = NEW."townshipId";
        IF FOUND AND (township."level" <> 'TOWNSHIP' OR township."parentId" IS DISTINCT FROM NEW."countyId") THEN
            RAISE EXCEPTION USING
                ERRCODE = 'check_violation',
                CONSTRAINT = 'Village_township_in_county_check',
                TABLE = 'Village',
                MESSAGE = format('Village %s: region %s (%s) is not a township of county %s',
                    NEW."name", township."code", township."level", coalesce(county."code", NEW."countyId"::text));
        END IF;
    END IF;
    enclosing := coalesce(township."code", county."code");
    IF NEW."code" IS NOT NULL AND enclosing IS NOT NULL AND left(NEW."code", length(enclosing)) <> enclosing THEN
        RAISE EXCEPTION USING
            ERRCODE = 'check_violation',
            CONSTRAINT = 'Village_code_extends_region_check',
            TABLE = 'Village',
            MESSAGE = format('Village code %s must start with the code %s of its township or county', NEW."code", enclosing);
    END IF;
    RETURN NEW;
END
$$;

--
-- Name: ApiKey; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."ApiKey" (
    id integer NOT NULL,
    label character varying(128) NOT NULL,
    roles text[],
    "orgUnitId" integer,
    prefix character varying(16) NOT NULL,
    "keyHash" character(64) NOT NULL,
    "expiresAt" timestamp(3) with time zone,
    "revokedAt" timestamp(3) with time zone,
    "lastUsedAt" timestamp(3) with time zone,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);

--
-- Name: ApiKey_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."ApiKey_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: ApiKey_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."ApiKey_id_seq" OWNED BY public."ApiKey".id;

--
-- Name: AuditEvent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."AuditEvent" (
    id integer NOT NULL,
    "actorId" character varying(128) NOT NULL,
    "actorRole" character varying(64) NOT NULL,
    "actorOrgUnitId" integer,
    operation character varying(64) NOT NULL,
    "entityType" character varying(64) NOT NULL,
    "entityId" character varying(64) NOT NULL,
    before jsonb,
    after jsonb,
    "requestId" character varying(128),
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);

--
-- Name: AuditEvent_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."AuditEvent_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: AuditEvent_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."AuditEvent_id_seq" OWNED BY public."AuditEvent".id;

--
-- Name: CadreAssignment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."CadreAssignment" (
    id integer NOT NULL,
    "initiativeId" integer NOT NULL,
    "villageId" integer NOT NULL,
    role public."CadreRole" NOT NULL,
    "partyMember" boolean NOT NULL,
    "staffRef" character varying(64) NOT NULL,
    "startDate" date,
    "endDate" date,
    note text,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL,
    CONSTRAINT "CadreAssignment_dates_ordered_check" CHECK (("endDate" >= "startDate"))
);

--
-- Name: CadreAssignment_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."CadreAssignment_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: CadreAssignment_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."CadreAssignment_id_seq" OWNED BY public."CadreAssignment".id;

--
-- Name: Campaign; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."Campaign" (
    id integer NOT NULL,
    code character varying(32) NOT NULL,
    name text NOT NULL,
    "nameEn" text,
    aliases text[] DEFAULT ARRAY[]::text[],
    sponsor text,
    theme text,
    "startDate" date,
    "endDate" date,
    note text,
    version integer DEFAULT 1 NOT NULL,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL,
    CONSTRAINT "Campaign_dates_ordered_check" CHECK (("endDate" >= "startDate"))
);

--
-- Name: Campaign_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."Campaign_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: Campaign_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."Campaign_id_seq" OWNED BY public."Campaign".id;

--
-- Name: Enterprise; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."Enterprise" (
    id integer NOT NULL,
    name text NOT NULL,
    "nameZh" text,
    anonymised boolean DEFAULT false NOT NULL,
    "creditCode" character(18),
    "industrySection" character(1),
    "industryCode" character varying(5),
    size public."EnterpriseSize",
    "leadingEnterpriseLevel" public."LeadingEnterpriseLevel" DEFAULT 'NONE'::public."LeadingEnterpriseLevel" NOT NULL,
    "headOfficeRegionId" integer,
    note text,
    version integer DEFAULT 1 NOT NULL,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL,
    CONSTRAINT "Enterprise_creditCode_check_digit_check" CHECK ((("creditCode" !~ '^[0-9A-HJ-NPQRTUWXY]{18}$'::text) OR public.dishui_credit_code_valid(("creditCode")::text))),
    CONSTRAINT "Enterprise_creditCode_format_check" CHECK (("creditCode" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'::text)),
    CONSTRAINT "Enterprise_industryCode_format_check" CHECK ((("industryCode")::text ~ '^[0-9]{2,4}$'::text)),
    CONSTRAINT "Enterprise_industryCode_matches_section_check" CHECK (((("industryCode")::text !~ '^[0-9]{2,4}$'::text) OR ("industrySection" IS NULL) OR (NOT (public.dishui_industry_section_of((substr(("industryCode")::text, 1, 2))::integer) IS DISTINCT FROM "industrySection")))),
    CONSTRAINT "Enterprise_industrySection_letter_check" CHECK (("industrySection" ~ '^[A-T]$'::text))
);

--
-- Name: EnterpriseLoan; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."EnterpriseLoan" (
    id integer NOT NULL,
    "contractNo" character varying(40) NOT NULL,
    "enterpriseId" integer NOT NULL,
    "orgUnitId" integer NOT NULL,
    "siteId" integer,
    "regionId" integer,
    product public."LoanProduct" NOT NULL,
    "regulatoryClass" public."RegulatoryClass" NOT NULL,
    "policyRegime" public."PolicyRegime" NOT NULL,
    "financingModel" public."FinancingModel",
    guarantee public."GuaranteeType",
    "rateType" public."RateType",
    "lprTenor" public."LprTenor",
    "lprAtPricing" numeric(9,6),
    "spreadBps" integer,
    "effectiveRate" numeric(9,6),
    "interestSubsidyRate" numeric(9,6),
    "repaymentMethod" public."RepaymentMethod",
    "contractAmount" numeric(18,2),
    "disbursedAmount" numeric(18,2),
    "outstandingBalance" numeric(18,2),
    "overduePrincipal" numeric(18,2),
    "overdueInterest" numeric(18,2),
    "daysPastDue" integer,
    "contractDate" date,
    "firstDisbursementDate" date,
    "maturityDate" date,
    "termMonths" integer,
    "deferredUntil" date,
    status public."LoanStatus" NOT NULL,
    "riskClass" public."RiskClass",
    "supportSector" public."SupportSector",
    illustrative boolean DEFAULT false NOT NULL,
    note text,
    version integer DEFAULT 1 NOT NULL,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL,
    CONSTRAINT "EnterpriseLoan_balance_within_contract_check" CHECK (("outstandingBalance" <= "contractAmount")),
    CONSTRAINT "EnterpriseLoan_balance_within_disbursed_check" CHECK (("outstandingBalance" <= "disbursedAmount")),
    CONSTRAINT "EnterpriseLoan_contractAmount_nonnegative_check" CHECK (("contractAmount" >= (0)::numeric)),
    CONSTRAINT "EnterpriseLoan_daysPastDue_nonnegative_check" CHECK (("daysPastDue" >= 0)),
    CONSTRAINT "EnterpriseLoan_disbursedAmount_nonnegative_check" CHECK (("disbursedAmount" >= (0)::numeric)),
    CONSTRAINT "EnterpriseLoan_disbursed_within_contract_check" CHECK (("disbursedAmount" <= "contractAmount")),
    CONSTRAINT "EnterpriseLoan_disbursement_after_contract_check" CHECK (("firstDisbursementDate" >= "contractDate")),
    CONSTRAINT "EnterpriseLoan_effectiveRate_range_check" CHECK ((("effectiveRate" >= (0)::numeric) AND ("effectiveRate" < (1)::numeric))),
    CONSTRAINT "EnterpriseLoan_interestSubsidyRate_range_check" CHECK ((("interestSubsidyRate" >= (0)::numeric) AND ("interestSubsidyRate" < (1)::numeric))),
    CONSTRAINT "EnterpriseLoan_lprAtPricing_range_check" CHECK ((("lprAtPricing" > (0)::numeric) AND ("lprAtPricing" < (1)::numeric))),
    CONSTRAINT "EnterpriseLoan_maturity_after_contract_check" CHECK (("maturityDate" > "contractDate")),
    CONSTRAINT "EnterpriseLoan_outstandingBalance_nonnegative_check" CHECK (("outstandingBalance" >= (0)::numeric)),
    CONSTRAINT "EnterpriseLoan_overdueInterest_nonnegative_check" CHECK (("overdueInterest" >= (0)::numeric)),
    CONSTRAINT "EnterpriseLoan_overduePrincipal_nonnegative_check" CHECK (("overduePrincipal" >= (0)::numeric)),
    CONSTRAINT "EnterpriseLoan_overdue_within_balance_check" CHECK (("overduePrincipal" <= "outstandingBalance")),
    CONSTRAINT "EnterpriseLoan_repaid_needs_zero_balance_check" CHECK (((status <> 'REPAID'::public."LoanStatus") OR COALESCE(("outstandingBalance" = (0)::numeric), false))),
    CONSTRAINT "EnterpriseLoan_termMonths_positive_check" CHECK (("termMonths" > 0))
);

--
-- Name: EnterpriseLoan_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."EnterpriseLoan_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: EnterpriseLoan_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."EnterpriseLoan_id_seq" OWNED BY public."EnterpriseLoan".id;

--
-- Name: EnterpriseSite; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."EnterpriseSite" (
    id integer NOT NULL,
    "enterpriseId" integer NOT NULL,
    "regionId" integer NOT NULL,
    kind public."SiteKind" NOT NULL,
    name text,
    "openedOn" date,
    note text,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL
);

--
-- Name: EnterpriseSite_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."EnterpriseSite_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: EnterpriseSite_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."EnterpriseSite_id_seq" OWNED BY public."EnterpriseSite".id;

--
-- Name: Enterprise_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."Enterprise_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: Enterprise_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."Enterprise_id_seq" OWNED BY public."Enterprise".id;

--
-- Name: ExportJob; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."ExportJob" (
    id integer NOT NULL,
    kind character varying(32) NOT NULL,
    format character varying(8) NOT NULL,
    "where" jsonb,
    status public."ExportJobStatus" DEFAULT 'QUEUED'::public."ExportJobStatus" NOT NULL,
    "rowsWritten" integer DEFAULT 0 NOT NULL,
    error text,
    "filePath" text,
    "expiresAt" timestamp(3) with time zone,
    "requestId" character varying(128),
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "createdBy" character varying(160)
);

--
-- Name: ExportJob_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."ExportJob_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: ExportJob_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."ExportJob_id_seq" OWNED BY public."ExportJob".id;

--
-- Name: FactChange; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."FactChange" (
    kind character varying(16) NOT NULL,
    "factId" integer NOT NULL,
    "changedAt" timestamp(3) with time zone NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    "orgUnitId" integer
);

--
-- Name: IdempotencyRecord; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."IdempotencyRecord" (
    "actorId" character varying(128) NOT NULL,
    key character varying(200) NOT NULL,
    operation character varying(64) NOT NULL,
    "inputHash" character(64) NOT NULL,
    "resultType" character varying(64),
    "resultId" integer,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);

--
-- Name: ImpactRecord; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."ImpactRecord" (
    id integer NOT NULL,
    "loanId" integer,
    "initiativeId" integer,
    "regionId" integer NOT NULL,
    "periodStart" date,
    "periodEnd" date,
    mechanism public."ImpactMechanism" NOT NULL,
    "peopleDriven" integer,
    "registeredPoorPeople" integer,
    "registeredPoorHouseholds" integer,
    "employeesTotal" integer,
    "poorEmployeeShare" numeric(5,4),
    "incomeIncrease" numeric(18,2),
    approximate boolean DEFAULT false NOT NULL,
    qualifier text,
    "verifiedBy" public."Verifier" NOT NULL,
    note text,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL,
    CONSTRAINT "ImpactRecord_employeesTotal_nonnegative_check" CHECK (("employeesTotal" >= 0)),
    CONSTRAINT "ImpactRecord_incomeIncrease_nonnegative_check" CHECK (("incomeIncrease" >= (0)::numeric)),
    CONSTRAINT "ImpactRecord_names_loan_or_initiative_check" CHECK ((("loanId" IS NOT NULL) OR ("initiativeId" IS NOT NULL))),
    CONSTRAINT "ImpactRecord_peopleDriven_nonnegative_check" CHECK (("peopleDriven" >= 0)),
    CONSTRAINT "ImpactRecord_period_ordered_check" CHECK (("periodEnd" >= "periodStart")),
    CONSTRAINT "ImpactRecord_poorEmployeeShare_range_check" CHECK ((("poorEmployeeShare" >= (0)::numeric) AND ("poorEmployeeShare" <= (1)::numeric))),
    CONSTRAINT "ImpactRecord_qualifier_needs_approximate_check" CHECK (((qualifier IS NULL) OR approximate)),
    CONSTRAINT "ImpactRecord_registeredPoorHouseholds_nonnegative_check" CHECK (("registeredPoorHouseholds" >= 0)),
    CONSTRAINT "ImpactRecord_registeredPoorPeople_nonnegative_check" CHECK (("registeredPoorPeople" >= 0))
);

--
-- Name: ImpactRecord_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."ImpactRecord_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: ImpactRecord_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."ImpactRecord_id_seq" OWNED BY public."ImpactRecord".id;

--
-- Name: Initiative; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."Initiative" (
    id integer NOT NULL,
    code character varying(32) NOT NULL,
    name text NOT NULL,
    "nameZh" text NOT NULL,
    category public."InitiativeCategory" NOT NULL,
    status public."InitiativeStatus" NOT NULL,
    "startDate" date,
    "endDate" date,
    "ownerOrgUnitId" integer NOT NULL,
    budget numeric(18,2),
    description text,
    approximate boolean DEFAULT false NOT NULL,
    note text,
    version integer DEFAULT 1 NOT NULL,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL,
    CONSTRAINT "Initiative_budget_nonnegative_check" CHECK ((budget >= (0)::numeric)),
    CONSTRAINT "Initiative_dates_ordered_check" CHECK (("endDate" >= "startDate"))
);

--
-- Name: InitiativeCampaign; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."InitiativeCampaign" (
    "initiativeId" integer NOT NULL,
    "campaignId" integer NOT NULL,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL
);

--
-- Name: InitiativeMetric; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."InitiativeMetric" (
    id integer NOT NULL,
    "initiativeId" integer NOT NULL,
    metric public."MetricKind" NOT NULL,
    value numeric(18,2),
    unit public."MetricUnit" NOT NULL,
    "periodStart" date,
    "periodEnd" date,
    cumulative boolean DEFAULT false NOT NULL,
    approximate boolean DEFAULT false NOT NULL,
    qualifier text,
    note text,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL,
    CONSTRAINT "InitiativeMetric_count_is_whole_check" CHECK (((unit = ANY (ARRAY['CNY'::public."MetricUnit", 'CNY_PER_CHILD_DAY'::public."MetricUnit"])) OR (value = trunc(value)))),
    CONSTRAINT "InitiativeMetric_period_ordered_check" CHECK (("periodEnd" >= "periodStart")),
    CONSTRAINT "InitiativeMetric_qualifier_needs_approximate_check" CHECK (((qualifier IS NULL) OR approximate)),
    CONSTRAINT "InitiativeMetric_value_nonnegative_check" CHECK ((value >= (0)::numeric))
);

--
-- Name: InitiativeMetric_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."InitiativeMetric_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: InitiativeMetric_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."InitiativeMetric_id_seq" OWNED BY public."InitiativeMetric".id;

--
-- Name: InitiativeVillage; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."InitiativeVillage" (
    "initiativeId" integer NOT NULL,
    "villageId" integer NOT NULL,
    role public."VillageRole" NOT NULL,
    since date,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL
);

--
-- Name: Initiative_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."Initiative_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: Initiative_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."Initiative_id_seq" OWNED BY public."Initiative".id;

--
-- Name: LoanBorrowerRollup; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."LoanBorrowerRollup" (
    id integer NOT NULL,
    "regionId" integer,
    "enterpriseId" integer NOT NULL,
    "loanCount" integer DEFAULT 0 NOT NULL
);

--
-- Name: LoanBorrowerRollup_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."LoanBorrowerRollup_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: LoanBorrowerRollup_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."LoanBorrowerRollup_id_seq" OWNED BY public."LoanBorrowerRollup".id;

--
-- Name: LoanCampaign; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."LoanCampaign" (
    "loanId" integer NOT NULL,
    "campaignId" integer NOT NULL,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL
);

--
-- Name: LoanClassificationSnapshot; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."LoanClassificationSnapshot" (
    id integer NOT NULL,
    "loanId" integer NOT NULL,
    "monthEnd" date NOT NULL,
    "riskClass" public."RiskClass" NOT NULL,
    "outstandingBalance" numeric(18,2) NOT NULL,
    "daysPastDue" integer DEFAULT 0 NOT NULL,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL,
    CONSTRAINT "LoanClassificationSnapshot_daysPastDue_nonnegative_check" CHECK (("daysPastDue" >= 0)),
    CONSTRAINT "LoanClassificationSnapshot_monthEnd_is_month_end_check" CHECK ((EXTRACT(day FROM ("monthEnd" + 1)) = (1)::numeric)),
    CONSTRAINT "LoanClassificationSnapshot_outstandingBalance_nonnegative_check" CHECK (("outstandingBalance" >= (0)::numeric))
);

--
-- Name: LoanClassificationSnapshot_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."LoanClassificationSnapshot_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: LoanClassificationSnapshot_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."LoanClassificationSnapshot_id_seq" OWNED BY public."LoanClassificationSnapshot".id;

--
-- Name: LoanMonthRollup; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."LoanMonthRollup" (
    id integer NOT NULL,
    "regionId" integer,
    "disbursementMonth" date,
    "loanCount" integer DEFAULT 0 NOT NULL,
    "contractAmount" numeric(24,2) DEFAULT 0 NOT NULL,
    "disbursedAmount" numeric(24,2) DEFAULT 0 NOT NULL,
    "outstandingBalance" numeric(24,2) DEFAULT 0 NOT NULL,
    "overduePrincipal" numeric(24,2) DEFAULT 0 NOT NULL,
    "nonPerformingBalance" numeric(24,2) DEFAULT 0 NOT NULL,
    "rateCount" integer DEFAULT 0 NOT NULL,
    "rateSum" numeric(24,6) DEFAULT 0 NOT NULL,
    "rateTimesBalance" numeric(32,8) DEFAULT 0 NOT NULL,
    "ratedBalance" numeric(24,2) DEFAULT 0 NOT NULL,
    "borrowerCount" integer DEFAULT 0 NOT NULL,
    "minRate" numeric(9,6),
    "maxRate" numeric(9,6)
);

--
-- Name: LoanMonthRollup_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."LoanMonthRollup_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: LoanMonthRollup_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."LoanMonthRollup_id_seq" OWNED BY public."LoanMonthRollup".id;

--
-- Name: LoanSnapshotRollup; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."LoanSnapshotRollup" (
    id integer NOT NULL,
    "regionId" integer,
    "monthEnd" date NOT NULL,
    "loanCount" integer DEFAULT 0 NOT NULL,
    "outstandingBalance" numeric(24,2) DEFAULT 0 NOT NULL,
    "nonPerformingBalance" numeric(24,2) DEFAULT 0 NOT NULL
);

--
-- Name: LoanSnapshotRollup_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."LoanSnapshotRollup_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: LoanSnapshotRollup_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."LoanSnapshotRollup_id_seq" OWNED BY public."LoanSnapshotRollup".id;

--
-- Name: LprRate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."LprRate" (
    id integer NOT NULL,
    "effectiveDate" date NOT NULL,
    tenor public."LprTenor" NOT NULL,
    rate numeric(9,6) NOT NULL,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL,
    CONSTRAINT "LprRate_rate_range_check" CHECK (((rate > (0)::numeric) AND (rate < (1)::numeric)))
);

--
-- Name: LprRate_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."LprRate_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: LprRate_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."LprRate_id_seq" OWNED BY public."LprRate".id;

--
-- Name: OrgUnit; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."OrgUnit" (
    id integer NOT NULL,
    code character varying(32) NOT NULL,
    name text NOT NULL,
    "nameZh" text NOT NULL,
    kind public."OrgUnitKind" NOT NULL,
    "parentId" integer,
    path text DEFAULT '/'::text NOT NULL,
    "regionId" integer,
    "countyLevel" boolean DEFAULT false NOT NULL,
    note text,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL
);

--
-- Name: OrgUnit_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."OrgUnit_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: OrgUnit_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."OrgUnit_id_seq" OWNED BY public."OrgUnit".id;

--
-- Name: Region; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."Region" (
    id integer NOT NULL,
    code character varying(12) NOT NULL,
    name text NOT NULL,
    aliases text[] DEFAULT ARRAY[]::text[],
    level public."RegionLevel" NOT NULL,
    "parentId" integer,
    "povertyTier" public."PovertyTier",
    "contiguousArea" text,
    "exitYear" integer,
    "exitApprovedOn" date,
    "revitalizationKeyCounty" boolean,
    note text,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL,
    CONSTRAINT "Region_code_digits_check" CHECK (((code)::text ~ '^[0-9]+$'::text)),
    CONSTRAINT "Region_code_length_matches_level_check" CHECK ((length((code)::text) =
CASE level
    WHEN 'PROVINCE'::public."RegionLevel" THEN 2
    WHEN 'PREFECTURE'::public."RegionLevel" THEN 4
    WHEN 'COUNTY'::public."RegionLevel" THEN 6
    WHEN 'TOWNSHIP'::public."RegionLevel" THEN 9
    ELSE NULL::integer
END)),
    CONSTRAINT "Region_parent_required_below_province_check" CHECK (((level = 'PROVINCE'::public."RegionLevel") OR ("parentId" IS NOT NULL)))
);

--
-- Name: Region_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."Region_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: Region_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."Region_id_seq" OWNED BY public."Region".id;

--
-- Name: Repayment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."Repayment" (
    id integer NOT NULL,
    "loanId" integer NOT NULL,
    "scheduleItemId" integer,
    "paidOn" date NOT NULL,
    principal numeric(18,2) NOT NULL,
    interest numeric(18,2) NOT NULL,
    penalty numeric(18,2) DEFAULT 0 NOT NULL,
    note text,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL,
    CONSTRAINT "Repayment_interest_nonnegative_check" CHECK ((interest >= (0)::numeric)),
    CONSTRAINT "Repayment_penalty_nonnegative_check" CHECK ((penalty >= (0)::numeric)),
    CONSTRAINT "Repayment_principal_nonnegative_check" CHECK ((principal >= (0)::numeric))
);

--
-- Name: RepaymentScheduleItem; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."RepaymentScheduleItem" (
    id integer NOT NULL,
    "loanId" integer NOT NULL,
    seq integer NOT NULL,
    "dueDate" date NOT NULL,
    "principalDue" numeric(18,2) NOT NULL,
    "interestDue" numeric(18,2) NOT NULL,
    "principalPaid" numeric(18,2) DEFAULT 0 NOT NULL,
    "interestPaid" numeric(18,2) DEFAULT 0 NOT NULL,
    status public."ScheduleStatus" DEFAULT 'PENDING'::public."ScheduleStatus" NOT NULL,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL,
    CONSTRAINT "RepaymentScheduleItem_interestDue_nonnegative_check" CHECK (("interestDue" >= (0)::numeric)),
    CONSTRAINT "RepaymentScheduleItem_interestPaid_nonnegative_check" CHECK (("interestPaid" >= (0)::numeric)),
    CONSTRAINT "RepaymentScheduleItem_principalDue_nonnegative_check" CHECK (("principalDue" >= (0)::numeric)),
    CONSTRAINT "RepaymentScheduleItem_principalPaid_nonnegative_check" CHECK (("principalPaid" >= (0)::numeric)),
    CONSTRAINT "RepaymentScheduleItem_seq_positive_check" CHECK ((seq >= 1))
);

--
-- Name: RepaymentScheduleItem_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."RepaymentScheduleItem_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: RepaymentScheduleItem_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."RepaymentScheduleItem_id_seq" OWNED BY public."RepaymentScheduleItem".id;

--
-- Name: Repayment_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."Repayment_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: Repayment_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."Repayment_id_seq" OWNED BY public."Repayment".id;

--
-- Name: ReportingLogin; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."ReportingLogin" (
    id integer NOT NULL,
    login character varying(63) NOT NULL,
    label character varying(128) NOT NULL,
    role character varying(32) NOT NULL,
    "orgUnitId" integer,
    "connectionLimit" integer DEFAULT 5 NOT NULL,
    "expiresAt" timestamp(3) with time zone,
    "revokedAt" timestamp(3) with time zone,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);

--
-- Name: ReportingLogin_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."ReportingLogin_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: ReportingLogin_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."ReportingLogin_id_seq" OWNED BY public."ReportingLogin".id;

--
-- Name: Village; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public."Village" (
    id integer NOT NULL,
    code character varying(12),
    "codeVerified" boolean DEFAULT false NOT NULL,
    name text NOT NULL,
    aliases text[] DEFAULT ARRAY[]::text[],
    "countyId" integer NOT NULL,
    "townshipId" integer,
    "wasPoorVillage" boolean,
    "exitYear" integer,
    "registeredPoorHouseholds" integer,
    population integer,
    note text,
    version integer DEFAULT 1 NOT NULL,
    "createdAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "updatedAt" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "dataSource" public."DataSource" DEFAULT 'API'::public."DataSource" NOT NULL,
    CONSTRAINT "Village_code_digits_check" CHECK (((code)::text ~ '^[0-9]{12}$'::text)),
    CONSTRAINT "Village_code_verified_needs_code_check" CHECK (((NOT "codeVerified") OR (code IS NOT NULL))),
    CONSTRAINT "Village_population_nonnegative_check" CHECK ((population >= 0)),
    CONSTRAINT "Village_registeredPoorHouseholds_nonnegative_check" CHECK (("registeredPoorHouseholds" >= 0))
);

--
-- Name: Village_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public."Village_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: Village_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public."Village_id_seq" OWNED BY public."Village".id;

--
-- Name: _dishui_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public._dishui_migrations (
    name text NOT NULL,
    checksum character(64) NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL,
    duration_ms integer NOT NULL
);

--
-- Name: caller; Type: VIEW; Schema: reporting_private; Owner: -
--

CREATE VIEW reporting_private.caller AS
 SELECT rl.role,
    rl."orgUnitId"
   FROM public."ReportingLogin" rl
  WHERE (((rl.login)::text = CURRENT_USER) AND (rl."revokedAt" IS NULL) AND ((rl."expiresAt" IS NULL) OR (rl."expiresAt" > now())));

--
-- Name: callerUnits; Type: VIEW; Schema: reporting_private; Owner: -
--

CREATE VIEW reporting_private."callerUnits" AS
 WITH RECURSIVE subtree(id) AS (
         SELECT c."orgUnitId"
           FROM reporting_private.caller c
          WHERE (c."orgUnitId" IS NOT NULL)
        UNION
         SELECT child.id
           FROM (public."OrgUnit" child
             JOIN subtree subtree_1 ON ((child."parentId" = subtree_1.id)))
        )
 SELECT subtree.id
   FROM subtree;

--
-- Name: enterprises; Type: VIEW; Schema: reporting; Owner: -
--

CREATE VIEW reporting.enterprises WITH (security_barrier='true') AS
 SELECT e.id,
    e.name,
    e."nameZh",
    e.anonymised,
        CASE
            WHEN ((c.role)::text = ANY ((ARRAY['ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'PROGRAMME_MANAGER'::character varying, 'ADMIN'::character varying])::text[])) THEN (e."creditCode")::text
            ELSE NULL::text
        END AS "creditCode",
    (e."industrySection")::text AS "industrySection",
    (e."industryCode")::text AS "industryCode",
    (e.size)::text AS size,
    (e."leadingEnterpriseLevel")::text AS "leadingEnterpriseLevel",
    (r.code)::text AS "headOfficeRegionCode",
    (e."dataSource")::text AS "dataSource",
    e."createdAt",
    e."updatedAt"
   FROM ((public."Enterprise" e
     LEFT JOIN public."Region" r ON ((r.id = e."headOfficeRegionId")))
     JOIN reporting_private.caller c ON ((((c.role)::text = ANY ((ARRAY['VIEWER'::character varying, 'ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'PROGRAMME_MANAGER'::character varying, 'ADMIN'::character varying])::text[])) AND ((c."orgUnitId" IS NULL) OR (EXISTS ( SELECT 1
           FROM public."EnterpriseLoan" sl
          WHERE ((sl."enterpriseId" = e.id) AND (sl."orgUnitId" IN ( SELECT u.id
                   FROM reporting_private."callerUnits" u))))) OR (NOT (EXISTS ( SELECT 1
           FROM public."EnterpriseLoan" al
          WHERE (al."enterpriseId" = e.id))))))));

--
-- Name: VIEW enterprises; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON VIEW reporting.enterprises IS 'Borrowing enterprises (企業) in scope: a borrower of a loan in scope, or one with no loan yet. Rows for VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Query.enterprises).';

--
-- Name: COLUMN enterprises.id; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.enterprises.id IS 'Row id of the enterprise.';

--
-- Name: COLUMN enterprises.name; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.enterprises.name IS 'Name (anonymised where the source keeps it so).';

--
-- Name: COLUMN enterprises."nameZh"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.enterprises."nameZh" IS 'Chinese name.';

--
-- Name: COLUMN enterprises.anonymised; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.enterprises.anonymised IS 'Whether the name is a stand-in.';

--
-- Name: COLUMN enterprises."creditCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.enterprises."creditCode" IS 'Unified social credit code (統一社會信用代碼). Null unless the role is ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Enterprise.creditCode).';

--
-- Name: COLUMN enterprises."industrySection"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.enterprises."industrySection" IS 'GB/T 4754 section letter.';

--
-- Name: COLUMN enterprises."industryCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.enterprises."industryCode" IS 'GB/T 4754 class code.';

--
-- Name: COLUMN enterprises.size; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.enterprises.size IS 'LARGE, MEDIUM, SMALL or MICRO.';

--
-- Name: COLUMN enterprises."leadingEnterpriseLevel"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.enterprises."leadingEnterpriseLevel" IS 'Leading agricultural enterprise level (農業產業化龍頭企業).';

--
-- Name: COLUMN enterprises."headOfficeRegionCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.enterprises."headOfficeRegionCode" IS 'NBS code of the head-office region.';

--
-- Name: COLUMN enterprises."dataSource"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.enterprises."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';

--
-- Name: COLUMN enterprises."createdAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.enterprises."createdAt" IS 'When the row was written.';

--
-- Name: COLUMN enterprises."updatedAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.enterprises."updatedAt" IS 'When the row last changed: refresh incrementally on it.';

--
-- Name: impact_facts; Type: VIEW; Schema: reporting; Owner: -
--

CREATE VIEW reporting.impact_facts WITH (security_barrier='true') AS
 SELECT i.id AS "impactId",
    l.id AS "loanId",
        CASE
            WHEN ((c.role)::text = ANY ((ARRAY['ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'ADMIN'::character varying])::text[])) THEN (l."contractNo")::text
            ELSE NULL::text
        END AS "loanContractNo",
    (l.product)::text AS "loanProduct",
    (l."regulatoryClass")::text AS "loanRegulatoryClass",
    e.name AS "enterpriseName",
    n.id AS "initiativeId",
    (n.code)::text AS "initiativeCode",
    n.name AS "initiativeName",
    (n.category)::text AS "initiativeCategory",
    (o.code)::text AS "orgUnitCode",
    o.name AS "orgUnitName",
    (r.code)::text AS "regionCode",
    r.name AS "regionName",
    (r.level)::text AS "regionLevel",
        CASE
            WHEN (length((r.code)::text) >= 6) THEN "left"((r.code)::text, 6)
            ELSE NULL::text
        END AS "countyCode",
    rc.name AS "countyName",
    (rc."povertyTier")::text AS "countyPovertyTier",
        CASE
            WHEN (length((r.code)::text) >= 4) THEN "left"((r.code)::text, 4)
            ELSE NULL::text
        END AS "prefectureCode",
    rf.name AS "prefectureName",
    "left"((r.code)::text, 2) AS "provinceCode",
    rp.name AS "provinceName",
    i."periodStart",
    i."periodEnd",
    (i.mechanism)::text AS mechanism,
    i."peopleDriven",
    i."registeredPoorPeople",
    i."registeredPoorHouseholds",
    i."employeesTotal",
    i."poorEmployeeShare",
    i."incomeIncrease",
    i.approximate,
    i.qualifier,
    (i."verifiedBy")::text AS "verifiedBy",
    (i."dataSource")::text AS "dataSource",
    i."createdAt",
    i."updatedAt"
   FROM (((((((((public."ImpactRecord" i
     LEFT JOIN public."Region" r ON ((r.id = i."regionId")))
     LEFT JOIN public."Region" rp ON (((rp.code)::text = "left"((r.code)::text, 2))))
     LEFT JOIN public."Region" rf ON (((length((r.code)::text) >= 4) AND ((rf.code)::text = "left"((r.code)::text, 4)))))
     LEFT JOIN public."Region" rc ON (((length((r.code)::text) >= 6) AND ((rc.code)::text = "left"((r.code)::text, 6)))))
     LEFT JOIN public."EnterpriseLoan" l ON ((l.id = i."loanId")))
     LEFT JOIN public."Enterprise" e ON ((e.id = l."enterpriseId")))
     LEFT JOIN public."Initiative" n ON ((n.id = i."initiativeId")))
     LEFT JOIN public."OrgUnit" o ON ((o.id = COALESCE(l."orgUnitId", n."ownerOrgUnitId"))))
     JOIN reporting_private.caller c ON ((((c.role)::text = ANY ((ARRAY['ANALYST'::character varying, 'ADMIN'::character varying])::text[])) AND ((c."orgUnitId" IS NULL) OR (l."orgUnitId" IN ( SELECT u.id
           FROM reporting_private."callerUnits" u)) OR (n."ownerOrgUnitId" IN ( SELECT u.id
           FROM reporting_private."callerUnits" u))))));

--
-- Name: VIEW impact_facts; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON VIEW reporting.impact_facts IS 'Flat impact rows (帶貧, one per impact record), the columns of the GraphQL ImpactFact: the record, its loan or initiative, unit and region. Rows for ANALYST, ADMIN (as Query.impactFacts).';

--
-- Name: COLUMN impact_facts."impactId"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."impactId" IS 'Row id of the impact record: the keyset the pages follow.';

--
-- Name: COLUMN impact_facts."loanId"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."loanId" IS 'Row id of the loan, null for an initiative record.';

--
-- Name: COLUMN impact_facts."loanContractNo"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."loanContractNo" IS 'Contract number of the loan. Null unless the role is ANALYST, LOAN_OFFICER, ADMIN (as EnterpriseLoan.contractNo).';

--
-- Name: COLUMN impact_facts."loanProduct"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."loanProduct" IS 'Product of the loan.';

--
-- Name: COLUMN impact_facts."loanRegulatoryClass"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."loanRegulatoryClass" IS 'Regulatory class of the loan.';

--
-- Name: COLUMN impact_facts."enterpriseName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."enterpriseName" IS 'Borrower of the loan.';

--
-- Name: COLUMN impact_facts."initiativeId"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."initiativeId" IS 'Row id of the initiative, null for a loan record.';

--
-- Name: COLUMN impact_facts."initiativeCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."initiativeCode" IS 'Code of the initiative.';

--
-- Name: COLUMN impact_facts."initiativeName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."initiativeName" IS 'Name of the initiative.';

--
-- Name: COLUMN impact_facts."initiativeCategory"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."initiativeCategory" IS 'Category of the initiative (InitiativeCategory value).';

--
-- Name: COLUMN impact_facts."orgUnitCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."orgUnitCode" IS 'Code of the loan''s booking unit or the initiative''s owner.';

--
-- Name: COLUMN impact_facts."orgUnitName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."orgUnitName" IS 'Name of that unit.';

--
-- Name: COLUMN impact_facts."regionCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."regionCode" IS 'NBS code of the region reached.';

--
-- Name: COLUMN impact_facts."regionName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."regionName" IS 'Official name of the region reached.';

--
-- Name: COLUMN impact_facts."regionLevel"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."regionLevel" IS 'Level of the region reached (PROVINCE … TOWNSHIP).';

--
-- Name: COLUMN impact_facts."countyCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."countyCode" IS 'County code (6 digits), null above county level.';

--
-- Name: COLUMN impact_facts."countyName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."countyName" IS 'County name.';

--
-- Name: COLUMN impact_facts."countyPovertyTier"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."countyPovertyTier" IS 'Poverty tier of the county (國家級/省級貧困縣): NATIONAL, PROVINCIAL or NONE.';

--
-- Name: COLUMN impact_facts."prefectureCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."prefectureCode" IS 'Prefecture code (4 digits).';

--
-- Name: COLUMN impact_facts."prefectureName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."prefectureName" IS 'Prefecture name.';

--
-- Name: COLUMN impact_facts."provinceCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."provinceCode" IS 'Province code (2 digits).';

--
-- Name: COLUMN impact_facts."provinceName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."provinceName" IS 'Province name.';

--
-- Name: COLUMN impact_facts."periodStart"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."periodStart" IS 'Start of the period.';

--
-- Name: COLUMN impact_facts."periodEnd"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."periodEnd" IS 'End of the period.';

--
-- Name: COLUMN impact_facts.mechanism; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts.mechanism IS 'How poor people are driven (帶貧機制).';

--
-- Name: COLUMN impact_facts."peopleDriven"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."peopleDriven" IS 'People driven (帶動).';

--
-- Name: COLUMN impact_facts."registeredPoorPeople"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."registeredPoorPeople" IS 'Registered poor people (建檔立卡) reached.';

--
-- Name: COLUMN impact_facts."registeredPoorHouseholds"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."registeredPoorHouseholds" IS 'Registered poor households reached.';

--
-- Name: COLUMN impact_facts."employeesTotal"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."employeesTotal" IS 'Employees in total.';

--
-- Name: COLUMN impact_facts."poorEmployeeShare"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."poorEmployeeShare" IS 'Share of poor employees, 0–1.';

--
-- Name: COLUMN impact_facts."incomeIncrease"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."incomeIncrease" IS 'Income increase, CNY.';

--
-- Name: COLUMN impact_facts.approximate; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts.approximate IS 'Whether the figures are approximate.';

--
-- Name: COLUMN impact_facts.qualifier; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts.qualifier IS 'The source''s qualifier when approximate (近, 超, 約, 數萬).';

--
-- Name: COLUMN impact_facts."verifiedBy"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."verifiedBy" IS 'Who verified the figures (Verifier value).';

--
-- Name: COLUMN impact_facts."dataSource"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';

--
-- Name: COLUMN impact_facts."createdAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."createdAt" IS 'When the row was written.';

--
-- Name: COLUMN impact_facts."updatedAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.impact_facts."updatedAt" IS 'When the row last changed: refresh incrementally with `updatedSince`.';

--
-- Name: initiatives; Type: VIEW; Schema: reporting; Owner: -
--

CREATE VIEW reporting.initiatives WITH (security_barrier='true') AS
 SELECT n.id,
    (n.code)::text AS code,
    n.name,
    n."nameZh",
    (n.category)::text AS category,
    (n.status)::text AS status,
    n."startDate",
    n."endDate",
    n.budget,
    n.description,
    n.approximate,
    (o.code)::text AS "ownerOrgUnitCode",
    o.name AS "ownerOrgUnitName",
    (n."dataSource")::text AS "dataSource",
    n."createdAt",
    n."updatedAt"
   FROM ((public."Initiative" n
     LEFT JOIN public."OrgUnit" o ON ((o.id = n."ownerOrgUnitId")))
     JOIN reporting_private.caller c ON ((((c.role)::text = ANY ((ARRAY['VIEWER'::character varying, 'ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'PROGRAMME_MANAGER'::character varying, 'ADMIN'::character varying])::text[])) AND ((c."orgUnitId" IS NULL) OR (n."ownerOrgUnitId" IN ( SELECT u.id
           FROM reporting_private."callerUnits" u))))));

--
-- Name: VIEW initiatives; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON VIEW reporting.initiatives IS 'Assistance programmes (幫扶項目) of the units in scope. Rows for VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Query.initiatives).';

--
-- Name: COLUMN initiatives.id; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives.id IS 'Row id of the initiative.';

--
-- Name: COLUMN initiatives.code; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives.code IS 'Initiative code.';

--
-- Name: COLUMN initiatives.name; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives.name IS 'Name.';

--
-- Name: COLUMN initiatives."nameZh"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives."nameZh" IS 'Chinese name.';

--
-- Name: COLUMN initiatives.category; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives.category IS 'Category (InitiativeCategory value).';

--
-- Name: COLUMN initiatives.status; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives.status IS 'PLANNED, ACTIVE, COMPLETED or SUSPENDED.';

--
-- Name: COLUMN initiatives."startDate"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives."startDate" IS 'Start date.';

--
-- Name: COLUMN initiatives."endDate"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives."endDate" IS 'End date.';

--
-- Name: COLUMN initiatives.budget; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives.budget IS 'Budget, CNY.';

--
-- Name: COLUMN initiatives.description; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives.description IS 'Description.';

--
-- Name: COLUMN initiatives.approximate; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives.approximate IS 'Whether the figures are approximate.';

--
-- Name: COLUMN initiatives."ownerOrgUnitCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives."ownerOrgUnitCode" IS 'Code of the owning unit.';

--
-- Name: COLUMN initiatives."ownerOrgUnitName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives."ownerOrgUnitName" IS 'Name of the owning unit.';

--
-- Name: COLUMN initiatives."dataSource"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';

--
-- Name: COLUMN initiatives."createdAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives."createdAt" IS 'When the row was written.';

--
-- Name: COLUMN initiatives."updatedAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.initiatives."updatedAt" IS 'When the row last changed: refresh incrementally on it.';

--
-- Name: loan_facts; Type: VIEW; Schema: reporting; Owner: -
--

CREATE VIEW reporting.loan_facts WITH (security_barrier='true') AS
 SELECT l.id AS "loanId",
        CASE
            WHEN ((c.role)::text = ANY ((ARRAY['ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'ADMIN'::character varying])::text[])) THEN (l."contractNo")::text
            ELSE NULL::text
        END AS "contractNo",
    (l.product)::text AS product,
    (l."regulatoryClass")::text AS "regulatoryClass",
    (l."policyRegime")::text AS "policyRegime",
    (l."financingModel")::text AS "financingModel",
    (l.guarantee)::text AS guarantee,
    (l."rateType")::text AS "rateType",
    (l."lprTenor")::text AS "lprTenor",
    (
        CASE
            WHEN ((c.role)::text = ANY ((ARRAY['ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'ADMIN'::character varying])::text[])) THEN l."lprAtPricing"
            ELSE NULL::numeric
        END)::numeric(9,6) AS "lprAtPricing",
        CASE
            WHEN ((c.role)::text = ANY ((ARRAY['ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'ADMIN'::character varying])::text[])) THEN l."spreadBps"
            ELSE NULL::integer
        END AS "spreadBps",
    (
        CASE
            WHEN ((c.role)::text = ANY ((ARRAY['ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'ADMIN'::character varying])::text[])) THEN l."effectiveRate"
            ELSE NULL::numeric
        END)::numeric(9,6) AS "effectiveRate",
    (
        CASE
            WHEN ((c.role)::text = ANY ((ARRAY['ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'ADMIN'::character varying])::text[])) THEN l."interestSubsidyRate"
            ELSE NULL::numeric
        END)::numeric(9,6) AS "interestSubsidyRate",
    (l."repaymentMethod")::text AS "repaymentMethod",
    l."contractAmount",
    l."disbursedAmount",
    l."outstandingBalance",
    l."overduePrincipal",
    l."overdueInterest",
    l."daysPastDue",
    l."contractDate",
    l."firstDisbursementDate",
    l."maturityDate",
    l."termMonths",
    l."deferredUntil",
    (l.status)::text AS status,
    (l."riskClass")::text AS "riskClass",
    COALESCE((l."riskClass" = ANY (ARRAY['SUBSTANDARD'::public."RiskClass", 'DOUBTFUL'::public."RiskClass", 'LOSS'::public."RiskClass"])), false) AS "nonPerforming",
    (l."supportSector")::text AS "supportSector",
    l.illustrative,
    ( SELECT string_agg((cp.code)::text, ';'::text ORDER BY (cp.code)::text) AS string_agg
           FROM (public."LoanCampaign" lc
             JOIN public."Campaign" cp ON ((cp.id = lc."campaignId")))
          WHERE (lc."loanId" = l.id)) AS "campaignCodes",
    e.id AS "enterpriseId",
    e.name AS "enterpriseName",
    e."nameZh" AS "enterpriseNameZh",
        CASE
            WHEN ((c.role)::text = ANY ((ARRAY['ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'PROGRAMME_MANAGER'::character varying, 'ADMIN'::character varying])::text[])) THEN (e."creditCode")::text
            ELSE NULL::text
        END AS "enterpriseCreditCode",
    (e."industrySection")::text AS "industrySection",
    (e."industryCode")::text AS "industryCode",
    (e.size)::text AS "enterpriseSize",
    (e."leadingEnterpriseLevel")::text AS "leadingEnterpriseLevel",
    (o.code)::text AS "orgUnitCode",
    o.name AS "orgUnitName",
    o."nameZh" AS "orgUnitNameZh",
    (r.code)::text AS "regionCode",
    r.name AS "regionName",
    (r.level)::text AS "regionLevel",
        CASE
            WHEN (length((r.code)::text) >= 6) THEN "left"((r.code)::text, 6)
            ELSE NULL::text
        END AS "countyCode",
    rc.name AS "countyName",
    (rc."povertyTier")::text AS "countyPovertyTier",
        CASE
            WHEN (length((r.code)::text) >= 4) THEN "left"((r.code)::text, 4)
            ELSE NULL::text
        END AS "prefectureCode",
    rf.name AS "prefectureName",
    "left"((r.code)::text, 2) AS "provinceCode",
    rp.name AS "provinceName",
    (l."dataSource")::text AS "dataSource",
    l."createdAt",
    l."updatedAt"
   FROM (((((((public."EnterpriseLoan" l
     LEFT JOIN public."Region" r ON ((r.id = l."regionId")))
     LEFT JOIN public."Region" rp ON (((rp.code)::text = "left"((r.code)::text, 2))))
     LEFT JOIN public."Region" rf ON (((length((r.code)::text) >= 4) AND ((rf.code)::text = "left"((r.code)::text, 4)))))
     LEFT JOIN public."Region" rc ON (((length((r.code)::text) >= 6) AND ((rc.code)::text = "left"((r.code)::text, 6)))))
     LEFT JOIN public."OrgUnit" o ON ((o.id = l."orgUnitId")))
     LEFT JOIN public."Enterprise" e ON ((e.id = l."enterpriseId")))
     JOIN reporting_private.caller c ON ((((c.role)::text = ANY ((ARRAY['ANALYST'::character varying, 'ADMIN'::character varying])::text[])) AND ((c."orgUnitId" IS NULL) OR (l."orgUnitId" IN ( SELECT u.id
           FROM reporting_private."callerUnits" u))))));

--
-- Name: VIEW loan_facts; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON VIEW reporting.loan_facts IS 'Flat loan rows (one per loan), the columns of the GraphQL LoanFact: the loan, its borrower, booking unit and region denormalised. Rows for ANALYST, ADMIN (as Query.loanFacts).';

--
-- Name: COLUMN loan_facts."loanId"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."loanId" IS 'Row id of the loan: the keyset the pages follow.';

--
-- Name: COLUMN loan_facts."contractNo"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."contractNo" IS 'Contract number. Null unless the role is ANALYST, LOAN_OFFICER, ADMIN (as EnterpriseLoan.contractNo).';

--
-- Name: COLUMN loan_facts.product; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts.product IS 'Loan product (LoanProduct value).';

--
-- Name: COLUMN loan_facts."regulatoryClass"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."regulatoryClass" IS 'PBoC targeted-poverty statistical class (RegulatoryClass value).';

--
-- Name: COLUMN loan_facts."policyRegime"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."policyRegime" IS 'Policy regime (PolicyRegime value).';

--
-- Name: COLUMN loan_facts."financingModel"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."financingModel" IS 'Financing model (FinancingModel value).';

--
-- Name: COLUMN loan_facts.guarantee; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts.guarantee IS 'Guarantee type (GuaranteeType value).';

--
-- Name: COLUMN loan_facts."rateType"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."rateType" IS 'FIXED or FLOATING.';

--
-- Name: COLUMN loan_facts."lprTenor"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."lprTenor" IS 'LPR tenor the rate is priced on.';

--
-- Name: COLUMN loan_facts."lprAtPricing"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."lprAtPricing" IS 'LPR at pricing, annual fraction. Null unless the role is ANALYST, LOAN_OFFICER, ADMIN (as EnterpriseLoan.lprAtPricing).';

--
-- Name: COLUMN loan_facts."spreadBps"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."spreadBps" IS 'Spread over LPR in basis points. Null unless the role is ANALYST, LOAN_OFFICER, ADMIN (as EnterpriseLoan.spreadBps).';

--
-- Name: COLUMN loan_facts."effectiveRate"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."effectiveRate" IS 'Effective annual rate, fraction (0.038500 = 3.85%). Null unless the role is ANALYST, LOAN_OFFICER, ADMIN (as EnterpriseLoan.effectiveRate).';

--
-- Name: COLUMN loan_facts."interestSubsidyRate"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."interestSubsidyRate" IS 'Fiscal interest subsidy rate, fraction. Null unless the role is ANALYST, LOAN_OFFICER, ADMIN (as EnterpriseLoan.interestSubsidyRate).';

--
-- Name: COLUMN loan_facts."repaymentMethod"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."repaymentMethod" IS 'Repayment method.';

--
-- Name: COLUMN loan_facts."contractAmount"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."contractAmount" IS 'Contract amount, CNY.';

--
-- Name: COLUMN loan_facts."disbursedAmount"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."disbursedAmount" IS 'Disbursed amount, CNY.';

--
-- Name: COLUMN loan_facts."outstandingBalance"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."outstandingBalance" IS 'Outstanding balance, CNY.';

--
-- Name: COLUMN loan_facts."overduePrincipal"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."overduePrincipal" IS 'Overdue principal, CNY.';

--
-- Name: COLUMN loan_facts."overdueInterest"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."overdueInterest" IS 'Overdue interest, CNY.';

--
-- Name: COLUMN loan_facts."daysPastDue"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."daysPastDue" IS 'Days past due.';

--
-- Name: COLUMN loan_facts."contractDate"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."contractDate" IS 'Contract date.';

--
-- Name: COLUMN loan_facts."firstDisbursementDate"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."firstDisbursementDate" IS 'First disbursement date.';

--
-- Name: COLUMN loan_facts."maturityDate"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."maturityDate" IS 'Maturity date.';

--
-- Name: COLUMN loan_facts."termMonths"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."termMonths" IS 'Term in months.';

--
-- Name: COLUMN loan_facts."deferredUntil"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."deferredUntil" IS 'Deferral (延期還本付息) until.';

--
-- Name: COLUMN loan_facts.status; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts.status IS 'Lifecycle status (LoanStatus value).';

--
-- Name: COLUMN loan_facts."riskClass"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."riskClass" IS 'Five-tier risk class (五級分類).';

--
-- Name: COLUMN loan_facts."nonPerforming"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."nonPerforming" IS 'Whether the risk class is SUBSTANDARD, DOUBTFUL or LOSS.';

--
-- Name: COLUMN loan_facts."supportSector"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."supportSector" IS 'COVID-19 support sector.';

--
-- Name: COLUMN loan_facts.illustrative; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts.illustrative IS 'Whether amounts, rates or dates are made up for illustration.';

--
-- Name: COLUMN loan_facts."campaignCodes"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."campaignCodes" IS 'Codes of the campaigns the loan was granted under, sorted, separated by ";"; null when none.';

--
-- Name: COLUMN loan_facts."enterpriseId"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."enterpriseId" IS 'Row id of the borrower.';

--
-- Name: COLUMN loan_facts."enterpriseName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."enterpriseName" IS 'Borrower name (anonymised where the source keeps it so).';

--
-- Name: COLUMN loan_facts."enterpriseNameZh"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."enterpriseNameZh" IS 'Borrower name in Chinese.';

--
-- Name: COLUMN loan_facts."enterpriseCreditCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."enterpriseCreditCode" IS 'Unified social credit code (統一社會信用代碼). Null unless the role is ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Enterprise.creditCode).';

--
-- Name: COLUMN loan_facts."industrySection"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."industrySection" IS 'GB/T 4754 section letter.';

--
-- Name: COLUMN loan_facts."industryCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."industryCode" IS 'GB/T 4754 class code.';

--
-- Name: COLUMN loan_facts."enterpriseSize"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."enterpriseSize" IS 'LARGE, MEDIUM, SMALL or MICRO.';

--
-- Name: COLUMN loan_facts."leadingEnterpriseLevel"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."leadingEnterpriseLevel" IS 'Leading agricultural enterprise level (農業產業化龍頭企業).';

--
-- Name: COLUMN loan_facts."orgUnitCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."orgUnitCode" IS 'Code of the booking unit.';

--
-- Name: COLUMN loan_facts."orgUnitName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."orgUnitName" IS 'Name of the booking unit.';

--
-- Name: COLUMN loan_facts."orgUnitNameZh"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."orgUnitNameZh" IS 'Chinese name of the booking unit.';

--
-- Name: COLUMN loan_facts."regionCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."regionCode" IS 'NBS code of the region where the money is used.';

--
-- Name: COLUMN loan_facts."regionName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."regionName" IS 'Official name of the region where the money is used.';

--
-- Name: COLUMN loan_facts."regionLevel"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."regionLevel" IS 'Level of the region where the money is used (PROVINCE … TOWNSHIP).';

--
-- Name: COLUMN loan_facts."countyCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."countyCode" IS 'County code (6 digits), null above county level.';

--
-- Name: COLUMN loan_facts."countyName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."countyName" IS 'County name.';

--
-- Name: COLUMN loan_facts."countyPovertyTier"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."countyPovertyTier" IS 'Poverty tier of the county (國家級/省級貧困縣): NATIONAL, PROVINCIAL or NONE.';

--
-- Name: COLUMN loan_facts."prefectureCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."prefectureCode" IS 'Prefecture code (4 digits).';

--
-- Name: COLUMN loan_facts."prefectureName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."prefectureName" IS 'Prefecture name.';

--
-- Name: COLUMN loan_facts."provinceCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."provinceCode" IS 'Province code (2 digits).';

--
-- Name: COLUMN loan_facts."provinceName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."provinceName" IS 'Province name.';

--
-- Name: COLUMN loan_facts."dataSource"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';

--
-- Name: COLUMN loan_facts."createdAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."createdAt" IS 'When the row was written.';

--
-- Name: COLUMN loan_facts."updatedAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_facts."updatedAt" IS 'When the row last changed: refresh incrementally with `updatedSince`.';

--
-- Name: loan_months; Type: VIEW; Schema: reporting; Owner: -
--

CREATE VIEW reporting.loan_months WITH (security_barrier='true') AS
 SELECT (date_trunc('month'::text, (l."firstDisbursementDate")::timestamp with time zone))::date AS "disbursementMonth",
    (r.code)::text AS "regionCode",
        CASE
            WHEN (length((r.code)::text) >= 6) THEN "left"((r.code)::text, 6)
            ELSE NULL::text
        END AS "countyCode",
        CASE
            WHEN (length((r.code)::text) >= 4) THEN "left"((r.code)::text, 4)
            ELSE NULL::text
        END AS "prefectureCode",
    "left"((r.code)::text, 2) AS "provinceCode",
    (o.code)::text AS "orgUnitCode",
    (count(*))::integer AS "loanCount",
    (COALESCE(sum(l."contractAmount"), (0)::numeric))::numeric(18,2) AS "contractAmount",
    (COALESCE(sum(l."disbursedAmount"), (0)::numeric))::numeric(18,2) AS "disbursedAmount",
    (COALESCE(sum(l."outstandingBalance"), (0)::numeric))::numeric(18,2) AS "outstandingBalance",
    (COALESCE(sum(l."overduePrincipal"), (0)::numeric))::numeric(18,2) AS "overduePrincipal",
    (COALESCE(sum(l."outstandingBalance") FILTER (WHERE COALESCE((l."riskClass" = ANY (ARRAY['SUBSTANDARD'::public."RiskClass", 'DOUBTFUL'::public."RiskClass", 'LOSS'::public."RiskClass"])), false)), (0)::numeric))::numeric(18,2) AS "nonPerformingBalance",
    (count(l."effectiveRate"))::integer AS "ratedLoanCount",
    (COALESCE(sum(l."effectiveRate"), (0)::numeric))::numeric(18,6) AS "rateSum"
   FROM (((public."EnterpriseLoan" l
     LEFT JOIN public."Region" r ON ((r.id = l."regionId")))
     LEFT JOIN public."OrgUnit" o ON ((o.id = l."orgUnitId")))
     JOIN reporting_private.caller c ON ((((c.role)::text = ANY ((ARRAY['ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'ADMIN'::character varying])::text[])) AND ((c."orgUnitId" IS NULL) OR (l."orgUnitId" IN ( SELECT u.id
           FROM reporting_private."callerUnits" u))))))
  GROUP BY (date_trunc('month'::text, (l."firstDisbursementDate")::timestamp with time zone)), r.code, o.code;

--
-- Name: VIEW loan_months; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON VIEW reporting.loan_months IS 'Loans per month of first disbursement, region and booking unit, with additive sums (the monthly rollup): sum the rows of any grouping. Rows for ANALYST, LOAN_OFFICER, ADMIN (as Query.loanStatistics).';

--
-- Name: COLUMN loan_months."disbursementMonth"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_months."disbursementMonth" IS 'First day of the month of first disbursement; null for loans not disbursed.';

--
-- Name: COLUMN loan_months."regionCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_months."regionCode" IS 'NBS code of the region where the money is used.';

--
-- Name: COLUMN loan_months."countyCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_months."countyCode" IS 'County code (6 digits), null above county level.';

--
-- Name: COLUMN loan_months."prefectureCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_months."prefectureCode" IS 'Prefecture code (4 digits).';

--
-- Name: COLUMN loan_months."provinceCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_months."provinceCode" IS 'Province code (2 digits).';

--
-- Name: COLUMN loan_months."orgUnitCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_months."orgUnitCode" IS 'Code of the booking unit.';

--
-- Name: COLUMN loan_months."loanCount"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_months."loanCount" IS 'Loans in the cell.';

--
-- Name: COLUMN loan_months."contractAmount"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_months."contractAmount" IS 'Sum of contract amounts, CNY.';

--
-- Name: COLUMN loan_months."disbursedAmount"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_months."disbursedAmount" IS 'Sum of disbursed amounts, CNY.';

--
-- Name: COLUMN loan_months."outstandingBalance"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_months."outstandingBalance" IS 'Sum of outstanding balances, CNY.';

--
-- Name: COLUMN loan_months."overduePrincipal"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_months."overduePrincipal" IS 'Sum of overdue principal, CNY.';

--
-- Name: COLUMN loan_months."nonPerformingBalance"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_months."nonPerformingBalance" IS 'Outstanding balance of loans in risk class SUBSTANDARD, DOUBTFUL or LOSS, CNY.';

--
-- Name: COLUMN loan_months."ratedLoanCount"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_months."ratedLoanCount" IS 'Loans with an effective rate: divide rateSum by it for the plain average rate.';

--
-- Name: COLUMN loan_months."rateSum"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.loan_months."rateSum" IS 'Sum of effective rates (fractions) of the rated loans.';

--
-- Name: lpr_rates; Type: VIEW; Schema: reporting; Owner: -
--

CREATE VIEW reporting.lpr_rates WITH (security_barrier='true') AS
 SELECT x.id,
    x."effectiveDate",
    (x.tenor)::text AS tenor,
    x.rate,
    (x."dataSource")::text AS "dataSource",
    x."createdAt",
    x."updatedAt"
   FROM (public."LprRate" x
     JOIN reporting_private.caller c ON (((c.role)::text = ANY ((ARRAY['VIEWER'::character varying, 'ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'PROGRAMME_MANAGER'::character varying, 'ADMIN'::character varying])::text[]))));

--
-- Name: VIEW lpr_rates; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON VIEW reporting.lpr_rates IS 'Loan prime rate fixings (貸款市場報價利率): reference data every branch shares. Rows for VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Query.lprRates).';

--
-- Name: COLUMN lpr_rates.id; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.lpr_rates.id IS 'Row id of the fixing.';

--
-- Name: COLUMN lpr_rates."effectiveDate"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.lpr_rates."effectiveDate" IS 'Date the rate takes effect.';

--
-- Name: COLUMN lpr_rates.tenor; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.lpr_rates.tenor IS 'ONE_YEAR or FIVE_YEAR_PLUS.';

--
-- Name: COLUMN lpr_rates.rate; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.lpr_rates.rate IS 'Rate, annual fraction (0.038500 = 3.85%).';

--
-- Name: COLUMN lpr_rates."dataSource"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.lpr_rates."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';

--
-- Name: COLUMN lpr_rates."createdAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.lpr_rates."createdAt" IS 'When the row was written.';

--
-- Name: COLUMN lpr_rates."updatedAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.lpr_rates."updatedAt" IS 'When the row last changed: refresh incrementally on it.';

--
-- Name: org_units; Type: VIEW; Schema: reporting; Owner: -
--

CREATE VIEW reporting.org_units WITH (security_barrier='true') AS
 SELECT o.id,
    (o.code)::text AS code,
    o.name,
    o."nameZh",
    (o.kind)::text AS kind,
    (op.code)::text AS "parentCode",
    o.path,
    (r.code)::text AS "regionCode",
    o."countyLevel",
    (o."dataSource")::text AS "dataSource",
    o."createdAt",
    o."updatedAt"
   FROM (((public."OrgUnit" o
     LEFT JOIN public."OrgUnit" op ON ((op.id = o."parentId")))
     LEFT JOIN public."Region" r ON ((r.id = o."regionId")))
     JOIN reporting_private.caller c ON ((((c.role)::text = ANY ((ARRAY['VIEWER'::character varying, 'ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'PROGRAMME_MANAGER'::character varying, 'ADMIN'::character varying])::text[])) AND ((c."orgUnitId" IS NULL) OR (o.id IN ( SELECT u.id
           FROM reporting_private."callerUnits" u))))));

--
-- Name: VIEW org_units; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON VIEW reporting.org_units IS 'The bank''s units (一級分行 … 網點) in scope: the login''s unit and every unit below it. Rows for VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Query.orgUnits).';

--
-- Name: COLUMN org_units.id; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.org_units.id IS 'Row id of the unit.';

--
-- Name: COLUMN org_units.code; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.org_units.code IS 'Unit code.';

--
-- Name: COLUMN org_units.name; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.org_units.name IS 'Name.';

--
-- Name: COLUMN org_units."nameZh"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.org_units."nameZh" IS 'Chinese name.';

--
-- Name: COLUMN org_units.kind; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.org_units.kind IS 'TIER1_BRANCH, TIER2_BRANCH, SUB_BRANCH, OUTLET, SELF_SERVICE_BANK or DEPARTMENT.';

--
-- Name: COLUMN org_units."parentCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.org_units."parentCode" IS 'Code of the parent unit, null at the root.';

--
-- Name: COLUMN org_units.path; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.org_units.path IS 'Materialised path of unit ids ("/1/4/9/").';

--
-- Name: COLUMN org_units."regionCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.org_units."regionCode" IS 'NBS code of the region the unit is in.';

--
-- Name: COLUMN org_units."countyLevel"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.org_units."countyLevel" IS 'Whether the unit is at county level.';

--
-- Name: COLUMN org_units."dataSource"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.org_units."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';

--
-- Name: COLUMN org_units."createdAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.org_units."createdAt" IS 'When the row was written.';

--
-- Name: COLUMN org_units."updatedAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.org_units."updatedAt" IS 'When the row last changed: refresh incrementally on it.';

--
-- Name: regions; Type: VIEW; Schema: reporting; Owner: -
--

CREATE VIEW reporting.regions WITH (security_barrier='true') AS
 SELECT r.id,
    (r.code)::text AS code,
    r.name,
    array_to_string(r.aliases, ';'::text) AS aliases,
    (r.level)::text AS level,
    (rpar.code)::text AS "parentCode",
    concat_ws('/'::text, rp.code, rf.code, rc.code,
        CASE
            WHEN (length((r.code)::text) > 6) THEN r.code
            ELSE NULL::character varying
        END) AS path,
    (rp.code)::text AS "provinceCode",
    rp.name AS "provinceName",
    (rf.code)::text AS "prefectureCode",
    rf.name AS "prefectureName",
    (rc.code)::text AS "countyCode",
    rc.name AS "countyName",
    (r."povertyTier")::text AS "povertyTier",
    r."contiguousArea",
    r."exitYear",
    r."exitApprovedOn",
    r."revitalizationKeyCounty",
    (r."dataSource")::text AS "dataSource",
    r."createdAt",
    r."updatedAt"
   FROM (((((public."Region" r
     LEFT JOIN public."Region" rpar ON ((rpar.id = r."parentId")))
     LEFT JOIN public."Region" rp ON (((rp.code)::text = "left"((r.code)::text, 2))))
     LEFT JOIN public."Region" rf ON (((length((r.code)::text) >= 4) AND ((rf.code)::text = "left"((r.code)::text, 4)))))
     LEFT JOIN public."Region" rc ON (((length((r.code)::text) >= 6) AND ((rc.code)::text = "left"((r.code)::text, 6)))))
     JOIN reporting_private.caller c ON (((c.role)::text = ANY ((ARRAY['VIEWER'::character varying, 'ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'PROGRAMME_MANAGER'::character varying, 'ADMIN'::character varying])::text[]))));

--
-- Name: VIEW regions; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON VIEW reporting.regions IS 'Regions (NBS statistical divisions) with their path and ancestors: reference data every branch shares. Rows for VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Query.regions).';

--
-- Name: COLUMN regions.id; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions.id IS 'Row id of the region.';

--
-- Name: COLUMN regions.code; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions.code IS 'NBS code: province 2 digits, prefecture 4, county 6, township 9.';

--
-- Name: COLUMN regions.name; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions.name IS 'Official name (Simplified).';

--
-- Name: COLUMN regions.aliases; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions.aliases IS 'Other spellings, separated by ";"; empty when none.';

--
-- Name: COLUMN regions.level; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions.level IS 'PROVINCE, PREFECTURE, COUNTY or TOWNSHIP.';

--
-- Name: COLUMN regions."parentCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions."parentCode" IS 'Code of the parent region.';

--
-- Name: COLUMN regions.path; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions.path IS 'Codes from the province down to the region, separated by "/" ("41/4101/410185").';

--
-- Name: COLUMN regions."provinceCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions."provinceCode" IS 'Province code.';

--
-- Name: COLUMN regions."provinceName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions."provinceName" IS 'Province name.';

--
-- Name: COLUMN regions."prefectureCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions."prefectureCode" IS 'Prefecture code, null for a province.';

--
-- Name: COLUMN regions."prefectureName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions."prefectureName" IS 'Prefecture name.';

--
-- Name: COLUMN regions."countyCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions."countyCode" IS 'County code, null above county level.';

--
-- Name: COLUMN regions."countyName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions."countyName" IS 'County name.';

--
-- Name: COLUMN regions."povertyTier"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions."povertyTier" IS 'Poverty tier of a county (國家級/省級貧困縣): NATIONAL, PROVINCIAL or NONE.';

--
-- Name: COLUMN regions."contiguousArea"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions."contiguousArea" IS 'Contiguous destitute area (集中連片特困地區).';

--
-- Name: COLUMN regions."exitYear"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions."exitYear" IS 'Year the county exited poverty (脫貧摘帽).';

--
-- Name: COLUMN regions."exitApprovedOn"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions."exitApprovedOn" IS 'Date the exit was approved.';

--
-- Name: COLUMN regions."revitalizationKeyCounty"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions."revitalizationKeyCounty" IS 'National rural revitalisation key county (2021+).';

--
-- Name: COLUMN regions."dataSource"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';

--
-- Name: COLUMN regions."createdAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions."createdAt" IS 'When the row was written.';

--
-- Name: COLUMN regions."updatedAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.regions."updatedAt" IS 'When the row last changed: refresh incrementally on it.';

--
-- Name: snapshot_months; Type: VIEW; Schema: reporting; Owner: -
--

CREATE VIEW reporting.snapshot_months WITH (security_barrier='true') AS
 SELECT s."monthEnd",
    (r.code)::text AS "regionCode",
    "left"((r.code)::text, 2) AS "provinceCode",
    (o.code)::text AS "orgUnitCode",
    (count(*))::integer AS "loanCount",
    (sum(s."outstandingBalance"))::numeric(18,2) AS "outstandingBalance",
    (COALESCE(sum(s."outstandingBalance") FILTER (WHERE (s."riskClass" = ANY (ARRAY['SUBSTANDARD'::public."RiskClass", 'DOUBTFUL'::public."RiskClass", 'LOSS'::public."RiskClass"]))), (0)::numeric))::numeric(18,2) AS "nonPerformingBalance"
   FROM ((((public."LoanClassificationSnapshot" s
     JOIN public."EnterpriseLoan" l ON ((l.id = s."loanId")))
     LEFT JOIN public."Region" r ON ((r.id = l."regionId")))
     LEFT JOIN public."OrgUnit" o ON ((o.id = l."orgUnitId")))
     JOIN reporting_private.caller c ON ((((c.role)::text = ANY ((ARRAY['ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'ADMIN'::character varying])::text[])) AND ((c."orgUnitId" IS NULL) OR (l."orgUnitId" IN ( SELECT u.id
           FROM reporting_private."callerUnits" u))))))
  GROUP BY s."monthEnd", r.code, o.code;

--
-- Name: VIEW snapshot_months; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON VIEW reporting.snapshot_months IS 'Month-end classification snapshots (五級分類) per month, region and booking unit: balance and non-performing balance, the source of NPL trends. Rows for ANALYST, LOAN_OFFICER, ADMIN (as Query.portfolioSeries).';

--
-- Name: COLUMN snapshot_months."monthEnd"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.snapshot_months."monthEnd" IS 'Month-end date of the snapshots.';

--
-- Name: COLUMN snapshot_months."regionCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.snapshot_months."regionCode" IS 'NBS code of the region of the loans.';

--
-- Name: COLUMN snapshot_months."provinceCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.snapshot_months."provinceCode" IS 'Province code (2 digits).';

--
-- Name: COLUMN snapshot_months."orgUnitCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.snapshot_months."orgUnitCode" IS 'Code of the booking unit.';

--
-- Name: COLUMN snapshot_months."loanCount"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.snapshot_months."loanCount" IS 'Loans with a snapshot that month.';

--
-- Name: COLUMN snapshot_months."outstandingBalance"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.snapshot_months."outstandingBalance" IS 'Sum of month-end balances, CNY.';

--
-- Name: COLUMN snapshot_months."nonPerformingBalance"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.snapshot_months."nonPerformingBalance" IS 'Month-end balance in risk class SUBSTANDARD, DOUBTFUL or LOSS, CNY.';

--
-- Name: villages; Type: VIEW; Schema: reporting; Owner: -
--

CREATE VIEW reporting.villages WITH (security_barrier='true') AS
 SELECT v.id,
    (v.code)::text AS code,
    v."codeVerified",
    v.name,
    array_to_string(v.aliases, ';'::text) AS aliases,
    (rc.code)::text AS "countyCode",
    rc.name AS "countyName",
    (rt.code)::text AS "townshipCode",
    rt.name AS "townshipName",
    v."wasPoorVillage",
    v."exitYear",
    v."registeredPoorHouseholds",
    v.population,
    (v."dataSource")::text AS "dataSource",
    v."createdAt",
    v."updatedAt"
   FROM (((public."Village" v
     LEFT JOIN public."Region" rc ON ((rc.id = v."countyId")))
     LEFT JOIN public."Region" rt ON ((rt.id = v."townshipId")))
     JOIN reporting_private.caller c ON (((c.role)::text = ANY ((ARRAY['VIEWER'::character varying, 'ANALYST'::character varying, 'LOAN_OFFICER'::character varying, 'PROGRAMME_MANAGER'::character varying, 'ADMIN'::character varying])::text[]))));

--
-- Name: VIEW villages; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON VIEW reporting.villages IS 'Villages (行政村) with their county and township: reference data every branch shares. Rows for VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER, ADMIN (as Query.villages).';

--
-- Name: COLUMN villages.id; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages.id IS 'Row id of the village.';

--
-- Name: COLUMN villages.code; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages.code IS '12-digit village code, null when unknown.';

--
-- Name: COLUMN villages."codeVerified"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages."codeVerified" IS 'Whether the code is verified.';

--
-- Name: COLUMN villages.name; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages.name IS 'Official name.';

--
-- Name: COLUMN villages.aliases; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages.aliases IS 'Other spellings, separated by ";"; empty when none.';

--
-- Name: COLUMN villages."countyCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages."countyCode" IS 'County code.';

--
-- Name: COLUMN villages."countyName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages."countyName" IS 'County name.';

--
-- Name: COLUMN villages."townshipCode"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages."townshipCode" IS 'Township code.';

--
-- Name: COLUMN villages."townshipName"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages."townshipName" IS 'Township name.';

--
-- Name: COLUMN villages."wasPoorVillage"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages."wasPoorVillage" IS 'Whether it was a registered poor village (貧困村).';

--
-- Name: COLUMN villages."exitYear"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages."exitYear" IS 'Year it exited poverty.';

--
-- Name: COLUMN villages."registeredPoorHouseholds"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages."registeredPoorHouseholds" IS 'Registered poor households (a count only).';

--
-- Name: COLUMN villages.population; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages.population IS 'Population (a count only).';

--
-- Name: COLUMN villages."dataSource"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages."dataSource" IS 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.';

--
-- Name: COLUMN villages."createdAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages."createdAt" IS 'When the row was written.';

--
-- Name: COLUMN villages."updatedAt"; Type: COMMENT; Schema: reporting; Owner: -
--

COMMENT ON COLUMN reporting.villages."updatedAt" IS 'When the row last changed: refresh incrementally on it.';

--
-- Name: ApiKey id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."ApiKey" ALTER COLUMN id SET DEFAULT nextval('public."ApiKey_id_seq"'::regclass);

--
-- Name: AuditEvent id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."AuditEvent" ALTER COLUMN id SET DEFAULT nextval('public."AuditEvent_id_seq"'::regclass);

--
-- Name: CadreAssignment id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."CadreAssignment" ALTER COLUMN id SET DEFAULT nextval('public."CadreAssignment_id_seq"'::regclass);

--
-- Name: Campaign id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Campaign" ALTER COLUMN id SET DEFAULT nextval('public."Campaign_id_seq"'::regclass);

--
-- Name: Enterprise id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Enterprise" ALTER COLUMN id SET DEFAULT nextval('public."Enterprise_id_seq"'::regclass);

--
-- Name: EnterpriseLoan id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."EnterpriseLoan" ALTER COLUMN id SET DEFAULT nextval('public."EnterpriseLoan_id_seq"'::regclass);

--
-- Name: EnterpriseSite id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."EnterpriseSite" ALTER COLUMN id SET DEFAULT nextval('public."EnterpriseSite_id_seq"'::regclass);

--
-- Name: ExportJob id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."ExportJob" ALTER COLUMN id SET DEFAULT nextval('public."ExportJob_id_seq"'::regclass);

--
-- Name: ImpactRecord id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."ImpactRecord" ALTER COLUMN id SET DEFAULT nextval('public."ImpactRecord_id_seq"'::regclass);

--
-- Name: Initiative id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Initiative" ALTER COLUMN id SET DEFAULT nextval('public."Initiative_id_seq"'::regclass);

--
-- Name: InitiativeMetric id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."InitiativeMetric" ALTER COLUMN id SET DEFAULT nextval('public."InitiativeMetric_id_seq"'::regclass);

--
-- Name: LoanBorrowerRollup id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."LoanBorrowerRollup" ALTER COLUMN id SET DEFAULT nextval('public."LoanBorrowerRollup_id_seq"'::regclass);

--
-- Name: LoanClassificationSnapshot id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."LoanClassificationSnapshot" ALTER COLUMN id SET DEFAULT nextval('public."LoanClassificationSnapshot_id_seq"'::regclass);

--
-- Name: LoanMonthRollup id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."LoanMonthRollup" ALTER COLUMN id SET DEFAULT nextval('public."LoanMonthRollup_id_seq"'::regclass);

--
-- Name: LoanSnapshotRollup id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."LoanSnapshotRollup" ALTER COLUMN id SET DEFAULT nextval('public."LoanSnapshotRollup_id_seq"'::regclass);

--
-- Name: LprRate id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."LprRate" ALTER COLUMN id SET DEFAULT nextval('public."LprRate_id_seq"'::regclass);

--
-- Name: OrgUnit id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."OrgUnit" ALTER COLUMN id SET DEFAULT nextval('public."OrgUnit_id_seq"'::regclass);

--
-- Name: Region id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Region" ALTER COLUMN id SET DEFAULT nextval('public."Region_id_seq"'::regclass);

--
-- Name: Repayment id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Repayment" ALTER COLUMN id SET DEFAULT nextval('public."Repayment_id_seq"'::regclass);

--
-- Name: RepaymentScheduleItem id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."RepaymentScheduleItem" ALTER COLUMN id SET DEFAULT nextval('public."RepaymentScheduleItem_id_seq"'::regclass);

--
-- Name: ReportingLogin id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."ReportingLogin" ALTER COLUMN id SET DEFAULT nextval('public."ReportingLogin_id_seq"'::regclass);

--
-- Name: Village id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Village" ALTER COLUMN id SET DEFAULT nextval('public."Village_id_seq"'::regclass);

--
-- Name: ApiKey ApiKey_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."ApiKey"
    ADD CONSTRAINT "ApiKey_pkey" PRIMARY KEY (id);

--
-- Name: AuditEvent AuditEvent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."AuditEvent"
    ADD CONSTRAINT "AuditEvent_pkey" PRIMARY KEY (id);

--
-- Name: CadreAssignment CadreAssignment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."CadreAssignment"
    ADD CONSTRAINT "CadreAssignment_pkey" PRIMARY KEY (id);

--
-- Name: Campaign Campaign_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Campaign"
    ADD CONSTRAINT "Campaign_pkey" PRIMARY KEY (id);

--
-- Name: EnterpriseLoan EnterpriseLoan_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."EnterpriseLoan"
    ADD CONSTRAINT "EnterpriseLoan_pkey" PRIMARY KEY (id);

--
-- Name: EnterpriseSite EnterpriseSite_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."EnterpriseSite"
    ADD CONSTRAINT "EnterpriseSite_pkey" PRIMARY KEY (id);

--
-- Name: Enterprise Enterprise_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Enterprise"
    ADD CONSTRAINT "Enterprise_pkey" PRIMARY KEY (id);

--
-- Name: ExportJob ExportJob_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."ExportJob"
    ADD CONSTRAINT "ExportJob_pkey" PRIMARY KEY (id);

--
-- Name: FactChange FactChange_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."FactChange"
    ADD CONSTRAINT "FactChange_pkey" PRIMARY KEY (kind, "factId");

--
-- Name: IdempotencyRecord IdempotencyRecord_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."IdempotencyRecord"
    ADD CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("actorId", key);

--
-- Name: ImpactRecord ImpactRecord_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."ImpactRecord"
    ADD CONSTRAINT "ImpactRecord_pkey" PRIMARY KEY (id);

--
-- Name: InitiativeCampaign InitiativeCampaign_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."InitiativeCampaign"
    ADD CONSTRAINT "InitiativeCampaign_pkey" PRIMARY KEY ("initiativeId", "campaignId");

--
-- Name: InitiativeMetric InitiativeMetric_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."InitiativeMetric"
    ADD CONSTRAINT "InitiativeMetric_pkey" PRIMARY KEY (id);

--
-- Name: InitiativeVillage InitiativeVillage_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."InitiativeVillage"
    ADD CONSTRAINT "InitiativeVillage_pkey" PRIMARY KEY ("initiativeId", "villageId", role);

--
-- Name: Initiative Initiative_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Initiative"
    ADD CONSTRAINT "Initiative_pkey" PRIMARY KEY (id);

--
-- Name: LoanBorrowerRollup LoanBorrowerRollup_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."LoanBorrowerRollup"
    ADD CONSTRAINT "LoanBorrowerRollup_pkey" PRIMARY KEY (id);

--
-- Name: LoanCampaign LoanCampaign_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."LoanCampaign"
    ADD CONSTRAINT "LoanCampaign_pkey" PRIMARY KEY ("loanId", "campaignId");

--
-- Name: LoanClassificationSnapshot LoanClassificationSnapshot_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."LoanClassificationSnapshot"
    ADD CONSTRAINT "LoanClassificationSnapshot_pkey" PRIMARY KEY (id);

--
-- Name: LoanMonthRollup LoanMonthRollup_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."LoanMonthRollup"
    ADD CONSTRAINT "LoanMonthRollup_pkey" PRIMARY KEY (id);

--
-- Name: LoanSnapshotRollup LoanSnapshotRollup_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."LoanSnapshotRollup"
    ADD CONSTRAINT "LoanSnapshotRollup_pkey" PRIMARY KEY (id);

--
-- Name: LprRate LprRate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."LprRate"
    ADD CONSTRAINT "LprRate_pkey" PRIMARY KEY (id);

--
-- Name: OrgUnit OrgUnit_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."OrgUnit"
    ADD CONSTRAINT "OrgUnit_pkey" PRIMARY KEY (id);

--
-- Name: Region Region_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Region"
    ADD CONSTRAINT "Region_pkey" PRIMARY KEY (id);

--
-- Name: RepaymentScheduleItem RepaymentScheduleItem_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."RepaymentScheduleItem"
    ADD CONSTRAINT "RepaymentScheduleItem_pkey" PRIMARY KEY (id);

--
-- Name: Repayment Repayment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Repayment"
    ADD CONSTRAINT "Repayment_pkey" PRIMARY KEY (id);

--
-- Name: ReportingLogin ReportingLogin_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."ReportingLogin"
    ADD CONSTRAINT "ReportingLogin_pkey" PRIMARY KEY (id);

--
-- Name: Village Village_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Village"
    ADD CONSTRAINT "Village_pkey" PRIMARY KEY (id);

--
-- Name: _dishui_migrations _dishui_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public._dishui_migrations
    ADD CONSTRAINT _dishui_migrations_pkey PRIMARY KEY (name);

--
-- Name: ApiKey_orgUnitId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "ApiKey_orgUnitId_idx" ON public."ApiKey" USING btree ("orgUnitId");

--
-- Name: ApiKey_prefix_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "ApiKey_prefix_key" ON public."ApiKey" USING btree (prefix);

--
-- Name: AuditEvent_actorId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "AuditEvent_actorId_idx" ON public."AuditEvent" USING btree ("actorId");

--
-- Name: AuditEvent_createdAt_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "AuditEvent_createdAt_idx" ON public."AuditEvent" USING btree ("createdAt");

--
-- Name: AuditEvent_entityType_entityId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "AuditEvent_entityType_entityId_idx" ON public."AuditEvent" USING btree ("entityType", "entityId");

--
-- Name: CadreAssignment_initiativeId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "CadreAssignment_initiativeId_idx" ON public."CadreAssignment" USING btree ("initiativeId");

--
-- Name: CadreAssignment_villageId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "CadreAssignment_villageId_idx" ON public."CadreAssignment" USING btree ("villageId");

--
-- Name: Campaign_code_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "Campaign_code_key" ON public."Campaign" USING btree (code);

--
-- Name: EnterpriseLoan_contractDate_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "EnterpriseLoan_contractDate_idx" ON public."EnterpriseLoan" USING btree ("contractDate");

--
-- Name: EnterpriseLoan_contractNo_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "EnterpriseLoan_contractNo_key" ON public."EnterpriseLoan" USING btree ("contractNo");

--
-- Name: EnterpriseLoan_enterpriseId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "EnterpriseLoan_enterpriseId_idx" ON public."EnterpriseLoan" USING btree ("enterpriseId");

--
-- Name: EnterpriseLoan_firstDisbursementDate_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "EnterpriseLoan_firstDisbursementDate_idx" ON public."EnterpriseLoan" USING btree ("firstDisbursementDate");

--
-- Name: EnterpriseLoan_orgUnitId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "EnterpriseLoan_orgUnitId_idx" ON public."EnterpriseLoan" USING btree ("orgUnitId");

--
-- Name: EnterpriseLoan_product_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "EnterpriseLoan_product_idx" ON public."EnterpriseLoan" USING btree (product);

--
-- Name: EnterpriseLoan_regionId_firstDisbursementDate_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "EnterpriseLoan_regionId_firstDisbursementDate_idx" ON public."EnterpriseLoan" USING btree ("regionId", "firstDisbursementDate");

--
-- Name: EnterpriseLoan_regionId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "EnterpriseLoan_regionId_idx" ON public."EnterpriseLoan" USING btree ("regionId");

--
-- Name: EnterpriseLoan_siteId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "EnterpriseLoan_siteId_idx" ON public."EnterpriseLoan" USING btree ("siteId");

--
-- Name: EnterpriseLoan_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "EnterpriseLoan_status_idx" ON public."EnterpriseLoan" USING btree (status);

--
-- Name: EnterpriseLoan_updatedAt_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "EnterpriseLoan_updatedAt_idx" ON public."EnterpriseLoan" USING btree ("updatedAt");

--
-- Name: EnterpriseSite_enterpriseId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "EnterpriseSite_enterpriseId_idx" ON public."EnterpriseSite" USING btree ("enterpriseId");

--
-- Name: EnterpriseSite_regionId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "EnterpriseSite_regionId_idx" ON public."EnterpriseSite" USING btree ("regionId");

--
-- Name: Enterprise_creditCode_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "Enterprise_creditCode_key" ON public."Enterprise" USING btree ("creditCode");

--
-- Name: Enterprise_headOfficeRegionId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "Enterprise_headOfficeRegionId_idx" ON public."Enterprise" USING btree ("headOfficeRegionId");

--
-- Name: Enterprise_leadingEnterpriseLevel_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "Enterprise_leadingEnterpriseLevel_idx" ON public."Enterprise" USING btree ("leadingEnterpriseLevel");

--
-- Name: FactChange_kind_deleted_changedAt_factId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "FactChange_kind_deleted_changedAt_factId_idx" ON public."FactChange" USING btree (kind, deleted, "changedAt", "factId");

--
-- Name: IdempotencyRecord_createdAt_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IdempotencyRecord_createdAt_idx" ON public."IdempotencyRecord" USING btree ("createdAt");

--
-- Name: ImpactRecord_initiativeId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "ImpactRecord_initiativeId_idx" ON public."ImpactRecord" USING btree ("initiativeId");

--
-- Name: ImpactRecord_loanId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "ImpactRecord_loanId_idx" ON public."ImpactRecord" USING btree ("loanId");

--
-- Name: ImpactRecord_regionId_periodStart_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "ImpactRecord_regionId_periodStart_idx" ON public."ImpactRecord" USING btree ("regionId", "periodStart");

--
-- Name: InitiativeCampaign_campaignId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "InitiativeCampaign_campaignId_idx" ON public."InitiativeCampaign" USING btree ("campaignId");

--
-- Name: InitiativeMetric_initiativeId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "InitiativeMetric_initiativeId_idx" ON public."InitiativeMetric" USING btree ("initiativeId");

--
-- Name: InitiativeMetric_metric_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "InitiativeMetric_metric_idx" ON public."InitiativeMetric" USING btree (metric);

--
-- Name: InitiativeVillage_villageId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "InitiativeVillage_villageId_idx" ON public."InitiativeVillage" USING btree ("villageId");

--
-- Name: Initiative_category_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "Initiative_category_idx" ON public."Initiative" USING btree (category);

--
-- Name: Initiative_code_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "Initiative_code_key" ON public."Initiative" USING btree (code);

--
-- Name: Initiative_ownerOrgUnitId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "Initiative_ownerOrgUnitId_idx" ON public."Initiative" USING btree ("ownerOrgUnitId");

--
-- Name: Initiative_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "Initiative_status_idx" ON public."Initiative" USING btree (status);

--
-- Name: LoanBorrowerRollup_regionId_enterpriseId_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "LoanBorrowerRollup_regionId_enterpriseId_key" ON public."LoanBorrowerRollup" USING btree ("regionId", "enterpriseId") NULLS NOT DISTINCT;

--
-- Name: LoanCampaign_campaignId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "LoanCampaign_campaignId_idx" ON public."LoanCampaign" USING btree ("campaignId");

--
-- Name: LoanClassificationSnapshot_loanId_monthEnd_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "LoanClassificationSnapshot_loanId_monthEnd_key" ON public."LoanClassificationSnapshot" USING btree ("loanId", "monthEnd");

--
-- Name: LoanClassificationSnapshot_monthEnd_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "LoanClassificationSnapshot_monthEnd_idx" ON public."LoanClassificationSnapshot" USING btree ("monthEnd");

--
-- Name: LoanMonthRollup_regionId_disbursementMonth_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "LoanMonthRollup_regionId_disbursementMonth_key" ON public."LoanMonthRollup" USING btree ("regionId", "disbursementMonth") NULLS NOT DISTINCT;

--
-- Name: LoanSnapshotRollup_regionId_monthEnd_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "LoanSnapshotRollup_regionId_monthEnd_key" ON public."LoanSnapshotRollup" USING btree ("regionId", "monthEnd") NULLS NOT DISTINCT;

--
-- Name: LprRate_tenor_effectiveDate_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "LprRate_tenor_effectiveDate_key" ON public."LprRate" USING btree (tenor, "effectiveDate");

--
-- Name: OrgUnit_code_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "OrgUnit_code_key" ON public."OrgUnit" USING btree (code);

--
-- Name: OrgUnit_parentId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "OrgUnit_parentId_idx" ON public."OrgUnit" USING btree ("parentId");

--
-- Name: OrgUnit_path_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "OrgUnit_path_idx" ON public."OrgUnit" USING btree (path);

--
-- Name: OrgUnit_regionId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "OrgUnit_regionId_idx" ON public."OrgUnit" USING btree ("regionId");

--
-- Name: Region_code_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "Region_code_key" ON public."Region" USING btree (code);

--
-- Name: Region_level_code_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "Region_level_code_idx" ON public."Region" USING btree (level, code);

--
-- Name: Region_parentId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "Region_parentId_idx" ON public."Region" USING btree ("parentId");

--
-- Name: RepaymentScheduleItem_loanId_seq_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "RepaymentScheduleItem_loanId_seq_key" ON public."RepaymentScheduleItem" USING btree ("loanId", seq);

--
-- Name: RepaymentScheduleItem_status_dueDate_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "RepaymentScheduleItem_status_dueDate_idx" ON public."RepaymentScheduleItem" USING btree (status, "dueDate");

--
-- Name: Repayment_loanId_paidOn_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "Repayment_loanId_paidOn_idx" ON public."Repayment" USING btree ("loanId", "paidOn");

--
-- Name: Repayment_scheduleItemId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "Repayment_scheduleItemId_idx" ON public."Repayment" USING btree ("scheduleItemId");

--
-- Name: ReportingLogin_login_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "ReportingLogin_login_key" ON public."ReportingLogin" USING btree (login);

--
-- Name: ReportingLogin_orgUnitId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "ReportingLogin_orgUnitId_idx" ON public."ReportingLogin" USING btree ("orgUnitId");

--
-- Name: Village_code_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "Village_code_key" ON public."Village" USING btree (code);

--
-- Name: Village_countyId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "Village_countyId_idx" ON public."Village" USING btree ("countyId");

--
-- Name: Village_name_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "Village_name_idx" ON public."Village" USING btree (name);

--
-- Name: Village_townshipId_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "Village_townshipId_idx" ON public."Village" USING btree ("townshipId");

--
-- Name: AuditEvent AuditEvent_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "AuditEvent_append_only" BEFORE DELETE OR UPDATE ON public."AuditEvent" FOR EACH ROW EXECUTE FUNCTION public.dishui_audit_append_only();

--
-- Name: Campaign Campaign_facts_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "Campaign_facts_update" AFTER UPDATE ON public."Campaign" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_campaign_facts_written();

--
-- Name: EnterpriseLoan EnterpriseLoan_borrower_rollup_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "EnterpriseLoan_borrower_rollup_delete" AFTER DELETE ON public."EnterpriseLoan" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_borrower_rollup();

--
-- Name: EnterpriseLoan EnterpriseLoan_borrower_rollup_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "EnterpriseLoan_borrower_rollup_insert" AFTER INSERT ON public."EnterpriseLoan" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_borrower_rollup();

--
-- Name: EnterpriseLoan EnterpriseLoan_borrower_rollup_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "EnterpriseLoan_borrower_rollup_update" AFTER UPDATE ON public."EnterpriseLoan" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_borrower_rollup();

--
-- Name: EnterpriseLoan EnterpriseLoan_facts_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "EnterpriseLoan_facts_delete" AFTER DELETE ON public."EnterpriseLoan" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_loan_facts_written();

--
-- Name: EnterpriseLoan EnterpriseLoan_facts_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "EnterpriseLoan_facts_insert" AFTER INSERT ON public."EnterpriseLoan" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_loan_facts_written();

--
-- Name: EnterpriseLoan EnterpriseLoan_facts_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "EnterpriseLoan_facts_update" AFTER UPDATE ON public."EnterpriseLoan" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_loan_facts_written();

--
-- Name: EnterpriseLoan EnterpriseLoan_rollup_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "EnterpriseLoan_rollup_delete" AFTER DELETE ON public."EnterpriseLoan" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_loan_rollup();

--
-- Name: EnterpriseLoan EnterpriseLoan_rollup_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "EnterpriseLoan_rollup_insert" AFTER INSERT ON public."EnterpriseLoan" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_loan_rollup();

--
-- Name: EnterpriseLoan EnterpriseLoan_rollup_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "EnterpriseLoan_rollup_update" AFTER UPDATE ON public."EnterpriseLoan" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_loan_rollup();

--
-- Name: EnterpriseLoan EnterpriseLoan_snapshots_out; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "EnterpriseLoan_snapshots_out" BEFORE DELETE ON public."EnterpriseLoan" FOR EACH ROW EXECUTE FUNCTION public.dishui_loan_snapshots_out();

--
-- Name: Enterprise Enterprise_facts_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "Enterprise_facts_update" AFTER UPDATE ON public."Enterprise" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_enterprise_facts_written();

--
-- Name: ImpactRecord ImpactRecord_facts_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "ImpactRecord_facts_delete" AFTER DELETE ON public."ImpactRecord" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_impact_facts_written();

--
-- Name: ImpactRecord ImpactRecord_facts_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "ImpactRecord_facts_insert" AFTER INSERT ON public."ImpactRecord" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_impact_facts_written();

--
-- Name: ImpactRecord ImpactRecord_facts_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "ImpactRecord_facts_update" AFTER UPDATE ON public."ImpactRecord" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_impact_facts_written();

--
-- Name: Initiative Initiative_facts_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "Initiative_facts_update" AFTER UPDATE ON public."Initiative" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_initiative_facts_written();

--
-- Name: LoanCampaign LoanCampaign_facts_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "LoanCampaign_facts_delete" AFTER DELETE ON public."LoanCampaign" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_loan_campaign_facts_written();

--
-- Name: LoanCampaign LoanCampaign_facts_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "LoanCampaign_facts_insert" AFTER INSERT ON public."LoanCampaign" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_loan_campaign_facts_written();

--
-- Name: LoanClassificationSnapshot LoanClassificationSnapshot_rollup_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "LoanClassificationSnapshot_rollup_delete" AFTER DELETE ON public."LoanClassificationSnapshot" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_snapshot_rollup();

--
-- Name: LoanClassificationSnapshot LoanClassificationSnapshot_rollup_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "LoanClassificationSnapshot_rollup_insert" AFTER INSERT ON public."LoanClassificationSnapshot" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_snapshot_rollup();

--
-- Name: LoanClassificationSnapshot LoanClassificationSnapshot_rollup_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "LoanClassificationSnapshot_rollup_update" AFTER UPDATE ON public."LoanClassificationSnapshot" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_snapshot_rollup();

--
-- Name: OrgUnit OrgUnit_facts_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "OrgUnit_facts_update" AFTER UPDATE ON public."OrgUnit" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_org_unit_facts_written();

--
-- Name: OrgUnit OrgUnit_path; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "OrgUnit_path" BEFORE INSERT OR UPDATE OF id, "parentId", path ON public."OrgUnit" FOR EACH ROW EXECUTE FUNCTION public.dishui_org_unit_path();

--
-- Name: OrgUnit OrgUnit_path_moved; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "OrgUnit_path_moved" AFTER UPDATE OF id, "parentId", path ON public."OrgUnit" FOR EACH ROW WHEN ((old.path IS DISTINCT FROM new.path)) EXECUTE FUNCTION public.dishui_org_unit_path_moved();

--
-- Name: Region Region_facts_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "Region_facts_update" AFTER UPDATE ON public."Region" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dishui_region_facts_written();

--
-- Name: Region Region_tree_check; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "Region_tree_check" BEFORE INSERT OR UPDATE OF "parentId", level, code ON public."Region" FOR EACH ROW EXECUTE FUNCTION public.dishui_region_tree_check();

--
-- Name: Village Village_region_check; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER "Village_region_check" BEFORE INSERT OR UPDATE OF "countyId", "townshipId", code ON public."Village" FOR EACH ROW EXECUTE FUNCTION public.dishui_village_region_check();

--
-- Name: ApiKey ApiKey_orgUnitId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."ApiKey"
    ADD CONSTRAINT "ApiKey_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES public."OrgUnit"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

--
-- Name: CadreAssignment CadreAssignment_initiativeId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."CadreAssignment"
    ADD CONSTRAINT "CadreAssignment_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES public."Initiative"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

--
-- Name: CadreAssignment CadreAssignment_villageId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."CadreAssignment"
    ADD CONSTRAINT "CadreAssignment_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES public."Village"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

--
-- Name: EnterpriseLoan EnterpriseLoan_enterpriseId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."EnterpriseLoan"
    ADD CONSTRAINT "EnterpriseLoan_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES public."Enterprise"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

--
-- Name: EnterpriseLoan EnterpriseLoan_orgUnitId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."EnterpriseLoan"
    ADD CONSTRAINT "EnterpriseLoan_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES public."OrgUnit"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

--
-- Name: EnterpriseLoan EnterpriseLoan_regionId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."EnterpriseLoan"
    ADD CONSTRAINT "EnterpriseLoan_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES public."Region"(id) ON UPDATE CASCADE ON DELETE SET NULL;

--
-- Name: EnterpriseLoan EnterpriseLoan_siteId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."EnterpriseLoan"
    ADD CONSTRAINT "EnterpriseLoan_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES public."EnterpriseSite"(id) ON UPDATE CASCADE ON DELETE SET NULL;

--
-- Name: EnterpriseSite EnterpriseSite_enterpriseId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."EnterpriseSite"
    ADD CONSTRAINT "EnterpriseSite_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES public."Enterprise"(id) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: EnterpriseSite EnterpriseSite_regionId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."EnterpriseSite"
    ADD CONSTRAINT "EnterpriseSite_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES public."Region"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

--
-- Name: Enterprise Enterprise_headOfficeRegionId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Enterprise"
    ADD CONSTRAINT "Enterprise_headOfficeRegionId_fkey" FOREIGN KEY ("headOfficeRegionId") REFERENCES public."Region"(id) ON UPDATE CASCADE ON DELETE SET NULL;

--
-- Name: ImpactRecord ImpactRecord_initiativeId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."ImpactRecord"
    ADD CONSTRAINT "ImpactRecord_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES public."Initiative"(id) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: ImpactRecord ImpactRecord_loanId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."ImpactRecord"
    ADD CONSTRAINT "ImpactRecord_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES public."EnterpriseLoan"(id) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: ImpactRecord ImpactRecord_regionId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."ImpactRecord"
    ADD CONSTRAINT "ImpactRecord_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES public."Region"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

--
-- Name: InitiativeCampaign InitiativeCampaign_campaignId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."InitiativeCampaign"
    ADD CONSTRAINT "InitiativeCampaign_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES public."Campaign"(id) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: InitiativeCampaign InitiativeCampaign_initiativeId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."InitiativeCampaign"
    ADD CONSTRAINT "InitiativeCampaign_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES public."Initiative"(id) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: InitiativeMetric InitiativeMetric_initiativeId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."InitiativeMetric"
    ADD CONSTRAINT "InitiativeMetric_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES public."Initiative"(id) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: InitiativeVillage InitiativeVillage_initiativeId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."InitiativeVillage"
    ADD CONSTRAINT "InitiativeVillage_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES public."Initiative"(id) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: InitiativeVillage InitiativeVillage_villageId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."InitiativeVillage"
    ADD CONSTRAINT "InitiativeVillage_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES public."Village"(id) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: Initiative Initiative_ownerOrgUnitId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Initiative"
    ADD CONSTRAINT "Initiative_ownerOrgUnitId_fkey" FOREIGN KEY ("ownerOrgUnitId") REFERENCES public."OrgUnit"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

--
-- Name: LoanCampaign LoanCampaign_campaignId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."LoanCampaign"
    ADD CONSTRAINT "LoanCampaign_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES public."Campaign"(id) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: LoanCampaign LoanCampaign_loanId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."LoanCampaign"
    ADD CONSTRAINT "LoanCampaign_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES public."EnterpriseLoan"(id) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: LoanClassificationSnapshot LoanClassificationSnapshot_loanId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."LoanClassificationSnapshot"
    ADD CONSTRAINT "LoanClassificationSnapshot_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES public."EnterpriseLoan"(id) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: OrgUnit OrgUnit_parentId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."OrgUnit"
    ADD CONSTRAINT "OrgUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES public."OrgUnit"(id) ON UPDATE CASCADE ON DELETE SET NULL;

--
-- Name: OrgUnit OrgUnit_regionId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."OrgUnit"
    ADD CONSTRAINT "OrgUnit_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES public."Region"(id) ON UPDATE CASCADE ON DELETE SET NULL;

--
-- Name: Region Region_parentId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Region"
    ADD CONSTRAINT "Region_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES public."Region"(id) ON UPDATE CASCADE ON DELETE SET NULL;

--
-- Name: RepaymentScheduleItem RepaymentScheduleItem_loanId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."RepaymentScheduleItem"
    ADD CONSTRAINT "RepaymentScheduleItem_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES public."EnterpriseLoan"(id) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: Repayment Repayment_loanId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Repayment"
    ADD CONSTRAINT "Repayment_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES public."EnterpriseLoan"(id) ON UPDATE CASCADE ON DELETE CASCADE;

--
-- Name: Repayment Repayment_scheduleItemId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Repayment"
    ADD CONSTRAINT "Repayment_scheduleItemId_fkey" FOREIGN KEY ("scheduleItemId") REFERENCES public."RepaymentScheduleItem"(id) ON UPDATE CASCADE ON DELETE SET NULL;

--
-- Name: ReportingLogin ReportingLogin_orgUnitId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."ReportingLogin"
    ADD CONSTRAINT "ReportingLogin_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES public."OrgUnit"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

--
-- Name: Village Village_countyId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Village"
    ADD CONSTRAINT "Village_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES public."Region"(id) ON UPDATE CASCADE ON DELETE RESTRICT;

--
-- Name: Village Village_townshipId_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public."Village"
    ADD CONSTRAINT "Village_townshipId_fkey" FOREIGN KEY ("townshipId") REFERENCES public."Region"(id) ON UPDATE CASCADE ON DELETE SET NULL;

--
-- PostgreSQL database dump complete
--
