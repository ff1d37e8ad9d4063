-- Rebuilds the three loan rollups from the loans and snapshots in one set-based pass: what a bulk
-- writer runs once at the end instead of adding every chunk of rows as it goes (the synthetic
-- seeder writes its loan chunks with dishui.defer_rollups = 'on', then calls this). The result
-- equals what the rollup triggers maintain row by row: the same sums over the same cells, the
-- borrower count as the distinct borrowers of a cell, the rate extremes as min and max, and no
-- cell without loans. The loan and snapshot tables are locked against writes until the caller's
-- transaction ends, so no write slips between the rebuild and the commit.
CREATE FUNCTION "dishui_refresh_loan_rollups"() RETURNS void LANGUAGE plpgsql AS $$
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
