-- The recount and the merge found their rollup rows by IS NOT DISTINCT FROM, which no hash join or
-- index serves: a nested loop of touched cells × every rollup row (1,000 new loans against 17,000
-- cells: about half a second). Region ids are positive and no month is -infinity, so coalesced keys
-- are equal exactly when the keys are: the planner can hash them.

CREATE OR REPLACE FUNCTION "dishui_recount_loan_months"(region int[], month date[]) RETURNS void
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
  WHERE COALESCE(u."regionId", -1) = COALESCE(c.region, -1) AND COALESCE(u."disbursementMonth", '-infinity') = COALESCE(c.month, '-infinity');
$$;

CREATE OR REPLACE FUNCTION "dishui_merge_new_loans"(region int[], month date[], enterprise int[], n int[], min_rate numeric[], max_rate numeric[]) RETURNS void
LANGUAGE sql AS $$
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
