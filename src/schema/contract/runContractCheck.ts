import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { checkContract } from './checkContract.js';

/** Where to look: a checkout, the revision to compare with, and the two files. */
export interface ContractCheckOptions {
  /** A folder inside the git checkout; the schema and changelog paths are relative to it. */
  cwd: string;
  /** The revision holding the previous contract; `HEAD^` is the previous commit of the branch. */
  base?: string;
  schemaFile?: string;
  changelogFile?: string;
}

/** What the check decided: `skipped` when there was nothing to compare with. */
export interface ContractCheckResult {
  status: 'passed' | 'failed' | 'skipped';
  lines: string[];
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

/**
 * Compares the working copy of the schema with the one at `base` (default `HEAD^`). Skips, without
 * failing, outside git, on a first commit, or when `base` has no schema file yet.
 * @throws GraphQLError when either schema does not parse; Error when the working schema is missing.
 */
export function runContractCheck(options: ContractCheckOptions): ContractCheckResult {
  const { cwd, base = 'HEAD^', schemaFile = 'schema.graphql', changelogFile = 'CHANGELOG.md' } = options;
  if (git(cwd, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]) === undefined) {
    return { status: 'skipped', lines: [`contract check skipped: no revision ${base} to compare with`] };
  }
  const oldSdl = git(cwd, ['show', `${base}:./${schemaFile}`]);
  if (oldSdl === undefined) {
    return { status: 'skipped', lines: [`contract check skipped: ${base} has no ${schemaFile}`] };
  }
  const newSdl = fs.readFileSync(path.join(cwd, schemaFile), 'utf8');
  const changelogPath = path.join(cwd, changelogFile);
  const changelog = fs.existsSync(changelogPath) ? fs.readFileSync(changelogPath, 'utf8') : '';
  const report = checkContract({ oldSdl, newSdl, changelog });
  const verdict = report.ok
    ? `contract check passed against ${base}: ${report.recorded.length} recorded breaking, ${report.dangerous.length} dangerous, ${report.deprecated.length} deprecated`
    : `contract check FAILED against ${base}: ${report.unrecorded.length} unrecorded breaking change(s)`;
  return { status: report.ok ? 'passed' : 'failed', lines: [...report.lines, verdict] };
}
