import {
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { Prisma } from '../../generated/prisma/client.js';
import type { ComputedListSpec, EntitySpec, RelationSpec } from '../entitySpec.js';
import { scopeCondition } from '../scopeCondition.js';
import { col } from '../specHelpers.js';
import { entitySpec, hasEntitySpec } from '../specRegistry.js';
import { assertReadable, type CompileContext, type CompilerSetup, NotCompilable, subfields } from './compileContext.js';
import { compileConnection } from './compileConnection.js';
import { globalIdSql, jsonBuildObject, type LeafKind, leafSql, literal, violationSql } from './render.js';

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
  return jsonBuildObject(
    [...selection].map(
      ([responseKey, nodes]) => [responseKey, compileField(context, spec, type, nodes, alias)] as const,
    ),
  );
}

/** How the compiler answers one field of an entity, decided from the schema and the spec alone. */
export type FieldPlan =
  | { kind: 'id' }
  | { kind: 'one'; relation: Extract<RelationSpec, { cardinality: 'one' }>; target: GraphQLObjectType }
  | { kind: 'many'; relation: Extract<RelationSpec, { cardinality: 'many' }> }
  | { kind: 'list'; list: ComputedListSpec; target: GraphQLObjectType }
  | { kind: 'leaf'; leaf: LeafKind; sql: (alias: string) => Prisma.Sql; list: boolean }
  | { kind: 'fallback'; reason: string };

/**
 * How field `name` of entity type `type` (spec `spec`) compiles, whoever the caller: the compiler
 * follows this plan, and {@link fallbackFields} lists the fields whose plan is a fallback. A field
 * computed in TypeScript compiles only when its spec gives its SQL (`computedSql`, a to-one
 * relation's `key`).
 */
export function planField(setup: CompilerSetup, spec: EntitySpec, type: GraphQLObjectType, name: string): FieldPlan {
  const field = type.getFields()[name];
  if (!field) return { kind: 'fallback', reason: 'not a field' };
  const computed = setup.computedFields.has(`${type.name}.${name}`);
  const relation = spec.relations[name];
  const sqlOf = spec.computedSql?.[name];
  const listOf = spec.computedLists?.[name];
  if (computed && !sqlOf && !listOf && !(relation?.cardinality === 'one' && relation.key)) {
    return { kind: 'fallback', reason: 'computed in TypeScript' };
  }
  if (listOf) {
    const target = getNamedType(field.type);
    if (!isObjectType(target)) return { kind: 'fallback', reason: 'abstract list' };
    return { kind: 'list', list: listOf, target };
  }
  if (name === 'id' && !computed) return { kind: 'id' };
  if (relation?.cardinality === 'one' && (!computed || relation.key)) {
    const target = getNamedType(field.type);
    if (!isObjectType(target)) return { kind: 'fallback', reason: 'abstract relation' };
    return { kind: 'one', relation, target };
  }
  if (relation?.cardinality === 'many' && !computed) return { kind: 'many', relation };
  const leaf = leafKind(field.type);
  if (!leaf) return { kind: 'fallback', reason: 'not a leaf the compiler renders' };
  const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
  if (list && (leaf === 'Decimal' || leaf === 'Date' || leaf === 'DateTime')) {
    return { kind: 'fallback', reason: `a list of ${leaf}` };
  }
  const column = spec.fields[name]?.column ?? name;
  return { kind: 'leaf', leaf, list, sql: sqlOf ?? ((alias) => col(alias, column)) };
}

/**
 * "Type.field" of every field of the entity types that falls back to the executed path (its
 * resolver and DataLoaders) whenever a query selects it, and of every root field of Query that is
 * not compiled; sorted. The fallback test asserts this list exactly.
 */
export function fallbackFields(setup: CompilerSetup): string[] {
  const found: string[] = [];
  const queryType = setup.schema.getQueryType();
  for (const name of Object.keys(queryType?.getFields() ?? {})) {
    const compiled =
      Object.hasOwn(setup.rootConnections, name) ||
      Object.hasOwn(setup.lookups, name) ||
      Object.hasOwn(setup.rootCompilers ?? {}, name) ||
      name === 'node' ||
      name === 'nodes';
    if (!compiled) found.push(`Query.${name}`);
  }
  for (const [typeName, type] of Object.entries(setup.schema.getTypeMap())) {
    if (!isObjectType(type) || !hasEntitySpec(typeName)) continue;
    const spec = entitySpec(typeName);
    for (const name of Object.keys(type.getFields())) {
      if (planField(setup, spec, type, name).kind === 'fallback') found.push(`${typeName}.${name}`);
    }
  }
  return found.sort();
}

function compileField(
  context: CompileContext,
  spec: EntitySpec,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  alias: string,
): Prisma.Sql {
  const name = nodes[0]!.name.value;
  if (name === '__typename') return literal(type.name);
  const plan = planField(context.setup, spec, type, name);
  if (plan.kind === 'fallback') throw new NotCompilable(`${type.name}.${name}: ${plan.reason}`);
  assertReadable(context, type.name, name);
  switch (plan.kind) {
    case 'id':
      return globalIdSql(spec.typeName, col(alias, 'id'));
    case 'one': {
      const { relation, target: targetType } = plan;
      const target = entitySpec(relation.target);
      const inner = context.aliases.next();
      const object = compileObject(context, target, targetType, subfields(context, targetType, nodes), inner);
      const key = relation.key ? relation.key(alias) : col(alias, relation.column);
      const subquery = Prisma.sql`(SELECT ${object} FROM ${Prisma.raw(`"${target.table}" "${inner}"`)}
      WHERE ${col(inner, 'id')} = ${key} AND ${scopeCondition(target, inner, context.scope)})`;
      // A non-null relation the caller cannot see is an error in the executed path: let it run instead.
      const field = type.getFields()[name]!;
      return isNonNullType(field.type) ? Prisma.sql`COALESCE(${subquery}, ${violationSql})` : subquery;
    }
    case 'many': {
      const field = type.getFields()[name]!;
      return compileConnection(context, entitySpec(plan.relation.target), field, nodes, compileObject, {
        relation: plan.relation,
        parentAlias: alias,
      });
    }
    case 'list': {
      const { list, target: targetType } = plan;
      const target = entitySpec(list.target);
      const inner = context.aliases.next();
      const object = compileObject(context, target, targetType, subfields(context, targetType, nodes), inner);
      return Prisma.sql`(SELECT COALESCE(json_agg(${object} ORDER BY ${list.order(inner)}), '[]')
      FROM ${Prisma.raw(`"${target.table}" "${inner}"`)}
      WHERE ${list.where(alias, inner)} AND ${scopeCondition(target, inner, context.scope)})`;
    }
    case 'leaf':
      return plan.list ? plan.sql(alias) : leafSql(plan.leaf, plan.sql(alias));
  }
}
