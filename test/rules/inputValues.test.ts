import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { inputBudget, inputLiteralsRule, inputValueProblem } from '../../src/rules/index.js';

const schema = buildSchema(`
  input Where { NOT: Where, name: String, ids: [ID!] }
  type Query { things(where: Where, tag: String): Int }
  directive @note(text: String) on FIELD
`);

const wrap = (levels: number, inner: unknown): unknown => {
  let value = inner;
  for (let level = 0; level < levels; level += 1) value = { NOT: value };
  return value;
};

describe('inputValueProblem', () => {
  test('finds a NUL in strings and keys, at its path', () => {
    assert.deepEqual(inputValueProblem({ NOT: { ids: ['1', 'x\u0000'] } })?.path, ['NOT', 'ids', 1]);
    assert.match(inputValueProblem({ 'a\u0000': 1 })?.message ?? '', /field name/);
    assert.equal(inputValueProblem({ name: 'plain 中文', ids: ['1'] }), undefined);
  });

  test('32 levels pass, 33 do not; 100,000 levels are walked without recursion', () => {
    assert.equal(inputValueProblem(wrap(31, {})), undefined);
    assert.equal(inputValueProblem(wrap(32, {}))?.path.length, 32);
    assert.equal(inputValueProblem(wrap(100_000, {}))?.path.length, 32);
    assert.equal(inputValueProblem([[[]]], inputBudget(), { maxDepth: 2, maxValues: 10 })?.path.length, 2);
  });

  test('the value count spans every value checked with one budget', () => {
    const budget = inputBudget();
    assert.equal(
      inputValueProblem(
        Array.from({ length: 5_000 }, () => 'a'),
        budget,
      ),
      undefined,
    );
    // 5,001 values so far (the list and its items); 5,000 more pass the limit of 10,000.
    const problem = inputValueProblem(
      Array.from({ length: 5_000 }, () => 1),
      budget,
    );
    assert.match(problem?.message ?? '', /more than 10000 values/);
  });
});

describe('inputLiteralsRule', () => {
  const errors = (source: string) =>
    validate(schema, parse(source), [...specifiedRules, inputLiteralsRule()]).map((error) => ({
      code: error.extensions.code,
      argument: error.extensions.argument,
    }));

  test('names the argument of a NUL in a field argument, a directive argument and a variable default', () => {
    assert.deepEqual(errors('{ things(where: { NOT: { name: "a\\u0000" } }) }'), [
      { code: 'BAD_USER_INPUT', argument: 'where.NOT.name' },
    ]);
    assert.deepEqual(errors('{ things @note(text: "\\u0000") }'), [{ code: 'BAD_USER_INPUT', argument: 'text' }]);
    assert.deepEqual(errors('query ($t: String = "\\u0000") { things(tag: $t) }'), [
      { code: 'BAD_USER_INPUT', argument: '$t' },
    ]);
    assert.deepEqual(errors('{ things(where: { name: "fine", ids: ["1", "2"] }) }'), []);
  });

  test('refuses literals nested deeper than 32 levels, once per document', () => {
    const deep = (levels: number) => `${'{ NOT: '.repeat(levels)}{ name: "x" }${' }'.repeat(levels)}`;
    assert.deepEqual(errors(`{ things(where: ${deep(31)}) }`), []);
    const refused = errors(`{ a: things(where: ${deep(32)}) b: things(where: ${deep(40)}) }`);
    assert.equal(refused.length, 1);
    assert.match(String(refused[0]?.argument), /^where(\.NOT){32}$/);
  });
});
