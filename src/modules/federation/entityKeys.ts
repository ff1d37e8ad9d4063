import { Kind, type DocumentNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';

/** A natural key of an entity: the field that identifies it and the Query field that looks it up. */
export interface NaturalKey {
  field: string;
  queryField: string;
}

/** The entities of the contract (object types implementing Node) with their natural keys. */
export type EntityKeys = Map<string, NaturalKey[]>;

const namedType = (field: FieldDefinitionNode): string | undefined => {
  let type = field.type;
  while (type.kind !== Kind.NAMED_TYPE) type = type.type;
  return type.name.value;
};

/**
 * Reads the entities and their natural keys from the contract itself, so a new lookup such as
 * `enterprise(creditCode:)` becomes a federation key without touching this module: a natural key
 * is a Query field returning one entity, taking exactly one argument named after a field of it.
 */
export function entityKeys(document: DocumentNode): EntityKeys {
  const objects = document.definitions.filter(
    (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION,
  );
  const keys: EntityKeys = new Map();
  for (const type of objects) {
    if (type.interfaces?.some((i) => i.name.value === 'Node')) keys.set(type.name.value, []);
  }
  const query = objects.find((type) => type.name.value === 'Query');
  for (const field of query?.fields ?? []) {
    const target = namedType(field);
    const argument = field.arguments?.length === 1 ? field.arguments[0]!.name.value : undefined;
    // A list (`nodes`) or a connection never names a single row.
    if (!target || !argument || field.type.kind === Kind.LIST_TYPE || !keys.has(target)) continue;
    const entity = objects.find((type) => type.name.value === target)!;
    if (argument !== 'id' && entity.fields?.some((f) => f.name.value === argument)) {
      keys.get(target)!.push({ field: argument, queryField: field.name.value });
    }
  }
  return keys;
}
