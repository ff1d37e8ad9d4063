import { Prisma } from '../../generated/prisma/client.js';

/**
 * A subquery selecting the id of org unit `orgUnitId` and of every unit below it. A recursive
 * CTE over `parentId` rather than a stored path: the tree is a few thousand rows, the planner runs
 * the uncorrelated subquery once per statement, and there is no path column to keep in step.
 */
export function orgUnitSubtreeSql(orgUnitId: number): Prisma.Sql {
  return Prisma.sql`(WITH RECURSIVE "subtree"("id") AS (
      SELECT CAST(${orgUnitId} AS int)
      UNION SELECT "child"."id" FROM "OrgUnit" "child" JOIN "subtree" ON "child"."parentId" = "subtree"."id"
    ) SELECT "id" FROM "subtree")`;
}
