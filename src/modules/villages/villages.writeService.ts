import type { Village } from '../../generated/prisma/client.js';
import type { Database } from '../../db/client.js';
import {
  type Actor,
  Checks,
  type MutationOptions,
  type MutationResult,
  type Tx,
  lockVersion,
  runMutation,
} from '../writes/index.js';
import { cleanAliases, validateVillage, type RegionRef, type VillageFieldsInput } from './villages.validation.js';

const loadVillage = (tx: Tx, id: number) => tx.village.findUnique({ where: { id } });

/** Input of createVillage. */
export interface CreateVillageInput extends VillageFieldsInput {
  name: string;
  countyId: number;
  townshipId?: number | null;
  idempotencyKey?: string | null;
}

/**
 * Creates a village (counts only: no data about any person). Returns it or userErrors
 * (REQUIRED, REGION_LEVEL_MISMATCH, INVALID_FORMAT, CODE_OUTSIDE_REGION, ALREADY_EXISTS on code,
 * CODE_VERIFIED_NEEDS_CODE, NEGATIVE_COUNT, COUNT_EXCEEDS_TOTAL, NOT_FOUND, IDEMPOTENCY_KEY_REUSED).
 */
export function createVillage(
  db: Database,
  actor: Actor,
  input: CreateVillageInput,
  options: MutationOptions = {},
): Promise<MutationResult<Village>> {
  return runMutation(
    db,
    actor,
    options,
    {
      operation: 'createVillage',
      entityType: 'Village',
      input,
      idempotencyKey: input.idempotencyKey,
      load: loadVillage,
    },
    async (scope) => {
      const { tx } = scope;
      const checks = new Checks();
      const [county, township] = await regions(tx, checks, input.countyId, input.townshipId);
      validateVillage(checks, input, county, township);
      await checkCodeFree(tx, checks, input.code, null);
      checks.throwIfAny();
      const name = input.name.trim();
      const village = await tx.village.create({
        data: {
          name,
          aliases: cleanAliases(input.aliases ?? [], name),
          code: input.code || null,
          codeVerified: input.codeVerified ?? false,
          countyId: input.countyId,
          townshipId: input.townshipId ?? null,
          wasPoorVillage: input.wasPoorVillage ?? null,
          exitYear: input.exitYear ?? null,
          registeredPoorHouseholds: input.registeredPoorHouseholds ?? null,
          population: input.population ?? null,
          note: input.note ?? null,
          dataSource: 'API',
        },
      });
      await scope.audit({ entityType: 'Village', entityId: village.id, before: null, after: village });
      return village;
    },
  );
}

/** Input of updateVillage: the fields to change (aliases replace the list) and the version read. */
export interface UpdateVillageInput extends VillageFieldsInput {
  id: number;
  expectedVersion: number;
  countyId?: number | null;
  townshipId?: number | null;
}

/** Changes a village. Returns it or userErrors (CONFLICT, NOT_FOUND and the rules of createVillage). */
export function updateVillage(
  db: Database,
  actor: Actor,
  input: UpdateVillageInput,
  options: MutationOptions = {},
): Promise<MutationResult<Village>> {
  return runMutation(
    db,
    actor,
    options,
    { operation: 'updateVillage', entityType: 'Village', input, load: loadVillage },
    async (scope) => {
      const { tx } = scope;
      await lockVersion(tx, 'Village', input.id, input.expectedVersion, ['id']);
      const before = await tx.village.findUniqueOrThrow({ where: { id: input.id } });
      const merged = {
        ...before,
        ...Object.fromEntries(
          Object.entries(input).filter(
            ([key, value]) => value !== undefined && key !== 'id' && key !== 'expectedVersion',
          ),
        ),
      } as typeof before;
      const checks = new Checks();
      const [county, township] = await regions(tx, checks, merged.countyId, merged.townshipId);
      validateVillage(checks, merged, county, township);
      if (input.code !== undefined && input.code !== before.code)
        await checkCodeFree(tx, checks, input.code, before.id);
      checks.throwIfAny();
      const after = await tx.village.update({
        where: { id: before.id, version: before.version },
        data: {
          name: merged.name.trim(),
          aliases: cleanAliases(merged.aliases ?? [], merged.name.trim()),
          code: merged.code || null,
          codeVerified: merged.codeVerified ?? false,
          countyId: merged.countyId,
          townshipId: merged.townshipId ?? null,
          wasPoorVillage: merged.wasPoorVillage,
          exitYear: merged.exitYear,
          registeredPoorHouseholds: merged.registeredPoorHouseholds,
          population: merged.population,
          note: merged.note,
          version: { increment: 1 },
        },
      });
      await scope.audit({ entityType: 'Village', entityId: before.id, before, after });
      return after;
    },
  );
}

async function regions(
  tx: Tx,
  checks: Checks,
  countyId: number | null | undefined,
  townshipId: number | null | undefined,
): Promise<[RegionRef | null, RegionRef | null]> {
  const select = { id: true, code: true, level: true, parentId: true } as const;
  // An update may send countyId: null, which would clear a column every village needs.
  const county = countyId ? await tx.region.findUnique({ where: { id: countyId }, select }) : null;
  if (!countyId)
    checks.require(false, ['countyId'], 'REQUIRED', 'A village lies in a county; countyId cannot be null.');
  else checks.require(county !== null, ['countyId'], 'NOT_FOUND', `No region has id ${countyId}.`);
  const township = townshipId ? await tx.region.findUnique({ where: { id: townshipId }, select }) : null;
  if (townshipId) checks.require(township !== null, ['townshipId'], 'NOT_FOUND', `No region has id ${townshipId}.`);
  return [county, township];
}

async function checkCodeFree(
  tx: Tx,
  checks: Checks,
  code: string | null | undefined,
  selfId: number | null,
): Promise<void> {
  if (!code || !checks.clean(['code'])) return;
  const holder = await tx.village.findUnique({ where: { code }, select: { id: true } });
  checks.require(
    holder === null || holder.id === selfId,
    ['code'],
    'ALREADY_EXISTS',
    `Village ${holder?.id} already has code ${code}.`,
  );
}
