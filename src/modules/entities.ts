import type { EntitySpec } from '../engine/entitySpec.js';
import { installReadModel } from '../engine/specRegistry.js';
import { fieldReaders, orgUnitSubtreeSql } from './auth/policy.js';
import { enterpriseSpecs } from './enterprises/enterprises.spec.js';
import { impactRecordSpecs } from './initiatives/impactRecords.spec.js';
import { initiativeSpecs } from './initiatives/initiatives.spec.js';
import { loanSpecs } from './loans/loans.spec.js';
import { lprRateSpec } from './loans/lprRates.spec.js';
import { orgUnitSpecs } from './orgUnits/orgUnits.spec.js';
import { regionSpecs } from './regions/regions.spec.js';
import { villageSpecs } from './villages/villages.spec.js';

/**
 * Every entity the read API exposes as a connection, by GraphQL type name: the one registry that
 * gathers each domain's `<domain>.spec.ts` and hands them to the read engine.
 */
export const entitySpecs: Readonly<Record<string, EntitySpec>> = Object.freeze({
  ...enterpriseSpecs,
  ...loanSpecs,
  ...impactRecordSpecs,
  LprRate: lprRateSpec,
  ...regionSpecs,
  ...villageSpecs,
  ...orgUnitSpecs,
  ...initiativeSpecs,
});

// Installed on load, so whatever imports the registry (or `entitySpec` through it) finds the
// engine ready: the engine itself imports nothing from src/modules.
installReadModel({ entities: entitySpecs, orgUnitSubtree: orgUnitSubtreeSql, fieldReaders });

export { entitySpec } from '../engine/specRegistry.js';
