import type { Database } from '../../db/client.js';
import type { Actor, MutationOptions } from './actor.js';
import { appendAuditEvent, type AuditChange } from './audit.js';
import { ChangeNotices } from './changeNotices.js';
import { databaseErrorToUserErrors } from './databaseErrorToUserErrors.js';
import { claimIdempotencyKey, completeIdempotencyKey } from './idempotency.js';
import { inputHash } from './inputHash.js';
import type { MutationResult } from './mutationResult.js';
import type { Tx } from './transaction.js';
import { UserInputError } from './userError.js';

/** What a mutation's work function gets: its transaction and a way to record its changes. */
export interface MutationScope {
  tx: Tx;
  actor: Actor;
  operation: string;
  /** Appends an AuditEvent for one changed row, in the same transaction. */
  audit(change: AuditChange): Promise<void>;
}

/** How one mutation runs. */
export interface MutationSpec<T extends { id: number }> {
  /** The mutation's name, e.g. "disburseLoan": recorded in the audit trail and the key record. */
  operation: string;
  /** The Prisma model of the row the mutation returns. */
  entityType: string;
  /** The whole input, hashed to tell a retry from a different request under the same key. */
  input: unknown;
  /** When given, a retry with the same key and input returns the first result (see idempotency.ts). */
  idempotencyKey?: string | null;
  /** Reads the returned row by id: for a replayed key. */
  load(tx: Tx, id: number): Promise<T | null>;
}

// Long enough for a same-key call to wait for the first one; Prisma's 5 s default is tight on
// PGlite, where transactions queue behind each other on one connection.
const transactionOptions = { maxWait: 15_000, timeout: 30_000 };

/**
 * Runs `work` as one mutation: one transaction holding `options.recheck` (first), the idempotency
 * key claim, every check and write, and the audit events, so a failure anywhere leaves no trace. Breaches of rules
 * (thrown as UserInputError, or refused by the database's own constraints) come back as
 * `userErrors` with nothing written.
 * @throws whatever else fails (a lost connection, a bug): the transaction is rolled back first.
 */
export async function runMutation<T extends { id: number }>(
  db: Database,
  actor: Actor,
  options: MutationOptions,
  spec: MutationSpec<T>,
  work: (scope: MutationScope) => Promise<T>,
): Promise<MutationResult<T>> {
  try {
    return await db.prisma.$transaction(async (tx) => {
      const refused = options.recheck ? await options.recheck(tx) : [];
      if (refused.length > 0) throw new UserInputError(refused);
      const key = spec.idempotencyKey ?? undefined;
      if (key !== undefined) {
        const claim = await claimIdempotencyKey(tx, actor, key, spec.operation, inputHash(spec.operation, spec.input));
        if (claim.kind === 'replay') {
          const record = claim.resultId === null ? null : await spec.load(tx, claim.resultId);
          return { record, userErrors: [], replayed: true };
        }
      }
      const notices = new ChangeNotices();
      const scope: MutationScope = {
        tx,
        actor,
        operation: spec.operation,
        audit: async (change) =>
          notices.audited(change, await appendAuditEvent(tx, actor, spec.operation, options.requestId, change)),
      };
      const record = await work(scope);
      if (key !== undefined) await completeIdempotencyKey(tx, actor, key, spec.entityType, record.id);
      // Subscribers hear of the change at commit, never of a rolled-back one (docs/live.md).
      await notices.send(tx, db, spec.entityType, record.id);
      return { record, userErrors: [], replayed: false };
    }, transactionOptions);
  } catch (error) {
    if (error instanceof UserInputError) return { record: null, userErrors: error.userErrors, replayed: false };
    const userErrors = databaseErrorToUserErrors(error);
    if (userErrors) return { record: null, userErrors, replayed: false };
    throw error;
  }
}
