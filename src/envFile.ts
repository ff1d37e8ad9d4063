import fs from 'node:fs';

/** What an env file held: its variables, and one problem per line that could not be read. */
export interface EnvFile {
  values: Record<string, string>;
  problems: string[];
}

/**
 * Reads a `.env` file of `NAME=value` lines (`#` comments, blank lines, an optional `export `,
 * values optionally in single or double quotes). A missing file is no file; a bad line is a
 * problem naming the file and line, reported with the other configuration problems.
 */
export function readEnvFile(file: string): EnvFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { values: {}, problems: [] };
    return { values: {}, problems: [`${file}: cannot be read (${(error as Error).message})`] };
  }
  const values: Record<string, string> = {};
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) {
      problems.push(`${file} line ${index + 1}: expected NAME=value`);
      return;
    }
    const [, name, rawValue] = match as unknown as [string, string, string];
    const quoted = /^(['"])(.*)\1$/.exec(rawValue);
    values[name] = quoted ? quoted[2]! : rawValue.replace(/\s+#.*$/, '');
  });
  return { values, problems };
}
