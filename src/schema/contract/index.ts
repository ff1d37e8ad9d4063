export { unreleasedCoordinates } from './changelog.js';
export { runContractCheck, type ContractCheckOptions, type ContractCheckResult } from './runContractCheck.js';
export { checkContract, type ContractReport } from './checkContract.js';
export { schemaChanges, type SchemaChange, type SchemaChanges } from './schemaChanges.js';
export { changeCoordinate } from './schemaCoordinate.js';
