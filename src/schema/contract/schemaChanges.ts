import {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import { changeCoordinate } from './schemaCoordinate.js';

/** One difference between two versions of the contract. */
export interface SchemaChange {
  /** Schema coordinate of the element, e.g. `EnterpriseLoan.contractNo` or `Query.villages(where:)`. */
  coordinate: string;
  /** graphql-js change type (`FIELD_REMOVED`…) or `DEPRECATED`. */
  type: string;
  description: string;
}

/** The changes from `oldSdl` to `newSdl`, by how much they can hurt clients. */
export interface SchemaChanges {
  /** Changes that break existing operations (removed field, changed type, new required argument…). */
  breaking: SchemaChange[];
  /** Changes that can change existing operations' results (a new enum value, a changed default…). */
  dangerous: SchemaChange[];
  /** Elements newly marked `@deprecated(reason:)`. */
  deprecated: SchemaChange[];
}

const toChange = (change: { type: string; description: string }): SchemaChange => ({
  coordinate: changeCoordinate(change as never),
  type: change.type,
  description: change.description,
});

/** Every deprecated element of a schema, by coordinate, with its reason. */
function deprecations(schema: GraphQLSchema): Map<string, string> {
  const found = new Map<string, string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason) found.set(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of 'args' in field ? field.args : []) {
          if (arg.deprecationReason) found.set(`${type.name}.${field.name}(${arg.name}:)`, arg.deprecationReason);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (value.deprecationReason) found.set(`${type.name}.${value.name}`, value.deprecationReason);
      }
    }
  }
  return found;
}

/**
 * Compares two SDL documents with graphql-js `findBreakingChanges` and `findDangerousChanges`,
 * and lists elements deprecated since the old version.
 * @throws GraphQLError when either document is not a valid schema.
 */
export function schemaChanges(oldSdl: string, newSdl: string): SchemaChanges {
  const oldSchema = buildSchema(oldSdl);
  const newSchema = buildSchema(newSdl);
  const before = deprecations(oldSchema);
  const deprecated = [...deprecations(newSchema)]
    .filter(([coordinate]) => !before.has(coordinate))
    .map(([coordinate, reason]) => ({
      coordinate,
      type: 'DEPRECATED',
      description: `${coordinate} is deprecated: ${reason}`,
    }));
  return {
    breaking: findBreakingChanges(oldSchema, newSchema).map(toChange),
    dangerous: findDangerousChanges(oldSchema, newSchema).map(toChange),
    deprecated,
  };
}
