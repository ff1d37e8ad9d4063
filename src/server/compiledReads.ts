import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { FormattedExecutionResult, GraphQLSchema } from 'graphql';
import type { GraphQLContext } from '../context.js';
import {
  type CompiledOperation,
  type CompilerSetup,
  compiledDataText,
  compileOperation,
  runCompiled,
} from '../engine/compile/index.js';
import { perOperationCache } from '../plugins/perOperationCache.js';

/** The server-side facts the compiler needs besides the schema. */
export type CompiledReadsOptions = Omit<CompilerSetup, 'schema'>;

// Compiled statements kept per operation (for different variables and callers), oldest dropped first.
const COMPILED_PER_OPERATION = 64;

/**
 * An Apollo Server plugin answering a query whose every root field compiles (see docs/engine.md)
 * from one SQL statement per root field, without graphql-js's per-field execution. Any operation
 * that does not wholly compile, would raise an error, or whose statement fails, gets null from
 * `responseForOperation` and executes as before, so its errors come out as they always did.
 */
export function compiledReads(options: CompiledReadsOptions): ApolloServerPlugin<GraphQLContext> {
  const setups = new WeakMap<GraphQLSchema, CompilerSetup>();
  const setupFor = (schema: GraphQLSchema) => {
    if (!setups.has(schema)) setups.set(schema, { ...options, schema });
    return setups.get(schema)!;
  };
  // What an operation compiles to depends on its variables and the caller's scope too.
  const compiled = perOperationCache<CompiledOperation | null>(COMPILED_PER_OPERATION);
  return {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          const { document, operation, contextValue } = requestContext;
          if (!document || !operation) return null;
          const { scope } = contextValue;
          const key = `${scope.orgUnitId} ${scope.roles.join(',')} ${JSON.stringify(requestContext.request.variables ?? {})}`;
          const statement = compiled(operation, key, () =>
            compileOperation(
              setupFor(requestContext.schema),
              document,
              operation,
              requestContext.request.variables,
              scope,
            ),
          );
          if (!statement) return null;
          const data = await runCompiled(contextValue.db, statement).catch(() => null);
          if (!data) return null;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data } },
          };
        },
      };
    },
  };
}

/**
 * Apollo Server's `stringifyResult`: a compiled answer with nothing besides its data goes out as
 * PostgreSQL's JSON text inside the envelope, unparsed (its values and key order are those of the
 * executed answer; only blanks differ); any other response as Apollo writes it.
 */
export function stringifyResult(value: FormattedExecutionResult): string {
  const text = value.errors === undefined && value.extensions === undefined ? compiledDataText(value.data) : undefined;
  return `${text ?? JSON.stringify(value)}\n`;
}

/**
 * "Type.field" of every field whose resolver is not the one the engine generates from the spec
 * (computed in TypeScript, such as EnterpriseLoan.spreadOverLpr): those fields do not compile.
 */
export function computedFieldsOf(
  resolvers: Readonly<Record<string, unknown>>,
  generated: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): Set<string> {
  const computed = new Set<string>();
  for (const [typeName, fields] of Object.entries(generated)) {
    const actual = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    for (const [field, resolver] of Object.entries(actual)) {
      if (resolver !== fields[field]) computed.add(`${typeName}.${field}`);
    }
  }
  return computed;
}
