// The compiled model and base-case result of each model object validateModel found valid, so the caller that runs
// that model next (`hta run`, `hta psa`) need not compile and evaluate it again. A small module of its own: a PSA
// worker reads it without loading the validation code.
import type { CompiledModel, ModelResult } from '../compiled-model';
import type { HtaModel } from './schema';

export interface CheckedModel {
  /** The model compiled with default options (as compileModel(model) compiles it). */
  compiled: CompiledModel;
  /** Its base-case result (a full result, as compiled.evaluate(compiled.baseParameters()) gives). */
  baseResult: ModelResult;
}

/** Filled by validateModel only, for the parsed model object it returns, with the model's JSON text as checked. */
const checkedModels = new WeakMap<HtaModel, CheckedModel & { text: string }>();

export function keepCheckedModel(model: HtaModel, checked: CheckedModel): void {
  checkedModels.set(model, { ...checked, text: JSON.stringify(model) });
}

export function forgetCheckedModel(model: HtaModel): void {
  checkedModels.delete(model);
}

/**
 * What validateModel compiled and ran for the model object it returned as valid; a copy has none. Edits make
 * copies, but a model changed in place since its check would be run stale and quietly wrong, so the entry counts
 * only while the model's JSON text is still the one checked (~0.3 ms for the largest bundled example).
 */
export function checkedModelOf(model: HtaModel): CheckedModel | undefined {
  const entry = checkedModels.get(model);
  return entry && entry.text === JSON.stringify(model) ? entry : undefined;
}
