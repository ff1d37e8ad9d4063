import { Prisma } from '../generated/prisma/client.js';
import type { AccessScope } from './accessScope.js';
import type { EntitySpec } from './entitySpec.js';
import { readModel } from './specRegistry.js';

/**
 * The condition limiting rows of `spec` (aliased `alias`) to what `scope` may see: FALSE when none
 * of its roles may read the type, else the spec's org-unit rule over the scope's subtree, TRUE for
 * an unscoped caller or reference data. The one place a row's visibility is decided: every read
 * statement, count and aggregate, and every mutation's id check, AND this in.
 */
export function scopeCondition(spec: EntitySpec, alias: string, scope: AccessScope): Prisma.Sql {
  if (spec.readers && !scope.roles.some((role) => spec.readers!.includes(role))) return Prisma.sql`FALSE`;
  if (scope.orgUnitId === null || !spec.inScope) return Prisma.sql`TRUE`;
  return spec.inScope(alias, readModel().orgUnitSubtree(scope.orgUnitId));
}

/** True when `scope` sees every row of `spec`: no statement needs to check it. */
export function seesEverything(spec: EntitySpec, scope: AccessScope): boolean {
  const reads = !spec.readers || scope.roles.some((role) => spec.readers!.includes(role));
  return reads && (scope.orgUnitId === null || !spec.inScope);
}
