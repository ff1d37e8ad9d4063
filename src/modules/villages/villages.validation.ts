import type { RegionLevel } from '../../generated/prisma/enums.js';
import { type Checks, checkCount } from '../writes/index.js';

/** The fields of a village a form or an import row states. */
export interface VillageFieldsInput {
  name?: string | null;
  aliases?: string[] | null;
  code?: string | null;
  codeVerified?: boolean | null;
  wasPoorVillage?: boolean | null;
  exitYear?: number | null;
  registeredPoorHouseholds?: number | null;
  population?: number | null;
  note?: string | null;
}

/** A region as village validation needs it. */
export interface RegionRef {
  id: number;
  code: string;
  level: RegionLevel;
  parentId: number | null;
}

/**
 * Checks a village (the merged values on update): a name, a 12-digit code that extends its
 * township's or county's code, a verified flag only with a code, a county that is a COUNTY and a
 * township that is a TOWNSHIP of it, whole non-negative counts, and no more registered poor
 * households than the population. Records breaches on `checks` under `prefix`.
 */
export function validateVillage(
  checks: Checks,
  village: VillageFieldsInput,
  county: RegionRef | null,
  township: RegionRef | null,
  prefix: Array<string | number> = [],
): void {
  const at = (field: string) => [...prefix, field];
  checks.require(Boolean(village.name?.trim()), at('name'), 'REQUIRED', 'A village name is required.');
  if (county)
    checks.require(
      county.level === 'COUNTY',
      at('countyId'),
      'REGION_LEVEL_MISMATCH',
      `Region ${county.code} is a ${county.level}, not a county.`,
    );
  if (township) {
    checks.require(
      township.level === 'TOWNSHIP' && township.parentId === county?.id,
      at('townshipId'),
      'REGION_LEVEL_MISMATCH',
      `Region ${township.code} (${township.level}) is not a township of county ${county?.code ?? '(none)'}.`,
    );
  }
  if (village.code) {
    if (
      checks.require(
        /^\d{12}$/.test(village.code),
        at('code'),
        'INVALID_FORMAT',
        `A village code (統計用區劃代碼) has 12 digits; got "${village.code}".`,
      )
    ) {
      const enclosing = township ?? county;
      if (enclosing) {
        checks.require(
          village.code.startsWith(enclosing.code),
          at('code'),
          'CODE_OUTSIDE_REGION',
          `Village code ${village.code} must start with ${enclosing.code}, the code of its ${enclosing.level.toLowerCase()}.`,
        );
      }
    }
  }
  checks.require(
    !village.codeVerified || Boolean(village.code),
    at('codeVerified'),
    'CODE_VERIFIED_NEEDS_CODE',
    'A village without a code cannot have a verified code.',
  );
  const households = checkCount(checks, village.registeredPoorHouseholds, at('registeredPoorHouseholds'));
  const population = checkCount(checks, village.population, at('population'));
  if (households && population && village.registeredPoorHouseholds != null && village.population != null) {
    checks.require(
      village.registeredPoorHouseholds <= village.population,
      at('registeredPoorHouseholds'),
      'COUNT_EXCEEDS_TOTAL',
      `${village.registeredPoorHouseholds} registered poor households cannot exceed a population of ${village.population}.`,
    );
  }
  if (village.exitYear !== null && village.exitYear !== undefined) {
    checks.require(
      Number.isInteger(village.exitYear) && village.exitYear >= 1980 && village.exitYear <= 2100,
      at('exitYear'),
      'INVALID_FORMAT',
      `An exit year is a year such as 2019; got ${village.exitYear}.`,
    );
  }
}

/** Aliases trimmed, without blanks, repeats or the name itself. */
export function cleanAliases(aliases: string[], name: string): string[] {
  return [...new Set(aliases.map((alias) => alias.trim()).filter((alias) => alias && alias !== name))];
}
