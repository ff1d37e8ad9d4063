import { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../modules/auth/viewer.js';
import { col } from './specHelpers.js';

/** Roles that may read loans and what hangs off them (schedule, payments, classification). */
export const loanReaders: readonly Role[] = Object.freeze(['ANALYST', 'LOAN_OFFICER', 'ADMIN'] as const);

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
