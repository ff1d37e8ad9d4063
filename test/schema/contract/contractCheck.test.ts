import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  checkContract,
  runContractCheck,
  schemaChanges,
  unreleasedCoordinates,
} from '../../../src/schema/contract/index.js';

const v1 = `
type Query { loans(first: Int): [Loan!]! loan(contractNo: String!): Loan }
type Loan { contractNo: String! amount: String! status: Status! note: String }
enum Status { APPLIED REPAID WRITTEN_OFF }
input LoanWhere { status: Status }
directive @audited(reason: String) on FIELD_DEFINITION
`;

// Removed field, changed type, new required argument, removed enum value, required input field.
const v2Breaking = `
type Query { loans(first: Int, region: String!): [Loan!]! loan(contractNo: String!): Loan }
type Loan { contractNo: String! amount: Float! status: Status! }
enum Status { APPLIED REPAID }
input LoanWhere { status: Status, region: String! }
directive @audited(reason: String) on FIELD_DEFINITION
`;

const changelogWith = (coordinates: string[]) => `# Changelog

## [Unreleased]
### Added
- \`Loan.region\`, \`Query.loans(region:)\` and \`Loan.note\` are mentioned here, which records nothing.
### Removed
${coordinates.map((c) => `- \`${c}\`: intended.`).join('\n')}

## [0.1.0] - 2026-11-27
- \`Loan.amount\` is a Decimal string.
`;

describe('schema changes and their coordinates', () => {
  test('each kind of breaking change is named by its schema coordinate', () => {
    const { breaking } = schemaChanges(v1, v2Breaking);
    assert.deepEqual(breaking.map((c) => [c.type, c.coordinate]).sort(), [
      ['FIELD_CHANGED_KIND', 'Loan.amount'],
      ['FIELD_REMOVED', 'Loan.note'],
      ['REQUIRED_ARG_ADDED', 'Query.loans(region:)'],
      ['REQUIRED_INPUT_FIELD_ADDED', 'LoanWhere.region'],
      ['VALUE_REMOVED_FROM_ENUM', 'Status.WRITTEN_OFF'],
    ]);
    const removedType = schemaChanges(v1, v1.replace('input LoanWhere { status: Status }', ''));
    assert.deepEqual(
      removedType.breaking.map((c) => c.coordinate),
      ['LoanWhere'],
    );
    const removedDirective = schemaChanges(v1, v1.replace(/directive .*\n/, ''));
    assert.deepEqual(
      removedDirective.breaking.map((c) => c.coordinate),
      ['@audited'],
    );
    const removedArgument = schemaChanges(v1, v1.replace('loans(first: Int)', 'loans'));
    // graphql-js drops Int from the schema once nothing uses it, and a variable typed Int breaks.
    assert.deepEqual(
      removedArgument.breaking.map((c) => c.coordinate),
      ['Int', 'Query.loans(first:)'],
    );
    const changedArgument = schemaChanges(v1, v1.replace('loan(contractNo: String!)', 'loan(contractNo: ID!)'));
    assert.deepEqual(
      changedArgument.breaking.map((c) => c.coordinate),
      ['Query.loan(contractNo:)'],
    );
  });

  test('deprecations and additions are reported, never breaking', () => {
    const v2 = v1
      .replace('note: String', 'note: String @deprecated(reason: "Use notes.")')
      .replace('WRITTEN_OFF }', 'WRITTEN_OFF DEFERRED }');
    const changes = schemaChanges(v1, v2);
    assert.deepEqual(changes.breaking, []);
    assert.deepEqual(
      changes.deprecated.map((c) => c.description),
      ['Loan.note is deprecated: Use notes.'],
    );
    assert.deepEqual(
      changes.dangerous.map((c) => c.coordinate),
      ['Status.DEFERRED'],
    );
    const report = checkContract({ oldSdl: v1, newSdl: v2, changelog: '' });
    assert.equal(report.ok, true);
    assert.ok(report.lines.some((line) => line.startsWith('deprecated: `Loan.note`')));
  });

  test('only exact coordinates under Changed or Removed of "## [Unreleased]" record a change', () => {
    const recorded = unreleasedCoordinates(changelogWith(['Loan.note', 'Query.loans(region:)']));
    assert.deepEqual([...recorded], ['Loan.note', 'Query.loans(region:)']);
    assert.deepEqual([...unreleasedCoordinates('# Changelog\n## [0.1.0]\n### Removed\n- `Loan.note`\n')], []);
    assert.deepEqual(
      [...unreleasedCoordinates('## Unreleased\n### Changed\n- `Loan.amount` is a float\n## [0.1.0]\n')],
      ['Loan.amount'],
    );
    const report = checkContract({
      oldSdl: v1,
      newSdl: v1.replace('note: String', ''),
      changelog: changelogWith(['Loan']),
    });
    assert.equal(report.ok, false, 'a type does not cover its fields');
  });
});

describe('npm run contract:check on a git checkout', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-contract-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args],
      { cwd: dir, stdio: 'pipe' },
    );
  const write = (file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);

  test('skips outside git, on a first commit and when the base has no schema', () => {
    write('schema.graphql', v1);
    assert.equal(runContractCheck({ cwd: dir }).status, 'skipped');
    git('init', '-q');
    write('README.md', 'x');
    git('add', 'README.md');
    git('commit', '-qm', 'first');
    assert.equal(runContractCheck({ cwd: dir }).status, 'skipped');
    git('add', 'schema.graphql');
    git('commit', '-qm', 'schema');
    const result = runContractCheck({ cwd: dir });
    assert.equal(result.status, 'skipped');
    assert.match(result.lines[0]!, /HEAD\^ has no schema\.graphql/);
  });

  test('a deliberately breaking change fails until the changelog records it', () => {
    write('CHANGELOG.md', changelogWith([]));
    git('add', '.');
    git('commit', '-qm', 'schema v1 with changelog');
    write('schema.graphql', v2Breaking);
    git('commit', '-qam', 'breaking schema');
    const failed = runContractCheck({ cwd: dir });
    assert.equal(failed.status, 'failed');
    assert.ok(
      failed.lines.includes('BREAKING, not in CHANGELOG.md: `Loan.note` (FIELD_REMOVED): Loan.note was removed.'),
    );
    assert.match(failed.lines.at(-1)!, /FAILED against HEAD\^: 5 unrecorded/);

    write('CHANGELOG.md', changelogWith(['Loan.note', 'Loan.amount', 'Status.WRITTEN_OFF', 'LoanWhere.region']));
    const stillOne = runContractCheck({ cwd: dir });
    assert.equal(stillOne.status, 'failed');
    assert.match(stillOne.lines.join('\n'), /BREAKING, not in CHANGELOG.md: `Query.loans\(region:\)`/);

    write(
      'CHANGELOG.md',
      changelogWith(['Loan.note', 'Loan.amount', 'Status.WRITTEN_OFF', 'LoanWhere.region', 'Query.loans(region:)']),
    );
    const passed = runContractCheck({ cwd: dir });
    assert.equal(passed.status, 'passed', passed.lines.join('\n'));
    assert.match(passed.lines.at(-1)!, /5 recorded breaking/);
  });

  test('--base compares with any revision', () => {
    assert.equal(runContractCheck({ cwd: dir, base: 'HEAD' }).status, 'passed');
    assert.equal(runContractCheck({ cwd: dir, base: 'no-such-branch' }).status, 'skipped');
  });
});
