import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

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
  NODE_ENV: 'development',
  DISHUI_JWT_ISSUER: 'dishui',
  DISHUI_JWT_AUDIENCE: 'dishui',
  DISHUI_JWT_CLOCK_SKEW_S: 30,
});

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const schema = z.object({
  HOST: z.string().min(1).default(configDefaults.HOST),
  PORT: z.coerce.number().int().min(0).max(65535).default(configDefaults.PORT),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgresql://')
    .optional(),
  DISHUI_DATA_DIR: z.string().min(1).default(configDefaults.DISHUI_DATA_DIR),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(configDefaults.DATABASE_POOL_MAX),
  DATABASE_POOL_IDLE_MS: z.coerce.number().int().min(0).default(configDefaults.DATABASE_POOL_IDLE_MS),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(configDefaults.DATABASE_CONNECT_TIMEOUT_MS),
  DISHUI_AUTO_MIGRATE: booleanFlag.default(configDefaults.DISHUI_AUTO_MIGRATE),
  DISHUI_AUTO_SEED: booleanFlag.default(configDefaults.DISHUI_AUTO_SEED),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default(configDefaults.LOG_LEVEL as 'info'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DISHUI_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (256 bits) for HS256').optional(),
  DISHUI_JWKS: z
    .string()
    .refine(isJwksSource, 'must be an http(s) URL of a JWKS or the path of a readable JWKS JSON file ({"keys": [...]})')
    .optional(),
  DISHUI_JWT_ISSUER: z.string().min(1).default(configDefaults.DISHUI_JWT_ISSUER),
  DISHUI_JWT_AUDIENCE: z.string().min(1).default(configDefaults.DISHUI_JWT_AUDIENCE),
  DISHUI_JWT_CLOCK_SKEW_S: z.coerce.number().int().min(0).max(600).default(configDefaults.DISHUI_JWT_CLOCK_SKEW_S),
  DISHUI_ANONYMOUS: z.enum(['off', 'viewer']).optional(),
});

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
  Omit<z.infer<typeof schema>, 'DISHUI_DATA_DIR' | 'DISHUI_ANONYMOUS'> & {
    /** Absolute path of the embedded database folder (used only without DATABASE_URL). */
    DISHUI_DATA_DIR: string;
    /**
     * What callers without a credential may do. Unset: 'off' in production and whenever
     * DATABASE_URL names a real database; 'viewer' for the embedded demo.
     */
    DISHUI_ANONYMOUS: 'off' | 'viewer';
  }
>;

/** Thrown when the environment holds invalid settings; the message lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the settings once. Empty strings count as unset.
 * @throws ConfigError listing every invalid variable by name.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return Object.freeze({
    ...parsed.data,
    DISHUI_DATA_DIR: path.resolve(parsed.data.DISHUI_DATA_DIR),
    DISHUI_ANONYMOUS: parsed.data.DISHUI_ANONYMOUS ?? defaultAnonymousAccess(parsed.data),
  });
}

// Only the embedded demo, which holds the article's public data, is open without a credential.
function defaultAnonymousAccess(settings: { NODE_ENV: string; DATABASE_URL?: string }): 'off' | 'viewer' {
  return settings.NODE_ENV === 'production' || settings.DATABASE_URL !== undefined ? 'off' : 'viewer';
}
