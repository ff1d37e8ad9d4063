import type { InitiativeStatus } from '../../generated/prisma/enums.js';
import { type Checks, type DateInput, type DecimalInput, checkOrdered, readDate, readMoney } from '../writes/index.js';

/**
 * How an initiative's status may change, written once:
 * PLANNED → ACTIVE | SUSPENDED; ACTIVE → SUSPENDED | COMPLETED; SUSPENDED → ACTIVE | COMPLETED;
 * COMPLETED is final.
 */
export const initiativeTransitions: Readonly<Record<InitiativeStatus, readonly InitiativeStatus[]>> = Object.freeze({
  PLANNED: ['ACTIVE', 'SUSPENDED'],
  ACTIVE: ['SUSPENDED', 'COMPLETED'],
  SUSPENDED: ['ACTIVE', 'COMPLETED'],
  COMPLETED: [],
});

/** The fields of an initiative a form edits (all optional on update). */
export interface InitiativeFieldsInput {
  name?: string | null;
  nameZh?: string | null;
  startDate?: DateInput | null;
  endDate?: DateInput | null;
  budget?: DecimalInput | null;
  description?: string | null;
  approximate?: boolean | null;
  note?: string | null;
}

/**
 * Checks an initiative's editable fields: names not blank when given, a budget that is money
 * and not negative, and an end date not before the start (against `current` dates on update).
 * Records breaches on `checks`; returns the values typed for Prisma (only those given).
 */
export function validateInitiativeFields(
  checks: Checks,
  input: InitiativeFieldsInput,
  current: { startDate: Date | null; endDate: Date | null } = { startDate: null, endDate: null },
) {
  for (const field of ['name', 'nameZh'] as const) {
    if (input[field] !== undefined)
      checks.require(Boolean(input[field]?.trim()), [field], 'REQUIRED', `The ${field} cannot be empty.`);
  }
  const budget = readMoney(checks, input.budget, ['budget']);
  if (budget) checks.require(!budget.lessThan(0), ['budget'], 'NEGATIVE_AMOUNT', 'A budget cannot be negative.');
  const startDate = readDate(checks, input.startDate, ['startDate']);
  const endDate = readDate(checks, input.endDate, ['endDate']);
  checkOrdered(
    checks,
    input.startDate === undefined ? current.startDate : startDate,
    input.endDate === undefined ? current.endDate : endDate,
    ['endDate'],
  );
  return {
    // A null name is already recorded as REQUIRED above; it must not crash the return.
    ...(input.name !== undefined && input.name !== null ? { name: input.name.trim() } : {}),
    ...(input.nameZh !== undefined && input.nameZh !== null ? { nameZh: input.nameZh.trim() } : {}),
    ...(input.startDate !== undefined ? { startDate: startDate ?? null } : {}),
    ...(input.endDate !== undefined ? { endDate: endDate ?? null } : {}),
    ...(input.budget !== undefined ? { budget: budget ?? null } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.approximate !== undefined && input.approximate !== null ? { approximate: input.approximate } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
  };
}

/** Units counted in whole numbers: a metric in one of them cannot be 2.5. */
export const wholeUnits = Object.freeze(['PERSON', 'HOUSEHOLD', 'CARD', 'OUTLET', 'YEAR', 'SECTOR', 'LOAN']);

/** A pseudonymous staff reference: letters, digits, '-' and '_', so a person's name never fits. */
export const staffRefPattern = /^[A-Za-z0-9_-]{3,64}$/;
