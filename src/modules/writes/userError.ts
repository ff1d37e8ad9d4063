import type { UserErrorCode } from './userErrorCodes.js';

/**
 * A rule an input breaks, for a form to show beside the field: `field` is the input path
 * (["input", "amount"]), `message` plain English naming the rule.
 */
export interface UserError {
  field: string[];
  code: UserErrorCode;
  message: string;
  /** The row's current version, set on CONFLICT so a client can reload and retry. */
  currentVersion?: number;
}

/**
 * Thrown inside a mutation to abandon it: the transaction rolls back and the runner returns
 * these errors as the payload's `userErrors`. Never escapes {@link runMutation}.
 */
export class UserInputError extends Error {
  readonly userErrors: UserError[];
  constructor(userErrors: UserError[]) {
    super(userErrors.map((error) => `${error.field.join('.')}: ${error.message}`).join('; '));
    this.name = 'UserInputError';
    this.userErrors = userErrors;
  }
}

/** Returns one user error on the input path `input.<...path>`. */
export function userError(path: Array<string | number>, code: UserErrorCode, message: string): UserError {
  return { field: ['input', ...path.map(String)], code, message };
}

/**
 * Collects every breach of an input before anything is written, so a form shows them all at
 * once. `throwIfAny` throws {@link UserInputError} when one was found.
 */
export class Checks {
  readonly errors: UserError[] = [];

  /** Records the error unless `ok`; returns `ok`, so dependent checks can be skipped. */
  require(ok: boolean, path: Array<string | number>, code: UserErrorCode, message: string): boolean {
    if (!ok) this.errors.push(userError(path, code, message));
    return ok;
  }

  /** Records an error unconditionally. */
  add(error: UserError): void {
    this.errors.push(error);
  }

  /** True when no breach has been recorded on `path` (or at all, without a path). */
  clean(path?: Array<string | number>): boolean {
    if (!path) return this.errors.length === 0;
    const key = ['input', ...path.map(String)].join('.');
    return !this.errors.some((error) => error.field.join('.') === key);
  }

  /** @throws UserInputError carrying every recorded error, when there is one. */
  throwIfAny(): void {
    if (this.errors.length > 0) throw new UserInputError(this.errors);
  }
}

/** @throws UserInputError with the one error. */
export function fail(path: Array<string | number>, code: UserErrorCode, message: string): never {
  throw new UserInputError([userError(path, code, message)]);
}
