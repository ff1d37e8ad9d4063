import type { GraphQLContext } from '../../context.js';
import type { Row } from '../../engine/connection.js';

/** Computed fields of regions. */
export const regionResolvers = {
  Region: {
    ancestors: (region: Row, _: unknown, ctx: GraphQLContext) =>
      ctx.loaders.regionAncestors.load(region.code as string),
  },
};
