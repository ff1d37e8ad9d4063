export { type CompilerSetup, NotCompilable } from './compileContext.js';
export { type CompiledOperation, compileOperation } from './compileOperation.js';
export { type CompiledData, compiledDataText, JsonText, runCompiled } from './runCompiled.js';
export { type FieldPlan, fallbackFields, planField } from './compileSelection.js';
