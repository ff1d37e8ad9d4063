import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { sparePort } from './pgCluster.js';

/** A redis-server of the test's own on a spare 127.0.0.1 port, which the test may pause (SIGSTOP). */
export interface OwnRedis {
  url: string;
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

/** Starts `redis-server` without persistence and waits until it answers PING. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await sparePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  for (let attempt = 0; ; attempt++) {
    try {
      await probe.connect();
      await probe.ping();
      break;
    } catch (error) {
      if (attempt > 50) throw error;
      await sleep(100);
    }
  }
  probe.disconnect();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url,
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    async stop() {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
      await exited;
    },
  };
}
