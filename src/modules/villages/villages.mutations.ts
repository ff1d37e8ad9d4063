import { mutationResolver } from '../writes/index.js';
import { createVillage, updateVillage } from './villages.writeService.js';

/** Resolvers of the village mutations (their SDL is in schema.graphql, type Mutation). */
export const villageMutations = {
  createVillage: mutationResolver(createVillage, 'village', { countyId: 'Region', townshipId: 'Region' }),
  updateVillage: mutationResolver(updateVillage, 'village', {
    id: 'Village',
    countyId: 'Region',
    townshipId: 'Region',
  }),
};
