// A node:test reporter that prints the ten slowest test files when the run ends, so a slow file is
// seen in every CI log rather than found by profiling. A file's time is the sum of its top-level
// tests' durations (its setup inside them included); it goes to its own destination (stderr in
// `npm test`) so the TAP summary stays the last lines on stdout.

/** Reads the run's events; yields one report of the slowest files at the end. */
export default async function* slowestFiles(source) {
  const seconds = new Map();
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && event.data.file) {
      const file = event.data.file.replace(`${process.cwd()}/`, '');
      seconds.set(file, (seconds.get(file) ?? 0) + (event.data.details?.duration_ms ?? 0) / 1000);
    }
  }
  const slowest = [...seconds].sort((a, b) => b[1] - a[1]).slice(0, 10);
  const total = [...seconds.values()].reduce((sum, s) => sum + s, 0);
  yield `\nthe 10 slowest of ${seconds.size} test files (${total.toFixed(0)} s in all):\n`;
  for (const [file, s] of slowest) yield `${s.toFixed(1).padStart(8)} s  ${file}\n`;
}
