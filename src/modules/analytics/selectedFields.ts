import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Names of the fields selected under `path` (e.g. ['groups']) of the current field, fragments
 * and inline fragments included. Resolvers pass them on, so a service computes only the
 * measures asked for (a distinct count forces a sort that the others avoid).
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): string[] {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, depth: number) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        if (depth === path.length) names.add(selection.name.value);
        else if (selection.name.value === path[depth]) visit(selection.selectionSet, depth + 1);
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet, depth);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet, depth);
      }
    }
  };
  for (const node of info.fieldNodes as readonly FieldNode[]) visit(node.selectionSet, 0);
  return [...names];
}
