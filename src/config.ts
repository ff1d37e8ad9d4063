import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readEnvFile } from './envFile.js';

/** Defaults in one place; every one can be overridden by the environment variable of its name. */
export const configDefaults = Object.freeze({
  HOST: '127.0.0.1',
  PORT: 4000,
  DISHUI_DATA_DIR: '.dishui-data',
  DATABASE_POOL_MAX: 10,
  DATABASE_POOL_IDLE_MS: 10_000,
  DATABASE_CONNECT_TIMEOUT_MS: 5_000,
  DISHUI_AUTO_MIGRATE: true,
  DISHUI_AUTO_SEED: true,
  LOG_LEVEL: 'info',
  LOG_FORMAT: 'auto',
  NODE_ENV: 'development',
  FEDERATION: false,
  DISHUI_JWT_ISSUER: 'dishui',
  DISHUI_JWT_AUDIENCE: 'dishui',
  DISHUI_JWT_CLOCK_SKEW_S: 30,
  DISHUI_DASHBOARD: true,
  // What any one request may cost (README "Security → Limits").
  DISHUI_MAX_DEPTH: 12,
  DISHUI_MAX_ALIASES: 30,
  DISHUI_MAX_ROOT_FIELDS: 15,
  DISHUI_MAX_DIRECTIVES: 50,
  DISHUI_MAX_TOKENS: 5_000,
  DISHUI_MAX_COST: 100_000,
  DISHUI_COST_DEFAULT_LIST_SIZE: 50,
  DISHUI_BODY_LIMIT_BYTES: 262_144,
  DISHUI_EXECUTION_TIMEOUT_MS: 30_000,
  DATABASE_STATEMENT_TIMEOUT_MS: 25_000,
  DISHUI_INTROSPECTION_ROLES: 'ADMIN,ANALYST',
  DISHUI_PERSISTED_OPERATIONS: 'apq',
  DISHUI_APQ_TTL_SECONDS: 86_400,
  DISHUI_REDIS_PREFIX: 'dishui:',
  DISHUI_CORS_ORIGINS: '',
  DISHUI_RATE_LIMIT_POINTS: 1_000_000,
  DISHUI_RATE_LIMIT_WINDOW_MS: 60_000,
  // A streamed export reads a whole fact table, an import writes up to ~100,000 rows: each is
  // charged like a costly query, so 100 of them fill the default budget of a minute.
  DISHUI_EXPORT_COST: 10_000,
  DISHUI_IMPORT_COST: 10_000,
  DISHUI_TRUST_PROXY: 'false',
  // A running export job touches its row every few seconds; one silent this long lost its instance.
  DISHUI_EXPORT_JOB_STALE_MS: 60_000,
  DISHUI_SHUTDOWN_GRACE_MS: 10_000,
  // An export reads a whole fact table at its reader's pace: an hour, not the interactive 25 s.
  DISHUI_EXPORT_TIMEOUT_MS: 3_600_000,
  // Requests served at once; more get 503 at once rather than queueing behind the pool (0 = off).
  DISHUI_MAX_IN_FLIGHT: 64,
  // Longer than any client's retry horizon (a batch retried the next morning), short enough that
  // the key table stays small: a week.
  DISHUI_IDEMPOTENCY_RETENTION_HOURS: 168,
  // Subscriptions over WebSocket (docs/live.md).
  DISHUI_WS_MAX_SUBSCRIPTIONS: 20,
  DISHUI_WS_MAX_CONNECTIONS_PER_CALLER: 10,
  DISHUI_WS_MAX_QUEUED_EVENTS: 100,
  DISHUI_WS_KEEPALIVE_MS: 12_000,
  DISHUI_WS_INIT_TIMEOUT_MS: 3_000,
});

/** A comma-separated list; blanks dropped. */
const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== ''),
);

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const schema = z
  .object({
    HOST: z.string().min(1).default(configDefaults.HOST),
    PORT: z.coerce.number().int().min(0).max(65535).default(configDefaults.PORT),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgresql://')
      .optional(),
    DISHUI_DATA_DIR: z.string().min(1).default(configDefaults.DISHUI_DATA_DIR),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(configDefaults.DATABASE_POOL_MAX),
    DATABASE_POOL_IDLE_MS: z.coerce.number().int().min(0).default(configDefaults.DATABASE_POOL_IDLE_MS),
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(configDefaults.DATABASE_CONNECT_TIMEOUT_MS),
    DISHUI_AUTO_MIGRATE: booleanFlag.default(configDefaults.DISHUI_AUTO_MIGRATE),
    DISHUI_AUTO_SEED: booleanFlag.default(configDefaults.DISHUI_AUTO_SEED),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default(configDefaults.LOG_LEVEL as 'info'),
    LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    // Serve an Apollo Federation 2 subgraph (entity keys, _entities, _service) for a supergraph router.
    FEDERATION: booleanFlag.default(configDefaults.FEDERATION),
    DISHUI_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (256 bits) for HS256').optional(),
    DISHUI_JWKS: z
      .string()
      .refine(
        isJwksSource,
        'must be an http(s) URL of a JWKS or the path of a readable JWKS JSON file ({"keys": [...]})',
      )
      .optional(),
    DISHUI_JWT_ISSUER: z.string().min(1).default(configDefaults.DISHUI_JWT_ISSUER),
    DISHUI_JWT_AUDIENCE: z.string().min(1).default(configDefaults.DISHUI_JWT_AUDIENCE),
    DISHUI_JWT_CLOCK_SKEW_S: z.coerce.number().int().min(0).max(600).default(configDefaults.DISHUI_JWT_CLOCK_SKEW_S),
    // Unset: any lifetime. Set: tokens must carry iat, and exp − iat may not exceed it.
    DISHUI_JWT_MAX_LIFETIME_S: z.coerce.number().int().min(60).optional(),
    DISHUI_ANONYMOUS: z.enum(['off', 'viewer']).optional(),
    // Unset means "on except in production": see graphiqlEnabled.
    DISHUI_GRAPHIQL: booleanFlag.optional(),
    DISHUI_DASHBOARD: booleanFlag.default(configDefaults.DISHUI_DASHBOARD),
    DISHUI_MAX_DEPTH: positiveInt(configDefaults.DISHUI_MAX_DEPTH),
    DISHUI_MAX_ALIASES: z.coerce.number().int().min(0).default(configDefaults.DISHUI_MAX_ALIASES),
    DISHUI_MAX_ROOT_FIELDS: positiveInt(configDefaults.DISHUI_MAX_ROOT_FIELDS),
    DISHUI_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(configDefaults.DISHUI_MAX_DIRECTIVES),
    DISHUI_MAX_TOKENS: z.coerce.number().int().min(100).default(configDefaults.DISHUI_MAX_TOKENS),
    DISHUI_MAX_COST: positiveInt(configDefaults.DISHUI_MAX_COST),
    DISHUI_COST_DEFAULT_LIST_SIZE: positiveInt(configDefaults.DISHUI_COST_DEFAULT_LIST_SIZE),
    DISHUI_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(configDefaults.DISHUI_BODY_LIMIT_BYTES),
    DISHUI_EXECUTION_TIMEOUT_MS: z.coerce.number().int().min(10).default(configDefaults.DISHUI_EXECUTION_TIMEOUT_MS),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(configDefaults.DATABASE_STATEMENT_TIMEOUT_MS),
    DISHUI_INTROSPECTION_ROLES: commaList.default(configDefaults.DISHUI_INTROSPECTION_ROLES.split(',')),
    DISHUI_PERSISTED_OPERATIONS: z
      .enum(['off', 'apq', 'safelist'])
      .default(configDefaults.DISHUI_PERSISTED_OPERATIONS as 'apq'),
    DISHUI_PERSISTED_OPERATIONS_MANIFEST: z.string().min(1).optional(),
    DISHUI_APQ_TTL_SECONDS: positiveInt(configDefaults.DISHUI_APQ_TTL_SECONDS),
    DISHUI_SHUTDOWN_GRACE_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(600_000)
      .default(configDefaults.DISHUI_SHUTDOWN_GRACE_MS),
    DISHUI_EXPORT_DIR: z.string().min(1).optional(),
    DISHUI_EXPORT_TIMEOUT_MS: z.coerce.number().int().min(0).default(configDefaults.DISHUI_EXPORT_TIMEOUT_MS),
    DISHUI_MAX_IN_FLIGHT: z.coerce.number().int().min(0).max(100_000).default(configDefaults.DISHUI_MAX_IN_FLIGHT),
    DISHUI_IDEMPOTENCY_RETENTION_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 366)
      .default(configDefaults.DISHUI_IDEMPOTENCY_RETENTION_HOURS),
    DISHUI_WS_MAX_SUBSCRIPTIONS: positiveInt(configDefaults.DISHUI_WS_MAX_SUBSCRIPTIONS),
    DISHUI_WS_MAX_CONNECTIONS_PER_CALLER: positiveInt(configDefaults.DISHUI_WS_MAX_CONNECTIONS_PER_CALLER),
    DISHUI_WS_MAX_QUEUED_EVENTS: positiveInt(configDefaults.DISHUI_WS_MAX_QUEUED_EVENTS),
    // 0 turns the pings off.
    DISHUI_WS_KEEPALIVE_MS: z.coerce.number().int().min(0).default(configDefaults.DISHUI_WS_KEEPALIVE_MS),
    DISHUI_WS_INIT_TIMEOUT_MS: positiveInt(configDefaults.DISHUI_WS_INIT_TIMEOUT_MS),
    DISHUI_EXPORT_JOB_STALE_MS: z.coerce.number().int().min(1_000).default(configDefaults.DISHUI_EXPORT_JOB_STALE_MS),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
    DISHUI_REDIS_PREFIX: z.string().min(1).default(configDefaults.DISHUI_REDIS_PREFIX),
    DISHUI_CORS_ORIGINS: commaList.default([]),
    DISHUI_RATE_LIMIT_POINTS: positiveInt(configDefaults.DISHUI_RATE_LIMIT_POINTS),
    DISHUI_RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(100).default(configDefaults.DISHUI_RATE_LIMIT_WINDOW_MS),
    DISHUI_EXPORT_COST: positiveInt(configDefaults.DISHUI_EXPORT_COST),
    DISHUI_IMPORT_COST: positiveInt(configDefaults.DISHUI_IMPORT_COST),
    // Behind a load balancer every caller has its address: without this, all anonymous callers
    // would share one rate-limit budget. Fastify's trustProxy: true, or the proxies' addresses/CIDRs.
    DISHUI_TRUST_PROXY: z
      .string()
      .default(configDefaults.DISHUI_TRUST_PROXY)
      .transform((value): boolean | string[] =>
        value === 'true' || value === 'false'
          ? value === 'true'
          : value
              .split(',')
              .map((item) => item.trim())
              .filter((item) => item !== ''),
      ),
    DATABASE_REPLICA_URLS: z
      .string()
      .transform((text) =>
        text
          .split(',')
          .map((url) => url.trim())
          .filter((url) => url.length > 0),
      )
      .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, 'every URL must start with postgresql://')))
      .optional(),
  })
  .superRefine((settings, context) => {
    if (settings.DISHUI_PERSISTED_OPERATIONS === 'safelist' && !settings.DISHUI_PERSISTED_OPERATIONS_MANIFEST) {
      context.addIssue({
        code: 'custom',
        path: ['DISHUI_PERSISTED_OPERATIONS_MANIFEST'],
        message: 'is required when DISHUI_PERSISTED_OPERATIONS=safelist (path of persisted-documents.json)',
      });
    }
    if (settings.DISHUI_RATE_LIMIT_POINTS < settings.DISHUI_MAX_COST) {
      context.addIssue({
        code: 'custom',
        path: ['DISHUI_RATE_LIMIT_POINTS'],
        message: `must be at least DISHUI_MAX_COST (${settings.DISHUI_MAX_COST}), or the costliest allowed query could never run`,
      });
    }
    for (const key of ['DISHUI_EXPORT_COST', 'DISHUI_IMPORT_COST'] as const) {
      if (settings[key] > settings.DISHUI_RATE_LIMIT_POINTS) {
        context.addIssue({
          code: 'custom',
          path: [key],
          message: `must be at most DISHUI_RATE_LIMIT_POINTS (${settings.DISHUI_RATE_LIMIT_POINTS}), or no such request could ever run`,
        });
      }
    }
  });

/** The name of every setting the gateway reads, for reporting unknown `DISHUI_*` variables. */
export const settingNames: readonly string[] = Object.freeze(Object.keys(schema.shape));

function isJwksSource(value: string): boolean {
  if (/^https?:\/\//.test(value)) return URL.canParse(value);
  try {
    const parsed = JSON.parse(fs.readFileSync(value, 'utf8')) as { keys?: unknown };
    return Array.isArray(parsed.keys) && parsed.keys.length > 0;
  } catch {
    return false;
  }
}

/** The validated, frozen settings of one process. */
export type Config = Readonly<
  Omit<z.infer<typeof schema>, 'DISHUI_DATA_DIR' | 'DISHUI_ANONYMOUS' | 'DISHUI_EXPORT_DIR'> & {
    /** Absolute path of the embedded database folder (used only without DATABASE_URL). */
    DISHUI_DATA_DIR: string;
    /**
     * What callers without a credential may do. Unset: 'off' in production and whenever
     * DATABASE_URL names a real database; 'viewer' for the embedded demo.
     */
    DISHUI_ANONYMOUS: 'off' | 'viewer';
    /** Absolute path of the export jobs' files; shared by every instance (undefined = under the data folder). */
    DISHUI_EXPORT_DIR: string | undefined;
  }
>;

/** Thrown when the environment holds invalid settings; the message lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** A `.env` file to read first; variables already in `env` win over it. Missing is fine. */
  envFile?: string;
}

/**
 * Reads and validates the settings once. Empty strings count as unset.
 * @throws ConfigError listing every invalid variable by name, and every bad line of the env file.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): Config {
  const file = options.envFile ? readEnvFile(options.envFile) : { values: {}, problems: [] };
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key] !== undefined && env[key] !== '' ? env[key] : file.values[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = schema.safeParse(input);
  const problems = [
    ...file.problems,
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    ...parsed.data,
    DISHUI_DATA_DIR: path.resolve(parsed.data.DISHUI_DATA_DIR),
    DISHUI_ANONYMOUS: parsed.data.DISHUI_ANONYMOUS ?? defaultAnonymousAccess(parsed.data),
    DISHUI_EXPORT_DIR:
      parsed.data.DISHUI_EXPORT_DIR === undefined ? undefined : path.resolve(parsed.data.DISHUI_EXPORT_DIR),
  });
}

// Only the embedded demo, which holds the article's public data, is open without a credential.
function defaultAnonymousAccess(settings: { NODE_ENV: string; DATABASE_URL?: string }): 'off' | 'viewer' {
  return settings.NODE_ENV === 'production' || settings.DATABASE_URL !== undefined ? 'off' : 'viewer';
}

/** Whether a browser's `GET /graphql` gets GraphiQL: DISHUI_GRAPHIQL when set, else not in production. */
export function graphiqlEnabled(config: Pick<Config, 'NODE_ENV'> & Partial<Pick<Config, 'DISHUI_GRAPHIQL'>>): boolean {
  return config.DISHUI_GRAPHIQL ?? config.NODE_ENV !== 'production';
}
