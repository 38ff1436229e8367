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

/** Filled by validateModel only, for the parsed model object it returns. */
export const checkedModels = new WeakMap<HtaModel, CheckedModel>();

/**
 * What validateModel compiled and ran for the model object it returned as valid. Parsed models are never changed
 * in place (edits make copies), so an entry stays true to its object; a copy has none.
 */
export function checkedModelOf(model: HtaModel): CheckedModel | undefined {
  return checkedModels.get(model);
}
