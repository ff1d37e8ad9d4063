import {
  BREAK,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getVariableValues,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  visit,
} from 'graphql';
import { collectFields } from 'graphql/execution/collectFields.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { AccessScope } from '../accessScope.js';
import { aliasSource } from '../compileWhere.js';
import { MAX_PAGE_SIZE } from '../connectionArgs.js';
import { fromGlobalId } from '../globalId.js';
import { scopeCondition } from '../scopeCondition.js';
import { col } from '../specHelpers.js';
import { entitySpec, hasEntitySpec } from '../specRegistry.js';
import {
  argumentsOf,
  assertReadable,
  type CompileContext,
  type CompilerSetup,
  NotCompilable,
  subfields,
} from './compileContext.js';
import { compileConnection } from './compileConnection.js';
import { compileObject } from './compileSelection.js';
import { literal } from './render.js';
import { selectionOf } from './rootCompilers.js';

/** One root field of an operation compiled to one statement selecting its JSON text as "v". */
export interface CompiledField {
  responseKey: string;
  statement: Prisma.Sql;
  /** The prepared statement's name: unique in this process to this compiled statement. */
  name: string;
}

let compiledCount = 0;

/** A whole operation compiled: one statement per root field, in response order. */
export interface CompiledOperation {
  fields: CompiledField[];
}

// nodes(ids:) builds its list with json_build_array, which takes at most 100 arguments.
const MAX_COMPILED_IDS = 100;

function onlyIncludeAndSkip(document: DocumentNode): boolean {
  let plain = true;
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'include' && node.name.value !== 'skip') {
        plain = false;
        return BREAK;
      }
      return undefined;
    },
  });
  return plain;
}

function lookupSql(
  context: CompileContext,
  typeName: string,
  column: string,
  value: unknown,
  nodes: readonly FieldNode[],
) {
  const spec = entitySpec(typeName);
  const type = context.setup.schema.getType(typeName);
  if (!isObjectType(type)) throw new NotCompilable(`${typeName} is not an object type`);
  const alias = context.aliases.next();
  const object = compileObject(context, spec, type, subfields(context, type, nodes), alias);
  const cast = column === 'id' ? 'int' : 'text';
  return Prisma.sql`(SELECT ${object} FROM ${Prisma.raw(`"${spec.table}" "${alias}"`)}
    WHERE ${col(alias, column)} = CAST(${value} AS ${Prisma.raw(cast)}) AND ${scopeCondition(spec, alias, context.scope)})`;
}

// node(id:) answers a plain null for a missing or hidden row, as the lookups do; a malformed ID
// is a BAD_USER_INPUT error, left to the executed path.
function nodeSql(context: CompileContext, id: unknown, nodes: readonly FieldNode[]): Prisma.Sql {
  if (typeof id !== 'string') throw new NotCompilable('id is not a string');
  let decoded: { typeName: string; id: number };
  try {
    decoded = fromGlobalId(id, 'id');
  } catch {
    throw new NotCompilable('malformed ID');
  }
  if (!hasEntitySpec(decoded.typeName)) throw new NotCompilable(`${decoded.typeName} node`);
  return lookupSql(context, decoded.typeName, 'id', decoded.id, nodes);
}

function rootFieldSql(
  context: CompileContext,
  queryType: import('graphql').GraphQLObjectType,
  nodes: readonly FieldNode[],
) {
  const name = nodes[0]!.name.value;
  if (name === '__typename') return Prisma.sql`to_json(CAST(${literal(queryType.name)} AS text))`;
  const field = queryType.getFields()[name];
  if (!field) throw new NotCompilable(`Query.${name}`);
  assertReadable(context, 'Query', name);
  const { rootConnections, lookups } = context.setup;
  if (Object.hasOwn(rootConnections, name)) {
    return compileConnection(context, entitySpec(rootConnections[name]!), field, nodes, compileObject);
  }
  const args = argumentsOf(context, field, nodes[0]!);
  const compilers = context.setup.rootCompilers ?? {};
  if (Object.hasOwn(compilers, name)) {
    const type = getNamedType(field.type);
    if (!isObjectType(type)) throw new NotCompilable(`Query.${name} is not an object`);
    const selection = selectionOf(context, type, nodes);
    return compilers[name]!({ args, scope: context.scope, selection, aliases: context.aliases });
  }
  if (Object.hasOwn(lookups, name)) {
    const { typeName, column } = lookups[name]!;
    return lookupSql(context, typeName, column, args[column], nodes);
  }
  if (name === 'node') return nodeSql(context, args.id, nodes);
  if (name === 'nodes') {
    const ids = args.ids as unknown[];
    if (ids.length > Math.min(MAX_PAGE_SIZE, MAX_COMPILED_IDS)) throw new NotCompilable('too many ids');
    if (ids.length === 0) return Prisma.sql`CAST('[]' AS json)`;
    return Prisma.sql`json_build_array(${Prisma.join(
      ids.map((id) => nodeSql(context, id, nodes)),
      ', ',
    )})`;
  }
  throw new NotCompilable(`Query.${name} is not compiled`);
}

/**
 * Compiles a query operation into one statement per root field, each returning that field's
 * whole answer as JSON text, for a caller with `scope`; null when any part of it cannot be
 * compiled or would raise an error in the executed path (argument errors, refused fields,
 * directives other than @include/@skip), so the caller executes it instead.
 * Never throws.
 */
export function compileOperation(
  setup: CompilerSetup,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
  scope: AccessScope,
): CompiledOperation | null {
  try {
    if (operation.operation !== 'query' || !onlyIncludeAndSkip(document)) return null;
    const queryType = setup.schema.getQueryType();
    if (!queryType) return null;
    const coerced = getVariableValues(setup.schema, operation.variableDefinitions ?? [], rawVariables ?? {});
    if (coerced.errors) return null;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    const context: CompileContext = {
      setup,
      fragments,
      variables: coerced.coerced,
      scope,
      aliases: aliasSource(scope),
    };
    const fields: CompiledField[] = [];
    for (const [responseKey, nodes] of collectFields(
      setup.schema,
      fragments,
      context.variables,
      queryType,
      operation.selectionSet,
    )) {
      const value = rootFieldSql(context, queryType, nodes);
      // Each root field gets its own aliases so its statement stands alone.
      context.aliases = aliasSource(scope);
      compiledCount += 1;
      fields.push({
        responseKey,
        statement: Prisma.sql`SELECT CAST(${value} AS text) AS "v"`,
        name: `dishui_read_${compiledCount}`,
      });
    }
    return fields.length > 0 ? { fields } : null;
  } catch {
    return null;
  }
}

/** The named type a root connection or lookup returns, for tests listing what compiles. */
export function rootTypeName(setup: CompilerSetup, field: string): string | undefined {
  const type = setup.schema.getQueryType()?.getFields()[field]?.type;
  return type ? getNamedType(type).name : undefined;
}
