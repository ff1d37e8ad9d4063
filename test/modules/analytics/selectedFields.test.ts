import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { selectedFields } from '../../../src/modules/analytics/selectedFields.js';

test('selectedFields lists the fields under a path, through fragments and inline fragments', async () => {
  const schema = buildSchema(`
    type Group { key: String, loanCount: Int, borrowerCount: Int, nplRatio: String }
    type Statistics { groups: [Group!]!, groupCount: Int }
    type Query { stats: Statistics }
  `);
  let seen: string[] = [];
  const result = await graphql({
    schema,
    source: `
      query { stats { groupCount groups { key ...More ... on Group { nplRatio } } } }
      fragment More on Group { loanCount }
    `,
    rootValue: {
      stats: (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
        seen = selectedFields(info, ['groups']);
        return { groupCount: 0, groups: [] };
      },
    },
  });
  assert.equal(result.errors, undefined);
  assert.deepEqual(seen.sort(), ['key', 'loanCount', 'nplRatio']);
});
