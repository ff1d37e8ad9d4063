import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../../context.js';
import type { ExportJob } from '../../generated/prisma/client.js';
import type { NodeLoader } from '../nodes/index.js';
import type { Row } from '../../engine/connection.js';
import { rowIdOf, toGlobalId } from '../../engine/globalId.js';
import { userError } from '../writes/index.js';
import { canSeeExportJob } from './exportAccess.js';
import { createExportJob, getExportJob, type ExportJobOptions } from './exportJobs.service.js';

/** The path of a download while the job's file can be fetched. */
export function downloadPath(job: ExportJob, now: Date): string | null {
  if (job.status !== 'SUCCEEDED' || (job.expiresAt && job.expiresAt.getTime() <= now.getTime())) return null;
  return `/export-jobs/${toGlobalId('ExportJob', job.id)}/download`;
}

const kindToEnum = (kind: string) => kind.toUpperCase().replace(/-/g, '_');
const kindFromEnum = (kind: string) => kind.toLowerCase().replace(/_/g, '-');

/**
 * Resolvers of createExport, exportJob and the ExportJob type, over one server's export options,
 * and ExportJob's node loader for the node table. A job is visible only to its creator (or a
 * bank-wide ADMIN); to anyone else it does not exist.
 */
export function exportJobResolvers(options: ExportJobOptions) {
  const now = () => (options.now ?? (() => new Date()))();
  const visibleJob = async (context: GraphQLContext, rowId: number): Promise<ExportJob | null> => {
    const job = await getExportJob(context.db, rowId, options);
    return job && canSeeExportJob(job, context.viewer) ? job : null;
  };
  const nodeLoader: NodeLoader = async (context, rowId) => {
    const job = await visibleJob(context, rowId);
    return job ? ({ ...job, __typename: 'ExportJob' } as unknown as Row) : null;
  };
  return {
    nodeLoader,
    Mutation: {
      createExport: async (
        _parent: unknown,
        args: { input: { kind: string; format: string; where?: unknown; bom?: boolean | null } },
        context: GraphQLContext,
      ) => {
        const { kind, format, where, bom } = args.input;
        try {
          const job = await createExportJob(
            context.db,
            context.viewer,
            { kind: kindFromEnum(kind), format: format.toLowerCase(), where, bom: bom ?? false },
            options,
            context.requestId,
          );
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
        visibleJob(context, rowIdOf(args.id, 'ExportJob', 'id')),
    },
    ExportJob: {
      id: (job: ExportJob) => toGlobalId('ExportJob', job.id),
      kind: (job: ExportJob) => kindToEnum(job.kind),
      format: (job: ExportJob) => job.format.toUpperCase(),
      downloadUrl: (job: ExportJob) => downloadPath(job, now()),
    },
  };
}
