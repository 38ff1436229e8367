// Entry points: parse a model file, compile it once, evaluate it many times.
import { checkModelSchema } from './model/schema-check';
import type { HtaModel } from './model/schema';
import { ModelCompileError } from './errors';
import type { ModelIssue } from './errors';
import type { CompiledModel, CompileOptions } from './compiled-model';
import { compileMarkovModel } from './markov/compile-markov';
import { compilePsmModel } from './psm/compile-psm';
import { compileTreeModel } from './tree/compile-tree';
import { structuralIssues } from './model/structure-checks';

/** Compiler of one model type; later types (psm, tree, hybrid) register here. */
export type ModelTypeCompiler = (model: HtaModel, options: CompileOptions, issues: ModelIssue[]) => CompiledModel | null;

const compilers = new Map<string, ModelTypeCompiler>([
  ['markov', compileMarkovModel],
  ['psm', compilePsmModel],
  ['tree', compileTreeModel],
]);

/** Lets a later model type plug in without touching this file's callers. */
export function registerModelType(type: string, compiler: ModelTypeCompiler): void {
  if (compilers.has(type)) throw new Error(`model type ${type} is already registered`);
  compilers.set(type, compiler);
}

/** Compiles and returns every problem found (errors and warnings); `compiled` is null when there are errors. */
export function compileModelCollecting(model: HtaModel, options: CompileOptions = {}): { compiled: CompiledModel | null; issues: ModelIssue[] } {
  const issues: ModelIssue[] = structuralIssues(model);
  const compiler = compilers.get(model.model.type);
  if (!compiler) {
    issues.push({ code: 'unknown-model-type', severity: 'error', path: ['model', 'type'], message: `no engine for model type '${model.model.type}'` });
    return { compiled: null, issues };
  }
  const compiled = compiler(model, options, issues);
  return { compiled: issues.some((i) => i.severity === 'error') ? null : compiled, issues };
}

/** Compiles a parsed model; throws ModelCompileError listing every error. */
export function compileModel(model: HtaModel, options: CompileOptions = {}): CompiledModel {
  const { compiled, issues } = compileModelCollecting(model, options);
  if (!compiled) throw new ModelCompileError(issues.filter((i) => i.severity === 'error'));
  return compiled;
}

/** Checks the file against the schema and fills defaults; throws ModelCompileError on schema errors. */
export function parseModel(json: unknown): HtaModel {
  const { model, issues } = checkModelSchema(json);
  if (!model) throw new ModelCompileError(issues);
  return model;
}
