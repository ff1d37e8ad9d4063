import type { MutationResolvers, QueryResolvers } from '../graphql/resolvers-types.js';
import type { analyticsResolvers } from './analytics/analytics.resolvers.js';
import type { exportJobResolvers } from './exports/exportJobs.resolvers.js';
import type { nodeResolvers } from './nodes/nodes.resolvers.js';
import type { mutationResolvers } from './writes/mutations.resolvers.js';

// Type-level only: the hand-written root resolvers against the types generated from schema.graphql
// (`npm run codegen`), so that `tsc` fails on a mutation the schema declares but nothing resolves,
// on a resolver for a field the schema lacks, and on a resolver that would not accept the
// schema's arguments. Return types are not compared: resolvers return the engine's rows and
// connections, whose JSON the engine shapes (a mapper per type would restate the engine here).

type ArgsOf<F> = F extends (parent: never, args: infer A, ...rest: never[]) => unknown ? A : never;
// The generated maps carry an index signature (useIndexSignature); only the named fields count.
type Resolved<T> = { [K in keyof T as string extends K ? never : K]-?: Exclude<T[K], undefined> };

/** `true` when every resolver in `Mine` names a field of `Schema` and takes that field's arguments. */
type FitsSchema<Mine, Schema> = {
  [K in keyof Mine]: K extends keyof Resolved<Schema>
    ? ArgsOf<Resolved<Schema>[K]> extends ArgsOf<Mine[K]>
      ? true
      : ['wrong arguments for', K]
    : ['not in schema.graphql', K];
}[keyof Mine];

type Holds<T extends true> = T;
type ExportJobResolvers = ReturnType<typeof exportJobResolvers>;
type UnresolvedMutations = Exclude<
  keyof Resolved<MutationResolvers>,
  keyof (typeof mutationResolvers)['Mutation'] | keyof ExportJobResolvers['Mutation']
>;

export type ResolverContract = [
  Holds<FitsSchema<(typeof analyticsResolvers)['Query'], QueryResolvers>>,
  Holds<FitsSchema<(typeof nodeResolvers)['Query'], QueryResolvers>>,
  Holds<FitsSchema<(typeof mutationResolvers)['Query'], QueryResolvers>>,
  Holds<FitsSchema<(typeof mutationResolvers)['Mutation'], MutationResolvers>>,
  Holds<FitsSchema<ExportJobResolvers['Mutation'], MutationResolvers>>,
  Holds<FitsSchema<ExportJobResolvers['Query'], QueryResolvers>>,
  Holds<[UnresolvedMutations] extends [never] ? true : ['no resolver for Mutation', UnresolvedMutations]>,
];
