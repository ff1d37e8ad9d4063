-- Monthly rollups of the loan portfolio for BI: statistics and series grouped by region and month
-- read a few thousand rollup rows instead of a million loans or six million snapshots. Triggers
-- keep them exact in the writing transaction (API writes, imports, seeds, deletes); the services
-- use them only when every filter, dimension and measure of a request is expressible over them.
-- Statement-level triggers with transition tables: a bulk insert of 100,000 loans costs one
-- aggregate and one upsert, not 100,000. Keys are upserted in key order, so two writers lock
-- rollup rows in the same order and wait for each other instead of deadlocking.

-- CreateTable
CREATE TABLE "LoanMonthRollup" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER,
    "disbursementMonth" DATE,
    "loanCount" INTEGER NOT NULL DEFAULT 0,
    "contractAmount" DECIMAL(24,2) NOT NULL DEFAULT 0,
    "disbursedAmount" DECIMAL(24,2) NOT NULL DEFAULT 0,
    "outstandingBalance" DECIMAL(24,2) NOT NULL DEFAULT 0,
    "overduePrincipal" DECIMAL(24,2) NOT NULL DEFAULT 0,
    "nonPerformingBalance" DECIMAL(24,2) NOT NULL DEFAULT 0,
    "rateCount" INTEGER NOT NULL DEFAULT 0,
    "rateSum" DECIMAL(24,6) NOT NULL DEFAULT 0,
    "rateTimesBalance" DECIMAL(32,8) NOT NULL DEFAULT 0,
    "ratedBalance" DECIMAL(24,2) NOT NULL DEFAULT 0,

    CONSTRAINT "LoanMonthRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoanSnapshotRollup" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER,
    "monthEnd" DATE NOT NULL,
    "loanCount" INTEGER NOT NULL DEFAULT 0,
    "outstandingBalance" DECIMAL(24,2) NOT NULL DEFAULT 0,
    "nonPerformingBalance" DECIMAL(24,2) NOT NULL DEFAULT 0,

    CONSTRAINT "LoanSnapshotRollup_pkey" PRIMARY KEY ("id")
);

-- A loan without a region or a disbursement date has its own rollup row: null keys are equal here.
CREATE UNIQUE INDEX "LoanMonthRollup_regionId_disbursementMonth_key" ON "LoanMonthRollup"("regionId", "disbursementMonth") NULLS NOT DISTINCT;
CREATE UNIQUE INDEX "LoanSnapshotRollup_regionId_monthEnd_key" ON "LoanSnapshotRollup"("regionId", "monthEnd") NULLS NOT DISTINCT;

-- Adds aggregated signed loan deltas per region and disbursement month, in key order, then drops emptied rows.
CREATE FUNCTION "dishui_add_loan_months"(region int[], month date[], n int[], contract numeric[], disbursed numeric[], balance numeric[],
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

-- Adds aggregated signed snapshot deltas per region and month-end, in key order, then drops emptied rows.
CREATE FUNCTION "dishui_add_snapshots"(region int[], month date[], n int[], balance numeric[], npl numeric[]) RETURNS void
LANGUAGE sql AS $$
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

-- Transition tables exist only for the trigger's own event, so each event has its own statement.
CREATE FUNCTION "dishui_loan_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    -- Only changes of the columns the rollup reads count: most updates change none of them.
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
                 o."effectiveRate", o."riskClass") IS DISTINCT FROM (n."regionId", n."firstDisbursementDate", n."contractAmount", n."disbursedAmount",
                 n."outstandingBalance", n."overduePrincipal", n."effectiveRate", n."riskClass")) AS d(s, "regionId", month, "contractAmount", "disbursedAmount", "outstandingBalance", "overduePrincipal", "effectiveRate", npl)
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

CREATE FUNCTION "dishui_snapshot_rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
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

-- Deleting a loan cascades to its snapshots after the loan row is gone, when its region can no
-- longer be read: its snapshots leave the rollup here, while both rows still exist.
CREATE FUNCTION "dishui_loan_snapshots_out"() RETURNS trigger LANGUAGE plpgsql AS $$
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

-- Adds loans written with the triggers turned off (ids lo..hi, contract numbers c_lo..c_hi, as the
-- synthetic seeder's chunks are delimited), and their snapshots, to the rollups: called by that
-- writer just before it commits, so rollup rows stay locked only for the end of its transaction.
CREATE FUNCTION "dishui_rollup_loans"(lo int, hi int, c_lo text, c_hi text) RETURNS void LANGUAGE plpgsql AS $$
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
  PERFORM "dishui_add_snapshots"(array_agg(x."regionId"), array_agg(x."monthEnd"), array_agg(x.n), array_agg(x.balance), array_agg(x.npl))
  FROM (SELECT l."regionId", s."monthEnd", count(*)::int AS n, sum(s."outstandingBalance") AS balance,
          sum(s."outstandingBalance") FILTER (WHERE s."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')) AS npl
        FROM "EnterpriseLoan" l JOIN "LoanClassificationSnapshot" s ON s."loanId" = l.id
        WHERE l.id BETWEEN lo AND hi AND l."contractNo" BETWEEN c_lo AND c_hi AND s."loanId" BETWEEN lo AND hi
        GROUP BY 1, 2) x;
END $$;

CREATE TRIGGER "EnterpriseLoan_rollup_insert" AFTER INSERT ON "EnterpriseLoan" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_loan_rollup"();
CREATE TRIGGER "EnterpriseLoan_rollup_update" AFTER UPDATE ON "EnterpriseLoan" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_loan_rollup"();
CREATE TRIGGER "EnterpriseLoan_rollup_delete" AFTER DELETE ON "EnterpriseLoan" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_loan_rollup"();
CREATE TRIGGER "EnterpriseLoan_snapshots_out" BEFORE DELETE ON "EnterpriseLoan"
  FOR EACH ROW EXECUTE FUNCTION "dishui_loan_snapshots_out"();
CREATE TRIGGER "LoanClassificationSnapshot_rollup_insert" AFTER INSERT ON "LoanClassificationSnapshot" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_snapshot_rollup"();
CREATE TRIGGER "LoanClassificationSnapshot_rollup_update" AFTER UPDATE ON "LoanClassificationSnapshot" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_snapshot_rollup"();
CREATE TRIGGER "LoanClassificationSnapshot_rollup_delete" AFTER DELETE ON "LoanClassificationSnapshot" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dishui_snapshot_rollup"();

-- Existing data: the rollups start exact.
INSERT INTO "LoanMonthRollup" ("regionId", "disbursementMonth", "loanCount", "contractAmount", "disbursedAmount", "outstandingBalance",
  "overduePrincipal", "nonPerformingBalance", "rateCount", "rateSum", "rateTimesBalance", "ratedBalance")
SELECT l."regionId", date_trunc('month', l."firstDisbursementDate"::timestamp)::date, count(*), COALESCE(sum(l."contractAmount"), 0),
  COALESCE(sum(l."disbursedAmount"), 0), COALESCE(sum(l."outstandingBalance"), 0), COALESCE(sum(l."overduePrincipal"), 0),
  COALESCE(sum(l."outstandingBalance") FILTER (WHERE l."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')), 0), count(l."effectiveRate"), COALESCE(sum(l."effectiveRate"), 0),
  COALESCE(sum(l."effectiveRate" * l."outstandingBalance"), 0), COALESCE(sum(l."outstandingBalance") FILTER (WHERE l."effectiveRate" IS NOT NULL), 0)
FROM "EnterpriseLoan" l
GROUP BY 1, 2;
INSERT INTO "LoanSnapshotRollup" ("regionId", "monthEnd", "loanCount", "outstandingBalance", "nonPerformingBalance")
SELECT l."regionId", s."monthEnd", count(*), COALESCE(sum(s."outstandingBalance"), 0),
  COALESCE(sum(s."outstandingBalance") FILTER (WHERE s."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')), 0)
FROM "LoanClassificationSnapshot" s JOIN "EnterpriseLoan" l ON l.id = s."loanId"
GROUP BY 1, 2;
