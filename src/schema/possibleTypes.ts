import { buildSchema, isAbstractType, type GraphQLSchema } from 'graphql';

/** Every interface and union of `schema` with the object types that can stand for it, in schema order. */
export function possibleTypesOf(schema: GraphQLSchema): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isAbstractType(type)) continue;
    result[type.name] = schema.getPossibleTypes(type).map((possible) => possible.name);
  }
  return result;
}

/** The source of examples/apollo-client/src/possibleTypes.ts for the SDL `typeDefs`. */
export function possibleTypesSource(typeDefs: string): string {
  const entries = Object.entries(possibleTypesOf(buildSchema(typeDefs)))
    .map(([name, types]) => `  ${name}: [\n${types.map((type) => `    '${type}',\n`).join('')}  ],\n`)
    .join('');
  return `// Generated from schema.graphql by \`npm run possible-types\` (scripts/possible-types.ts); do not edit.
// Every interface and union with the types that implement it, for Apollo Client's possibleTypes.

/** Abstract type name -> the object types that can stand for it. */
export const possibleTypes = {
${entries}} as const;
`;
}
