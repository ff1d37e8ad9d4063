import { mutationResolver } from '../writes/index.js';
import { addToCampaign, createCampaign, removeFromCampaign } from './campaigns.writeService.js';
import {
  assignCadre,
  changeInitiativeStatus,
  createInitiative,
  endCadreAssignment,
  linkVillages,
  recordInitiativeMetric,
  unlinkVillages,
  updateInitiative,
} from './initiatives.writeService.js';

const members = { campaignId: 'Campaign', initiativeIds: 'Initiative', loanIds: 'EnterpriseLoan' } as const;
const links = { initiativeId: 'Initiative', 'links.villageId': 'Village' } as const;

/** Resolvers of the programme mutations (their SDL is in schema.graphql, type Mutation). */
export const initiativeMutations = {
  createInitiative: mutationResolver(createInitiative, 'initiative', { ownerOrgUnitId: 'OrgUnit' }),
  updateInitiative: mutationResolver(updateInitiative, 'initiative', { id: 'Initiative', ownerOrgUnitId: 'OrgUnit' }),
  changeInitiativeStatus: mutationResolver(changeInitiativeStatus, 'initiative', { id: 'Initiative' }),
  linkVillages: mutationResolver(linkVillages, 'initiative', links),
  unlinkVillages: mutationResolver(unlinkVillages, 'initiative', links),
  recordInitiativeMetric: mutationResolver(recordInitiativeMetric, 'initiativeMetric', { initiativeId: 'Initiative' }),
  assignCadre: mutationResolver(assignCadre, 'cadreAssignment', { initiativeId: 'Initiative', villageId: 'Village' }),
  endCadreAssignment: mutationResolver(endCadreAssignment, 'cadreAssignment', { id: 'CadreAssignment' }),
  createCampaign: mutationResolver(createCampaign, 'campaign', {}),
  addToCampaign: mutationResolver(addToCampaign, 'campaign', members),
  removeFromCampaign: mutationResolver(removeFromCampaign, 'campaign', members),
};
