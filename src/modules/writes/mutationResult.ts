import type { UserError } from './userError.js';

/**
 * What every mutation service returns: the changed row, or null with the rules it broke.
 * `replayed` is true when an idempotency key matched an earlier call and nothing was written.
 */
export interface MutationResult<T> {
  record: T | null;
  userErrors: UserError[];
  replayed: boolean;
}
