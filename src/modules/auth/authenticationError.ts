/**
 * A credential was sent but is not accepted (bad signature, expired, wrong audience, revoked key,
 * unknown org unit …), or none was sent where one is required. Answered 401 UNAUTHENTICATED; the
 * message says what is wrong with the credential, never what a valid one would look like.
 */
export class AuthenticationError extends Error {
  readonly code = 'UNAUTHENTICATED';
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}
