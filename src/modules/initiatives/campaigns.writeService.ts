import type { Campaign } from '../../generated/prisma/client.js';
import type { Database } from '../../db/client.js';
import {
  type Actor,
  Checks,
  type DateInput,
  type MutationOptions,
  type MutationResult,
  type Tx,
  checkOrdered,
  lockVersion,
  readDate,
  runMutation,
} from '../writes/index.js';

const loadCampaign = (tx: Tx, id: number) => tx.campaign.findUnique({ where: { id } });

/** Input of createCampaign (工銀普惠行 and its kin). */
export interface CreateCampaignInput {
  code: string;
  name: string;
  nameEn?: string | null;
  aliases?: string[] | null;
  sponsor?: string | null;
  theme?: string | null;
  startDate?: DateInput | null;
  endDate?: DateInput | null;
  note?: string | null;
  idempotencyKey?: string | null;
}

/** Creates a campaign. Returns it or userErrors (REQUIRED, ALREADY_EXISTS on code, DATES_OUT_OF_ORDER, IDEMPOTENCY_KEY_REUSED). */
export function createCampaign(
  db: Database,
  actor: Actor,
  input: CreateCampaignInput,
  options: MutationOptions = {},
): Promise<MutationResult<Campaign>> {
  return runMutation(
    db,
    actor,
    options,
    {
      operation: 'createCampaign',
      entityType: 'Campaign',
      input,
      idempotencyKey: input.idempotencyKey,
      load: loadCampaign,
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
      checks.require(Boolean(input.name?.trim()), ['name'], 'REQUIRED', 'A name is required.');
      const startDate = readDate(checks, input.startDate, ['startDate']);
      const endDate = readDate(checks, input.endDate, ['endDate']);
      checkOrdered(checks, startDate, endDate, ['endDate']);
      if (code)
        checks.require(
          (await tx.campaign.findUnique({ where: { code }, select: { id: true } })) === null,
          ['code'],
          'ALREADY_EXISTS',
          `A campaign with code ${code} already exists.`,
        );
      checks.throwIfAny();
      const campaign = await tx.campaign.create({
        data: {
          code,
          name: input.name.trim(),
          nameEn: input.nameEn ?? null,
          aliases: distinct(input.aliases ?? []),
          sponsor: input.sponsor ?? null,
          theme: input.theme ?? null,
          startDate: startDate ?? null,
          endDate: endDate ?? null,
          note: input.note ?? null,
          dataSource: 'API',
        },
      });
      await scope.audit({ entityType: 'Campaign', entityId: campaign.id, before: null, after: campaign });
      return campaign;
    },
  );
}

/** Input of addToCampaign / removeFromCampaign: initiatives and loans to link or unlink. */
export interface CampaignMembersInput {
  campaignId: number;
  initiativeIds?: number[] | null;
  loanIds?: number[] | null;
}

/** Links initiatives and loans to a campaign. Returns the campaign or userErrors (NOT_FOUND, ALREADY_EXISTS per member). */
export function addToCampaign(
  db: Database,
  actor: Actor,
  input: CampaignMembersInput,
  options: MutationOptions = {},
): Promise<MutationResult<Campaign>> {
  return changeMembers(db, actor, input, options, 'addToCampaign');
}

/** Unlinks initiatives and loans from a campaign. Returns the campaign or userErrors (NOT_LINKED per member, NOT_FOUND). */
export function removeFromCampaign(
  db: Database,
  actor: Actor,
  input: CampaignMembersInput,
  options: MutationOptions = {},
): Promise<MutationResult<Campaign>> {
  return changeMembers(db, actor, input, options, 'removeFromCampaign');
}

function changeMembers(
  db: Database,
  actor: Actor,
  input: CampaignMembersInput,
  options: MutationOptions,
  operation: 'addToCampaign' | 'removeFromCampaign',
) {
  const adding = operation === 'addToCampaign';
  return runMutation(
    db,
    actor,
    options,
    { operation, entityType: 'Campaign', input, load: loadCampaign },
    async (scope) => {
      const { tx } = scope;
      await lockVersion(tx, 'Campaign', input.campaignId, null, ['campaignId']);
      const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: input.campaignId } });
      const checks = new Checks();
      const initiativeIds = input.initiativeIds ?? [];
      const loanIds = input.loanIds ?? [];
      checks.require(
        initiativeIds.length + loanIds.length > 0,
        ['initiativeIds'],
        'REQUIRED',
        'Give at least one initiative or loan.',
      );
      for (const [index, initiativeId] of initiativeIds.entries()) {
        const exists = (await tx.initiative.count({ where: { id: initiativeId } })) > 0;
        if (!checks.require(exists, ['initiativeIds', index], 'NOT_FOUND', `No initiative has id ${initiativeId}.`))
          continue;
        const linked = (await tx.initiativeCampaign.count({ where: { initiativeId, campaignId: campaign.id } })) > 0;
        if (adding)
          checks.require(
            !linked,
            ['initiativeIds', index],
            'ALREADY_EXISTS',
            `Initiative ${initiativeId} is already in campaign ${campaign.code}.`,
          );
        else
          checks.require(
            linked,
            ['initiativeIds', index],
            'NOT_LINKED',
            `Initiative ${initiativeId} is not in campaign ${campaign.code}.`,
          );
      }
      for (const [index, loanId] of loanIds.entries()) {
        const exists = (await tx.enterpriseLoan.count({ where: { id: loanId } })) > 0;
        if (!checks.require(exists, ['loanIds', index], 'NOT_FOUND', `No loan has id ${loanId}.`)) continue;
        const linked = (await tx.loanCampaign.count({ where: { loanId, campaignId: campaign.id } })) > 0;
        if (adding)
          checks.require(
            !linked,
            ['loanIds', index],
            'ALREADY_EXISTS',
            `Loan ${loanId} is already in campaign ${campaign.code}.`,
          );
        else
          checks.require(
            linked,
            ['loanIds', index],
            'NOT_LINKED',
            `Loan ${loanId} is not in campaign ${campaign.code}.`,
          );
      }
      checks.throwIfAny();
      for (const initiativeId of distinct(initiativeIds)) {
        const key = { initiativeId_campaignId: { initiativeId, campaignId: campaign.id } };
        const row = adding
          ? await tx.initiativeCampaign.create({ data: { initiativeId, campaignId: campaign.id, dataSource: 'API' } })
          : await tx.initiativeCampaign.delete({ where: key });
        await scope.audit({
          entityType: 'InitiativeCampaign',
          entityId: `${initiativeId}:${campaign.id}`,
          before: adding ? null : row,
          after: adding ? row : null,
        });
      }
      for (const loanId of distinct(loanIds)) {
        const row = adding
          ? await tx.loanCampaign.create({ data: { loanId, campaignId: campaign.id, dataSource: 'API' } })
          : await tx.loanCampaign.delete({ where: { loanId_campaignId: { loanId, campaignId: campaign.id } } });
        await scope.audit({
          entityType: 'LoanCampaign',
          entityId: `${loanId}:${campaign.id}`,
          before: adding ? null : row,
          after: adding ? row : null,
        });
      }
      return campaign;
    },
  );
}

function distinct<T>(values: T[]): T[] {
  return [...new Set(values)];
}
