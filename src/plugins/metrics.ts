import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { GraphQLContext } from '../context.js';
import type { Database } from '../db/client.js';
import { addTelemetrySink } from '../observability/telemetry.js';

/** What {@link registerMetrics} gives the server: the registry and the Apollo plugin feeding it. */
export interface Metrics {
  registry: Registry;
  apolloPlugin: ApolloServerPlugin<GraphQLContext>;
}

// Codes that mean "the operation ran and something went wrong", as opposed to "the operation was
// refused by a rule before running" (a limit, a validation, a bad request).
const failureCodes = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);
const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Serves Prometheus metrics at `GET /metrics` from a registry of this server's own (never
 * prom-client's global one, so two servers in one process do not mix): process metrics, HTTP
 * requests, GraphQL operations by name and type, errors and refused operations by code, the
 * database pools and statement latency, DataLoader batch sizes and exported rows.
 */
export function registerMetrics(app: FastifyInstance, db: Database, replicas?: Pick<Database, 'poolStats'>): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'dishui_' });
  const registers = [registry];

  const httpRequests = new Counter({
    name: 'dishui_http_requests_total',
    help: 'HTTP requests by route, method and status.',
    labelNames: ['route', 'method', 'status'],
    registers,
  });
  const httpSeconds = new Histogram({
    name: 'dishui_http_request_duration_seconds',
    help: 'HTTP request duration by route.',
    labelNames: ['route', 'method'],
    buckets: seconds,
    registers,
  });
  const operations = new Counter({
    name: 'dishui_graphql_operations_total',
    help: 'GraphQL operations by name, type and outcome (ok, error, rejected).',
    labelNames: ['operation', 'type', 'outcome'],
    registers,
  });
  const operationSeconds = new Histogram({
    name: 'dishui_graphql_operation_duration_seconds',
    help: 'GraphQL operation duration by name and type.',
    labelNames: ['operation', 'type'],
    buckets: seconds,
    registers,
  });
  const errors = new Counter({
    name: 'dishui_graphql_errors_total',
    help: 'GraphQL errors sent, by extensions.code.',
    labelNames: ['code'],
    registers,
  });
  const rejected = new Counter({
    name: 'dishui_graphql_rejected_operations_total',
    help: 'Operations refused before running (limits, validation, bad requests), by the refusing code.',
    labelNames: ['code'],
    registers,
  });
  const statementSeconds = new Histogram({
    name: 'dishui_db_statement_duration_seconds',
    help: 'Duration of SQL statements sent through Prisma.',
    labelNames: ['outcome'],
    buckets: seconds,
    registers,
  });
  const poolGauge = (name: string, help: string, pick: (stats: ReturnType<Database['poolStats']>[number]) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['pool'],
      registers,
      collect() {
        this.reset();
        for (const stats of [...db.poolStats(), ...(replicas?.poolStats() ?? [])])
          this.set({ pool: stats.pool }, pick(stats));
      },
    });
  poolGauge('dishui_db_pool_connections', 'Open PostgreSQL connections per pool.', (stats) => stats.total);
  poolGauge('dishui_db_pool_idle_connections', 'Idle PostgreSQL connections per pool.', (stats) => stats.idle);
  poolGauge(
    'dishui_db_pool_waiting_requests',
    'Callers waiting for a PostgreSQL connection per pool.',
    (stats) => stats.waiting,
  );
  const batchSizes = new Histogram({
    name: 'dishui_dataloader_batch_size',
    help: 'Keys per DataLoader batch, by loader.',
    labelNames: ['loader'],
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
    registers,
  });
  const exportRows = new Counter({
    name: 'dishui_export_rows_total',
    help: 'Rows written by streaming exports and export jobs.',
    labelNames: ['kind', 'format'],
    registers,
  });
  const redisFallbacks = new Counter({
    name: 'dishui_redis_fallbacks_total',
    help: "Redis calls answered from this instance's memory because Redis was slow or down, by use.",
    labelNames: ['use'],
    registers,
  });

  const observeStatement = (duration: number, failed: boolean) =>
    statementSeconds.observe({ outcome: failed ? 'error' : 'ok' }, duration);
  db.statements.observers ??= new Set();
  db.statements.observers.add(observeStatement);
  const removeSink = addTelemetrySink({
    loaderBatch: (loader, size) => batchSizes.observe({ loader }, size),
    exportRows: (kind, format, rows) => exportRows.inc({ kind, format }, rows),
    redisFallback: (use) => redisFallbacks.inc({ use }),
  });
  app.addHook('onClose', async () => {
    removeSink();
    db.statements.observers?.delete(observeStatement);
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    httpRequests.inc({ route, method: request.method, status: String(reply.statusCode) });
    httpSeconds.observe({ route, method: request.method }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', async (_request, reply) =>
    reply.header('content-type', registry.contentType).send(await registry.metrics()),
  );

  const seenNames = new Set<string>();
  const apolloPlugin: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      const started = performance.now();
      let name = 'anonymous';
      let type = 'unknown';
      return {
        async didResolveOperation({ operation, operationName }) {
          name = labelSafe(operationName, seenNames);
          type = operation?.operation ?? 'unknown';
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors: sent = [] } = response.body.singleResult;
          const codes = sent.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          for (const code of codes) errors.inc({ code });
          let outcome = codes.length === 0 ? 'ok' : 'error';
          if (data === undefined && codes.length > 0 && codes.every((code) => !failureCodes.has(code))) {
            outcome = 'rejected';
            for (const code of new Set(codes)) rejected.inc({ code });
          }
          operations.inc({ operation: name, type, outcome });
          operationSeconds.observe({ operation: name, type }, (performance.now() - started) / 1000);
        },
      };
    },
  };
  return { registry, apolloPlugin };
}

const MAX_OPERATION_NAMES = 500;

// Operation names come from clients: odd ones, and new ones past the 500th, are folded into
// "other" so a client cannot blow up the number of series.
function labelSafe(operationName: string | null | undefined, seen: Set<string>): string {
  if (!operationName) return 'anonymous';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(operationName)) return 'other';
  if (!seen.has(operationName)) {
    if (seen.size >= MAX_OPERATION_NAMES) return 'other';
    seen.add(operationName);
  }
  return operationName;
}
