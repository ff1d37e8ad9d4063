import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { testJwtSecret } from './auth.js';

const bin = fileURLToPath(new URL('../../bin/dishui.js', import.meta.url));

/** A real `dishui serve` process, as an operator runs it. */
export interface GatewayProcess {
  child: ChildProcess;
  /** Base URL, e.g. http://127.0.0.1:40123 (no path). */
  url: string;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process ended. */
  exited: Promise<number | string>;
  /** Sends SIGKILL if it still runs (test clean-up). */
  kill(): void;
}

/**
 * Starts `bin/dishui.js serve` on port 0 with a clean environment plus `env`, and waits for its
 * "serving GraphQL at" line.
 */
export async function startGateway(env: Record<string, string>, timeoutMs = 60_000): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: os.tmpdir(),
      PORT: '0',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      DISHUI_JWT_SECRET: testJwtSecret,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`dishui serve did not start in ${timeoutMs} ms:\n${text}`)),
      timeoutMs,
    );
    const look = () => {
      const match = /serving GraphQL at (http:\/\/[^\s/]+)\/graphql/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`dishui serve exited with ${code} before serving:\n${text}`));
    });
  });
  return {
    child,
    url,
    output: () => text,
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
