import type { Prisma } from '../generated/prisma/client.js';
import type { EntitySpec } from './entitySpec.js';

/**
 * What the engine is told about the domain: the entities and the two access rules it applies on
 * every level (the org-unit subtree a scope reaches and who may use a field). The domain passes
 * it in (src/modules/entities.ts), so the engine imports nothing from src/modules.
 */
export interface ReadModel {
  entities: Readonly<Record<string, EntitySpec>>;
  /** A subquery selecting the id of org unit `orgUnitId` and of every unit below it. */
  orgUnitSubtree: (orgUnitId: number) => Prisma.Sql;
  /** The roles that may read, filter or sort on `typeName.field`; undefined when every role may. */
  fieldReaders: (typeName: string, field: string) => readonly string[] | undefined;
}

let installed: ReadModel | undefined;

/** Makes `model` the one the engine reads from; called once, when the domain's registry loads. */
export function installReadModel(model: ReadModel): void {
  installed = model;
}

/**
 * The installed read model.
 * @throws Error when none is installed yet (a programming error: import src/modules/entities.ts).
 */
export function readModel(): ReadModel {
  if (!installed) throw new Error('No read model installed: import src/modules/entities.ts first.');
  return installed;
}

/**
 * The spec of an entity by GraphQL type name.
 * @throws Error when no entity has that name (a programming error, never user input).
 */
export function entitySpec(typeName: string): EntitySpec {
  const spec = readModel().entities[typeName];
  if (!spec) throw new Error(`No entity spec for ${typeName}`);
  return spec;
}

/** True when `typeName` is an entity of the read API (audit events and export jobs are not). */
export function hasEntitySpec(typeName: string): boolean {
  return Object.hasOwn(readModel().entities, typeName);
}
