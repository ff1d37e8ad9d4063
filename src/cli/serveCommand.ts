import { settingNames, type Config } from '../config.js';
import { startServer } from '../server/startServer.js';
import { unknownSettings } from '../unknownSettings.js';

/**
 * `dishui serve`: starts the gateway, warning of every unknown `DISHUI_*` variable; on SIGTERM or SIGINT drains it (in-flight requests and
 * exports get DISHUI_SHUTDOWN_GRACE_MS) and returns, so the process exits 0 within the grace
 * period plus about 2 s. A second signal while draining exits at once with 130.
 */
export async function runServe(config: Config): Promise<void> {
  const server = await startServer(config);
  for (const { name, closest } of unknownSettings(process.env, settingNames)) {
    server.app.log.warn(
      { variable: name, closest },
      `unknown setting ${name} is ignored${closest ? `; did you mean ${closest}?` : ''}`,
    );
  }
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        console.error(`dishui: ${signal} received again, exiting without draining`);
        process.exit(130);
      }
      stopping = true;
      console.log(`dishui: ${signal} received, draining (up to ${config.DISHUI_SHUTDOWN_GRACE_MS} ms)`);
      server.stop().then(
        () => {
          console.log('dishui: stopped');
          // A socket or timer left over (a statement the database is still running) must not
          // keep the process past its grace period; unref'd, this never delays a clean exit.
          setTimeout(() => process.exit(process.exitCode ?? 0), 200).unref();
          resolve();
        },
        (error: unknown) => {
          console.error(error);
          resolve();
        },
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
}
