import type { ASTVisitor, ValidationContext, ValidationRule } from 'graphql';
import { limitError } from './limitError.js';

/**
 * Valid when the whole document holds at most `maximum` aliased fields. Aliases are how one
 * request asks for the same expensive field hundreds of times, so they are counted as written.
 */
export function maxAliasesRule(maximum: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Document: {
        leave(document) {
          if (aliases > maximum) context.reportError(limitError('aliases', maximum, aliases, [document]));
        },
      },
    };
  };
}
