import type { GraphQLContext } from '../../context.js';
import { Prisma, type EnterpriseLoan } from '../../generated/prisma/client.js';
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
      const byId = ctx.loaders.relay.byColumn('Region', 'id');
      if (loan.regionId !== null) return byId.load(loan.regionId);
      // The stored region is a convenience copy; without it, the site's region, else the borrower's.
      const site =
        loan.siteId === null ? null : await ctx.loaders.relay.byColumn('EnterpriseSite', 'id').load(loan.siteId);
      if (site?.regionId != null) return byId.load(site.regionId as number);
      const borrower = await ctx.loaders.relay.byColumn('Enterprise', 'id').load(loan.enterpriseId);
      return borrower?.headOfficeRegionId != null ? byId.load(borrower.headOfficeRegionId as number) : null;
    },
  },
};
