import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import {
  argumentPath,
  inputBudget,
  inputLimits,
  nulMessage,
  type InputBudget,
  type InputProblem,
} from './inputValues.js';

/**
 * Valid when every literal argument and variable default of the document holds no U+0000, nests
 * no deeper than `limits.maxDepth` and, all together, has no more than `limits.maxValues` values
 * (README, Limits). The error names the argument in `extensions.argument`; Apollo labels every
 * validation error GRAPHQL_VALIDATION_FAILED, and the input guard plugin relabels these
 * BAD_USER_INPUT. Variables' values are the plugin's to check, before they are coerced.
 */
export function inputLiteralsRule(limits: { maxDepth: number; maxValues: number } = inputLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const budget = inputBudget();
    let reported = false;
    const check = (root: string, value: ValueNode) => {
      if (reported) return;
      const problem = literalProblem(value, budget, limits);
      if (!problem) return;
      reported = true;
      const argument = argumentPath(root, problem.path);
      context.reportError(
        new GraphQLError(`Argument "${argument}": ${problem.message}`, {
          nodes: [value],
          extensions: { code: 'BAD_USER_INPUT', argument },
        }),
      );
    };
    return {
      Argument(node) {
        check(node.name.value, node.value);
      },
      VariableDefinition(node) {
        if (node.defaultValue) check(`$${node.variable.name.value}`, node.defaultValue);
      },
    };
  };
}

function literalProblem(
  value: ValueNode,
  budget: InputBudget,
  limits: { maxDepth: number; maxValues: number },
): InputProblem | undefined {
  const stack: Array<{ node: ValueNode; path: Array<string | number> }> = [{ node: value, path: [] }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, path } = item;
    budget.values += 1;
    if (budget.values > limits.maxValues) {
      return { path, message: `the document's input holds more than ${limits.maxValues} values.` };
    }
    if (node.kind === Kind.STRING) {
      if (node.value.includes('\u0000')) return { path, message: nulMessage };
    } else if (node.kind === Kind.LIST || node.kind === Kind.OBJECT) {
      if (path.length >= limits.maxDepth) return { path, message: `nests deeper than ${limits.maxDepth} levels.` };
      if (node.kind === Kind.LIST) {
        node.values.forEach((value, index) => {
          stack.push({ node: value, path: [...path, index] });
        });
      } else {
        for (const field of node.fields) stack.push({ node: field.value, path: [...path, field.name.value] });
      }
    }
  }
  return undefined;
}
