// What the limits cost per request, in process: validation with and without the four limit
// rules (paid once per distinct document: Apollo caches validated documents), the cost
// computation (paid on every request), and one rate-limit spend in memory and in Redis.
// Usage: node --import tsx bench/limits.ts [--iterations 20000] [--redis redis://127.0.0.1:6379]
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { buildSchema, getOperationAST, parse, specifiedRules, validate } from 'graphql';
import { Redis } from 'ioredis';
import { configDefaults } from '../src/config.js';
import { memoryRateLimitStore, redisRateLimitStore, type RateLimitStore } from '../src/plugins/rateLimitStore.js';
import {
  maxAliasesRule,
  maxDepthRule,
  maxDirectivesRule,
  maxRootFieldsRule,
  operationCost,
} from '../src/rules/index.js';
import { typeDefs } from '../src/schema/typeDefs.js';

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '20000' },
    redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
  },
});
const iterations = Number(values.iterations);
const schema = buildSchema(typeDefs);
const limitRules = [
  maxDepthRule(configDefaults.DISHUI_MAX_DEPTH),
  maxAliasesRule(configDefaults.DISHUI_MAX_ALIASES),
  maxRootFieldsRule(configDefaults.DISHUI_MAX_ROOT_FIELDS),
  maxDirectivesRule(configDefaults.DISHUI_MAX_DIRECTIVES),
];

// The read benchmark's queries (bench/read-api.ts), so the figures compare.
const documents: Record<string, string> = {
  nestedLoans: `{ enterpriseLoans(first: 10, orderBy: [{ field: CONTRACT_NO, direction: ASC }]) { nodes {
      id contractNo outstandingBalance status
      enterprise { id name size }
      scheduleItems(first: 12) { nodes { id seq dueDate principalDue interestDue status } } } } }`,
  villagesInitiativesVillages: `{ villages(first: 50) { nodes { id name
      initiatives(first: 10) { nodes { id code villages(first: 10) { nodes { id name } } } } } } }`,
};

/**
 * Microseconds per call of `work`, after a warm-up: the best of five rounds, since on a shared
 * machine other processes only ever add time.
 */
async function microseconds(work: () => unknown, count = iterations): Promise<number> {
  for (let i = 0; i < Math.min(1000, count); i++) await work();
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < Math.ceil(count / 5); i++) await work();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1000 / Math.ceil(count / 5));
  }
  return best;
}

console.log(`${iterations} iterations; figures in µs per call, best of 5 rounds`);
console.log('document                        validate  +limit rules  rules add  cost  cost value');
for (const [name, source] of Object.entries(documents)) {
  const document = parse(source);
  const operation = getOperationAST(document)!;
  const plain = await microseconds(() => validate(schema, document, specifiedRules));
  const limited = await microseconds(() => validate(schema, document, [...specifiedRules, ...limitRules]));
  const options = { defaultListSize: configDefaults.DISHUI_COST_DEFAULT_LIST_SIZE };
  const cost = await microseconds(() => operationCost(schema, document, operation, undefined, options));
  console.log(
    `${name.padEnd(30)} ${plain.toFixed(1).padStart(9)} ${limited.toFixed(1).padStart(13)} ${(limited - plain).toFixed(1).padStart(10)} ${cost.toFixed(1).padStart(5)}  ${operationCost(schema, document, operation, undefined, options)}`,
  );
}

async function spendFigure(label: string, store: RateLimitStore, count: number) {
  let caller = 0;
  const perCall = await microseconds(() => store.spend(`bench-caller-${caller++ % 100}`, 151, 1e12, 60_000), count);
  console.log(`rate-limit spend, ${label.padEnd(28)} ${perCall.toFixed(1).padStart(8)} µs`);
}
await spendFigure('memory', memoryRateLimitStore(), iterations);
const redis = new Redis(values.redis!, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
try {
  await redis.connect();
  const prefix = `dishui-bench-${randomBytes(4).toString('hex')}:`;
  await spendFigure('Redis (one client, sequential)', redisRateLimitStore(redis, prefix), Math.min(iterations, 5000));
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
} catch (error) {
  console.log(`rate-limit spend, Redis: skipped (${(error as Error).message})`);
} finally {
  redis.disconnect();
}
