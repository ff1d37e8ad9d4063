import { type FieldNode, type GraphQLObjectType, getNamedType, isLeafType, isObjectType } from 'graphql';
import type { Prisma } from '../../generated/prisma/client.js';
import {
  assertReadable,
  type CompileContext,
  NotCompilable,
  type SelectedField,
  type Selection,
  subfields,
} from './compileContext.js';
import { jsonBuildObject, literal } from './render.js';

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
  return jsonBuildObject(
    selection.fields.map(
      (field) => [field.key, field.name === '__typename' ? literal(selection.typeName) : valueFor(field)] as const,
    ),
  );
}
