export {
  type CompilerSetup,
  NotCompilable,
  type RootCompiler,
  type RootFieldRequest,
  type SelectedField,
  type Selection,
} from './compileContext.js';
export { type CompiledOperation, compileOperation } from './compileOperation.js';
export { type CompiledData, compiledDataText, JsonText, runCompiled } from './runCompiled.js';
export { type FieldPlan, fallbackFields, planField } from './compileSelection.js';
export { jsonObjectSql } from './rootCompilers.js';
