-- Invariants of the domain model (shared/domain.md) that the database itself holds, so no writer
-- (Prisma, raw SQL, a bulk import) can store a row that breaks them. Prisma's schema language
-- cannot express CHECK constraints or triggers, so they live only here, beside the init migration
-- that is derived from the schema.
-- Every rule is named "<Table>_<rule>_check" and fails with SQLSTATE 23514 (check_violation);
-- test/db/constraints.test.ts breaks each one. NULL means "unknown" (the article gives no figure)
-- and passes every rule except where a rule says otherwise.

-- CreateFunction
-- 統一社會信用代碼 (GB 32100-2015): 18 characters of the 31-character alphabet without I, O, S,
-- V, Z; the last one is a check character over the first 17 with weights 3^i mod 31.
-- Returns false for a malformed code, NULL for NULL.
CREATE FUNCTION dishui_credit_code_valid(code text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
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
$$;

-- CreateFunction
-- GB/T 4754-2017: the section letter (A–T) that a two-digit division belongs to; NULL when the
-- division is outside 01–97.
CREATE FUNCTION dishui_industry_section_of(division integer) RETURNS char(1)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
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

-- Region: NBS statistical division codes (province 2 digits, prefecture 4, county 6, township 9).
ALTER TABLE "Region" ADD CONSTRAINT "Region_code_digits_check"
    CHECK ("code" ~ '^[0-9]+$');
ALTER TABLE "Region" ADD CONSTRAINT "Region_code_length_matches_level_check"
    CHECK (length("code") = CASE "level"
        WHEN 'PROVINCE' THEN 2 WHEN 'PREFECTURE' THEN 4 WHEN 'COUNTY' THEN 6 WHEN 'TOWNSHIP' THEN 9 END);
-- Only a province is a root: every other region hangs under the region one level up.
ALTER TABLE "Region" ADD CONSTRAINT "Region_parent_required_below_province_check"
    CHECK ("level" = 'PROVINCE' OR "parentId" IS NOT NULL);

-- Village
ALTER TABLE "Village" ADD CONSTRAINT "Village_code_digits_check"
    CHECK ("code" ~ '^[0-9]{12}$');
ALTER TABLE "Village" ADD CONSTRAINT "Village_code_verified_needs_code_check"
    CHECK (NOT "codeVerified" OR "code" IS NOT NULL);
ALTER TABLE "Village" ADD CONSTRAINT "Village_population_nonnegative_check"
    CHECK ("population" >= 0);
ALTER TABLE "Village" ADD CONSTRAINT "Village_registeredPoorHouseholds_nonnegative_check"
    CHECK ("registeredPoorHouseholds" >= 0);

-- Initiative, CadreAssignment, Campaign
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_dates_ordered_check"
    CHECK ("endDate" >= "startDate");
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_budget_nonnegative_check"
    CHECK ("budget" >= 0);
ALTER TABLE "CadreAssignment" ADD CONSTRAINT "CadreAssignment_dates_ordered_check"
    CHECK ("endDate" >= "startDate");
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_dates_ordered_check"
    CHECK ("endDate" >= "startDate");

-- InitiativeMetric: every metric kind is a count or an amount, so none is negative.
ALTER TABLE "InitiativeMetric" ADD CONSTRAINT "InitiativeMetric_value_nonnegative_check"
    CHECK ("value" >= 0);
-- Persons, households, cards, outlets, years, sectors and loans come in whole numbers.
ALTER TABLE "InitiativeMetric" ADD CONSTRAINT "InitiativeMetric_count_is_whole_check"
    CHECK ("unit" IN ('CNY', 'CNY_PER_CHILD_DAY') OR "value" = trunc("value"));
ALTER TABLE "InitiativeMetric" ADD CONSTRAINT "InitiativeMetric_period_ordered_check"
    CHECK ("periodEnd" >= "periodStart");
-- A qualifier (近, 超, 約) is what makes a figure approximate; the flag must say so.
ALTER TABLE "InitiativeMetric" ADD CONSTRAINT "InitiativeMetric_qualifier_needs_approximate_check"
    CHECK ("qualifier" IS NULL OR "approximate");

-- Enterprise
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_creditCode_format_check"
    CHECK ("creditCode" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$');
-- Only a well-formed code is judged by its check character, so a malformed one breaks one rule.
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_creditCode_check_digit_check"
    CHECK ("creditCode" !~ '^[0-9A-HJ-NPQRTUWXY]{18}$' OR dishui_credit_code_valid("creditCode"));
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_industrySection_letter_check"
    CHECK ("industrySection" ~ '^[A-T]$');
-- GB/T 4754 division (2 digits), group (3) or class (4), e.g. "1440".
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_industryCode_format_check"
    CHECK ("industryCode" ~ '^[0-9]{2,4}$');
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_industryCode_matches_section_check"
    CHECK ("industryCode" !~ '^[0-9]{2,4}$'
        OR "industrySection" IS NULL
        OR dishui_industry_section_of(substr("industryCode", 1, 2)::integer) IS NOT DISTINCT FROM "industrySection");

-- EnterpriseLoan: amounts
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_contractAmount_nonnegative_check"
    CHECK ("contractAmount" >= 0);
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_disbursedAmount_nonnegative_check"
    CHECK ("disbursedAmount" >= 0);
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_outstandingBalance_nonnegative_check"
    CHECK ("outstandingBalance" >= 0);
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_overduePrincipal_nonnegative_check"
    CHECK ("overduePrincipal" >= 0);
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_overdueInterest_nonnegative_check"
    CHECK ("overdueInterest" >= 0);
-- outstanding balance <= disbursed amount <= contract amount; with the disbursed amount unknown
-- the balance is still bounded by the contract.
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_disbursed_within_contract_check"
    CHECK ("disbursedAmount" <= "contractAmount");
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_balance_within_disbursed_check"
    CHECK ("outstandingBalance" <= "disbursedAmount");
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_balance_within_contract_check"
    CHECK ("outstandingBalance" <= "contractAmount");
-- Overdue principal is the part of the outstanding principal that is past due.
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_overdue_within_balance_check"
    CHECK ("overduePrincipal" <= "outstandingBalance");
-- A repaid loan owes nothing: an unknown balance is not good enough.
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_repaid_needs_zero_balance_check"
    CHECK ("status" <> 'REPAID' OR coalesce("outstandingBalance" = 0, false));
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_daysPastDue_nonnegative_check"
    CHECK ("daysPastDue" >= 0);

-- EnterpriseLoan: dates and term
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_maturity_after_contract_check"
    CHECK ("maturityDate" > "contractDate");
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_disbursement_after_contract_check"
    CHECK ("firstDisbursementDate" >= "contractDate");
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_termMonths_positive_check"
    CHECK ("termMonths" > 0);

-- EnterpriseLoan: rates are annual fractions (0.038500 = 3.85%), so a value of 1 or more is a
-- percentage stored by mistake.
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_lprAtPricing_range_check"
    CHECK ("lprAtPricing" > 0 AND "lprAtPricing" < 1);
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_effectiveRate_range_check"
    CHECK ("effectiveRate" >= 0 AND "effectiveRate" < 1);
ALTER TABLE "EnterpriseLoan" ADD CONSTRAINT "EnterpriseLoan_interestSubsidyRate_range_check"
    CHECK ("interestSubsidyRate" >= 0 AND "interestSubsidyRate" < 1);

-- RepaymentScheduleItem, Repayment
ALTER TABLE "RepaymentScheduleItem" ADD CONSTRAINT "RepaymentScheduleItem_seq_positive_check"
    CHECK ("seq" >= 1);
ALTER TABLE "RepaymentScheduleItem" ADD CONSTRAINT "RepaymentScheduleItem_principalDue_nonnegative_check"
    CHECK ("principalDue" >= 0);
ALTER TABLE "RepaymentScheduleItem" ADD CONSTRAINT "RepaymentScheduleItem_interestDue_nonnegative_check"
    CHECK ("interestDue" >= 0);
ALTER TABLE "RepaymentScheduleItem" ADD CONSTRAINT "RepaymentScheduleItem_principalPaid_nonnegative_check"
    CHECK ("principalPaid" >= 0);
ALTER TABLE "RepaymentScheduleItem" ADD CONSTRAINT "RepaymentScheduleItem_interestPaid_nonnegative_check"
    CHECK ("interestPaid" >= 0);
ALTER TABLE "Repayment" ADD CONSTRAINT "Repayment_principal_nonnegative_check"
    CHECK ("principal" >= 0);
ALTER TABLE "Repayment" ADD CONSTRAINT "Repayment_interest_nonnegative_check"
    CHECK ("interest" >= 0);
ALTER TABLE "Repayment" ADD CONSTRAINT "Repayment_penalty_nonnegative_check"
    CHECK ("penalty" >= 0);

-- LoanClassificationSnapshot
ALTER TABLE "LoanClassificationSnapshot" ADD CONSTRAINT "LoanClassificationSnapshot_outstandingBalance_nonnegative_check"
    CHECK ("outstandingBalance" >= 0);
ALTER TABLE "LoanClassificationSnapshot" ADD CONSTRAINT "LoanClassificationSnapshot_daysPastDue_nonnegative_check"
    CHECK ("daysPastDue" >= 0);
-- Snapshots are taken at month end: the next day is the first of a month.
ALTER TABLE "LoanClassificationSnapshot" ADD CONSTRAINT "LoanClassificationSnapshot_monthEnd_is_month_end_check"
    CHECK (extract(day FROM "monthEnd" + 1) = 1);

-- ImpactRecord
ALTER TABLE "ImpactRecord" ADD CONSTRAINT "ImpactRecord_names_loan_or_initiative_check"
    CHECK ("loanId" IS NOT NULL OR "initiativeId" IS NOT NULL);
ALTER TABLE "ImpactRecord" ADD CONSTRAINT "ImpactRecord_peopleDriven_nonnegative_check"
    CHECK ("peopleDriven" >= 0);
ALTER TABLE "ImpactRecord" ADD CONSTRAINT "ImpactRecord_registeredPoorPeople_nonnegative_check"
    CHECK ("registeredPoorPeople" >= 0);
ALTER TABLE "ImpactRecord" ADD CONSTRAINT "ImpactRecord_registeredPoorHouseholds_nonnegative_check"
    CHECK ("registeredPoorHouseholds" >= 0);
ALTER TABLE "ImpactRecord" ADD CONSTRAINT "ImpactRecord_employeesTotal_nonnegative_check"
    CHECK ("employeesTotal" >= 0);
ALTER TABLE "ImpactRecord" ADD CONSTRAINT "ImpactRecord_poorEmployeeShare_range_check"
    CHECK ("poorEmployeeShare" BETWEEN 0 AND 1);
ALTER TABLE "ImpactRecord" ADD CONSTRAINT "ImpactRecord_incomeIncrease_nonnegative_check"
    CHECK ("incomeIncrease" >= 0);
ALTER TABLE "ImpactRecord" ADD CONSTRAINT "ImpactRecord_period_ordered_check"
    CHECK ("periodEnd" >= "periodStart");
ALTER TABLE "ImpactRecord" ADD CONSTRAINT "ImpactRecord_qualifier_needs_approximate_check"
    CHECK ("qualifier" IS NULL OR "approximate");

-- LprRate
ALTER TABLE "LprRate" ADD CONSTRAINT "LprRate_rate_range_check"
    CHECK ("rate" > 0 AND "rate" < 1);

-- CreateFunction
-- Rules across rows of the region tree, which a CHECK cannot see: a parent is exactly one level
-- up, and a code extends its parent's code (a county's 6 digits start with its prefecture's 4).
-- The error carries the rule's name as its constraint, like a CHECK would.
CREATE FUNCTION dishui_region_tree_check() RETURNS trigger
LANGUAGE plpgsql AS $$
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

-- CreateTrigger
CREATE TRIGGER "Region_tree_check"
    BEFORE INSERT OR UPDATE OF "parentId", "level", "code" ON "Region"
    FOR EACH ROW EXECUTE FUNCTION dishui_region_tree_check();

-- CreateFunction
-- A village lies in a county, optionally in a township of that county, and its 12-digit code
-- extends the code of the smallest region it names.
CREATE FUNCTION dishui_village_region_check() RETURNS trigger
LANGUAGE plpgsql AS $$
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

-- CreateTrigger
CREATE TRIGGER "Village_region_check"
    BEFORE INSERT OR UPDATE OF "countyId", "townshipId", "code" ON "Village"
    FOR EACH ROW EXECUTE FUNCTION dishui_village_region_check();
