import type { Actor } from './actor.js';
import type { Tx } from './transaction.js';
import { fail } from './userError.js';

/** What claiming a key found: a fresh claim, or the earlier call's result to replay. */
export type KeyClaim = { kind: 'claimed' } | { kind: 'replay'; resultType: string | null; resultId: number | null };

/**
 * Claims `key` for this actor inside the mutation's transaction. The key row is inserted with
 * ON CONFLICT DO NOTHING: a concurrent call with the same key waits on the unique index until
 * the first commits (then sees its row and replays it) or rolls back (then claims the key itself).
 * @throws UserInputError IDEMPOTENCY_KEY_REUSED when the key was used with another input or
 *   operation.
 */
export async function claimIdempotencyKey(
  tx: Tx,
  actor: Actor,
  key: string,
  operation: string,
  hash: string,
): Promise<KeyClaim> {
  if (key.length === 0 || key.length > 200) {
    fail(['idempotencyKey'], 'INVALID_FORMAT', 'An idempotency key has 1 to 200 characters.');
  }
  const inserted = await tx.$queryRaw<Array<{ key: string }>>`
    INSERT INTO "IdempotencyRecord" ("actorId", "key", "operation", "inputHash")
    VALUES (${actor.id}, ${key}, ${operation}, ${hash})
    ON CONFLICT ("actorId", "key") DO NOTHING
    RETURNING "key"`;
  if (inserted.length === 1) return { kind: 'claimed' };
  const existing = await tx.idempotencyRecord.findUnique({ where: { actorId_key: { actorId: actor.id, key } } });
  if (!existing || existing.operation !== operation || existing.inputHash !== hash) {
    fail(
      ['idempotencyKey'],
      'IDEMPOTENCY_KEY_REUSED',
      `The idempotency key "${key}" was already used${existing && existing.operation !== operation ? ` for ${existing.operation}` : ''} with a different input; use a new key for a new request.`,
    );
  }
  return { kind: 'replay', resultType: existing.resultType, resultId: existing.resultId };
}

/** Records which row the claimed key's call produced, so a retry can return it. */
export async function completeIdempotencyKey(
  tx: Tx,
  actor: Actor,
  key: string,
  resultType: string,
  resultId: number,
): Promise<void> {
  await tx.idempotencyRecord.update({
    where: { actorId_key: { actorId: actor.id, key } },
    data: { resultType, resultId },
  });
}
