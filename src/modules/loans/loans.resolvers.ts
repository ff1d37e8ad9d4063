import type { GraphQLContext } from '../../context.js';
import { Prisma, type EnterpriseLoan } from '../../generated/prisma/client.js';
import { loanRegionId } from './loanRegion.js';
import { lprInForce } from './lprInForce.js';

const nonPerformingClasses = new Set(['SUBSTANDARD', 'DOUBTFUL', 'LOSS']);

/** Computed fields of enterprise loans. */
export const loanResolvers = {
  EnterpriseLoan: {
    nonPerforming: (loan: EnterpriseLoan) => loan.riskClass !== null && nonPerformingClasses.has(loan.riskClass),
    spreadOverLpr: async (loan: EnterpriseLoan, _: unknown, ctx: GraphQLContext) => {
      if (loan.effectiveRate === null || loan.contractDate === null) return null;
      // Without a recorded tenor, the term decides: over five years prices on the 5Y+ LPR.
      const tenor = loan.lprTenor ?? ((loan.termMonths ?? 0) > 60 ? 'FIVE_YEAR_PLUS' : 'ONE_YEAR');
      const lpr = lprInForce(await ctx.loaders.lprRates.load('all'), tenor, loan.contractDate);
      return lpr ? new Prisma.Decimal(loan.effectiveRate).minus(lpr.rate) : null;
    },
    region: async (loan: EnterpriseLoan, _: unknown, ctx: GraphQLContext) => {
      const load = (table: string, id: number) => ctx.loaders.relay.byColumn(table, 'id').load(id);
      const regionId = await loanRegionId(loan, load);
      return regionId === null ? null : load('Region', regionId);
    },
  },
};
