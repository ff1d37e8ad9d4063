-- OrgUnit."path" ("/<root id>/…/<own id>/") is kept by the database from "parentId", so the
-- read API can scope by it: `"path" LIKE '%/<unit id>/%'` selects a unit's subtree, and unlike a
-- recursive query over "parentId" the planner estimates it from the column's statistics (a
-- branch's 39 units, not 200 of 595), which decides whether a scoped read walks the loan and
-- snapshot indexes or scans every row. Writers never set it: a value written is recomputed.

-- The paths stored so far, recomputed from the tree (units made through the API kept the '/' default).
WITH RECURSIVE "tree"("id", "path") AS (
  SELECT "id", '/' || "id" || '/' FROM "OrgUnit" WHERE "parentId" IS NULL
  UNION ALL
  SELECT "child"."id", "tree"."path" || "child"."id" || '/' FROM "OrgUnit" "child" JOIN "tree" ON "child"."parentId" = "tree"."id"
)
UPDATE "OrgUnit" "u" SET "path" = "tree"."path" FROM "tree" WHERE "tree"."id" = "u"."id" AND "u"."path" IS DISTINCT FROM "tree"."path";

-- A row's path is its parent's plus its own id; a parent below the row itself would be a cycle.
CREATE FUNCTION "dishui_org_unit_path"() RETURNS trigger
LANGUAGE plpgsql AS $$
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

-- A unit that moved takes its children along; each child's own update moves its children.
CREATE FUNCTION "dishui_org_unit_path_moved"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "OrgUnit" SET "path" = NEW."path" WHERE "parentId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "OrgUnit_path" BEFORE INSERT OR UPDATE OF "id", "parentId", "path" ON "OrgUnit"
  FOR EACH ROW EXECUTE FUNCTION "dishui_org_unit_path"();
CREATE TRIGGER "OrgUnit_path_moved" AFTER UPDATE OF "id", "parentId", "path" ON "OrgUnit"
  FOR EACH ROW WHEN (OLD."path" IS DISTINCT FROM NEW."path") EXECUTE FUNCTION "dishui_org_unit_path_moved"();

-- The scope condition's estimate comes from these statistics.
ANALYZE "OrgUnit";
