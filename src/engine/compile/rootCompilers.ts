import { type FieldNode, type GraphQLObjectType, getNamedType, isLeafType, isObjectType } from 'graphql';
import { Prisma } from '../../generated/prisma/client.js';
import {
  assertReadable,
  type CompileContext,
  NotCompilable,
  type SelectedField,
  type Selection,
  subfields,
} from './compileContext.js';
import { literal } from './render.js';

// json_build_object takes at most 100 arguments: 50 keys and their values.
const MAX_KEYS = 50;

/**
 * The selection of `type` by `nodes`, down to the leaves, with every field's `@access` rule checked
 * for the caller. Modules get this plain tree rather than the document, so the engine stays the one
 * place that reads selection sets.
 * @throws NotCompilable for a field refused to the caller, or an abstract type (its __typename would depend on the row).
 */
export function selectionOf(context: CompileContext, type: GraphQLObjectType, nodes: readonly FieldNode[]): Selection {
  const fields: SelectedField[] = [];
  for (const [key, fieldNodes] of subfields(context, type, nodes)) {
    const name = fieldNodes[0]!.name.value;
    if (name === '__typename') {
      fields.push({ key, name, selection: null });
      continue;
    }
    const field = type.getFields()[name];
    if (!field) throw new NotCompilable(`${type.name}.${name}`);
    assertReadable(context, type.name, name);
    const named = getNamedType(field.type);
    if (isLeafType(named)) fields.push({ key, name, selection: null });
    else if (isObjectType(named)) fields.push({ key, name, selection: selectionOf(context, named, fieldNodes) });
    else throw new NotCompilable(`${type.name}.${name} is abstract`);
  }
  return { typeName: type.name, fields };
}

/**
 * A json_build_object of the selected fields in response order: `__typename` is the selection's type
 * name, every other field's value is `valueFor(field)`.
 * @throws NotCompilable for more than 50 fields in one object; whatever `valueFor` throws.
 */
export function jsonObjectSql(selection: Selection, valueFor: (field: SelectedField) => Prisma.Sql): Prisma.Sql {
  if (selection.fields.length > MAX_KEYS) throw new NotCompilable(`more than ${MAX_KEYS} fields in one object`);
  if (selection.fields.length === 0) return Prisma.sql`json_build_object()`;
  const pairs = selection.fields.map(
    (field) =>
      Prisma.sql`${literal(field.key)}, ${field.name === '__typename' ? Prisma.sql`to_json(${literal(selection.typeName)}::text)` : valueFor(field)}`,
  );
  return Prisma.sql`json_build_object(${Prisma.join(pairs, ', ')})`;
}
