// Joint PSA distributions over a group of parameters, declared once at model level (like a correlation matrix)
// rather than per parameter. The one kind so far is the multivariate normal on a chosen scale per parameter:
// z ~ N(mean, covariance), parameter k = z_k (identity), exp(z_k) (log) or expit(z_k) (logit). So a bivariate normal
// on (logit sensitivity, logit specificity) from a test-accuracy meta-analysis is scale ["logit", "logit"], and a
// survival fit's (log shape, log scale) estimates with their covariance are scale ["log", "log"].
// Draws: z = mean + L e, L the Cholesky factor of the covariance, e independent standard normals.
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { cholesky } from '../numeric/linear-algebra';
import { expit } from '../numeric/logistic';

export const jointScales = ['identity', 'log', 'logit'] as const;
export type JointScale = (typeof jointScales)[number];

export interface MultivariateNormalSpec {
  type: 'multivariate-normal';
  /** Shown in messages, e.g. "plasma NGS accuracy". */
  name?: string;
  parameters: string[];
  /** Scale on which each parameter is normal (default identity for all). */
  scale?: JointScale[];
  mean: number[];
  /** Symmetric positive definite, rows and columns in the order of `parameters`. */
  covariance: number[][];
  /** Where the distribution comes from (e.g. a meta-analysis: studies, method, date). */
  source?: string;
}

export type JointDistributionSpec = MultivariateNormalSpec;

export class JointDistributionError extends Error {
  constructor(
    message: string,
    readonly label: string,
    readonly path: (string | number)[],
  ) {
    super(message);
    this.name = 'JointDistributionError';
  }
}

export interface JointProblem {
  /** Path inside the spec, e.g. ["covariance", 1, 0]. */
  path: (string | number)[];
  message: string;
}

const SYMMETRY_TOLERANCE = 1e-9;

export function jointLabel(spec: JointDistributionSpec, index: number): string {
  return spec.name ?? `joint distribution ${index + 1}`;
}

/** Problems with the numbers of a spec (not with the parameter names, which need the model). */
export function jointSpecProblems(spec: JointDistributionSpec): JointProblem[] {
  const n = spec.parameters.length;
  const problems: JointProblem[] = [];
  if (n < 2) problems.push({ path: ['parameters'], message: 'needs at least two parameters' });
  spec.parameters.forEach((p, i) => {
    if (spec.parameters.indexOf(p) !== i) problems.push({ path: ['parameters', i], message: `parameter "${p}" is listed twice` });
  });
  if (spec.mean.length !== n) problems.push({ path: ['mean'], message: `mean needs ${n} values, one per parameter (got ${spec.mean.length})` });
  if (spec.scale !== undefined && spec.scale.length !== n) problems.push({ path: ['scale'], message: `scale needs ${n} entries, one per parameter (got ${spec.scale.length})` });
  if (spec.covariance.length !== n || spec.covariance.some((row) => row.length !== n)) {
    problems.push({ path: ['covariance'], message: `covariance must be a ${n} x ${n} matrix` });
    return problems;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const a = spec.covariance[i]![j]!;
      const b = spec.covariance[j]![i]!;
      if (Math.abs(a - b) > SYMMETRY_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b))) {
        problems.push({ path: ['covariance', i, j], message: `covariance is not symmetric: [${i + 1}, ${j + 1}] = ${a} but [${j + 1}, ${i + 1}] = ${b}` });
      }
    }
  }
  if (problems.length === 0 && !cholesky(spec.covariance.flat(), n)) {
    problems.push({ path: ['covariance'], message: 'covariance is not positive definite (variances must be > 0 and correlations strictly between -1 and 1)' });
  }
  return problems;
}

export interface PreparedJoint {
  label: string;
  parameters: readonly string[];
  mean: Float64Array;
  /** Cholesky factor of the covariance, row-major. */
  lower: Float64Array;
  scales: readonly JointScale[];
}

/** Checks a spec and returns what the sampler draws from; throws JointDistributionError naming the problem. */
export function prepareJoint(spec: JointDistributionSpec, index: number): PreparedJoint {
  const label = jointLabel(spec, index);
  const problems = jointSpecProblems(spec);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new JointDistributionError(`${label} (${spec.parameters.join(', ')}): ${first.message}.`, label, first.path);
  }
  const n = spec.parameters.length;
  return {
    label,
    parameters: spec.parameters,
    mean: Float64Array.from(spec.mean),
    lower: cholesky(spec.covariance.flat(), n)!,
    scales: spec.scale ?? spec.parameters.map(() => 'identity'),
  };
}

export function fromJointScale(scale: JointScale, z: number): number {
  return scale === 'log' ? Math.exp(z) : scale === 'logit' ? expit(z) : z;
}

/** Quantile of parameter k's marginal (normal on its scale, so the transform of a normal quantile). */
export function jointMarginalQuantile(spec: JointDistributionSpec, k: number, p: number): number {
  const sd = Math.sqrt(spec.covariance[k]![k]!);
  return fromJointScale(spec.scale?.[k] ?? 'identity', normalQuantile(p, spec.mean[k]!, sd));
}

/** Where a parameter sits in the model's joint distributions: which one (index), and its position k in it. */
export interface JointMembership {
  spec: JointDistributionSpec;
  index: number;
  k: number;
}

export function jointMemberships(joints: readonly JointDistributionSpec[]): Map<string, JointMembership> {
  const out = new Map<string, JointMembership>();
  joints.forEach((spec, index) => spec.parameters.forEach((name, k) => out.set(name, { spec, index, k })));
  return out;
}

/** The value a joint marginal is centred on: the transform of its normal mean (the median on a log or logit scale). */
export function jointMarginalCentre(spec: JointDistributionSpec, k: number): number {
  return fromJointScale(spec.scale?.[k] ?? 'identity', spec.mean[k]!);
}
