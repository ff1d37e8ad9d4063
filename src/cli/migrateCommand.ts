import type { Config } from '../config.js';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrator.js';

/** `dishui migrate`: applies pending migrations and says which. */
export async function runMigrate(config: Config): Promise<void> {
  const db = await openDatabase(config);
  try {
    const { applied, alreadyApplied } = await migrate(db);
    console.log(
      applied.length === 0
        ? `dishui: database is up to date (${alreadyApplied} migration(s) applied before)`
        : `dishui: applied ${applied.length} migration(s): ${applied.join(', ')}`,
    );
  } finally {
    await db.close();
  }
}
