import type { EntitySpec } from '../../engine/entitySpec.js';
import { common, en, of } from '../../engine/specHelpers.js';

/** LPR fixings (貸款市場報價利率), for spreads over LPR. */
export const lprRateSpec: EntitySpec = {
  typeName: 'LprRate',
  table: 'LprRate',
  fields: {
    ...common(),
    effectiveDate: of('date', 'effectiveDate', 'Date the fixing takes effect.'),
    tenor: en('LprTenor', 'tenor', 'Tenor.'),
    rate: of('decimal', 'rate', 'Annual rate as a fraction (0.038500 = 3.85%).'),
  },
  relations: {},
};
