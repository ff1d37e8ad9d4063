import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../../context.js';
import type { ExportJob } from '../../generated/prisma/client.js';
import { fromGlobalId, rowIdOf, toGlobalId } from '../relay/globalId.js';
import { userError } from '../writes/userError.js';
import { createExportJob, getExportJob, type ExportJobOptions } from './exportJobs.service.js';

type NodeResolver = (parent: unknown, args: { id: string }, context: GraphQLContext) => unknown;

/** The path of a download while the job's file can be fetched. */
export function downloadPath(job: ExportJob, now: Date): string | null {
  if (job.status !== 'SUCCEEDED' || (job.expiresAt && job.expiresAt.getTime() <= now.getTime())) return null;
  return `/export-jobs/${toGlobalId('ExportJob', job.id)}/download`;
}

const kindToEnum = (kind: string) => kind.toUpperCase().replace(/-/g, '_');
const kindFromEnum = (kind: string) => kind.toLowerCase().replace(/_/g, '-');

/**
 * Resolvers of createExport, exportJob and the ExportJob type, over one server's export options;
 * `node` answers ExportJob IDs itself and hands every other ID to `node`, the general resolver.
 */
export function exportJobResolvers(options: ExportJobOptions, node: NodeResolver) {
  const now = () => (options.now ?? (() => new Date()))();
  return {
    Mutation: {
      createExport: async (_parent: unknown, args: { input: { kind: string; format: string; where?: unknown } }, context: GraphQLContext) => {
        const { kind, format, where } = args.input;
        try {
          const job = await createExportJob(context.db, { kind: kindFromEnum(kind), format: format.toLowerCase(), where }, options, context.requestId);
          return { exportJob: job, userErrors: [], replayed: false };
        } catch (error) {
          if (!(error instanceof GraphQLError) || error.extensions.code !== 'BAD_USER_INPUT') throw error;
          const argument = String(error.extensions.argument ?? 'input');
          const path = argument.split(/[.[\]]+/).filter(Boolean);
          return { exportJob: null, userErrors: [userError(path, 'INVALID_FORMAT', error.message)], replayed: false };
        }
      },
    },
    Query: {
      exportJob: (_parent: unknown, args: { id: string }, context: GraphQLContext) =>
        getExportJob(context.db, rowIdOf(args.id, 'ExportJob', 'id'), options),
      node: async (parent: unknown, args: { id: string }, context: GraphQLContext) => {
        if (fromGlobalId(args.id, 'id').typeName !== 'ExportJob') return node(parent, args, context);
        const job = await getExportJob(context.db, rowIdOf(args.id, 'ExportJob', 'id'), options);
        if (!job) throw new GraphQLError(`Argument "id": no ExportJob has the ID "${args.id}".`, { extensions: { code: 'NOT_FOUND', argument: 'id' } });
        return { ...job, __typename: 'ExportJob' };
      },
    },
    ExportJob: {
      id: (job: ExportJob) => toGlobalId('ExportJob', job.id),
      kind: (job: ExportJob) => kindToEnum(job.kind),
      format: (job: ExportJob) => job.format.toUpperCase(),
      downloadUrl: (job: ExportJob) => downloadPath(job, now()),
    },
  };
}
