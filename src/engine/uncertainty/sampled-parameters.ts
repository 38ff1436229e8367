// Which parameters a PSA draws, read from the model alone (no compilation), so validation and the one-way setup
// can ask without loading the PSA runner.
import type { HtaModel } from '../model/schema';
import type { ParameterDistribution } from './distributions';

/** Parameters with a distribution of their own, in file order. */
export function sampledParameters(model: HtaModel): ParameterDistribution[] {
  return model.parameters.flatMap((p) => (p.uncertainty?.distribution ? [{ name: p.id, dist: p.uncertainty.distribution }] : []));
}

/** Names of every parameter drawn in a PSA: those with a distribution, then the members of joint distributions. */
export function sampledParameterNames(model: HtaModel): string[] {
  return [...sampledParameters(model).map((d) => d.name), ...model.jointDistributions.flatMap((j) => j.parameters)];
}

/** How many inputs a PSA varies: parameters with a distribution that is not fixed, and joint distributions' members. */
export function sampledInputCount(model: HtaModel): number {
  const fixed = new Set(sampledParameters(model).filter((d) => d.dist.type === 'fixed').map((d) => d.name));
  return new Set(sampledParameterNames(model).filter((id) => !fixed.has(id))).size;
}
