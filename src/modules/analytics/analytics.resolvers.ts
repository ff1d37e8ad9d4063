import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../../context.js';
import {
  factDeletions,
  impactFactChanges,
  loanFactChanges,
  type FactChangesArgs,
  type FactDeletionsArgs,
} from './factChanges.service.js';
import { impactFacts, loanFacts, type FactsArgs } from './facts.service.js';
import { impactStatistics } from './impactStatistics.service.js';
import { initiativeStatistics } from './initiativeStatistics.service.js';
import { loanStatistics } from './loanStatistics.service.js';
import { portfolioSeries, type PortfolioSeriesArgs } from './portfolioSeries.service.js';
import type { StatisticsArgs } from './runStatistics.js';
import { selectedFields } from './selectedFields.js';

type Resolver<Args> = (parent: unknown, args: Args, context: GraphQLContext, info: GraphQLResolveInfo) => unknown;
const withMeasures = (args: StatisticsArgs, info: GraphQLResolveInfo): StatisticsArgs => ({
  ...args,
  measures: selectedFields(info, ['groups']),
});

/**
 * Resolvers of the BI root fields: each turns its arguments into one service call. Group keys,
 * measures and fact rows are plain objects whose properties are the GraphQL field names, so the
 * default field resolver serves them.
 */
export const analyticsResolvers = {
  Query: {
    loanStatistics: ((_, args, { db, scope }, info) =>
      loanStatistics(db, withMeasures(args, info), scope)) as Resolver<StatisticsArgs>,
    impactStatistics: ((_, args, { db, scope }, info) =>
      impactStatistics(db, withMeasures(args, info), scope)) as Resolver<StatisticsArgs>,
    initiativeStatistics: ((_, args, { db, scope }, info) =>
      initiativeStatistics(db, withMeasures(args, info), scope)) as Resolver<StatisticsArgs>,
    portfolioSeries: (_: unknown, args: PortfolioSeriesArgs, { db, scope }: GraphQLContext) =>
      portfolioSeries(db, args, scope),
    loanFacts: (_: unknown, args: FactsArgs, { db, scope }: GraphQLContext) => loanFacts(db, args, scope),
    impactFacts: (_: unknown, args: FactsArgs, { db, scope }: GraphQLContext) => impactFacts(db, args, scope),
    loanFactChanges: (_: unknown, args: FactChangesArgs, { db, scope }: GraphQLContext) =>
      loanFactChanges(db, args, scope),
    impactFactChanges: (_: unknown, args: FactChangesArgs, { db, scope }: GraphQLContext) =>
      impactFactChanges(db, args, scope),
    factDeletions: (_: unknown, args: FactDeletionsArgs, { db, scope }: GraphQLContext) =>
      factDeletions(db, args, scope),
  },
};
