export { importFile, type ImportOptions } from './importFile.js';
export type { ImportProblem, ImportReport } from './importTypes.js';
export { assertCanImport } from './assertCanImport.js';
export { importRoles } from '../auth/index.js';
export { importRoutes, type ImportRoutesOptions } from './imports.routes.js';
export { importKinds } from './importKinds.js';
