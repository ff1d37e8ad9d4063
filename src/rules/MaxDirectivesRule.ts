import type { ASTVisitor, ValidationContext, ValidationRule } from 'graphql';
import { limitError } from './limitError.js';

/**
 * Valid when the document holds at most `maximum` directives in all. A flood of `@skip`/`@include`
 * costs the server a visit each before any limit on fields can see it.
 */
export function maxDirectivesRule(maximum: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let directives = 0;
    return {
      Directive() {
        directives += 1;
      },
      Document: {
        leave(document) {
          if (directives > maximum) context.reportError(limitError('directives', maximum, directives, [document]));
        },
      },
    };
  };
}
