export { enterpriseMutations } from './enterprises.mutations.js';
export { validateEnterprise } from './enterprises.validation.js';
