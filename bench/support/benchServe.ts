import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/dishui.js', import.meta.url));

/** A `dishui serve` process a bench started, its base URL and what it printed up to serving. */
export interface BenchServe {
  child: ChildProcess;
  base: string;
  output: string;
}

/**
 * Starts `dishui serve` on the database at `url` on 127.0.0.1 (a free port, production mode, no
 * seeding, no rate limit, tokens signed with `secret`), with `env` added and `nodeArgs` before the
 * script, and resolves once it serves.
 */
export function startBenchServe(
  url: string,
  secret: string,
  options: { env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<BenchServe> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), bin, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      DISHUI_AUTO_SEED: 'false',
      DISHUI_JWT_SECRET: secret,
      DISHUI_RATE_LIMIT_POINTS: String(Number.MAX_SAFE_INTEGER),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving GraphQL at (http:\/\/[^\s/]+)\/graphql/.exec(output);
      if (match) resolve({ child, base: match[1]!, output });
    });
    child.once('exit', (code) => reject(new Error(`dishui serve exited with ${code}: ${output}`)));
  });
}
