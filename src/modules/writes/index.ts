export { type Actor, type MutationOptions, actorOf } from './actor.js';
export {
  type ChangeBatch,
  type ChangeNotice,
  changeChannel,
  maxNotifyBytes,
  notifyChange,
  parseChangeBatch,
  rowChangePayloads,
  setChangeOrigin,
} from './changeNotices.js';
export { checkCount, checkOrdered } from './countInput.js';
export { creditCodeProblem } from './creditCode.js';
export { databaseErrorToUserErrors } from './databaseErrorToUserErrors.js';
export { type DateInput, addMonths, daysBetween, formatDay, isMonthEnd, readDate } from './dateInput.js';
export { type DecimalInput, readDecimal, readMoney, readRate, toCents } from './decimalInput.js';
export { mutationResolver } from './mutationResolver.js';
export type { MutationResult } from './mutationResult.js';
export { type MutationScope, runMutation } from './runMutation.js';
export type { Tx } from './transaction.js';
export { Checks, fail, userError } from './userError.js';
export type { UserErrorCode } from './userErrorCodes.js';
export { lockVersion } from './versionedRow.js';
export { purgeIdempotencyKeys, scheduleIdempotencyPurge } from './idempotencyPurge.js';
