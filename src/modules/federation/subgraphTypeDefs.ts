import { Kind, parse, type ConstDirectiveNode, type DefinitionNode, type DocumentNode } from 'graphql';
import { entityKeys, type EntityKeys } from './entityKeys.js';

/** The Federation version the subgraph declares; 2.3 is understood by every Federation 2 router. */
export const FEDERATION_SPEC_URL = 'https://specs.apollo.dev/federation/v2.3';

const keyDirective = (fields: string): ConstDirectiveNode => ({
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: 'key' },
  arguments: [
    { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'fields' }, value: { kind: Kind.STRING, value: fields } },
  ],
});

/**
 * The subgraph SDL as a document: the contract `sdl` (schema.graphql) with a `@link` to
 * Federation 2 and `@key(fields: "id")` plus one `@key` per natural key on every entity.
 * Derived, never written by hand, so the contract stays the one source of truth.
 */
export function subgraphTypeDefs(sdl: string, keys: EntityKeys = entityKeys(parse(sdl))): DocumentNode {
  const document = parse(sdl);
  const link = parse(`extend schema @link(url: "${FEDERATION_SPEC_URL}", import: ["@key"])`).definitions[0]!;
  const definitions: DefinitionNode[] = document.definitions.map((definition) => {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) return definition;
    const naturalKeys = keys.get(definition.name.value);
    if (!naturalKeys) return definition;
    const directives = [keyDirective('id'), ...naturalKeys.map((key) => keyDirective(key.field))];
    return { ...definition, directives: [...(definition.directives ?? []), ...directives] };
  });
  return { ...document, definitions: [link, ...definitions] };
}
