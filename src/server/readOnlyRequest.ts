import type { FastifyRequest } from 'fastify';
import { getOperationAST, parse } from 'graphql';

/**
 * True when a GraphQL HTTP request can only read: a GET (GraphQL over GET never mutates), or a
 * POST whose selected operation is a query. Anything unclear (no document, a syntax error, a
 * persisted query id) counts as a write, so it goes to the primary.
 */
export function isReadOnlyRequest(request: FastifyRequest): boolean {
  if (request.method === 'GET') return true;
  const body = request.body as { query?: unknown; operationName?: unknown } | undefined;
  if (typeof body?.query !== 'string') return false;
  try {
    const operation = getOperationAST(
      parse(body.query),
      typeof body.operationName === 'string' ? body.operationName : undefined,
    );
    return operation?.operation === 'query';
  } catch {
    return false;
  }
}
