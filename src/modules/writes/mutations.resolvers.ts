import type { GraphQLContext } from '../../context.js';
import type { AuditEvent } from '../../generated/prisma/client.js';
import { enterpriseMutations } from '../enterprises/enterprises.mutations.js';
import { initiativeMutations } from '../initiatives/initiatives.mutations.js';
import { loanMutations } from '../loans/loans.mutations.js';
import { toGlobalId } from '../../engine/globalId.js';
import { villageMutations } from '../villages/villages.mutations.js';
import { forbidden } from '../auth/forbidden.js';
import { listAuditEvents, type AuditEventsArgs } from './auditEvents.service.js';

/**
 * Resolvers of the write API in schema.graphql, merged into the gateway's map by
 * src/modules/index.ts: every mutation, the auditEvents query and the AuditEvent type.
 */
export const mutationResolvers = {
  Mutation: { ...loanMutations, ...initiativeMutations, ...villageMutations, ...enterpriseMutations },
  Query: {
    auditEvents: (_parent: unknown, args: AuditEventsArgs, context: GraphQLContext) => {
      // The trail records changes of every branch; an ADMIN bound to an org unit may not read it.
      if (context.scope.orgUnitId !== null) throw forbidden('Query.auditEvents (the bank-wide audit trail)', ['ADMIN']);
      return listAuditEvents(context.db, args);
    },
  },
  AuditEvent: {
    id: (event: AuditEvent) => toGlobalId('AuditEvent', event.id),
  },
};
