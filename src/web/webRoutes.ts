import type { FastifyPluginAsync } from 'fastify';
import { statusOf } from '../errorStatus.js';
import { notBuiltPage, readWebFile } from './webDist.js';

/** Which browser pages the gateway serves. */
export interface WebRoutesOptions {
  graphiql: boolean;
  dashboard: boolean;
}

/**
 * Serves the dashboard page at /dashboard and the built bundles under /web/ (GraphiQL's only
 * when GraphiQL is on, the dashboard's only when the dashboard is).
 */
export const webRoutes: FastifyPluginAsync<WebRoutesOptions> = async (app, { graphiql, dashboard }) => {
  const served = (name: string) =>
    name.startsWith('graphiql') ? graphiql : name.startsWith('dashboard') ? dashboard : false;

  if (dashboard) {
    app.get('/dashboard', async (_request, reply) => {
      const file = await readWebFile('dashboard.html');
      if (!file)
        return reply
          .code(statusOf('SERVICE_UNAVAILABLE'))
          .type('text/html; charset=utf-8')
          .send(notBuiltPage('dashboard'));
      return reply.type(file.contentType).header('cache-control', 'no-cache').send(file.body);
    });
  }
  app.get<{ Params: { file: string } }>('/web/:file', async (request, reply) => {
    const name = request.params.file;
    const file = served(name) ? await readWebFile(name) : null;
    if (!file) return reply.code(statusOf('NOT_FOUND')).type('text/plain; charset=utf-8').send('not found');
    // Bundles keep their names across builds: revalidate rather than cache for long.
    return reply
      .type(file.contentType)
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .send(file.body);
  });
};
