import type { ApolloServerPlugin } from '@apollo/server';
import { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from '../config.js';
import type { GraphQLContext } from '../context.js';

/** What the request log line says about a GraphQL request, gathered by the Apollo plugin. */
interface OperationNote {
  operation: string | null;
  type: string | null;
  codes: string[];
}

// Headers and body parts that carry credentials or personal data, wherever a log call puts them.
const redactPaths = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers.cookie',
  'variables',
  '*.variables',
  'body.variables',
  '*.password',
  '*.token',
];

/**
 * Fastify's logger options: pino JSON (one object per line) at LOG_LEVEL, with secrets and GraphQL
 * variables redacted; human-readable through pino-pretty when LOG_FORMAT=pretty, or when it is
 * `auto` in development with a terminal on stdout. Fastify's own two lines per request are off;
 * {@link logRequests} writes one instead.
 */
export function loggerOptions(
  config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'> & Partial<Pick<Config, 'LOG_FORMAT'>>,
  stream?: DestinationStream,
): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  const format = config.LOG_FORMAT ?? 'auto';
  const pretty =
    !stream &&
    (format === 'pretty' || (format === 'auto' && config.NODE_ENV === 'development' && process.stdout.isTTY === true));
  return {
    logController: new LogController({ disableRequestLogging: true }),
    logger: {
      level: config.LOG_LEVEL,
      redact: { paths: redactPaths, censor: '[redacted]' },
      ...(stream ? { stream } : {}),
      ...(pretty
        ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:standard', ignore: 'pid,hostname' } } }
        : {}),
    },
  };
}

/**
 * Writes one `request` log line per HTTP request when it ends: request id, method, path (the query
 * string is left out: it can hold filters on people's data), status, duration, the caller
 * (`request.viewer.id`, or `anonymous`) and for GraphQL the operation name, type and error codes.
 * Returns the Apollo plugin that notes the operation for the line.
 */
export function logRequests(app: FastifyInstance): ApolloServerPlugin<GraphQLContext> {
  const notes = new Map<string, OperationNote>();
  app.addHook('onResponse', async (request, reply) => {
    const id = String(request.id);
    const note = notes.get(id);
    notes.delete(id);
    const viewer = (request as { viewer?: { id?: string } | null }).viewer;
    const codes = note?.codes ?? [];
    const failed = reply.statusCode >= 400 || codes.length > 0;
    // request.log already binds reqId: naming it here too wrote the key twice in one JSON object.
    const line = {
      method: request.method,
      path: request.url.split('?')[0],
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      caller: viewer?.id ?? 'anonymous',
      ...(note ? { operation: note.operation ?? 'anonymous', operationType: note.type } : {}),
      outcome: failed ? 'error' : 'ok',
      ...(codes.length > 0 ? { errorCodes: [...new Set(codes)] } : {}),
    };
    if (reply.statusCode >= 500) request.log.error(line, 'request');
    else request.log.info(line, 'request');
  });
  return {
    async requestDidStart({ contextValue }) {
      const note: OperationNote = { operation: null, type: null, codes: [] };
      // A request whose response is never sent must not keep its note forever.
      if (notes.size > 10_000) notes.clear();
      notes.set(contextValue.requestId, note);
      return {
        async didResolveOperation({ operationName, operation }) {
          note.operation = operationName ?? null;
          note.type = operation?.operation ?? null;
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          note.codes = (response.body.singleResult.errors ?? []).map((error) =>
            String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
          );
        },
      };
    },
  };
}
