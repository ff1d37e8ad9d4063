import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode, type OperationDefinitionNode, type ValueNode } from 'graphql';
import type { GraphQLContext } from '../context.js';
import { statusOf } from '../errorStatus.js';
import { argumentPath, inputBudget, inputLimits, inputValueProblem } from '../rules/inputValues.js';

/**
 * Where each variable is first used: the argument and the path inside its literal
 * (`where: { name: { contains: $s } }` gives `$s` → `where.name.contains`).
 */
function variableArguments(document: DocumentNode): Map<string, string> {
  const uses = new Map<string, string>();
  const find = (value: ValueNode, at: string) => {
    if (value.kind === Kind.VARIABLE) {
      if (!uses.has(value.name.value)) uses.set(value.name.value, at);
    } else if (value.kind === Kind.LIST) {
      value.values.forEach((item, index) => {
        find(item, `${at}[${index}]`);
      });
    } else if (value.kind === Kind.OBJECT) {
      for (const field of value.fields) find(field.value, `${at}.${field.name.value}`);
    }
  };
  // Literals are already bounded in depth by inputLiteralsRule, so this recursion is too.
  visit(document, {
    Argument(node) {
      find(node.value, node.name.value);
    },
  });
  return uses;
}

/**
 * The refusal of `variables` for `operation`, or null when each is fine: a string holding U+0000,
 * nesting deeper than `limits.maxDepth`, or more than `limits.maxValues` values over all of them.
 * A 400 BAD_USER_INPUT naming the argument the variable feeds. Also used for subscriptions
 * (liveSubscriptions.ts), which graphql-ws runs outside Apollo.
 */
export function variablesRefusal(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: { maxDepth: number; maxValues: number } = inputLimits,
): GraphQLError | null {
  const budget = inputBudget();
  let uses: Map<string, string> | undefined;
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (!Object.hasOwn(variables, name)) continue;
    const problem = inputValueProblem(variables[name], budget, limits);
    if (!problem) continue;
    uses ??= variableArguments(document);
    const argument = argumentPath(uses.get(name) ?? `$${name}`, problem.path);
    return new GraphQLError(`Argument "${argument}" (variable $${name}): ${problem.message}`, {
      nodes: [definition],
      extensions: {
        code: 'BAD_USER_INPUT',
        argument,
        variable: name,
        http: { status: statusOf('BAD_USER_INPUT'), headers: new HeaderMap() },
      },
    });
  }
  return null;
}

/**
 * The Apollo plugin that checks every variable's value before graphql-js coerces it (its
 * coercion is recursive and overflows the stack at a few thousand nested `NOT`s): a string
 * holding U+0000, nesting deeper than `limits.maxDepth`, or more than `limits.maxValues` values
 * over all variables are refused with 400 BAD_USER_INPUT naming the argument the variable feeds,
 * before anything runs. It also gives inputLiteralsRule's validation errors their code.
 */
export function inputGuard(
  limits: { maxDepth: number; maxValues: number } = inputLimits,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation || !request.variables) return;
          const refusal = variablesRefusal(document, operation, request.variables, limits);
          if (refusal) throw refusal;
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const extensions = error.extensions as Record<string, unknown> | undefined;
            if (extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && typeof extensions.argument === 'string') {
              extensions.code = 'BAD_USER_INPUT';
            }
          }
        },
      };
    },
  };
}
