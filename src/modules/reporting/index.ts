export { groupRoleOf, type ReportingView, reportingViews } from './reportingViews.js';
export { scramSha256Verifier } from './scramVerifier.js';
export {
  createSqlLogin,
  listSqlLogins,
  type NewSqlLogin,
  revokeSqlLogin,
  SqlLoginInputError,
  type SqlLoginView,
} from './sqlLogins.service.js';
