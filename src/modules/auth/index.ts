export { anonymousViewer, hasAnyRole, isRole, roles, type Role, type Viewer } from './viewer.js';
export { AuthenticationError } from './authenticationError.js';
export { ForbiddenError } from './forbiddenError.js';
export { createAuthenticator, type Authenticator, type AuthenticatorOptions } from './authenticate.js';
export { createTokenVerifier, type TokenSettings } from './tokenVerifier.js';
export {
  ApiKeyInputError,
  createApiKey,
  createApiKeyAuthenticator,
  listApiKeys,
  revokeApiKey,
  type ApiKeyView,
  type NewApiKey,
} from './apiKeys.service.js';
export { localSecretFile, withLocalSecret } from './localSecret.js';
export { parseTtl, signToken, type TokenRequest } from './signToken.js';
export { scopeOf, scopeHasRole, unrestrictedScope, type AccessScope } from './accessScope.js';
export { forbidden } from './forbidden.js';
export {
  enterpriseInUnits,
  exportRoles,
  fieldReaders,
  importRoles,
  initiativeInUnits,
  isBankWideAdmin,
  loanInUnits,
  loanReaders,
  mayReadAuditTrail,
  orgUnitSubtreeSql,
  unitColumn,
} from './policy.js';
export { requestViewer } from './requestViewer.js';
