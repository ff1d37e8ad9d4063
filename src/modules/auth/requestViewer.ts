import { anonymousViewer, type Viewer } from './viewer.js';

/**
 * The caller of an HTTP request: `request.viewer` as the authentication hook set it, or the
 * anonymous viewer when no hook set one (routes registered outside the plugin, tests).
 */
export function requestViewer(request: object): Viewer {
  return (request as { viewer?: Viewer | null }).viewer ?? anonymousViewer;
}
