import type { SyncOutcome } from './syncRow.js';

/** The tables the article data set writes, named as the result reports them. */
export const articleEntities = [
  'regions',
  'villages',
  'orgUnits',
  'initiatives',
  'initiativeVillages',
  'cadreAssignments',
  'initiativeMetrics',
  'campaigns',
  'initiativeCampaigns',
  'enterprises',
  'enterpriseSites',
  'enterpriseLoans',
  'loanCampaigns',
  'impactRecords',
  'lprRates',
] as const;

/** One of the tables the article data set writes. */
export type ArticleEntity = (typeof articleEntities)[number];

/** Rows the data set holds in one table, and how many this run created, changed or removed. */
export interface SeedCount {
  rows: number;
  created: number;
  updated: number;
  deleted: number;
}

/** What `seedArticle` did, per table. A second run reports `created`, `updated` and `deleted` 0. */
export type ArticleSeedResult = Record<ArticleEntity, SeedCount>;

/** Counts outcomes per table while the seed runs. */
export class SeedTally {
  private readonly counts = new Map<ArticleEntity, SeedCount>(
    articleEntities.map((entity) => [entity, { rows: 0, created: 0, updated: 0, deleted: 0 }]),
  );

  /** Records that one row of `entity` is in the data set, and what was done to it. */
  add(entity: ArticleEntity, outcome: SyncOutcome): void {
    const count = this.count(entity);
    count.rows += 1;
    if (outcome !== 'unchanged') count[outcome] += 1;
  }

  /** Records rows of `entity` that the data set no longer holds and were removed. */
  removed(entity: ArticleEntity, rows: number): void {
    this.count(entity).deleted += rows;
  }

  /** Returns a copy of the counts so far. */
  result(): ArticleSeedResult {
    return Object.fromEntries(
      articleEntities.map((entity) => [entity, { ...this.count(entity) }]),
    ) as ArticleSeedResult;
  }

  private count(entity: ArticleEntity): SeedCount {
    const count = this.counts.get(entity);
    if (!count) throw new Error(`Unknown seed entity ${entity}`);
    return count;
  }
}
