export { exportRoutes, type ExportRoutesOptions } from './exports.routes.js';
export { biExportRoutes, type BiExportRoutesOptions } from './biExports.routes.js';
export { exportJobRoutes, type ExportJobRoutesOptions } from './exportJobs.routes.js';
export { exportJobResolvers } from './exportJobs.resolvers.js';
export {
  createExportJob,
  defaultExportDirectory,
  getExportJob,
  type ExportJobInput,
  type ExportJobOptions,
} from './exportJobs.service.js';
