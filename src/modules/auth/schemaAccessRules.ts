import { typeDefs } from '../../schema/typeDefs.js';
import { readAccessRules, type AccessRules } from './accessRules.js';

/** The `@access` rules of schema.graphql, read once per process. */
export const schemaAccessRules: AccessRules = readAccessRules(typeDefs);
