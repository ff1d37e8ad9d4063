/** The caller is known but may not do this; answered 403 FORBIDDEN. The message says which role is needed. */
export class ForbiddenError extends Error {
  readonly code = 'FORBIDDEN';
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}
