-- Change feeds for BI (docs/bi.md, "Incremental refresh"): one "FactChange" row per fact, whose
-- "changedAt" moves whenever any value the fact row shows changes, its own columns or one copied
-- in from its borrower, booking unit, initiative, campaigns or regions (a rename of county 410185
-- moves every loan fact in it). A deleted fact keeps its row as a tombstone ("deleted"), with the
-- org unit it was booked at so the deletion feed can be scoped.
--
-- Statement-level triggers with transition tables, as the rollups: a bulk write of 100,000 rows is
-- one upsert of 100,000 keys, not 100,000 trigger calls. Keys are upserted in key order, so two
-- writers lock change rows in the same order. bench/bi-changes.ts measures what this costs.

-- CreateTable
CREATE TABLE "FactChange" (
    "kind" VARCHAR(16) NOT NULL,
    "factId" INTEGER NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "orgUnitId" INTEGER,

    CONSTRAINT "FactChange_pkey" PRIMARY KEY ("kind","factId")
);

-- The feeds read (kind, deleted) = constants, then ("changedAt", "factId") > cursor in order: one
-- index range, a page of 5,000 reads 5,000 entries wherever the cursor is.
-- CreateIndex
CREATE INDEX "FactChange_kind_deleted_changedAt_factId_idx" ON "FactChange"("kind", "deleted", "changedAt", "factId");

-- Marks facts of `fact_kind` as changed now (un-deleting none: ids are never reused).
CREATE FUNCTION "dishui_touch_facts"(fact_kind text, ids int[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "FactChange" AS c ("kind", "factId", "changedAt")
  SELECT fact_kind, x.id, statement_timestamp() FROM (SELECT DISTINCT unnest(ids) AS id) x WHERE x.id IS NOT NULL ORDER BY x.id
  ON CONFLICT ("kind", "factId") DO UPDATE SET "changedAt" = EXCLUDED."changedAt"
  WHERE c."changedAt" IS DISTINCT FROM EXCLUDED."changedAt" AND NOT c."deleted";
$$;

-- Marks facts of `fact_kind` as deleted now, remembering the org unit each was visible under.
CREATE FUNCTION "dishui_delete_facts"(fact_kind text, ids int[], units int[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "FactChange" AS c ("kind", "factId", "changedAt", "deleted", "orgUnitId")
  SELECT fact_kind, x.id, statement_timestamp(), true, x.unit FROM unnest(ids, units) AS x(id, unit) ORDER BY x.id
  ON CONFLICT ("kind", "factId") DO UPDATE SET "changedAt" = EXCLUDED."changedAt", "deleted" = true, "orgUnitId" = EXCLUDED."orgUnitId";
$$;

-- Loans: their own fact; the impact facts that show the loan's number, product, class, unit or borrower.
CREATE FUNCTION "dishui_loan_facts_written"() RETURNS trigger
LANGUAGE plpgsql AS $$
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

CREATE FUNCTION "dishui_impact_facts_written"() RETURNS trigger
LANGUAGE plpgsql AS $$
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

-- Values copied into fact rows: a change to one of them moves every fact that shows it.
CREATE FUNCTION "dishui_enterprise_facts_written"() RETURNS trigger
LANGUAGE plpgsql AS $$
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

CREATE FUNCTION "dishui_org_unit_facts_written"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "dishui_touch_facts"('loan-facts', ARRAY(
    SELECT l."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "EnterpriseLoan" l ON l."orgUnitId" = n."id"
    WHERE (n."code", n."name", n."nameZh") IS DISTINCT FROM (o."code", o."name", o."nameZh")));
  PERFORM "dishui_touch_facts"('impact-facts', ARRAY(
    SELECT i."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    JOIN "ImpactRecord" i ON i."loanId" IN (SELECT l."id" FROM "EnterpriseLoan" l WHERE l."orgUnitId" = n."id")
      OR i."initiativeId" IN (SELECT t."id" FROM "Initiative" t WHERE t."ownerOrgUnitId" = n."id")
    WHERE (n."code", n."name") IS DISTINCT FROM (o."code", o."name")));
  RETURN NULL;
END $$;

-- A region's facts show its own name and level and the names and tier of its county, prefecture
-- and province, found by code prefix: a change moves every fact in the region's subtree by code.
CREATE FUNCTION "dishui_region_facts_written"() RETURNS trigger
LANGUAGE plpgsql AS $$
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

CREATE FUNCTION "dishui_initiative_facts_written"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "dishui_touch_facts"('impact-facts', ARRAY(
    SELECT i."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "ImpactRecord" i ON i."initiativeId" = n."id"
    WHERE (n."code", n."name", n."category", n."ownerOrgUnitId") IS DISTINCT FROM (o."code", o."name", o."category", o."ownerOrgUnitId")));
  RETURN NULL;
END $$;

-- A loan's campaign codes: a link added or removed, or a campaign's code changed.
CREATE FUNCTION "dishui_loan_campaign_facts_written"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "dishui_touch_facts"('loan-facts', ARRAY(SELECT o."loanId" FROM old_rows o JOIN "EnterpriseLoan" l ON l."id" = o."loanId"));
  ELSE
    PERFORM "dishui_touch_facts"('loan-facts', ARRAY(SELECT n."loanId" FROM new_rows n));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "dishui_campaign_facts_written"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "dishui_touch_facts"('loan-facts', ARRAY(
    SELECT lc."loanId" FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "LoanCampaign" lc ON lc."campaignId" = n."id"
    WHERE n."code" IS DISTINCT FROM o."code"));
  RETURN NULL;
END $$;

CREATE TRIGGER "EnterpriseLoan_facts_insert" AFTER INSERT ON "EnterpriseLoan" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_loan_facts_written"();
CREATE TRIGGER "EnterpriseLoan_facts_update" AFTER UPDATE ON "EnterpriseLoan" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_loan_facts_written"();
CREATE TRIGGER "EnterpriseLoan_facts_delete" AFTER DELETE ON "EnterpriseLoan" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_loan_facts_written"();
CREATE TRIGGER "ImpactRecord_facts_insert" AFTER INSERT ON "ImpactRecord" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_impact_facts_written"();
CREATE TRIGGER "ImpactRecord_facts_update" AFTER UPDATE ON "ImpactRecord" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_impact_facts_written"();
CREATE TRIGGER "ImpactRecord_facts_delete" AFTER DELETE ON "ImpactRecord" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_impact_facts_written"();
CREATE TRIGGER "Enterprise_facts_update" AFTER UPDATE ON "Enterprise" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_enterprise_facts_written"();
CREATE TRIGGER "OrgUnit_facts_update" AFTER UPDATE ON "OrgUnit" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_org_unit_facts_written"();
CREATE TRIGGER "Region_facts_update" AFTER UPDATE ON "Region" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_region_facts_written"();
CREATE TRIGGER "Initiative_facts_update" AFTER UPDATE ON "Initiative" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_initiative_facts_written"();
CREATE TRIGGER "LoanCampaign_facts_insert" AFTER INSERT ON "LoanCampaign" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_loan_campaign_facts_written"();
CREATE TRIGGER "LoanCampaign_facts_delete" AFTER DELETE ON "LoanCampaign" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_loan_campaign_facts_written"();
CREATE TRIGGER "Campaign_facts_update" AFTER UPDATE ON "Campaign" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_campaign_facts_written"();

-- Facts written before this migration changed when they were last updated.
INSERT INTO "FactChange" ("kind", "factId", "changedAt") SELECT 'loan-facts', "id", "updatedAt" FROM "EnterpriseLoan";
INSERT INTO "FactChange" ("kind", "factId", "changedAt") SELECT 'impact-facts', "id", "updatedAt" FROM "ImpactRecord";
