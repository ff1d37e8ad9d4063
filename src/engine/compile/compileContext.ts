import type { FragmentDefinitionNode, GraphQLSchema } from 'graphql';
import type { AccessScope } from '../../modules/auth/accessScope.js';
import type { AliasSource } from '../compileWhere.js';

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
