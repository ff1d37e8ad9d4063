export { villageMutations } from './villages.mutations.js';
export { type RegionRef, cleanAliases, validateVillage } from './villages.validation.js';
