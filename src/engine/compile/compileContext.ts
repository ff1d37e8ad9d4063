import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getArgumentValues,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { AccessScope } from '../accessScope.js';
import type { AliasSource } from '../compileWhere.js';
import type { EntitySpec } from '../entitySpec.js';

/** Thrown while compiling when a selection cannot be answered by one statement; the caller executes instead. */
export class NotCompilable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotCompilable';
  }
}

/** The roles each field declaring `@access` needs, by "Type.field". */
export type FieldRules = ReadonlyMap<string, readonly string[]>;

/** What the compiler is given once per server: the schema and how its root fields map onto entities. */
export interface CompilerSetup {
  schema: GraphQLSchema;
  /** Root connection fields of Query by field name: the entity type they page over. */
  rootConnections: Readonly<Record<string, string>>;
  /** Natural-key lookups of Query by field name: the entity type and its unique column (= argument name). */
  lookups: Readonly<Record<string, { typeName: string; column: string }>>;
  /** "Type.field" of fields resolved in TypeScript (computed), which the compiler cannot render. */
  computedFields: ReadonlySet<string>;
  /** `@access` rules of the schema. */
  fieldRules: FieldRules;
  /** Root fields of Query whose SQL a module owns (the statistics), by field name. */
  rootCompilers?: Readonly<Record<string, RootCompiler>>;
}

/** What one compilation needs: the setup, the operation's fragments and variables, the caller and fresh aliases. */
export interface CompileContext {
  setup: CompilerSetup;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  scope: AccessScope;
  aliases: AliasSource;
}

/** Refuses to compile a field whose `@access` rule the caller does not meet: the executed path raises its error. */
export function assertReadable(context: CompileContext, typeName: string, fieldName: string): void {
  const roles = context.setup.fieldRules.get(`${typeName}.${fieldName}`);
  if (roles && !context.scope.roles.some((role) => roles.includes(role))) {
    throw new NotCompilable(`${typeName}.${fieldName} is refused to the caller`);
  }
}

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

/**
 * Builds the JSON object of the fields `selection` picks from the row of `spec` aliased `alias`
 * (compileSelection's compileObject): handed to compileConnection, so the two modules need not
 * import each other.
 */
export type ObjectCompiler = (
  context: CompileContext,
  spec: EntitySpec,
  type: GraphQLObjectType,
  selection: Map<string, readonly FieldNode[]>,
  alias: string,
) => Prisma.Sql;

/** One field the caller selected, merged as graphql-js merges it: its response key, its name and, for an object, what is selected of it. */
export interface SelectedField {
  key: string;
  name: string;
  /** What is selected of an object (or list of objects) field; null for a leaf. */
  selection: Selection | null;
}

/** The fields selected of one object type, in response order (fragments and @include/@skip applied). */
export interface Selection {
  typeName: string;
  fields: SelectedField[];
}

/** What a module's root compiler is handed: the field's coerced arguments, the caller and what the caller selected. */
export interface RootFieldRequest {
  args: Record<string, unknown>;
  scope: AccessScope;
  selection: Selection;
  /** Fresh table aliases for the statement (the ones `compileWhere` takes). */
  aliases: AliasSource;
}

/**
 * Compiles one root field whose SQL a module owns (the statistics) into a SQL expression of its
 * JSON value. It throws (anything) when it cannot, or when the executed path would raise an error:
 * the operation is then executed.
 */
export type RootCompiler = (request: RootFieldRequest) => Prisma.Sql;
