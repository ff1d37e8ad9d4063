import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSchema } from 'graphql';
import { type CompilerSetup, fallbackFields } from '../../src/engine/compile/index.js';
import { readAccessRules } from '../../src/modules/auth/accessRules.js';
import { federatedSchema } from '../../src/modules/federation/index.js';
import { statisticsCompilers } from '../../src/modules/analytics/index.js';
import { generatedResolvers, resolvers, rootConnectionTypes } from '../../src/modules/index.js';
import { naturalKeyLookups } from '../../src/modules/nodes/nodes.resolvers.js';
import { computedFieldsOf } from '../../src/server/compiledReads.js';
import { typeDefs } from '../../src/schema/typeDefs.js';

// What the server hands the compiler (src/server/buildServer.ts), over `schema`.
const setupOf = (schema: CompilerSetup['schema']): CompilerSetup => ({
  schema,
  rootConnections: rootConnectionTypes,
  lookups: naturalKeyLookups,
  computedFields: computedFieldsOf(resolvers, generatedResolvers),
  fieldRules: readAccessRules(typeDefs),
  rootCompilers: statisticsCompilers,
});

// Root fields the read compiler leaves to execution: the initiative statistics (two statements),
// the series, facts and their change feeds have their own SQL (modules/analytics), audit events and
// export jobs are no entities of the read API. Loan and impact statistics compile through
// modules/analytics' root compilers.
const executedRoots = [
  'Query.auditEvents',
  'Query.exportJob',
  'Query.factDeletions',
  'Query.impactFactChanges',
  'Query.impactFacts',
  'Query.initiativeStatistics',
  'Query.loanFactChanges',
  'Query.loanFacts',
  'Query.portfolioSeries',
];

test('no field of an entity falls back to the DataLoader path: computed ones compile from their SQL', () => {
  // A field added with a TypeScript resolver and no SQL in its spec shows up here: give it SQL
  // (computedSql, computedLists, a relation's key) or add it to this list on purpose.
  assert.deepEqual(fallbackFields(setupOf(buildSchema(typeDefs))), executedRoots);
});

test('with federation on, _entities and _service fall back too', () => {
  const schema = federatedSchema(typeDefs, resolvers as never);
  assert.deepEqual(fallbackFields(setupOf(schema)), [...executedRoots, 'Query._entities', 'Query._service'].sort());
});
