-- New loans need no recount of their cells: a minimum and a maximum merge with the cell's, and a
-- borrower is new to a cell when its loans there are exactly the new ones, which the index on
-- enterpriseId finds among that borrower's few loans. So an insert (the seeder's chunks, CSV
-- imports, a new loan) costs in proportion to the rows it adds, not to the cells it touches; only
-- updates of a loan's region, month, rate or borrower, and deletes, recount their cells.
-- Concurrency as for the recount: the statement counting a borrower's loans runs after the upsert
-- holds the cell's row lock, so it sees every loan committed by an earlier holder. Two writers
-- adding the same borrower to a cell: the first to lock sees only its own loans (+1), the second
-- then sees both writers' (no +1).

-- Merges loans just added, aggregated per cell and borrower (n = the borrower's new loans in the
-- cell), into cells their upsert already holds.
CREATE FUNCTION "dishui_merge_new_loans"(region int[], month date[], enterprise int[], n int[], min_rate numeric[], max_rate numeric[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE "LoanMonthRollup" u SET "borrowerCount" = u."borrowerCount" + c.borrowers, "minRate" = least(u."minRate", c.min_rate),
    "maxRate" = greatest(u."maxRate", c.max_rate)
  FROM (SELECT p.region, p.month, min(p.min_rate) AS min_rate, max(p.max_rate) AS max_rate,
          (count(*) FILTER (WHERE p.n = (SELECT count(*) FROM "EnterpriseLoan" e WHERE e."enterpriseId" = p.enterprise
            AND e."regionId" IS NOT DISTINCT FROM p.region
            AND date_trunc('month', e."firstDisbursementDate"::timestamp)::date IS NOT DISTINCT FROM p.month)))::int AS borrowers
        FROM unnest(region, month, enterprise, n, min_rate, max_rate) AS p(region, month, enterprise, n, min_rate, max_rate)
        GROUP BY 1, 2) c
  WHERE u."regionId" IS NOT DISTINCT FROM c.region AND u."disbursementMonth" IS NOT DISTINCT FROM c.month;
$$;

-- The upsert of signed deltas alone again (as in 20261127005000): the trigger chooses merge or recount.
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
$$;

-- Inserts merge, deletes recount the cells they left, updates recount the cells their changed loans left and entered.
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


-- The seeder's chunks merge their new loans too.
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
  PERFORM "dishui_add_snapshots"(array_agg(x."regionId"), array_agg(x."monthEnd"), array_agg(x.n), array_agg(x.balance), array_agg(x.npl))
  FROM (SELECT l."regionId", s."monthEnd", count(*)::int AS n, sum(s."outstandingBalance") AS balance,
          sum(s."outstandingBalance") FILTER (WHERE s."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')) AS npl
        FROM "EnterpriseLoan" l JOIN "LoanClassificationSnapshot" s ON s."loanId" = l.id
        WHERE l.id BETWEEN lo AND hi AND l."contractNo" BETWEEN c_lo AND c_hi AND s."loanId" BETWEEN lo AND hi
        GROUP BY 1, 2) x;
END $$;

