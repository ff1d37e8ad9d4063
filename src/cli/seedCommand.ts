import type { Config } from '../config.js';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrator.js';
import { seedArticle } from '../db/seeds/article/index.js';
import { seedSynthetic } from '../db/seeds/synthetic/index.js';

/** Options of `dishui seed`. */
export interface SeedOptions {
  synthetic: boolean;
  loans: number;
  seed: number;
}

/**
 * `dishui seed`: migrates if needed, then loads the article data set (one transaction), or with
 * --synthetic a generated one (written in chunks; a failed run removes what it wrote, and a
 * database that already holds synthetic data is refused).
 */
export async function runSeed(config: Config, options: SeedOptions): Promise<void> {
  const db = await openDatabase(config);
  try {
    await migrate(db);
    if (options.synthetic) {
      const started = Date.now();
      const result = await seedSynthetic(db, {
        loans: options.loans,
        seed: options.seed,
        onProgress: (stage, rows) => console.log(`dishui: ${stage}: ${rows} rows`),
      });
      console.log(`dishui: synthetic data set loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      console.log(JSON.stringify(result));
    } else {
      const result = await seedArticle(db);
      console.log(`dishui: article data set loaded: ${JSON.stringify(result)}`);
    }
  } finally {
    await db.close();
  }
}
