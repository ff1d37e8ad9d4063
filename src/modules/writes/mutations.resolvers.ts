import type { GraphQLContext } from '../../context.js';
import type { AuditEvent } from '../../generated/prisma/client.js';
import { enterpriseMutations } from '../enterprises/index.js';
import { initiativeMutations } from '../initiatives/index.js';
import { loanMutations } from '../loans/index.js';
import { toGlobalId } from '../../engine/globalId.js';
import { villageMutations } from '../villages/index.js';
import { forbidden, mayReadAuditTrail } from '../auth/index.js';
import { listAuditEvents, type AuditEventsArgs } from './auditEvents.service.js';

/**
 * Resolvers of the write API in schema.graphql, merged into the gateway's map by
 * src/modules/index.ts: every mutation, the auditEvents query and the AuditEvent type.
 */
export const mutationResolvers = {
  Mutation: { ...loanMutations, ...initiativeMutations, ...villageMutations, ...enterpriseMutations },
  Query: {
    auditEvents: (_parent: unknown, args: AuditEventsArgs, context: GraphQLContext) => {
      // @access lets only ADMIN this far; the policy also wants one bound to no org unit.
      if (!mayReadAuditTrail(context.scope))
        throw forbidden('Query.auditEvents (the bank-wide audit trail)', ['ADMIN']);
      return listAuditEvents(context.db, args);
    },
  },
  AuditEvent: {
    id: (event: AuditEvent) => toGlobalId('AuditEvent', event.id),
  },
};
