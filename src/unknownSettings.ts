/** A `DISHUI_*` variable no setting reads, and the known name it most likely meant. */
export interface UnknownSetting {
  name: string;
  closest: string | undefined;
}

// Variables read by the CLI, the tests and the benchmarks rather than by the gateway's config.
const toolVariables = new Set(['DISHUI_ENV_FILE', 'DISHUI_CHROMIUM', 'DISHUI_UPDATE_SCREENSHOT']);
const toolPrefixes = ['DISHUI_TEST_', 'DISHUI_REQUIRE_', 'DISHUI_BENCH_'];

/**
 * The `DISHUI_*` names in `env` that are not in `known` (a typo such as DISHUI_MAX_DEPHT would
 * otherwise be silently ignored), each with the known name at the smallest edit distance, when
 * that distance is small enough to be a plausible slip.
 */
export function unknownSettings(env: NodeJS.ProcessEnv, known: readonly string[]): UnknownSetting[] {
  const knownNames = new Set(known);
  return Object.keys(env)
    .filter((name) => name.startsWith('DISHUI_') && !knownNames.has(name))
    .filter((name) => !toolVariables.has(name) && !toolPrefixes.some((prefix) => name.startsWith(prefix)))
    .sort()
    .map((name) => ({ name, closest: closestName(name, known) }));
}

function closestName(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  // Past a third of the name it is a different word, not a slip of the keyboard.
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

// Damerau–Levenshtein (optimal string alignment): a swapped pair like PH/HT counts as one edit.
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}
