import type { Config } from '../config.js';
import { startServer } from '../server/startServer.js';

/** `dishui serve`: starts the gateway and stops it cleanly on SIGTERM or SIGINT. */
export async function runServe(config: Config): Promise<void> {
  const server = await startServer(config);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.log(`dishui: ${signal} received, stopping`);
      server.stop().then(resolve, (error: unknown) => {
        console.error(error);
        resolve();
      });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
