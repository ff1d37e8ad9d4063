import { analyticsResolvers } from './analytics/analytics.resolvers.js';
import { DateScalar, DateTimeScalar, DecimalScalar, JSONScalar } from '../schema/scalars.js';
import { loanResolvers } from './loans/loans.resolvers.js';
import { nodeResolvers } from './nodes/nodes.resolvers.js';
import { entityResolvers, rootConnectionResolvers } from '../engine/entityResolvers.js';
import { entitySpecs } from './entities.js';
import { regionResolvers } from './regions/regions.resolvers.js';
import { mutationResolvers } from './writes/mutations.resolvers.js';

const generated = entityResolvers(entitySpecs);
/** The resolvers every entity gets from its spec (the read engine compiles exactly these). */
export const generatedResolvers: Readonly<Record<string, Readonly<Record<string, unknown>>>> = generated;

/** Root connection fields of Query and the entity type each pages over. */
export const rootConnectionTypes: Readonly<Record<string, string>> = {
  regions: 'Region',
  villages: 'Village',
  orgUnits: 'OrgUnit',
  initiatives: 'Initiative',
  campaigns: 'Campaign',
  enterprises: 'Enterprise',
  enterpriseLoans: 'EnterpriseLoan',
  impactRecords: 'ImpactRecord',
  lprRates: 'LprRate',
};

/** Every module's resolvers, merged into one map for the executable schema. */
export const resolvers = {
  Decimal: DecimalScalar,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query: {
    ...nodeResolvers.Query,
    ...rootConnectionResolvers(rootConnectionTypes),
    ...mutationResolvers.Query,
    ...analyticsResolvers.Query,
  },
  Mutation: mutationResolvers.Mutation,
  AuditEvent: mutationResolvers.AuditEvent,
  Node: nodeResolvers.Node,
  ...generated,
  Region: { ...generated.Region, ...regionResolvers.Region },
  EnterpriseLoan: { ...generated.EnterpriseLoan, ...loanResolvers.EnterpriseLoan },
};
