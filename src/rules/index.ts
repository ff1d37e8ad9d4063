export { limitError, type LimitName } from './limitError.js';
export { maxAliasesRule } from './MaxAliasesRule.js';
export { maxDepthRule } from './MaxDepthRule.js';
export { maxDirectivesRule } from './MaxDirectivesRule.js';
export { maxRootFieldsRule } from './MaxRootFieldsRule.js';
export { operationCost, type CostOptions } from './operationCost.js';
export { inputLiteralsRule } from './InputLiteralsRule.js';
export {
  argumentPath,
  inputBudget,
  inputLimits,
  inputValueProblem,
  nulMessage,
  type InputProblem,
} from './inputValues.js';
