// What a probabilistic run needs from a model file, built the same way in the CLI, a Node worker thread and a Web
// Worker: the model compiled once (sampled expression parameters treated as inputs), the chunk-deterministic
// sampler of every parameter with a distribution, and the parameter slot each sampled column is written to.
import { compileModel } from '../compile-model';
import type { CompiledModel } from '../compiled-model';
import type { HtaModel } from '../model/schema';
import { checkedModelOf } from '../model/checked-models';
import { createParameterSampler } from '../uncertainty/sampler';
import type { ParameterSampler } from '../uncertainty/sampler';
import { sampledParameterNames, sampledParameters } from '../uncertainty/sampled-parameters';
import type { CorrelationSpec } from '../uncertainty/copula';
import { JointDistributionError, jointLabel } from '../uncertainty/joint-distribution';

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

/**
 * Builds the setup; throws ModelCompileError, DistributionError, CorrelationError or JointDistributionError (each
 * names the culprit).
 */
export function createPsaSetup(model: HtaModel, seed: number): PsaSetup {
  const distributions = sampledParameters(model);
  // Expression parameters with a distribution (e.g. Dirichlet probabilities written as count ratios) are sampled
  // directly, so they become inputs of the compiled model.
  const expressionIds = new Set(model.parameters.filter((p) => p.expression !== undefined).map((p) => p.id));
  const inputs = sampledParameterNames(model).filter((id) => expressionIds.has(id));
  const known = new Set(model.parameters.map((p) => p.id));
  model.jointDistributions.forEach((joint, index) =>
    joint.parameters.forEach((name, k) => {
      if (!known.has(name)) throw new JointDistributionError(`${jointLabel(joint, index)}: "${name}" is not a parameter of the model.`, jointLabel(joint, index), ['parameters', k]);
    }),
  );
  // Without sampled expression parameters the PSA's compiled model is the one a validation of this object made.
  const compiled = (inputs.length === 0 ? checkedModelOf(model)?.compiled : undefined) ?? compileModel(model, { inputs });
  const sampler = createParameterSampler(distributions, model.correlations as CorrelationSpec[], seed, model.jointDistributions);
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
