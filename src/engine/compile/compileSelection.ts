import {
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  getArgumentValues,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { EntitySpec } from '../entitySpec.js';
import { scopeCondition } from '../scopeCondition.js';
import { col } from '../specHelpers.js';
import { entitySpec } from '../specRegistry.js';
import { assertReadable, type CompileContext, NotCompilable } from './compileContext.js';
import { compileConnection } from './compileConnection.js';
import { globalIdSql, type LeafKind, leafSql, literal, violationSql } from './render.js';

// json_build_object takes at most 100 arguments: 50 keys and their values.
const MAX_KEYS = 50;

/** The fields of `type` selected by `fieldNodes`, merged as graphql-js merges them (fragments, @include/@skip). */
export function subfields(
  context: CompileContext,
  type: GraphQLObjectType,
  fieldNodes: readonly FieldNode[],
): Map<string, readonly FieldNode[]> {
  return collectSubfields(context.setup.schema, context.fragments, context.variables, type, fieldNodes);
}

/** The arguments of a field as its resolver would receive them (variables coerced, defaults applied). */
export function argumentsOf(
  context: CompileContext,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
): Record<string, unknown> {
  return getArgumentValues(field, node, context.variables);
}

function leafKind(type: GraphQLOutputType): LeafKind | null {
  const named = getNamedType(type);
  if (isEnumType(named)) return 'Enum';
  if (isScalarType(named) && ['String', 'Int', 'Boolean', 'Decimal', 'Date', 'DateTime'].includes(named.name)) {
    return named.name as LeafKind;
  }
  return null;
}

/**
 * A json_build_object of the fields `selection` picks from the row of `spec` aliased `alias`, keys in
 * response order.
 * @throws NotCompilable when a field is computed in TypeScript, refused to the caller or of a kind
 * the compiler does not render.
 */
export function compileObject(
  context: CompileContext,
  spec: EntitySpec,
  type: GraphQLObjectType,
  selection: Map<string, readonly FieldNode[]>,
  alias: string,
): Prisma.Sql {
  if (selection.size > MAX_KEYS) throw new NotCompilable(`more than ${MAX_KEYS} fields in one object`);
  const pairs: Prisma.Sql[] = [];
  for (const [responseKey, nodes] of selection) {
    pairs.push(Prisma.sql`${literal(responseKey)}, ${compileField(context, spec, type, nodes, alias)}`);
  }
  return Prisma.sql`json_build_object(${Prisma.join(pairs, ', ')})`;
}

function compileField(
  context: CompileContext,
  spec: EntitySpec,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  alias: string,
): Prisma.Sql {
  const node = nodes[0]!;
  const name = node.name.value;
  if (name === '__typename') return literal(type.name);
  const field = type.getFields()[name];
  if (!field) throw new NotCompilable(`${type.name}.${name} is not a field`);
  assertReadable(context, type.name, name);
  if (context.setup.computedFields.has(`${type.name}.${name}`)) {
    throw new NotCompilable(`${type.name}.${name} is computed in TypeScript`);
  }
  if (name === 'id') return globalIdSql(spec.typeName, col(alias, 'id'));
  const relation = spec.relations[name];
  if (relation?.cardinality === 'one') {
    const target = entitySpec(relation.target);
    const targetType = getNamedType(field.type);
    if (!isObjectType(targetType)) throw new NotCompilable(`${type.name}.${name} is abstract`);
    const inner = context.aliases.next();
    const object = compileObject(context, target, targetType, subfields(context, targetType, nodes), inner);
    const subquery = Prisma.sql`(SELECT ${object} FROM ${Prisma.raw(`"${target.table}" "${inner}"`)}
      WHERE ${col(inner, 'id')} = ${col(alias, relation.column)} AND ${scopeCondition(target, inner, context.scope)})`;
    // A non-null relation the caller cannot see is an error in the executed path: let it run instead.
    return isNonNullType(field.type) ? Prisma.sql`COALESCE(${subquery}, ${violationSql})` : subquery;
  }
  if (relation?.cardinality === 'many') {
    return compileConnection(context, entitySpec(relation.target), field, nodes, { relation, parentAlias: alias });
  }
  const kind = leafKind(field.type);
  if (!kind) throw new NotCompilable(`${type.name}.${name} is not a leaf the compiler renders`);
  const column = col(alias, spec.fields[name]?.column ?? name);
  const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
  if (list) {
    if (kind === 'Decimal' || kind === 'Date' || kind === 'DateTime') {
      throw new NotCompilable(`${type.name}.${name} is a list of ${kind}`);
    }
    return column;
  }
  return leafSql(kind, column);
}
