import { entitySpecs } from '../modules/entitySpecs.js';
import type { EntitySpec } from './entitySpec.js';

/**
 * The spec of an entity by GraphQL type name.
 * @throws Error when no entity has that name (a programming error, never user input).
 */
export function entitySpec(typeName: string): EntitySpec {
  const spec = entitySpecs[typeName];
  if (!spec) throw new Error(`No entity spec for ${typeName}`);
  return spec;
}

/** True when `typeName` is an entity of the read API (audit events and export jobs are not). */
export function hasEntitySpec(typeName: string): boolean {
  return Object.hasOwn(entitySpecs, typeName);
}
