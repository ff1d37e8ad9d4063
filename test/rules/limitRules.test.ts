import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSchema, parse, specifiedRules, validate, type ValidationRule } from 'graphql';
import { maxAliasesRule, maxDepthRule, maxDirectivesRule, maxRootFieldsRule } from '../../src/rules/index.js';

const schema = buildSchema(`
  type Query { region(code: String): Region, regions: [Region!]! }
  type Region { code: String!, parent: Region, children: [Region!]! }
`);

/** The limit errors' extensions for `source` under `rule` (after the spec's own rules). */
function limitErrors(rule: ValidationRule, source: string) {
  return validate(schema, parse(source), [...specifiedRules, rule])
    .filter((error) => error.extensions.code === 'QUERY_TOO_COMPLEX')
    .map((error) => error.extensions);
}

describe('maxDepthRule', () => {
  test('counts nesting through inline fragments and fragment spreads; a document at the limit is valid', () => {
    const atLimit = '{ region { parent { parent { code } } } }';
    assert.deepEqual(limitErrors(maxDepthRule(4), atLimit), []);
    const viaFragments =
      '{ region { ...P } } fragment P on Region { parent { ... on Region { parent { parent { code } } } } }';
    assert.deepEqual(limitErrors(maxDepthRule(4), viaFragments), [
      { code: 'QUERY_TOO_COMPLEX', limit: 'depth', maximum: 4, actual: 5 },
    ]);
  });

  test('introspection and __typename are left to their own rules; a fragment cycle does not loop', () => {
    assert.deepEqual(limitErrors(maxDepthRule(1), '{ __typename region { code } }'), [
      { code: 'QUERY_TOO_COMPLEX', limit: 'depth', maximum: 1, actual: 2 },
    ]);
    assert.deepEqual(limitErrors(maxDepthRule(1), '{ __schema { types { fields { name } } } }'), []);
    const cycle =
      '{ region { ...A } } fragment A on Region { parent { ...B } } fragment B on Region { parent { ...A } }';
    const errors = validate(schema, parse(cycle), [...specifiedRules, maxDepthRule(10)]);
    assert.ok(errors.some((error) => /Cannot spread fragment "A" within itself/.test(error.message)));
  });
});

describe('maxAliasesRule', () => {
  test('counts every alias in the document, fragments included', () => {
    const source = '{ a: region { x: code } ...F } fragment F on Query { b: regions { code } }';
    assert.deepEqual(limitErrors(maxAliasesRule(3), source), []);
    assert.deepEqual(limitErrors(maxAliasesRule(2), source), [
      { code: 'QUERY_TOO_COMPLEX', limit: 'aliases', maximum: 2, actual: 3 },
    ]);
  });
});

describe('maxRootFieldsRule', () => {
  test('counts root fields through fragments on the root type, __typename free', () => {
    const source =
      '{ __typename a: region { code } ... on Query { b: region { code } } ...F } fragment F on Query { regions { code } }';
    assert.deepEqual(limitErrors(maxRootFieldsRule(3), source), []);
    assert.deepEqual(limitErrors(maxRootFieldsRule(2), source), [
      { code: 'QUERY_TOO_COMPLEX', limit: 'rootFields', maximum: 2, actual: 3 },
    ]);
  });
});

describe('maxDirectivesRule', () => {
  test('counts every directive in the document', () => {
    const source =
      '{ region @include(if: true) { code @skip(if: false) } ... on Query @include(if: true) { regions { code } } }';
    assert.deepEqual(limitErrors(maxDirectivesRule(3), source), []);
    assert.deepEqual(limitErrors(maxDirectivesRule(2), source), [
      { code: 'QUERY_TOO_COMPLEX', limit: 'directives', maximum: 2, actual: 3 },
    ]);
  });
});
