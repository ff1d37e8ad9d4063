import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:web` writes the browser bundles (git-ignored). */
export const webDistDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** A built file and its content type. */
export interface WebFile {
  body: Buffer;
  contentType: string;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Reads one built file by its bare name (`dashboard.js`); null when the name is not a plain file
 * name of a served type or the file was not built. Never reads outside the dist folder.
 */
export async function readWebFile(name: string, directory = webDistDirectory): Promise<WebFile | null> {
  const match = /^[A-Za-z][\w.-]*(\.html|\.js|\.css|\.txt)$/.exec(name);
  if (!match || name.includes('..')) return null;
  try {
    return { body: await readFile(path.join(directory, name)), contentType: contentTypes[match[1]!]! };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The page shown in place of a bundle that was never built. */
export function notBuiltPage(what: string): string {
  return `<!doctype html><meta charset="utf-8"><title>${what} not built</title>
<p>The ${what} bundle is missing: run <code>npm run build:web</code> (it also runs after <code>npm ci</code>).</p>`;
}
