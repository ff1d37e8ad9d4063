import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** How list sizes are guessed when a query does not give them. */
export interface CostOptions {
  /** Size assumed for a field that takes `first` when neither `first` nor `last` is given. */
  defaultListSize: number;
  /**
   * The largest page a field accepts (given its parent type, name and named return type), if it
   * has one: a larger `first`/`last` is counted at this size and left to the field to refuse by
   * name. Without it, pages count at the size asked.
   */
  pageSizeLimit?: (typeName: string, fieldName: string, returnType: string) => number | undefined;
}

/**
 * The cost of one operation: every object field costs 1, times the page size of each paginated
 * field above it (`first`/`last`, the length of `ids`, or `defaultListSize` for a field taking
 * `first` without one), a page counted at most at the field's `pageSizeLimit`. Scalars,
 * `__typename` and introspection cost nothing. Sizes come from
 * literals or the request's variables, so the cost is computed per request, not per document.
 * A document validation would reject may give a meaningless cost; compute it after validation.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  options: CostOptions,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const variableValues: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    variableValues[name] = variables?.[name] ?? literalValue(definition.defaultValue, {});
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;

  const selectionCost = (
    parent: GraphQLCompositeType,
    selectionSet: SelectionSetNode,
    visiting: Set<string>,
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(parent, selection, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (typed && isCompositeType(typed)) total += selectionCost(typed, selection.selectionSet, visiting);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visiting.has(fragment.name.value)) continue;
        const typed = schema.getType(fragment.typeCondition.name.value);
        if (!typed || !isCompositeType(typed)) continue;
        visiting.add(fragment.name.value);
        total += selectionCost(typed, fragment.selectionSet, visiting);
        visiting.delete(fragment.name.value);
      }
    }
    return total;
  };

  const fieldCost = (parent: GraphQLCompositeType, field: FieldNode, visiting: Set<string>): number => {
    if (field.name.value.startsWith('__') || !field.selectionSet) return 0;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const definition = parent.getFields()[field.name.value];
    if (!definition) return 0;
    const type = getNamedType(definition.type);
    if (!isCompositeType(type)) return 0;
    const limit = options.pageSizeLimit?.(parent.name, definition.name, type.name);
    const size = listSize(definition, field, variableValues, options);
    return 1 + (limit === undefined ? size : Math.min(size, limit)) * selectionCost(type, field.selectionSet, visiting);
  };

  return selectionCost(root, operation.selectionSet, new Set());
}

/** The page size a paginated field was asked for, else 1 for a field that is not paginated. */
function listSize(
  definition: GraphQLField<unknown, unknown>,
  field: FieldNode,
  variables: Record<string, unknown>,
  options: CostOptions,
): number {
  const argument = (name: string) => {
    const node = field.arguments?.find((candidate) => candidate.name.value === name);
    return node ? literalValue(node.value, variables) : undefined;
  };
  for (const name of ['first', 'last']) {
    const value = argument(name);
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.trunc(value));
  }
  const ids = argument('ids');
  if (Array.isArray(ids)) return ids.length;
  return definition.args.some((candidate) => candidate.name === 'first') ? options.defaultListSize : 1;
}

/** A literal's value (numbers and lists are all the cost needs), looking variables up. */
function literalValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map((value) => literalValue(value, variables));
    default:
      return undefined;
  }
}
