import { Prisma } from '../../generated/prisma/client.js';
import { col } from '../../engine/specHelpers.js';
import type { AccessScope } from './accessScope.js';
import { schemaAccessRules } from './schemaAccessRules.js';
import type { Role } from './viewer.js';

// Who may do what, in one place: the role lists, how a row reaches the org-unit tree (row scope)
// and which fields need a role (field access, read from schema.graphql's @access).

/** Roles that may read loans and what hangs off them (schedule, payments, classification). */
export const loanReaders: readonly Role[] = Object.freeze(['ANALYST', 'LOAN_OFFICER', 'ADMIN'] as const);

/**
 * Roles that may export fact rows (the routes, `createExport` and its jobs): bulk data leaving the
 * bank is an analyst's and an administrator's business. schema.graphql's `@access` on
 * `createExport` and `loanFacts` lists the same roles (test/modules/auth/accessDirectives.test.ts).
 */
export const exportRoles: readonly Role[] = Object.freeze(['ANALYST', 'ADMIN'] as const);

/** The roles that may import each kind of file. */
export const importRoles: Readonly<Record<string, readonly Role[]>> = Object.freeze({
  loans: ['LOAN_OFFICER', 'ADMIN'],
  villages: ['PROGRAMME_MANAGER', 'ADMIN'],
  enterprises: ['PROGRAMME_MANAGER', 'ADMIN'],
});

/** True when `scope` is an ADMIN bound to no org unit: one who acts for the whole bank. */
export function isBankWideAdmin(scope: AccessScope): boolean {
  return scope.roles.includes('ADMIN') && scope.orgUnitId === null;
}

/**
 * True when `scope` may read the audit trail (the `auditEvents` query and AuditEvent nodes): it
 * records changes of every branch, so only a bank-wide ADMIN reads it.
 */
export function mayReadAuditTrail(scope: AccessScope): boolean {
  return isBankWideAdmin(scope);
}

/** The roles that may read, filter or sort on `typeName.field`; undefined when every role may. */
export function fieldReaders(typeName: string, field: string): readonly Role[] | undefined {
  return schemaAccessRules.get(`${typeName}.${field}`);
}

/**
 * A subquery selecting the id of org unit `orgUnitId` and of every unit below it: those whose
 * materialised path holds the id, a path the database keeps from `parentId` (migration
 * 20261204100000_org_unit_path). The pattern is a bound value the planner sees, so it estimates the
 * subtree from the path's statistics; a recursive query over `parentId` came out at 200 units
 * whatever the branch (39 for a tier-1 branch), and the scoped read then scanned every snapshot.
 */
export function orgUnitSubtreeSql(orgUnitId: number): Prisma.Sql {
  if (!Number.isSafeInteger(orgUnitId)) throw new Error(`Not an org unit id: ${orgUnitId}`);
  return Prisma.sql`(SELECT "unit"."id" FROM "OrgUnit" "unit" WHERE "unit"."path" LIKE ${`%/${orgUnitId}/%`})`;
}

/** A row is in scope when its own org-unit column is one of the units. */
export const unitColumn =
  (column: string) =>
  (alias: string, units: Prisma.Sql): Prisma.Sql =>
    Prisma.sql`${col(alias, column)} IN ${units}`;

/** A loan, by id in `loanId` (SQL), is booked by one of the units. */
export const loanInUnits = (loanId: Prisma.Sql, units: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`EXISTS (SELECT 1 FROM "EnterpriseLoan" "scope_loan" WHERE "scope_loan"."id" = ${loanId} AND "scope_loan"."orgUnitId" IN ${units})`;

/** An initiative, by id in `initiativeId` (SQL), is owned by one of the units. */
export const initiativeInUnits = (initiativeId: Prisma.Sql, units: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`EXISTS (SELECT 1 FROM "Initiative" "scope_initiative" WHERE "scope_initiative"."id" = ${initiativeId} AND "scope_initiative"."ownerOrgUnitId" IN ${units})`;

/**
 * An enterprise, by id in `enterpriseId` (SQL), is in scope when one of its loans is booked by one
 * of the units, or when it has no loan at all: a prospective borrower belongs to no branch yet,
 * and the branch that registers it must see it to apply for its first loan.
 */
export const enterpriseInUnits = (enterpriseId: Prisma.Sql, units: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`(EXISTS (SELECT 1 FROM "EnterpriseLoan" "scope_loan" WHERE "scope_loan"."enterpriseId" = ${enterpriseId} AND "scope_loan"."orgUnitId" IN ${units})
    OR NOT EXISTS (SELECT 1 FROM "EnterpriseLoan" "scope_any_loan" WHERE "scope_any_loan"."enterpriseId" = ${enterpriseId}))`;
