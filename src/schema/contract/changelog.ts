/** The heading under which unreleased changes are recorded (Keep a Changelog). */
export const UNRELEASED_HEADING = /^## \[?Unreleased\]?\s*$/im;

/** The Keep a Changelog subsections that may carry a breaking change. */
export const BREAKING_SUBSECTIONS = ['Changed', 'Removed'] as const;

/**
 * The schema coordinates recorded as intended breaking changes: every `` `code span` `` in the
 * "### Changed" or "### Removed" subsection of "## [Unreleased]" in CHANGELOG.md. Mentions under
 * "### Added" or in released versions do not count, so describing new fields never excuses a
 * break. Only exact coordinates count: `EnterpriseLoan` does not cover `EnterpriseLoan.status`.
 */
export function unreleasedCoordinates(changelog: string): Set<string> {
  const start = UNRELEASED_HEADING.exec(changelog);
  if (!start) return new Set();
  const rest = changelog.slice(start.index + start[0].length);
  const next = /^## /m.exec(rest);
  const section = next ? rest.slice(0, next.index) : rest;
  const coordinates = new Set<string>();
  // Split on level-3 headings; the text before the first one belongs to no subsection.
  for (const part of section.split(/^(?=### )/m)) {
    const heading = /^### +(\w+)/.exec(part)?.[1];
    if (!BREAKING_SUBSECTIONS.some((name) => name.toLowerCase() === heading?.toLowerCase())) continue;
    for (const match of part.matchAll(/`([^`\n]+)`/g)) coordinates.add(match[1]!.trim());
  }
  return coordinates;
}
