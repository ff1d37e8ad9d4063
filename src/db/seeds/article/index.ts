export { seedArticle } from './seedArticle.js';
export { articleEntities, type ArticleEntity, type ArticleSeedResult, type SeedCount } from './seedTally.js';
