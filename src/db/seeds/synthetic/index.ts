export {
  maxSyntheticLoans,
  seedSynthetic,
  SyntheticDataExistsError,
  SyntheticSeedOptionsError,
  syntheticPlan,
  type SyntheticSeedOptions,
  type SyntheticSeedResult,
} from './seedSynthetic.js';
export { syntheticTables, type StageTiming, type SyntheticPlan, type SyntheticTable } from './syntheticRun.js';
export { henanCounties, henanPrefectures, henanProvince } from './henanDivisions.js';
export { henanPovertyTier, henanPovertyTiers, type CountyTier, type TierSource } from './henanPovertyTiers.js';
export { removeSyntheticData } from './removeSyntheticData.js';
