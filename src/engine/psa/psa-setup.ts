// What a probabilistic run needs from a model file, built the same way in the CLI, a Node worker thread and a Web
// Worker: the model compiled once (sampled expression parameters treated as inputs), the chunk-deterministic
// sampler of every parameter with a distribution, and the parameter slot each sampled column is written to.
import { compileModel } from '../compile-model';
import type { CompiledModel } from '../compiled-model';
import type { HtaModel } from '../model/schema';
import { createParameterSampler } from '../uncertainty/sampler';
import type { ParameterSampler } from '../uncertainty/sampler';
import type { ParameterDistribution } from '../uncertainty/distributions';
import type { CorrelationSpec } from '../uncertainty/copula';

export interface PsaSetup {
  compiled: CompiledModel;
  sampler: ParameterSampler;
  /** Parameter slot of each sampled column (sampler.names order). */
  slots: Int32Array;
  /** Base-case parameter values (the array every draw starts from). */
  base: Float64Array;
  strategyIds: readonly string[];
  strategyLabels: readonly string[];
  /** Distribution type of each sampled column (sampler.names order), to blame a failed draw on its distribution. */
  distributionTypes: readonly string[];
}

/** Parameters that have a PSA distribution, in model-file order. */
export function sampledParameters(model: HtaModel): ParameterDistribution[] {
  return model.parameters.flatMap((p) => (p.uncertainty?.distribution ? [{ name: p.id, dist: p.uncertainty.distribution }] : []));
}

/** Builds the setup; throws ModelCompileError, DistributionError or CorrelationError (each names the culprit). */
export function createPsaSetup(model: HtaModel, seed: number): PsaSetup {
  const distributions = sampledParameters(model);
  // Expression parameters with a distribution (e.g. Dirichlet probabilities written as count ratios) are sampled
  // directly, so they become inputs of the compiled model.
  const expressionIds = new Set(model.parameters.filter((p) => p.expression !== undefined).map((p) => p.id));
  const inputs = distributions.map((d) => d.name).filter((id) => expressionIds.has(id));
  const compiled = compileModel(model, { inputs });
  const sampler = createParameterSampler(distributions, model.correlations as CorrelationSpec[], seed);
  const slots = Int32Array.from(sampler.names.map((name) => compiled.parameterIndex.get(name)!));
  return {
    compiled,
    sampler,
    slots,
    base: compiled.baseParameters(),
    strategyIds: compiled.strategyIds,
    strategyLabels: compiled.strategyLabels,
    distributionTypes: sampler.names.map((name) => distributions.find((d) => d.name === name)?.dist.type ?? 'unknown'),
  };
}
