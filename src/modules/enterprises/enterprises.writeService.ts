import type { Enterprise, EnterpriseSite } from '../../generated/prisma/client.js';
import type { EnterpriseSize, LeadingEnterpriseLevel, SiteKind } from '../../generated/prisma/enums.js';
import type { Database } from '../../db/client.js';
import {
  type Actor,
  Checks,
  type DateInput,
  type MutationOptions,
  type MutationResult,
  type Tx,
  lockVersion,
  readDate,
  runMutation,
} from '../writes/index.js';
import { validateEnterprise, type EnterpriseFieldsInput } from './enterprises.validation.js';

const loadEnterprise = (tx: Tx, id: number) => tx.enterprise.findUnique({ where: { id } });

/** Input of createEnterprise. */
export interface CreateEnterpriseInput extends EnterpriseFieldsInput {
  name: string;
  size?: EnterpriseSize | null;
  leadingEnterpriseLevel?: LeadingEnterpriseLevel | null;
  headOfficeRegionId?: number | null;
  idempotencyKey?: string | null;
}

/**
 * Creates a borrower. Returns it or userErrors (REQUIRED, INVALID_CREDIT_CODE, ALREADY_EXISTS on
 * creditCode, INVALID_FORMAT, INDUSTRY_CODE_MISMATCH, NOT_FOUND, IDEMPOTENCY_KEY_REUSED).
 */
export function createEnterprise(
  db: Database,
  actor: Actor,
  input: CreateEnterpriseInput,
  options: MutationOptions = {},
): Promise<MutationResult<Enterprise>> {
  return runMutation(
    db,
    actor,
    options,
    {
      operation: 'createEnterprise',
      entityType: 'Enterprise',
      input,
      idempotencyKey: input.idempotencyKey,
      load: loadEnterprise,
    },
    async (scope) => {
      const { tx } = scope;
      const checks = new Checks();
      validateEnterprise(checks, input);
      await checkReferences(tx, checks, input.creditCode, input.headOfficeRegionId, null);
      checks.throwIfAny();
      const enterprise = await tx.enterprise.create({
        data: {
          name: input.name.trim(),
          nameZh: input.nameZh ?? null,
          anonymised: input.anonymised ?? false,
          creditCode: input.creditCode || null,
          industrySection: input.industrySection || null,
          industryCode: input.industryCode || null,
          size: input.size ?? null,
          leadingEnterpriseLevel: input.leadingEnterpriseLevel ?? 'NONE',
          headOfficeRegionId: input.headOfficeRegionId ?? null,
          note: input.note ?? null,
          dataSource: 'API',
        },
      });
      await scope.audit({ entityType: 'Enterprise', entityId: enterprise.id, before: null, after: enterprise });
      return enterprise;
    },
  );
}

/** Input of updateEnterprise: the fields to change and the version read. */
export interface UpdateEnterpriseInput extends EnterpriseFieldsInput {
  id: number;
  expectedVersion: number;
  size?: EnterpriseSize | null;
  leadingEnterpriseLevel?: LeadingEnterpriseLevel | null;
  headOfficeRegionId?: number | null;
}

/** Changes an enterprise. Returns it or userErrors (CONFLICT, NOT_FOUND and the rules of createEnterprise). */
export function updateEnterprise(
  db: Database,
  actor: Actor,
  input: UpdateEnterpriseInput,
  options: MutationOptions = {},
): Promise<MutationResult<Enterprise>> {
  return runMutation(
    db,
    actor,
    options,
    { operation: 'updateEnterprise', entityType: 'Enterprise', input, load: loadEnterprise },
    async (scope) => {
      const { tx } = scope;
      await lockVersion(tx, 'Enterprise', input.id, input.expectedVersion, ['id']);
      const before = await tx.enterprise.findUniqueOrThrow({ where: { id: input.id } });
      const { id: _id, expectedVersion: _version, ...changes } = input;
      const merged = {
        ...before,
        ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
      } as typeof before;
      const checks = new Checks();
      validateEnterprise(checks, merged);
      await checkReferences(
        tx,
        checks,
        input.creditCode !== before.creditCode ? input.creditCode : null,
        input.headOfficeRegionId,
        before.id,
      );
      checks.throwIfAny();
      const after = await tx.enterprise.update({
        where: { id: before.id, version: before.version },
        data: {
          name: merged.name.trim(),
          nameZh: merged.nameZh,
          // null means "not said": keep the flag rather than claim a stand-in name is real.
          anonymised: merged.anonymised ?? before.anonymised,
          creditCode: merged.creditCode || null,
          industrySection: merged.industrySection || null,
          industryCode: merged.industryCode || null,
          size: merged.size,
          leadingEnterpriseLevel: merged.leadingEnterpriseLevel ?? 'NONE',
          headOfficeRegionId: merged.headOfficeRegionId,
          note: merged.note,
          version: { increment: 1 },
        },
      });
      await scope.audit({ entityType: 'Enterprise', entityId: before.id, before, after });
      return after;
    },
  );
}

/** Input of addEnterpriseSite. */
export interface AddEnterpriseSiteInput {
  enterpriseId: number;
  regionId: number;
  kind: SiteKind;
  name?: string | null;
  openedOn?: DateInput | null;
  note?: string | null;
  idempotencyKey?: string | null;
}

/**
 * Adds a place where an enterprise operates, in a prefecture, county or township (哈密市 is a
 * prefecture-level city). Returns the site or userErrors (NOT_FOUND, REGION_LEVEL_MISMATCH,
 * IDEMPOTENCY_KEY_REUSED).
 */
export function addEnterpriseSite(
  db: Database,
  actor: Actor,
  input: AddEnterpriseSiteInput,
  options: MutationOptions = {},
): Promise<MutationResult<EnterpriseSite>> {
  const load = (tx: Tx, id: number) => tx.enterpriseSite.findUnique({ where: { id } });
  return runMutation(
    db,
    actor,
    options,
    { operation: 'addEnterpriseSite', entityType: 'EnterpriseSite', input, idempotencyKey: input.idempotencyKey, load },
    async (scope) => {
      const { tx } = scope;
      const checks = new Checks();
      checks.require(
        (await tx.enterprise.count({ where: { id: input.enterpriseId } })) > 0,
        ['enterpriseId'],
        'NOT_FOUND',
        `No enterprise has id ${input.enterpriseId}.`,
      );
      const region = await tx.region.findUnique({ where: { id: input.regionId }, select: { code: true, level: true } });
      if (checks.require(region !== null, ['regionId'], 'NOT_FOUND', `No region has id ${input.regionId}.`)) {
        checks.require(
          region!.level !== 'PROVINCE',
          ['regionId'],
          'REGION_LEVEL_MISMATCH',
          `A site lies in a prefecture, county or township; ${region!.code} is a province.`,
        );
      }
      const openedOn = readDate(checks, input.openedOn, ['openedOn']);
      checks.throwIfAny();
      const site = await tx.enterpriseSite.create({
        data: {
          enterpriseId: input.enterpriseId,
          regionId: input.regionId,
          kind: input.kind,
          name: input.name ?? null,
          openedOn: openedOn ?? null,
          note: input.note ?? null,
          dataSource: 'API',
        },
      });
      await scope.audit({ entityType: 'EnterpriseSite', entityId: site.id, before: null, after: site });
      return site;
    },
  );
}

async function checkReferences(
  tx: Tx,
  checks: Checks,
  creditCode: string | null | undefined,
  regionId: number | null | undefined,
  selfId: number | null,
): Promise<void> {
  if (creditCode && checks.clean(['creditCode'])) {
    const holder = await tx.enterprise.findUnique({ where: { creditCode }, select: { id: true } });
    checks.require(
      holder === null || holder.id === selfId,
      ['creditCode'],
      'ALREADY_EXISTS',
      `Enterprise ${holder?.id} already has credit code ${creditCode}.`,
    );
  }
  if (regionId) {
    checks.require(
      (await tx.region.count({ where: { id: regionId } })) > 0,
      ['headOfficeRegionId'],
      'NOT_FOUND',
      `No region has id ${regionId}.`,
    );
  }
}
