import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLError } from 'graphql';
import { bearerChallenge, sendRestError } from '../../errorStatus.js';
import { type AccessScope, exportRoles, requestViewer, scopeOf } from '../auth/index.js';
import { canExport } from './exportAccess.js';

/**
 * The scope of a caller who may export, or null once the refusal is sent: 401 UNAUTHENTICATED
 * (with the Bearer challenge) for an anonymous caller, since signing in is what would help, 403
 * FORBIDDEN for a caller without an export role. Every `GET /export/*` door asks this first.
 */
export function exporterScope(request: FastifyRequest, reply: FastifyReply): AccessScope | null {
  const viewer = requestViewer(request);
  if (canExport(viewer)) return scopeOf(viewer);
  const needed = `exports need one of the roles ${exportRoles.join(', ')}.`;
  if (viewer.kind === 'anonymous')
    sendRestError(
      reply.header('www-authenticate', bearerChallenge),
      'UNAUTHENTICATED',
      `Not authenticated: sign in; ${needed}`,
    );
  else sendRestError(reply, 'FORBIDDEN', needed);
  return null;
}

/** The REST doors' 400 for a BAD_USER_INPUT error, naming its argument. */
export function sendBadInput(reply: FastifyReply, error: GraphQLError): FastifyReply {
  return sendRestError(reply, 'BAD_USER_INPUT', error.message, { argument: error.extensions.argument });
}
