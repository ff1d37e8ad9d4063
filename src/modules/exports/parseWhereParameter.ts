import {
  buildSchema,
  coerceInputValue,
  type GraphQLError,
  type GraphQLInputType,
  type GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';
import { badInput } from '../../engine/badInput.js';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../schema/scalars.js';
import { typeDefs } from '../../schema/typeDefs.js';
import { argumentPath, inputValueProblem } from '../../rules/index.js';

let schema: GraphQLSchema | undefined;

/** The API contract with Dishui's scalars, built once, to check filters that arrive outside GraphQL. */
function contract(): GraphQLSchema {
  if (schema) return schema;
  const built = buildSchema(typeDefs);
  for (const scalar of [DecimalScalar, DateScalar, DateTimeScalar]) {
    const type = built.getType(scalar.name) as GraphQLScalarType | undefined;
    if (type) {
      type.parseValue = scalar.parseValue;
      type.serialize = scalar.serialize;
    }
  }
  schema = built;
  return built;
}

/**
 * A `where` query parameter (JSON text) checked and coerced exactly as GraphQL would check the
 * `<typeName>Where` argument, so an export and a connection accept the same filters.
 * The same input limits as GraphQL variables apply first (no U+0000, bounded depth and size).
 * @throws GraphQLError BAD_USER_INPUT naming `where` (malformed JSON) or the path of the first
 * invalid field (`where.status.in[0]`).
 */
export function parseWhereParameter(text: string | undefined, typeName: string): Record<string, unknown> | null {
  if (text === undefined || text === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badInput('where', `is not JSON: ${(error as Error).message}`);
  }
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value))
    throw badInput('where', `must be a JSON object (a ${typeName}Where).`);
  const problem = inputValueProblem(value);
  if (problem) throw badInput(argumentPath('where', problem.path), problem.message);
  const type = contract().getType(`${typeName}Where`) as GraphQLInputType | undefined;
  if (!type) throw new Error(`The schema has no ${typeName}Where input`);
  let first: GraphQLError | undefined;
  const coerced = coerceInputValue(value, type, (path, _invalid, error) => {
    if (first) return;
    // An unknown field is reported at its parent object; name the field itself.
    const unknown = /^Field "(\w+)" is not defined by type/.exec(error.message);
    const keys = unknown ? [...path, unknown[1]!] : path;
    first = badInput(argumentPath('where', keys), error.message);
  });
  if (first) throw first;
  return coerced as Record<string, unknown>;
}
