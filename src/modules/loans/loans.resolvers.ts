import type { GraphQLContext } from '../../context.js';
import { Prisma, type EnterpriseLoan } from '../../generated/prisma/client.js';
import { nonPerformingClasses, pricingTenor } from './loanFigures.js';
import { loanRegionId } from './loanRegion.js';
import { lprInForce } from './lprInForce.js';

/**
 * Computed fields of enterprise loans on the executed path; the read compiler renders the same
 * values from their SQL (loanFigures.ts, loanRegion.ts, declared in loans.spec.ts).
 */
export const loanResolvers = {
  EnterpriseLoan: {
    nonPerforming: (loan: EnterpriseLoan) => loan.riskClass !== null && nonPerformingClasses.has(loan.riskClass),
    spreadOverLpr: async (loan: EnterpriseLoan, _: unknown, ctx: GraphQLContext) => {
      if (loan.effectiveRate === null || loan.contractDate === null) return null;
      const lpr = lprInForce(await ctx.loaders.lprRates.load('all'), pricingTenor(loan), loan.contractDate);
      return lpr ? new Prisma.Decimal(loan.effectiveRate).minus(lpr.rate) : null;
    },
    region: async (loan: EnterpriseLoan, _: unknown, ctx: GraphQLContext) => {
      const load = (table: string, id: number) => ctx.loaders.relay.byColumn(table, 'id').load(id);
      const regionId = await loanRegionId(loan, load);
      return regionId === null ? null : load('Region', regionId);
    },
  },
};
