export { graphiqlLandingPage } from './graphiqlLandingPage.js';
export { webRoutes, type WebRoutesOptions } from './webRoutes.js';
export { readWebFile, webDistDirectory } from './webDist.js';
