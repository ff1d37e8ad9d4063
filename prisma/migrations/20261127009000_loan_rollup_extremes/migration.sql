-- Borrowers and rate extremes in the month rollup. A minimum, a maximum or a distinct count cannot
-- be decremented when a loan leaves a cell, so every cell a write touches is recounted from its
-- loans, after its upsert: the upsert holds the cell's row lock, and the recount (a new statement,
-- so a new snapshot under READ COMMITTED) sees every loan committed by a writer that held that lock
-- before. A cell is one region and one month: an index on (regionId, firstDisbursementDate) finds
-- its loans. Minima and maxima merge across cells; a distinct count only answers a group that is
-- exactly one cell (the read side checks that).

ALTER TABLE "LoanMonthRollup" ADD COLUMN "borrowerCount" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "minRate" DECIMAL(9,6),
  ADD COLUMN "maxRate" DECIMAL(9,6);

-- CreateIndex
CREATE INDEX "EnterpriseLoan_regionId_firstDisbursementDate_idx" ON "EnterpriseLoan"("regionId", "firstDisbursementDate");

-- Recounts borrowers and rate extremes of the given cells from their loans. Four branches, one per
-- null pattern of the key, so each is an index range (a null region or month is a cell too).
CREATE FUNCTION "dishui_recount_loan_months"(region int[], month date[]) RETURNS void
LANGUAGE sql AS $$
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
  WHERE u."regionId" IS NOT DISTINCT FROM c.region AND u."disbursementMonth" IS NOT DISTINCT FROM c.month;
$$;

-- The same signed-delta upsert as before, then the recount of every cell it touched: triggers, and
-- the synthetic seeder's per-chunk addition (dishui_rollup_loans), all come through here.
CREATE OR REPLACE FUNCTION "dishui_add_loan_months"(region int[], month date[], n int[], contract numeric[], disbursed numeric[], balance numeric[],
  overdue numeric[], npl numeric[], rated int[], rate_sum numeric[], rate_balance numeric[], rated_balance numeric[]) RETURNS void
LANGUAGE sql AS $$
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
  SELECT "dishui_recount_loan_months"(region, month);
$$;

-- The update trigger also recounts the cells of loans whose borrower changed.
CREATE OR REPLACE FUNCTION "dishui_loan_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
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


-- Existing data: the new columns start exact.
UPDATE "LoanMonthRollup" u SET "borrowerCount" = c.borrowers, "minRate" = c.min_rate, "maxRate" = c.max_rate
FROM (SELECT l."regionId", date_trunc('month', l."firstDisbursementDate"::timestamp)::date AS month, count(DISTINCT l."enterpriseId")::int AS borrowers,
        min(l."effectiveRate") AS min_rate, max(l."effectiveRate") AS max_rate
      FROM "EnterpriseLoan" l GROUP BY 1, 2) c
WHERE COALESCE(u."regionId", -1) = COALESCE(c."regionId", -1) AND COALESCE(u."disbursementMonth", '-infinity') = COALESCE(c.month, '-infinity');
