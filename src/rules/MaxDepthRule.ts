import type { ASTVisitor, FragmentDefinitionNode, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';
import { limitError } from './limitError.js';

/**
 * Valid when no operation nests fields deeper than `maximum` (a root field is depth 1), counting
 * through fragments. Introspection fields are left to graphql-js's own MaxIntrospectionDepthRule.
 */
export function maxDepthRule(maximum: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = selectionDepth(context, operation.selectionSet, new Set());
      if (depth > maximum) context.reportError(limitError('depth', maximum, depth, [operation]));
    },
  });
}

function selectionDepth(context: ValidationContext, selectionSet: SelectionSetNode, visiting: Set<string>): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field') {
      if (selection.name.value.startsWith('__')) continue;
      const below = selection.selectionSet ? selectionDepth(context, selection.selectionSet, visiting) : 0;
      deepest = Math.max(deepest, 1 + below);
    } else if (selection.kind === 'InlineFragment') {
      deepest = Math.max(deepest, selectionDepth(context, selection.selectionSet, visiting));
    } else {
      const name = selection.name.value;
      const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(name);
      // A cycle is NoFragmentCyclesRule's error; here it must only not loop forever.
      if (!fragment || visiting.has(name)) continue;
      visiting.add(name);
      deepest = Math.max(deepest, selectionDepth(context, fragment.selectionSet, visiting));
      visiting.delete(name);
    }
  }
  return deepest;
}
