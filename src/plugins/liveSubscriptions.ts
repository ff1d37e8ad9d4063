import { variablesRefusal } from './inputGuard.js';
import fastifyWebsocket, { type WebSocket, type WebsocketHandler } from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { makeHandler } from 'graphql-ws/use/@fastify/websocket';
import { decodeJwt } from 'jose';
import { Counter, Gauge, type Registry } from 'prom-client';
import { createContext, type GraphQLContext } from '../context.js';
import { relabelForAnonymous } from '../errorStatus.js';
import type { Database } from '../db/client.js';
import type { ExportJob } from '../generated/prisma/client.js';
import { AuthenticationError } from '../modules/auth/authenticationError.js';
import type { Authenticator, CredentialHeaders } from '../modules/auth/authenticate.js';
import { anonymousViewer, type Viewer } from '../modules/auth/viewer.js';
import type { LiveContext } from '../modules/live/index.js';
import { limitError, operationCost } from '../rules/index.js';
import type { AnonymousAccess } from './authentication.js';

/** The DISHUI_WS_* settings (docs/configuration.md). */
export interface LiveSettings {
  maxSubscriptionsPerConnection: number;
  maxConnectionsPerCaller: number;
  maxQueuedEvents: number;
  keepAliveMs: number;
  initTimeoutMs: number;
}

/** What {@link registerLiveSubscriptions} needs from the server. */
export interface LiveSubscriptionOptions {
  db: Database;
  authenticate: Authenticator;
  anonymous: AnonymousAccess;
  settings: LiveSettings;
  /** The same operation limits as the HTTP route's (depth, aliases, root fields, directives). */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  maxCost: number;
  defaultListSize: number;
  production: boolean;
  registry: Registry;
  /** The HTTP route's error masking: a client sees its own mistakes, never an internal error's text. */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** The exportJob query's loader: a job its creator (or a bank-wide ADMIN) may see. */
  exportJob(context: GraphQLContext, rowId: number): Promise<ExportJob | null>;
  /** Resolves once no HTTP request is in flight (loadShedding.ts): on close, sockets get 1001 then. */
  httpIdle(): Promise<void>;
}

/** Close codes of the sockets (docs/live.md); graphql-ws's own codes otherwise. */
export const liveCloseCodes = Object.freeze({
  /**
   * No credential where one is needed, a credential refused at connection_init, or one that
   * expired while connected: UNAUTHENTICATED, as HTTP answers 401.
   */
  unauthenticated: CloseCode.Unauthorized,
  /** The caller holds DISHUI_WS_MAX_CONNECTIONS_PER_CALLER sockets already. */
  tooManyConnections: 4429,
  /** The consumer fell DISHUI_WS_MAX_QUEUED_EVENTS behind; reconnect and read the current state. */
  slowConsumer: 1013,
  /** The server is shutting down. */
  goingAway: 1001,
});

interface SocketState {
  viewer: Viewer;
  callerKey: string;
  /** graphql-ws's own record of the connection's running subscriptions, by id. */
  subscriptions: Readonly<Record<string, unknown>>;
  expiry?: NodeJS.Timeout;
}

// Browsers cannot set headers on a WebSocket: the credential comes in connection_init's payload,
// under the header's name (`Authorization: Bearer …` or `x-api-key`) or as a bare `token`.
function credentialHeaders(
  params: Readonly<Record<string, unknown>> | undefined,
  request: FastifyRequest,
): CredentialHeaders {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const authorization =
    text(params?.authorization) ??
    text(params?.Authorization) ??
    (text(params?.token) ? `Bearer ${text(params?.token)}` : undefined);
  const apiKey = text(params?.['x-api-key']) ?? text(params?.apiKey);
  if (authorization !== undefined || apiKey !== undefined) {
    return {
      ...(authorization !== undefined ? { authorization } : {}),
      ...(apiKey !== undefined ? { 'x-api-key': apiKey } : {}),
    };
  }
  return { authorization: request.headers.authorization, 'x-api-key': request.headers['x-api-key'] };
}

function bearerExpiry(headers: CredentialHeaders): number | undefined {
  const token = /^Bearer\s+(\S+)/i.exec(String(headers.authorization ?? ''))?.[1];
  if (token === undefined) return undefined;
  try {
    const exp = decodeJwt(token).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

// As over HTTP (operationLimits.ts): a passed limit says QUERY_TOO_COMPLEX, not a validation error.
function relabelLimit(error: GraphQLError): GraphQLError {
  if (typeof error.extensions.limit === 'string') Object.assign(error.extensions, { code: 'QUERY_TOO_COMPLEX' });
  return error;
}

function limitReached(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * Serves graphql-ws (the protocol of Apollo Client, urql and Relay) on `GET /graphql` upgrades,
 * beside the HTTP GraphQL route: registers @fastify/websocket (call before the routes are added)
 * and returns the handler to give the GET route as `wsHandler`. The caller authenticates in
 * `connection_init` with the same tokens and API keys as over HTTP; only subscriptions are
 * served, each checked by the HTTP route's operation limits and cost limit. On close the sockets
 * get 1001 once the HTTP requests in flight have drained.
 */
export async function registerLiveSubscriptions(
  app: FastifyInstance,
  options: LiveSubscriptionOptions,
): Promise<{ wsHandler(schema: GraphQLSchema): WebsocketHandler }> {
  const { settings } = options;
  const registers = [options.registry];
  const states = new Map<WebSocket, SocketState>();
  const perCaller = new Map<string, number>();
  const openSockets = new Gauge({
    name: 'dishui_ws_open_sockets',
    help: 'WebSocket connections open now (acknowledged or not).',
    registers,
  });
  new Gauge({
    name: 'dishui_ws_subscriptions',
    help: 'GraphQL subscriptions running now.',
    registers,
    collect() {
      // Started ones only: graphql-ws holds null for a subscription still being set up.
      const running = (state: SocketState) =>
        Object.values(state.subscriptions).filter((value) => value !== null).length;
      this.set([...states.values()].reduce((sum, state) => sum + running(state), 0));
    },
  });
  const eventsSent = new Counter({
    name: 'dishui_ws_events_sent_total',
    help: 'Subscription events sent to clients.',
    registers,
  });
  const eventsDropped = new Counter({
    name: 'dishui_ws_events_dropped_total',
    help: 'Subscription events thrown away because their consumer fell too far behind (it is disconnected).',
    registers,
  });

  // On close, after the HTTP drain (in-flight requests answered, or cut at DISHUI_SHUTDOWN_GRACE_MS
  // by startServer.ts): every socket hears 1001 "going away". Until then subscribers keep hearing
  // of the writes those requests commit.
  let socketsClosed: Promise<void> | undefined;
  const closeSockets = async () => {
    await options.httpIdle();
    const server = app.websocketServer;
    await new Promise<void>((resolve) => {
      for (const client of server.clients) client.close(liveCloseCodes.goingAway, 'Server shutting down');
      server.close(() => resolve());
    });
  };
  await app.register(fastifyWebsocket, {
    options: { maxPayload: 1_048_576 },
    // Upgrades stop here (@fastify/websocket removes its listener); the sockets close once drained.
    preClose(done) {
      socketsClosed = closeSockets();
      done();
    },
  });
  app.addHook('onClose', async () => {
    await socketsClosed;
  });

  const release = (socket: WebSocket) => {
    const state = states.get(socket);
    if (!state) return;
    states.delete(socket);
    clearTimeout(state.expiry);
    const left = (perCaller.get(state.callerKey) ?? 1) - 1;
    if (left <= 0) perCaller.delete(state.callerKey);
    else perCaller.set(state.callerKey, left);
  };

  // The HTTP route's masking, and its labels: an anonymous caller refused for want of a role is
  // told UNAUTHENTICATED (signing in would help), as over HTTP (errorStatus.ts).
  const formatErrors = (
    socket: WebSocket,
    request: FastifyRequest,
    id: string,
    errors: readonly GraphQLError[],
  ): GraphQLFormattedError[] =>
    errors.map((error) => {
      const formatted = options.formatError(
        error instanceof GraphQLError ? error.toJSON() : (error as GraphQLFormattedError),
        error,
      );
      if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR')
        request.log.error({ err: error, subscription: id }, 'internal error in a subscription');
      if (states.get(socket)?.viewer.kind === 'anonymous') relabelForAnonymous(formatted);
      return formatted;
    });

  const wsHandler = (schema: GraphQLSchema): WebsocketHandler => {
    const handler = makeHandler<Record<string, unknown>>(
      {
        schema,
        isProd: options.production,
        connectionInitWaitTimeout: settings.initTimeoutMs,
        onConnect: async (ctx) => {
          const { socket, request } = ctx.extra;
          const headers = credentialHeaders(ctx.connectionParams, request);
          let viewer: Viewer | null;
          try {
            viewer = await options.authenticate(headers);
            if (viewer === null && options.anonymous === 'off')
              throw new AuthenticationError('send "Authorization: Bearer <token>" or "x-api-key" in connection_init.');
          } catch (error) {
            if (!(error instanceof AuthenticationError)) throw error;
            request.log.info({ reason: error.message }, 'websocket refused: not authenticated');
            socket.close(liveCloseCodes.unauthenticated, `Unauthorized: ${error.message}`.slice(0, 120));
            return false;
          }
          const caller = viewer ?? anonymousViewer;
          const callerKey = caller.kind === 'anonymous' ? `anonymous:${request.ip}` : caller.id;
          const open = perCaller.get(callerKey) ?? 0;
          if (open >= settings.maxConnectionsPerCaller) {
            socket.close(
              liveCloseCodes.tooManyConnections,
              `Too many connections (at most ${settings.maxConnectionsPerCaller})`,
            );
            return false;
          }
          perCaller.set(callerKey, open + 1);
          const state: SocketState = { viewer: caller, callerKey, subscriptions: ctx.subscriptions };
          const expiresAt = bearerExpiry(headers);
          if (expiresAt !== undefined) {
            // A timer waits at most ~24.8 days: a longer-lived token's timer is set again on waking.
            const arm = () => {
              const left = expiresAt - Date.now();
              state.expiry = left <= 0 ? undefined : setTimeout(arm, Math.min(left, 2 ** 31 - 1));
              state.expiry?.unref();
              if (left <= 0) socket.close(liveCloseCodes.unauthenticated, 'Unauthorized: the token expired');
            };
            arm();
          }
          states.set(socket, state);
          return true;
        },
        onSubscribe: (ctx, id, payload) => {
          const { socket, request } = ctx.extra;
          const state = states.get(socket);
          if (!state) return [limitReached('The connection is not acknowledged.', 'UNAUTHENTICATED')];
          // graphql-ws has recorded this one already; a completed one is forgotten at once.
          if (Object.keys(state.subscriptions).length - 1 >= settings.maxSubscriptionsPerConnection) {
            return [
              limitReached(
                `At most ${settings.maxSubscriptionsPerConnection} subscriptions run on one connection; complete one first.`,
                'TOO_MANY_SUBSCRIPTIONS',
              ),
            ];
          }
          let document: DocumentNode;
          try {
            document = parse(payload.query, { maxTokens: options.maxTokens });
          } catch (error) {
            return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
          }
          const errors = validate(schema, document, [...specifiedRules, ...options.validationRules]);
          if (errors.length > 0) return errors.map(relabelLimit);
          const operation = getOperationAST(document, payload.operationName);
          if (!operation)
            return [new GraphQLError('Name the operation to run.', { extensions: { code: 'BAD_REQUEST' } })];
          if (operation.operation !== 'subscription') {
            return [
              new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP.', {
                extensions: { code: 'BAD_REQUEST' },
              }),
            ];
          }
          const variables = (payload.variables ?? undefined) as Record<string, unknown> | undefined;
          const refusal = variables ? variablesRefusal(document, operation, variables) : null;
          if (refusal) return [refusal];
          const cost = operationCost(schema, document, operation, variables, {
            defaultListSize: options.defaultListSize,
          });
          if (cost > options.maxCost) return [relabelLimit(limitError('cost', options.maxCost, cost, [operation]))];
          const contextValue: LiveContext = {
            ...createContext(options.db, `${String(request.id)}:${id}`, state.viewer),
            live: {
              maxQueued: settings.maxQueuedEvents,
              onOverflow: () => {
                eventsDropped.inc(settings.maxQueuedEvents + 1);
                request.log.warn({ subscription: id }, 'websocket dropped: slow consumer');
                socket.close(liveCloseCodes.slowConsumer, 'Slow consumer: too many events waiting');
              },
              exportJob: options.exportJob,
            },
          };
          return {
            schema,
            document,
            operationName: payload.operationName,
            variableValues: variables,
            contextValue,
          };
        },
        onNext: (ctx, id, _payload, _args, result) => {
          eventsSent.inc();
          if (!result.errors?.length) return;
          return { ...result, errors: formatErrors(ctx.extra.socket, ctx.extra.request, id, result.errors) };
        },
        onError: (ctx, id, _payload, errors) => formatErrors(ctx.extra.socket, ctx.extra.request, id, errors),
        onClose: (ctx) => release(ctx.extra.socket),
        onDisconnect: (ctx) => release(ctx.extra.socket),
      },
      settings.keepAliveMs,
    );
    return function liveHandler(this: FastifyInstance, socket, request) {
      openSockets.inc();
      socket.once('close', () => {
        openSockets.dec();
        release(socket);
      });
      return handler.call(this, socket, request);
    };
  };
  return { wsHandler };
}
