export { entityKeys, type EntityKeys, type NaturalKey } from './entityKeys.js';
export { federatedSchema } from './federatedSchema.js';
export { referenceResolvers, type Representation } from './referenceResolvers.js';
export { FEDERATION_SPEC_URL, subgraphTypeDefs } from './subgraphTypeDefs.js';
