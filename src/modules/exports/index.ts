export { exportRoutes, type ExportRoutesOptions } from './exports.routes.js';
