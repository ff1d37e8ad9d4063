import { unreleasedCoordinates } from './changelog.js';
import { schemaChanges, type SchemaChange } from './schemaChanges.js';

/** The verdict of a contract check and the lines to print. */
export interface ContractReport {
  /** False when a breaking change is not recorded under "## [Unreleased]" in the changelog. */
  ok: boolean;
  unrecorded: SchemaChange[];
  recorded: SchemaChange[];
  dangerous: SchemaChange[];
  deprecated: SchemaChange[];
  lines: string[];
}

/**
 * Checks `newSdl` against `oldSdl`: every breaking change must have its schema coordinate in a
 * code span under the changelog's "## [Unreleased]" heading; dangerous changes and new
 * deprecations are reported and never fail the check.
 * @throws GraphQLError when either SDL is not a valid schema.
 */
export function checkContract(input: { oldSdl: string; newSdl: string; changelog: string }): ContractReport {
  const changes = schemaChanges(input.oldSdl, input.newSdl);
  const recordedCoordinates = unreleasedCoordinates(input.changelog);
  const recorded = changes.breaking.filter((change) => recordedCoordinates.has(change.coordinate));
  const unrecorded = changes.breaking.filter((change) => !recordedCoordinates.has(change.coordinate));
  const line = (label: string) => (change: SchemaChange) =>
    `${label} \`${change.coordinate}\` (${change.type}): ${change.description}`;
  const lines = [
    ...unrecorded.map(line('BREAKING, not in CHANGELOG.md:')),
    ...recorded.map(line('breaking, recorded:')),
    ...changes.dangerous.map(line('dangerous:')),
    ...changes.deprecated.map(line('deprecated:')),
  ];
  if (unrecorded.length > 0) {
    lines.push(
      `Record each intended breaking change under "## [Unreleased]" in CHANGELOG.md, naming its coordinate in backticks (e.g. \`${unrecorded[0]!.coordinate}\`), or deprecate with @deprecated(reason:) instead of removing.`,
    );
  }
  return {
    ok: unrecorded.length === 0,
    unrecorded,
    recorded,
    dangerous: changes.dangerous,
    deprecated: changes.deprecated,
    lines,
  };
}
