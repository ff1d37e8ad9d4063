-- Borrowers per region (no month): each row a region and a borrower with its number of loans
-- there. A distinct count of borrowers over any grouping by the region hierarchy (or none) is the
-- distinct count of these rows' borrowers: exact, and it reads ~200,000 rows instead of a million
-- loans. Loan counts are additive, so statement-level triggers keep it exact by signed upserts in
-- key order, as the other rollups; rows whose count falls to zero are deleted (a borrower with a
-- loan somewhere stays counted only while its count is positive; readers also skip zero rows).

-- CreateTable
CREATE TABLE "LoanBorrowerRollup" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER,
    "enterpriseId" INTEGER NOT NULL,
    "loanCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LoanBorrowerRollup_pkey" PRIMARY KEY ("id")
);

-- Loans without a region count per borrower too: null keys are equal here.
CREATE UNIQUE INDEX "LoanBorrowerRollup_regionId_enterpriseId_key" ON "LoanBorrowerRollup"("regionId", "enterpriseId") NULLS NOT DISTINCT;

-- Adds signed loan counts per region and borrower, in key order, then drops the touched rows that emptied.
CREATE FUNCTION "dishui_add_borrowers"(region int[], enterprise int[], n int[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "LoanBorrowerRollup" AS u ("regionId", "enterpriseId", "loanCount")
  SELECT x.region, x.enterprise, x.n FROM unnest(region, enterprise, n) AS x(region, enterprise, n)
  ORDER BY x.region, x.enterprise
  ON CONFLICT ("regionId", "enterpriseId") DO UPDATE SET "loanCount" = u."loanCount" + EXCLUDED."loanCount";
  DELETE FROM "LoanBorrowerRollup" u USING unnest(region, enterprise, n) AS x(region, enterprise, n)
  WHERE x.n < 0 AND u."loanCount" = 0 AND u."enterpriseId" = x.enterprise AND (u."regionId" = x.region OR (u."regionId" IS NULL AND x.region IS NULL));
$$;

CREATE FUNCTION "dishui_borrower_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER "EnterpriseLoan_borrower_rollup_insert" AFTER INSERT ON "EnterpriseLoan" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_borrower_rollup"();
CREATE TRIGGER "EnterpriseLoan_borrower_rollup_update" AFTER UPDATE ON "EnterpriseLoan" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_borrower_rollup"();
CREATE TRIGGER "EnterpriseLoan_borrower_rollup_delete" AFTER DELETE ON "EnterpriseLoan" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_borrower_rollup"();

-- The seeder's chunks add their borrowers too.
CREATE OR REPLACE FUNCTION "dishui_rollup_loans"(lo int, hi int, c_lo text, c_hi text) RETURNS void LANGUAGE plpgsql AS $$
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


-- Existing data: the rollup starts exact.
INSERT INTO "LoanBorrowerRollup" ("regionId", "enterpriseId", "loanCount")
SELECT l."regionId", l."enterpriseId", count(*) FROM "EnterpriseLoan" l GROUP BY 1, 2;
