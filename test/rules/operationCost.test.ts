import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { operationCost } from '../../src/rules/index.js';
import { typeDefs } from '../../src/schema/typeDefs.js';

// Dishui's own schema: the cost follows its real connections and arguments.
const schema = buildSchema(typeDefs);

function cost(source: string, variables?: Record<string, unknown>, defaultListSize = 50): number {
  const document = parse(source);
  return operationCost(schema, document, getOperationAST(document)!, variables, { defaultListSize });
}

describe('operationCost', () => {
  test('object fields cost 1, times the page size of every paginated field above them; scalars are free', () => {
    assert.equal(cost('{ regions(first: 10) { nodes { code name } } }'), 1 + 10 * 1);
    assert.equal(
      cost('{ regions(first: 10) { nodes { villages(last: 3) { nodes { code } } } } }'),
      1 + 10 * (1 + (1 + 3 * 1)),
    );
    assert.equal(cost('{ region(code: "410523") { code parent { code } } }'), 1 + 1);
  });

  test('a connection without first or last counts at the default size; sizes come from variables and their defaults', () => {
    assert.equal(cost('{ regions { nodes { code } } }'), 1 + 50);
    assert.equal(cost('{ regions { nodes { code } } }', undefined, 7), 1 + 7);
    assert.equal(cost('query ($n: Int) { regions(first: $n) { nodes { code } } }', { n: 400 }), 401);
    assert.equal(cost('query ($n: Int = 20) { regions(first: $n) { nodes { code } } }'), 21);
  });

  test('nodes(ids:) counts the ids; fragments and inline fragments count like fields; __typename and introspection are free', () => {
    assert.equal(
      cost('query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Region { parent { code } } } }', {
        ids: ['a', 'b', 'c'],
      }),
      1 + 3 * 1,
    );
    assert.equal(
      cost('{ regions(first: 4) { ...R } } fragment R on RegionConnection { nodes { __typename parent { code } } }'),
      1 + 4 * (1 + 1),
    );
    assert.equal(cost('{ __schema { types { name fields { name } } } }'), 0);
  });
});
