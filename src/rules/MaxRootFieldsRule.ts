import type { ASTVisitor, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';
import { limitError } from './limitError.js';

/**
 * Valid when every operation selects at most `maximum` root fields, counting those reached
 * through fragments on the root type; `__typename` is free.
 */
export function maxRootFieldsRule(maximum: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const count = rootFieldCount(context, operation.selectionSet, new Set());
      if (count > maximum) context.reportError(limitError('rootFields', maximum, count, [operation]));
    },
  });
}

function rootFieldCount(context: ValidationContext, selectionSet: SelectionSetNode, visiting: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field') {
      if (selection.name.value !== '__typename') count += 1;
    } else if (selection.kind === 'InlineFragment') {
      count += rootFieldCount(context, selection.selectionSet, visiting);
    } else {
      const fragment = context.getFragment(selection.name.value);
      if (!fragment || visiting.has(selection.name.value)) continue;
      visiting.add(selection.name.value);
      count += rootFieldCount(context, fragment.selectionSet, visiting);
      visiting.delete(selection.name.value);
    }
  }
  return count;
}
