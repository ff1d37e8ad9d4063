import { BreakingChangeType, DangerousChangeType, type BreakingChange, type DangerousChange } from 'graphql';

// graphql-js 16 reports a change as a type and an English sentence; each sentence names exactly the
// element that changed, so one pattern per change type recovers its schema coordinate.
const patterns: Record<string, [RegExp, (m: RegExpExecArray) => string]> = {
  [BreakingChangeType.TYPE_REMOVED]: [/^(?:Standard scalar )?(\w+) was removed/, (m) => m[1]!],
  [BreakingChangeType.TYPE_CHANGED_KIND]: [/^(\w+) changed from/, (m) => m[1]!],
  [BreakingChangeType.TYPE_REMOVED_FROM_UNION]: [/^\w+ was removed from union type (\w+)\./, (m) => m[1]!],
  [BreakingChangeType.VALUE_REMOVED_FROM_ENUM]: [/^(\w+) was removed from enum type (\w+)\./, (m) => `${m[2]}.${m[1]}`],
  [BreakingChangeType.REQUIRED_INPUT_FIELD_ADDED]: [
    /^A required field (\w+) on input type (\w+) was added\./,
    (m) => `${m[2]}.${m[1]}`,
  ],
  [BreakingChangeType.IMPLEMENTED_INTERFACE_REMOVED]: [/^(\w+) no longer implements/, (m) => m[1]!],
  [BreakingChangeType.FIELD_REMOVED]: [/^(\w+\.\w+) was removed\./, (m) => m[1]!],
  [BreakingChangeType.FIELD_CHANGED_KIND]: [/^(\w+\.\w+) changed type/, (m) => m[1]!],
  [BreakingChangeType.REQUIRED_ARG_ADDED]: [
    /^A required arg (\w+) on (\w+\.\w+) was added\./,
    (m) => `${m[2]}(${m[1]}:)`,
  ],
  [BreakingChangeType.ARG_REMOVED]: [/^(\w+\.\w+) arg (\w+) was removed\./, (m) => `${m[1]}(${m[2]}:)`],
  [BreakingChangeType.ARG_CHANGED_KIND]: [/^(\w+\.\w+) arg (\w+) has changed type/, (m) => `${m[1]}(${m[2]}:)`],
  [BreakingChangeType.DIRECTIVE_REMOVED]: [/^(\w+) was removed\./, (m) => `@${m[1]}`],
  [BreakingChangeType.DIRECTIVE_ARG_REMOVED]: [/^(\w+) was removed from (\w+)\./, (m) => `@${m[2]}(${m[1]}:)`],
  [BreakingChangeType.REQUIRED_DIRECTIVE_ARG_ADDED]: [
    /^A required arg (\w+) on directive (\w+) was added\./,
    (m) => `@${m[2]}(${m[1]}:)`,
  ],
  [BreakingChangeType.DIRECTIVE_REPEATABLE_REMOVED]: [/^Repeatable flag was removed from (\w+)\./, (m) => `@${m[1]}`],
  [BreakingChangeType.DIRECTIVE_LOCATION_REMOVED]: [/^\w+ was removed from (\w+)\./, (m) => `@${m[1]}`],
  [DangerousChangeType.VALUE_ADDED_TO_ENUM]: [/^(\w+) was added to enum type (\w+)\./, (m) => `${m[2]}.${m[1]}`],
  [DangerousChangeType.TYPE_ADDED_TO_UNION]: [/^\w+ was added to union type (\w+)\./, (m) => m[1]!],
  [DangerousChangeType.OPTIONAL_INPUT_FIELD_ADDED]: [
    /^An optional field (\w+) on input type (\w+) was added\./,
    (m) => `${m[2]}.${m[1]}`,
  ],
  [DangerousChangeType.OPTIONAL_ARG_ADDED]: [
    /^An optional arg (\w+) on (\w+\.\w+) was added\./,
    (m) => `${m[2]}(${m[1]}:)`,
  ],
  [DangerousChangeType.IMPLEMENTED_INTERFACE_ADDED]: [/^\w+ added to interfaces implemented by (\w+)\./, (m) => m[1]!],
  [DangerousChangeType.ARG_DEFAULT_VALUE_CHANGE]: [/^(\w+\.\w+) arg (\w+) /, (m) => `${m[1]}(${m[2]}:)`],
};

/**
 * The schema coordinate (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `@directive`) of
 * a change found by graphql-js `findBreakingChanges` / `findDangerousChanges`.
 * @throws Error when graphql-js words a change in a way this table does not know (an upgrade).
 */
export function changeCoordinate(change: BreakingChange | DangerousChange): string {
  const entry = patterns[change.type];
  const match = entry?.[0].exec(change.description);
  if (!entry || !match) throw new Error(`Unknown schema change wording (${change.type}): ${change.description}`);
  return entry[1](match);
}
