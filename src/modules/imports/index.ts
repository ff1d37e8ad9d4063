export { importFile, type ImportOptions } from './importFile.js';
export type { ImportProblem, ImportReport } from './importTypes.js';
export { assertCanImport, importRoles } from './assertCanImport.js';
export { importRoutes, type ImportRoutesOptions } from './imports.routes.js';
import { enterpriseImport } from './enterpriseImport.js';
import { loanImport } from './loanImport.js';
import { villageImport } from './villageImport.js';

/** The import kinds by the name the CLI takes. */
export const importKinds = Object.freeze({ loans: loanImport, enterprises: enterpriseImport, villages: villageImport });
