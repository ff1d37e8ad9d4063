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
  DISHUI_SHUTDOWN_GRACE_MS: 10_000,
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
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DISHUI_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(configDefaults.DISHUI_SHUTDOWN_GRACE_MS),
  DISHUI_EXPORT_DIR: z.string().min(1).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  DATABASE_REPLICA_URLS: z
    .string()
    .transform((text) => text.split(',').map((url) => url.trim()).filter((url) => url.length > 0))
    .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, 'every URL must start with postgresql://')))
    .optional(),
});

/** The validated, frozen settings of one process. */
export type Config = Readonly<
  Omit<z.infer<typeof schema>, 'DISHUI_DATA_DIR' | 'DISHUI_EXPORT_DIR'> & {
    /** Absolute path of the embedded database folder (used only without DATABASE_URL). */
    DISHUI_DATA_DIR: string;
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
    DISHUI_EXPORT_DIR: parsed.data.DISHUI_EXPORT_DIR === undefined ? undefined : path.resolve(parsed.data.DISHUI_EXPORT_DIR),
  });
}
