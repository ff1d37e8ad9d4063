import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.js';
import { bearerChallenge, sendRestError } from '../../errorStatus.js';
import { AuthenticationError, ForbiddenError, anonymousViewer, scopeOf } from '../auth/index.js';
import { nulMessage } from '../../rules/index.js';
import { actorOf } from '../writes/index.js';
import { assertCanImport } from './assertCanImport.js';
import { importKinds } from './importKinds.js';
import { importFile } from './importFile.js';

/** Options of {@link importRoutes}. */
export interface ImportRoutesOptions {
  db: Database;
  /** Largest accepted file in bytes; default 50 MiB (about 100,000 loan rows). */
  maxBytes?: number;
}

interface ImportRequest {
  Params: { kind: string };
  Querystring: { validOnly?: string };
  Body: string;
}

/**
 * Registers `POST /import/{loans|enterprises|villages}` (body `text/csv`, UTF-8; `?validOnly=true`
 * to write the good rows): the same service and all-or-nothing rule as `dishui import`, as the
 * caller. Answers 200 `{ kind, rowsRead, rowsWritten, problems: [] }` when every row was written,
 * 422 with the same body listing each problem (line, column, code, message) when a row was
 * refused, 401/403 before the body is looked at when the caller may not import that kind, 400
 * BAD_USER_INPUT naming `body` and the line when the text holds U+0000.
 */
export async function importRoutes(app: FastifyInstance, options: ImportRoutesOptions): Promise<void> {
  const bodyLimit = options.maxBytes ?? 50 * 1024 * 1024;
  // Scoped to this plugin: CSV is accepted on the import routes only.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit }, (_request, body, done) =>
    done(null, body),
  );
  app.post<ImportRequest>('/import/:kind', { bodyLimit }, async (request, reply) => {
    const kind = importKinds[request.params.kind as keyof typeof importKinds];
    if (!kind) {
      return sendRestError(
        reply,
        'NOT_FOUND',
        `no import "${request.params.kind}"; try ${Object.keys(importKinds).join(', ')}.`,
      );
    }
    const viewer = request.viewer ?? anonymousViewer;
    try {
      assertCanImport(viewer, request.params.kind);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        reply.header('www-authenticate', bearerChallenge);
        return sendRestError(reply, error.code, `Not authenticated: ${error.message}`);
      }
      if (error instanceof ForbiddenError) return sendRestError(reply, error.code, error.message);
      throw error;
    }
    const validOnly = request.query.validOnly;
    if (validOnly !== undefined && validOnly !== 'true' && validOnly !== 'false') {
      return sendRestError(reply, 'BAD_USER_INPUT', 'validOnly must be true or false.', { argument: 'validOnly' });
    }
    const text = typeof request.body === 'string' ? request.body : '';
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      // PostgreSQL text holds no U+0000; refused before a row is read, as GraphQL input is.
      const line = text.slice(0, nul).split('\n').length;
      return sendRestError(reply, 'BAD_USER_INPUT', `Line ${line} of the body ${nulMessage}`, {
        argument: 'body',
        line,
      });
    }
    const report = await importFile(options.db, actorOf(viewer), scopeOf(viewer), kind as never, text, {
      validOnly: validOnly === 'true',
      requestId: String(request.id),
    });
    return reply.code(report.problems.length === 0 ? 200 : 422).send(report);
  });
}
