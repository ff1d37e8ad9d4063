import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { DatabaseOpenError } from '../db/client.js';
import { MigrationError } from '../db/migrator.js';
import { SyntheticDataExistsError, SyntheticSeedOptionsError } from '../db/seeds/synthetic/index.js';
import { ApiKeyInputError, ApiKeyUsageError, runApiKey } from './apiKeyCommand.js';
import { ImportUsageError, runImport } from './importCommand.js';
import { runMigrate } from './migrateCommand.js';
import { runSeed, type SeedOptions } from './seedCommand.js';
import { runServe } from './serveCommand.js';
import { runSqlUser, SqlLoginInputError, SqlUserUsageError } from './sqlUserCommand.js';
import { runToken, TokenUsageError } from './tokenCommand.js';

const usage = `Usage: dishui <command> [options]

Commands:
  serve                               Start the gateway (default: embedded PGlite; DATABASE_URL for PostgreSQL)
  migrate                             Apply pending migrations
  seed                                Load the article data set (idempotent)
  seed --synthetic --loans N --seed S Generate a deterministic synthetic data set of N loans
  import loans|enterprises|villages FILE.csv [--valid-only]
                                      Validate and import a CSV file, all rows or none
  token [--role ROLE] [--org-unit CODE] [--ttl 8h] [--sub NAME]
                                      Print a bearer token signed with the configured secret (default role ADMIN)
  apikey create --role ROLE [--org-unit CODE] --label TEXT [--expires YYYY-MM-DD]
                                      Create an API key for a BI tool; the key is shown once
  apikey list                         List API keys (never the keys themselves)
  apikey revoke ID                    Revoke an API key at once
  sql-user create --role ROLE [--org-unit CODE] --label TEXT [--expires YYYY-MM-DD]
                                      Create a PostgreSQL login for a BI tool (PostgreSQL only); the password is shown once
  sql-user list                       List SQL logins (never their passwords)
  sql-user revoke ID|LOGIN            Revoke a SQL login at once
  help                                Show this text
`;

// Settings may also come from a .env file in the working folder (or DISHUI_ENV_FILE); the
// environment wins over it.
const envOptions = { envFile: process.env.DISHUI_ENV_FILE ?? '.env' };

/** A mistake in the command line; printed as one line with exit code 2. */
export class UsageError extends Error {}

/**
 * Runs one CLI command and returns the process exit code. Known failures print one line
 * saying what is wrong and how to fix it; anything else is a bug and prints its stack.
 */
export async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        noArguments(command, rest);
        await runServe(loadConfig(process.env, envOptions));
        return 0;
      case 'migrate':
        noArguments(command, rest);
        await runMigrate(loadConfig(process.env, envOptions));
        return 0;
      case 'seed':
        await runSeed(loadConfig(process.env, envOptions), parseSeedOptions(rest));
        return 0;
      case 'import':
        return await runImport(loadConfig(process.env, envOptions), rest);
      case 'token':
        return await runToken(loadConfig(process.env, envOptions), rest);
      case 'apikey':
        return await runApiKey(loadConfig(process.env, envOptions), rest);
      case 'sql-user':
        return await runSqlUser(loadConfig(process.env, envOptions), rest);
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(usage);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}". Run "dishui help" for the list.`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof ImportUsageError ||
      error instanceof ApiKeyUsageError ||
      error instanceof SqlUserUsageError ||
      error instanceof TokenUsageError
    ) {
      process.stderr.write(`dishui: ${error.message}\n`);
      return 2;
    }
    if (
      error instanceof ConfigError ||
      error instanceof ApiKeyInputError ||
      error instanceof SqlLoginInputError ||
      error instanceof DatabaseOpenError ||
      error instanceof MigrationError ||
      error instanceof SyntheticDataExistsError ||
      error instanceof SyntheticSeedOptionsError
    ) {
      process.stderr.write(`dishui: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function noArguments(command: string, rest: string[]): void {
  if (rest.length > 0) throw new UsageError(`"${command}" takes no options; got "${rest.join(' ')}".`);
}

function parseSeedOptions(args: string[]): SeedOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        synthetic: { type: 'boolean', default: false },
        loans: { type: 'string' },
        seed: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError(`seed: ${(error as Error).message}. Run "dishui help" for the options.`);
  }
  if (!values.synthetic && (values.loans !== undefined || values.seed !== undefined)) {
    throw new UsageError('seed: --loans and --seed go with --synthetic.');
  }
  const loans = wholeNumber('--loans', values.loans ?? '10000', 1, 10_000_000);
  const seed = wholeNumber('--seed', values.seed ?? '1', 0, 2_147_483_647);
  return { synthetic: values.synthetic ?? false, loans, seed };
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`seed: ${flag} takes a whole number from ${min} to ${max}; got "${text}".`);
  }
  return Number(text);
}
