import type { CadreAssignment, Initiative, InitiativeMetric } from '../../generated/prisma/client.js';
import type {
  CadreRole,
  InitiativeCategory,
  InitiativeStatus,
  MetricKind,
  MetricUnit,
  VillageRole,
} from '../../generated/prisma/enums.js';
import type { Database } from '../../db/client.js';
import {
  type Actor,
  Checks,
  type DateInput,
  type DecimalInput,
  type MutationOptions,
  type MutationResult,
  type MutationScope,
  type Tx,
  checkOrdered,
  fail,
  lockVersion,
  readDate,
  readDecimal,
  runMutation,
} from '../writes/index.js';
import {
  initiativeTransitions,
  staffRefPattern,
  validateInitiativeFields,
  wholeUnits,
  type InitiativeFieldsInput,
} from './initiatives.validation.js';

const loadInitiative = (tx: Tx, id: number) => tx.initiative.findUnique({ where: { id } });

/** Input of createInitiative. */
export interface CreateInitiativeInput extends InitiativeFieldsInput {
  code: string;
  name: string;
  nameZh: string;
  category: InitiativeCategory;
  status?: InitiativeStatus | null;
  ownerOrgUnitId: number;
  idempotencyKey?: string | null;
}

/**
 * Creates an assistance programme. Returns it, or userErrors (REQUIRED, ALREADY_EXISTS on code,
 * NOT_FOUND on ownerOrgUnitId, NEGATIVE_AMOUNT, DATES_OUT_OF_ORDER, IDEMPOTENCY_KEY_REUSED).
 */
export function createInitiative(
  db: Database,
  actor: Actor,
  input: CreateInitiativeInput,
  options: MutationOptions = {},
): Promise<MutationResult<Initiative>> {
  return runMutation(
    db,
    actor,
    options,
    {
      operation: 'createInitiative',
      entityType: 'Initiative',
      input,
      idempotencyKey: input.idempotencyKey,
      load: loadInitiative,
    },
    async (scope) => {
      const { tx } = scope;
      const checks = new Checks();
      const code = (input.code ?? '').trim();
      checks.require(
        code.length > 0 && code.length <= 32,
        ['code'],
        code ? 'INVALID_FORMAT' : 'REQUIRED',
        'A code of 1 to 32 characters is required.',
      );
      const fields = validateInitiativeFields(checks, input);
      if (code)
        checks.require(
          (await tx.initiative.findUnique({ where: { code }, select: { id: true } })) === null,
          ['code'],
          'ALREADY_EXISTS',
          `An initiative with code ${code} already exists.`,
        );
      checks.require(
        (await tx.orgUnit.findUnique({ where: { id: input.ownerOrgUnitId }, select: { id: true } })) !== null,
        ['ownerOrgUnitId'],
        'NOT_FOUND',
        `No bank unit has id ${input.ownerOrgUnitId}.`,
      );
      checks.throwIfAny();
      const initiative = await tx.initiative.create({
        data: {
          ...fields,
          code,
          name: input.name.trim(),
          nameZh: input.nameZh.trim(),
          category: input.category,
          status: input.status ?? 'PLANNED',
          ownerOrgUnitId: input.ownerOrgUnitId,
          dataSource: 'API',
        },
      });
      await scope.audit({ entityType: 'Initiative', entityId: initiative.id, before: null, after: initiative });
      return initiative;
    },
  );
}

/** Input of updateInitiative: the fields to change, and the version they were read at. */
export interface UpdateInitiativeInput extends InitiativeFieldsInput {
  id: number;
  expectedVersion: number;
  category?: InitiativeCategory | null;
  ownerOrgUnitId?: number | null;
}

/**
 * Changes an initiative's fields (not its status: see changeInitiativeStatus). Returns it or
 * userErrors (CONFLICT, NOT_FOUND, REQUIRED, NEGATIVE_AMOUNT, DATES_OUT_OF_ORDER).
 */
export function updateInitiative(
  db: Database,
  actor: Actor,
  input: UpdateInitiativeInput,
  options: MutationOptions = {},
): Promise<MutationResult<Initiative>> {
  return runMutation(
    db,
    actor,
    options,
    { operation: 'updateInitiative', entityType: 'Initiative', input, load: loadInitiative },
    async (scope) => {
      const before = await lockInitiative(scope.tx, input.id, input.expectedVersion);
      const checks = new Checks();
      const fields = validateInitiativeFields(checks, input, before);
      if (input.ownerOrgUnitId) {
        checks.require(
          (await scope.tx.orgUnit.findUnique({ where: { id: input.ownerOrgUnitId }, select: { id: true } })) !== null,
          ['ownerOrgUnitId'],
          'NOT_FOUND',
          `No bank unit has id ${input.ownerOrgUnitId}.`,
        );
      }
      checks.throwIfAny();
      return saveInitiative(scope, before, {
        ...fields,
        ...(input.category ? { category: input.category } : {}),
        ...(input.ownerOrgUnitId ? { ownerOrgUnitId: input.ownerOrgUnitId } : {}),
      });
    },
  );
}

/** Input of changeInitiativeStatus. */
export interface ChangeInitiativeStatusInput {
  id: number;
  expectedVersion: number;
  status: InitiativeStatus;
}

/** Moves an initiative along its status table (initiatives.validation.ts). Returns it or userErrors (INVALID_TRANSITION, CONFLICT, NOT_FOUND). */
export function changeInitiativeStatus(
  db: Database,
  actor: Actor,
  input: ChangeInitiativeStatusInput,
  options: MutationOptions = {},
): Promise<MutationResult<Initiative>> {
  return runMutation(
    db,
    actor,
    options,
    { operation: 'changeInitiativeStatus', entityType: 'Initiative', input, load: loadInitiative },
    async (scope) => {
      const before = await lockInitiative(scope.tx, input.id, input.expectedVersion);
      const allowed = initiativeTransitions[before.status];
      if (!allowed.includes(input.status)) {
        fail(
          ['status'],
          'INVALID_TRANSITION',
          `Initiative ${before.code} is ${before.status}; it can move only to ${allowed.length ? allowed.join(' or ') : 'nothing (final)'}, not ${input.status}.`,
        );
      }
      return saveInitiative(scope, before, { status: input.status });
    },
  );
}

/** One village link of an initiative. */
export interface VillageLinkInput {
  villageId: number;
  role: VillageRole;
  since?: DateInput | null;
}

/** Input of linkVillages / unlinkVillages. */
export interface VillageLinksInput {
  initiativeId: number;
  links: VillageLinkInput[];
}

/** Links villages to an initiative, each in a role. Returns the initiative or userErrors (NOT_FOUND, ALREADY_EXISTS per link). */
export function linkVillages(
  db: Database,
  actor: Actor,
  input: VillageLinksInput,
  options: MutationOptions = {},
): Promise<MutationResult<Initiative>> {
  return runMutation(
    db,
    actor,
    options,
    { operation: 'linkVillages', entityType: 'Initiative', input, load: loadInitiative },
    async (scope) => {
      const { tx } = scope;
      const initiative = await lockInitiative(tx, input.initiativeId, null, ['initiativeId']);
      const checks = new Checks();
      checks.require(input.links.length > 0, ['links'], 'REQUIRED', 'Give at least one village to link.');
      const dates = input.links.map((link, index) => readDate(checks, link.since, ['links', index, 'since']));
      for (const [index, link] of input.links.entries()) {
        const village = await tx.village.findUnique({ where: { id: link.villageId }, select: { id: true } });
        if (
          !checks.require(
            village !== null,
            ['links', index, 'villageId'],
            'NOT_FOUND',
            `No village has id ${link.villageId}.`,
          )
        )
          continue;
        const existing = await tx.initiativeVillage.findUnique({
          where: {
            initiativeId_villageId_role: { initiativeId: initiative.id, villageId: link.villageId, role: link.role },
          },
        });
        const repeated =
          input.links.findIndex((other) => other.villageId === link.villageId && other.role === link.role) !== index;
        checks.require(
          existing === null && !repeated,
          ['links', index, 'villageId'],
          'ALREADY_EXISTS',
          `Village ${link.villageId} is already linked as ${link.role}.`,
        );
      }
      checks.throwIfAny();
      for (const [index, link] of input.links.entries()) {
        const row = await tx.initiativeVillage.create({
          data: {
            initiativeId: initiative.id,
            villageId: link.villageId,
            role: link.role,
            since: dates[index] ?? null,
            dataSource: 'API',
          },
        });
        await scope.audit({
          entityType: 'InitiativeVillage',
          entityId: `${initiative.id}:${link.villageId}:${link.role}`,
          before: null,
          after: row,
        });
      }
      return initiative;
    },
  );
}

/** Removes village links of an initiative. Returns the initiative or userErrors (NOT_LINKED per link, NOT_FOUND). */
export function unlinkVillages(
  db: Database,
  actor: Actor,
  input: VillageLinksInput,
  options: MutationOptions = {},
): Promise<MutationResult<Initiative>> {
  return runMutation(
    db,
    actor,
    options,
    { operation: 'unlinkVillages', entityType: 'Initiative', input, load: loadInitiative },
    async (scope) => {
      const { tx } = scope;
      const initiative = await lockInitiative(tx, input.initiativeId, null, ['initiativeId']);
      const checks = new Checks();
      const rows = [];
      for (const [index, link] of input.links.entries()) {
        const row = await tx.initiativeVillage.findUnique({
          where: {
            initiativeId_villageId_role: { initiativeId: initiative.id, villageId: link.villageId, role: link.role },
          },
        });
        if (
          checks.require(
            row !== null,
            ['links', index, 'villageId'],
            'NOT_LINKED',
            `Village ${link.villageId} is not linked to initiative ${initiative.code} as ${link.role}.`,
          )
        )
          rows.push(row!);
      }
      checks.throwIfAny();
      for (const row of rows) {
        await tx.initiativeVillage.delete({
          where: {
            initiativeId_villageId_role: { initiativeId: row.initiativeId, villageId: row.villageId, role: row.role },
          },
        });
        await scope.audit({
          entityType: 'InitiativeVillage',
          entityId: `${row.initiativeId}:${row.villageId}:${row.role}`,
          before: row,
          after: null,
        });
      }
      return initiative;
    },
  );
}

/** Input of recordInitiativeMetric. */
export interface RecordInitiativeMetricInput {
  initiativeId: number;
  metric: MetricKind;
  value?: DecimalInput | null;
  unit: MetricUnit;
  periodStart?: DateInput | null;
  periodEnd?: DateInput | null;
  cumulative?: boolean | null;
  approximate?: boolean | null;
  qualifier?: string | null;
  note?: string | null;
  idempotencyKey?: string | null;
}

/**
 * Records an outcome figure of an initiative. A value is not negative, whole in counted units
 * (people, cards, …), and a qualifier (近, 超, 約) needs `approximate`. Returns the metric or
 * userErrors (NEGATIVE_COUNT, NOT_WHOLE_NUMBER, QUALIFIER_NEEDS_APPROXIMATE, DATES_OUT_OF_ORDER,
 * NOT_FOUND, IDEMPOTENCY_KEY_REUSED).
 */
export function recordInitiativeMetric(
  db: Database,
  actor: Actor,
  input: RecordInitiativeMetricInput,
  options: MutationOptions = {},
): Promise<MutationResult<InitiativeMetric>> {
  const load = (tx: Tx, id: number) => tx.initiativeMetric.findUnique({ where: { id } });
  return runMutation(
    db,
    actor,
    options,
    {
      operation: 'recordInitiativeMetric',
      entityType: 'InitiativeMetric',
      input,
      idempotencyKey: input.idempotencyKey,
      load,
    },
    async (scope) => {
      const { tx } = scope;
      const checks = new Checks();
      checks.require(
        (await tx.initiative.findUnique({ where: { id: input.initiativeId }, select: { id: true } })) !== null,
        ['initiativeId'],
        'NOT_FOUND',
        `No initiative has id ${input.initiativeId}.`,
      );
      const value = readDecimal(checks, input.value, ['value'], 2);
      if (
        value &&
        checks.require(
          !value.lessThan(0),
          ['value'],
          'NEGATIVE_COUNT',
          `A metric value cannot be negative; got ${value.toFixed()}.`,
        )
      ) {
        checks.require(
          !wholeUnits.includes(input.unit) || value.isInteger(),
          ['value'],
          'NOT_WHOLE_NUMBER',
          `A figure in ${input.unit} is a whole number; got ${value.toFixed()}.`,
        );
      }
      const periodStart = readDate(checks, input.periodStart, ['periodStart']);
      const periodEnd = readDate(checks, input.periodEnd, ['periodEnd']);
      checkOrdered(checks, periodStart, periodEnd, ['periodEnd']);
      checks.require(
        !input.qualifier || input.approximate === true,
        ['approximate'],
        'QUALIFIER_NEEDS_APPROXIMATE',
        `The qualifier "${input.qualifier}" makes the figure approximate; set approximate to true.`,
      );
      checks.throwIfAny();
      const metric = await tx.initiativeMetric.create({
        data: {
          initiativeId: input.initiativeId,
          metric: input.metric,
          value: value ?? null,
          unit: input.unit,
          periodStart: periodStart ?? null,
          periodEnd: periodEnd ?? null,
          cumulative: input.cumulative ?? false,
          approximate: input.approximate ?? false,
          qualifier: input.qualifier ?? null,
          note: input.note ?? null,
          dataSource: 'API',
        },
      });
      await scope.audit({ entityType: 'InitiativeMetric', entityId: metric.id, before: null, after: metric });
      return metric;
    },
  );
}

/** Input of assignCadre. */
export interface AssignCadreInput {
  initiativeId: number;
  villageId: number;
  role: CadreRole;
  partyMember: boolean;
  /** Pseudonymous staff reference ("ZZ-0042"), never a name. */
  staffRef: string;
  startDate?: DateInput | null;
  endDate?: DateInput | null;
  note?: string | null;
  idempotencyKey?: string | null;
}

/**
 * Stations a cadre (by pseudonymous reference) in a village the initiative is linked to.
 * Returns the assignment or userErrors (PERSONAL_DATA on staffRef, NOT_LINKED, NOT_FOUND,
 * DATES_OUT_OF_ORDER, IDEMPOTENCY_KEY_REUSED).
 */
export function assignCadre(
  db: Database,
  actor: Actor,
  input: AssignCadreInput,
  options: MutationOptions = {},
): Promise<MutationResult<CadreAssignment>> {
  const load = (tx: Tx, id: number) => tx.cadreAssignment.findUnique({ where: { id } });
  return runMutation(
    db,
    actor,
    options,
    { operation: 'assignCadre', entityType: 'CadreAssignment', input, idempotencyKey: input.idempotencyKey, load },
    async (scope) => {
      const { tx } = scope;
      const checks = new Checks();
      checks.require(
        staffRefPattern.test(input.staffRef ?? ''),
        ['staffRef'],
        'PERSONAL_DATA',
        'A staff reference is a pseudonymous code of 3 to 64 letters, digits, "-" or "_" (e.g. "ZZ-0042"), never a name.',
      );
      const startDate = readDate(checks, input.startDate, ['startDate']);
      const endDate = readDate(checks, input.endDate, ['endDate']);
      checkOrdered(checks, startDate, endDate, ['endDate']);
      const initiative = await tx.initiative.findUnique({ where: { id: input.initiativeId }, select: { id: true } });
      checks.require(initiative !== null, ['initiativeId'], 'NOT_FOUND', `No initiative has id ${input.initiativeId}.`);
      const village = await tx.village.findUnique({ where: { id: input.villageId }, select: { id: true } });
      if (
        checks.require(village !== null, ['villageId'], 'NOT_FOUND', `No village has id ${input.villageId}.`) &&
        initiative
      ) {
        const linked = await tx.initiativeVillage.count({
          where: { initiativeId: input.initiativeId, villageId: input.villageId },
        });
        checks.require(
          linked > 0,
          ['villageId'],
          'NOT_LINKED',
          `Village ${input.villageId} is not linked to initiative ${input.initiativeId}; link it first.`,
        );
      }
      checks.throwIfAny();
      const assignment = await tx.cadreAssignment.create({
        data: {
          initiativeId: input.initiativeId,
          villageId: input.villageId,
          role: input.role,
          partyMember: input.partyMember,
          staffRef: input.staffRef,
          startDate: startDate ?? null,
          endDate: endDate ?? null,
          note: input.note ?? null,
          dataSource: 'API',
        },
      });
      await scope.audit({ entityType: 'CadreAssignment', entityId: assignment.id, before: null, after: assignment });
      return assignment;
    },
  );
}

/** Input of endCadreAssignment. */
export interface EndCadreAssignmentInput {
  id: number;
  endDate: DateInput;
}

/** Ends a cadre's stay. Returns the assignment or userErrors (ALREADY_ENDED, DATES_OUT_OF_ORDER, NOT_FOUND). */
export function endCadreAssignment(
  db: Database,
  actor: Actor,
  input: EndCadreAssignmentInput,
  options: MutationOptions = {},
): Promise<MutationResult<CadreAssignment>> {
  const load = (tx: Tx, id: number) => tx.cadreAssignment.findUnique({ where: { id } });
  return runMutation(
    db,
    actor,
    options,
    { operation: 'endCadreAssignment', entityType: 'CadreAssignment', input, load },
    async (scope) => {
      const { tx } = scope;
      const rows = await tx.$queryRawUnsafe<Array<{ id: number }>>(
        'SELECT "id" FROM "CadreAssignment" WHERE "id" = $1 FOR UPDATE',
        input.id,
      );
      if (rows.length === 0) fail(['id'], 'NOT_FOUND', `No cadre assignment has id ${input.id}.`);
      const before = await tx.cadreAssignment.findUniqueOrThrow({ where: { id: input.id } });
      const checks = new Checks();
      checks.require(
        before.endDate === null,
        ['id'],
        'ALREADY_ENDED',
        `Cadre assignment ${input.id} already ended on ${before.endDate?.toISOString().slice(0, 10)}.`,
      );
      const endDate = readDate(checks, input.endDate, ['endDate']);
      if (endDate === undefined) checks.require(false, ['endDate'], 'REQUIRED', 'The end date is required.');
      checkOrdered(checks, before.startDate, endDate, ['endDate']);
      checks.throwIfAny();
      const after = await tx.cadreAssignment.update({ where: { id: input.id }, data: { endDate: endDate! } });
      await scope.audit({ entityType: 'CadreAssignment', entityId: input.id, before, after });
      return after;
    },
  );
}

async function lockInitiative(
  tx: Tx,
  id: number,
  expectedVersion: number | null,
  path: string[] = ['id'],
): Promise<Initiative> {
  await lockVersion(tx, 'Initiative', id, expectedVersion, path);
  return tx.initiative.findUniqueOrThrow({ where: { id } });
}

async function saveInitiative(
  scope: MutationScope,
  before: Initiative,
  data: Parameters<Tx['initiative']['update']>[0]['data'],
): Promise<Initiative> {
  const after = await scope.tx.initiative.update({
    where: { id: before.id, version: before.version },
    data: { ...data, version: { increment: 1 } },
  });
  await scope.audit({ entityType: 'Initiative', entityId: before.id, before, after });
  return after;
}
