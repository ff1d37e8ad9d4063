import type { EnterpriseLoan } from '../../generated/prisma/client.js';
import type { Database } from '../../db/client.js';
import {
  type Actor,
  Checks,
  type MutationOptions,
  type MutationResult,
  type MutationScope,
  runMutation,
} from '../writes/index.js';
import { nonPerformingClasses } from './loanDelinquency.js';
import { loadLoan, lockLoan, requireMove, saveLoan } from './loanWrite.js';
import { validateLoanTerms, type LoanTermsInput } from './loans.validation.js';

/** Input of applyForLoan: the loan's terms, its parties and an idempotency key. */
export interface ApplyForLoanInput extends LoanTermsInput {
  enterpriseId: number;
  orgUnitId: number;
  siteId?: number | null;
  /** County where the money is used; by default the site's, else the borrower's head office. */
  regionId?: number | null;
  campaignIds?: number[] | null;
  idempotencyKey?: string | null;
}

/**
 * Records a loan application (status APPLIED, nothing disbursed) after checking its terms
 * (loans.validation.ts), that the borrower, booking unit, site, region and campaigns exist, that
 * the site is the borrower's and the region a county, and that the contract number is new.
 * Returns the loan, or userErrors with nothing written.
 */
export function applyForLoan(
  db: Database,
  actor: Actor,
  input: ApplyForLoanInput,
  options: MutationOptions = {},
): Promise<MutationResult<EnterpriseLoan>> {
  return runMutation(
    db,
    actor,
    options,
    {
      operation: 'applyForLoan',
      entityType: 'EnterpriseLoan',
      input,
      idempotencyKey: input.idempotencyKey,
      load: loadLoan,
    },
    async (scope) => {
      const { tx } = scope;
      const checks = new Checks();
      const terms = validateLoanTerms(checks, input);
      // One query at a time: a transaction is one connection, which runs statements in turn.
      const enterprise = await tx.enterprise.findUnique({
        where: { id: input.enterpriseId },
        select: { id: true, headOfficeRegionId: true },
      });
      const orgUnit = await tx.orgUnit.findUnique({ where: { id: input.orgUnitId }, select: { id: true } });
      const site = input.siteId
        ? await tx.enterpriseSite.findUnique({
            where: { id: input.siteId },
            select: { enterpriseId: true, regionId: true },
          })
        : null;
      const region = input.regionId
        ? await tx.region.findUnique({ where: { id: input.regionId }, select: { level: true, code: true } })
        : null;
      const existing = terms
        ? await tx.enterpriseLoan.findUnique({ where: { contractNo: terms.contractNo }, select: { id: true } })
        : null;
      const campaigns = input.campaignIds?.length
        ? await tx.campaign.findMany({ where: { id: { in: input.campaignIds } }, select: { id: true } })
        : [];
      checks.require(enterprise !== null, ['enterpriseId'], 'NOT_FOUND', `No enterprise has id ${input.enterpriseId}.`);
      checks.require(orgUnit !== null, ['orgUnitId'], 'NOT_FOUND', `No bank unit has id ${input.orgUnitId}.`);
      if (input.siteId) {
        if (checks.require(site !== null, ['siteId'], 'NOT_FOUND', `No enterprise site has id ${input.siteId}.`)) {
          checks.require(
            site!.enterpriseId === input.enterpriseId,
            ['siteId'],
            'SITE_OF_OTHER_ENTERPRISE',
            `Site ${input.siteId} belongs to another enterprise than the borrower.`,
          );
        }
      }
      if (input.regionId) {
        if (checks.require(region !== null, ['regionId'], 'NOT_FOUND', `No region has id ${input.regionId}.`)) {
          checks.require(
            region!.level === 'COUNTY',
            ['regionId'],
            'REGION_LEVEL_MISMATCH',
            `A loan's region is the county where the money is used; ${region!.code} is a ${region!.level}.`,
          );
        }
      }
      checks.require(
        existing === null,
        ['contractNo'],
        'ALREADY_EXISTS',
        `A loan with contract number ${terms?.contractNo} already exists.`,
      );
      const found = new Set(campaigns.map((campaign) => campaign.id));
      (input.campaignIds ?? []).forEach((id, index) => {
        checks.require(found.has(id), ['campaignIds', index], 'NOT_FOUND', `No campaign has id ${id}.`);
      });
      checks.throwIfAny();
      const loan = await tx.enterpriseLoan.create({
        data: {
          ...terms!,
          enterpriseId: input.enterpriseId,
          orgUnitId: input.orgUnitId,
          siteId: input.siteId ?? null,
          regionId: input.regionId ?? site?.regionId ?? enterprise!.headOfficeRegionId ?? null,
          product: input.product,
          regulatoryClass: input.regulatoryClass,
          policyRegime: input.policyRegime,
          financingModel: input.financingModel ?? null,
          guarantee: input.guarantee ?? null,
          rateType: input.rateType ?? null,
          lprTenor: input.lprTenor ?? null,
          spreadBps: input.spreadBps ?? null,
          repaymentMethod: input.repaymentMethod,
          supportSector: input.supportSector ?? null,
          note: input.note ?? null,
          disbursedAmount: 0,
          outstandingBalance: 0,
          status: 'APPLIED',
          dataSource: 'API',
          campaigns: { create: [...found].map((campaignId) => ({ campaignId })) },
        },
      });
      await scope.audit({
        entityType: 'EnterpriseLoan',
        entityId: loan.id,
        before: null,
        after: { ...loan, campaignIds: [...found] },
      });
      return loan;
    },
  );
}

/** Input of the status-only lifecycle moves. */
export interface LoanDecisionInput {
  loanId: number;
  expectedVersion?: number | null;
  /** Why: kept in the loan's note and the audit trail. */
  reason?: string | null;
}

/** Approves an application (APPLIED → APPROVED). Returns the loan or userErrors (INVALID_TRANSITION, NOT_FOUND, CONFLICT). */
export function approveLoan(db: Database, actor: Actor, input: LoanDecisionInput, options: MutationOptions = {}) {
  return decide(db, actor, input, options, 'approveLoan', async (scope, loan) => {
    requireMove(loan, 'APPROVED', 'approve');
    return saveLoan(scope, loan, { status: 'APPROVED', note: withReason(loan.note, input.reason) });
  });
}

/** Rejects an application (APPLIED → REJECTED). Returns the loan or userErrors. */
export function rejectLoan(db: Database, actor: Actor, input: LoanDecisionInput, options: MutationOptions = {}) {
  return decide(db, actor, input, options, 'rejectLoan', async (scope, loan) => {
    requireMove(loan, 'REJECTED', 'reject');
    return saveLoan(scope, loan, { status: 'REJECTED', note: withReason(loan.note, input.reason) });
  });
}

/**
 * Writes off an overdue non-performing loan (OVERDUE → WRITTEN_OFF). The balance stays on the
 * row as the amount lost. Returns the loan or userErrors (INVALID_TRANSITION,
 * NOT_NON_PERFORMING, NOT_FOUND, CONFLICT).
 */
export function writeOffLoan(db: Database, actor: Actor, input: LoanDecisionInput, options: MutationOptions = {}) {
  return decide(db, actor, input, options, 'writeOffLoan', async (scope, loan) => {
    requireMove(loan, 'WRITTEN_OFF', 'write off');
    const checks = new Checks();
    checks.require(
      loan.riskClass !== null && nonPerformingClasses.includes(loan.riskClass),
      ['loanId'],
      'NOT_NON_PERFORMING',
      `Loan ${loan.contractNo} is classed ${loan.riskClass ?? 'unclassified'}; only SUBSTANDARD, DOUBTFUL or LOSS loans can be written off. Classify it first.`,
    );
    checks.throwIfAny();
    return saveLoan(scope, loan, { status: 'WRITTEN_OFF', note: withReason(loan.note, input.reason) });
  });
}

function decide(
  db: Database,
  actor: Actor,
  input: LoanDecisionInput,
  options: MutationOptions,
  operation: string,
  step: (scope: MutationScope, loan: EnterpriseLoan) => Promise<EnterpriseLoan>,
): Promise<MutationResult<EnterpriseLoan>> {
  return runMutation(
    db,
    actor,
    options,
    { operation, entityType: 'EnterpriseLoan', input, load: loadLoan },
    async (scope) => {
      const loan = await lockLoan(scope.tx, input.loanId, input.expectedVersion);
      return step(scope, loan);
    },
  );
}

function withReason(note: string | null, reason: string | null | undefined): string | null {
  if (!reason) return note;
  return note ? `${note}\n${reason}` : reason;
}
