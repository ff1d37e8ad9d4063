import { mutationResolver } from '../writes/index.js';
import { addEnterpriseSite, createEnterprise, updateEnterprise } from './enterprises.writeService.js';

/** Resolvers of the enterprise mutations (their SDL is in schema.graphql, type Mutation). */
export const enterpriseMutations = {
  createEnterprise: mutationResolver(createEnterprise, 'enterprise', { headOfficeRegionId: 'Region' }),
  updateEnterprise: mutationResolver(updateEnterprise, 'enterprise', {
    id: 'Enterprise',
    headOfficeRegionId: 'Region',
  }),
  addEnterpriseSite: mutationResolver(addEnterpriseSite, 'enterpriseSite', {
    enterpriseId: 'Enterprise',
    regionId: 'Region',
  }),
};
