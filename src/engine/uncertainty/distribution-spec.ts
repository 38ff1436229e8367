// Probability distributions of model parameters, as written in the model file. Each type can be given natively
// or by mean and standard error (method of moments); exactly one complete parameterisation is allowed, which
// `parameterisationProblem` checks for both the zod schema and the resolver.

export interface BetaSpec {
  type: 'beta';
  alpha?: number;
  beta?: number;
  mean?: number;
  se?: number;
}
export interface GammaSpec {
  type: 'gamma';
  shape?: number;
  scale?: number;
  rate?: number;
  mean?: number;
  se?: number;
}
export interface LognormalSpec {
  type: 'lognormal';
  /** Mean and standard deviation of log(X). */
  meanlog?: number;
  sdlog?: number;
  /** Mean and standard error of X itself. */
  mean?: number;
  se?: number;
}
export interface NormalSpec {
  type: 'normal';
  mean: number;
  /** Standard deviation; `se` is accepted as a synonym (a parameter's uncertainty is its standard error). */
  sd?: number;
  se?: number;
  /** Optional truncation bounds (sampling by inverse CDF within them). */
  lower?: number;
  upper?: number;
}
export interface UniformSpec {
  type: 'uniform';
  min: number;
  max: number;
}
export interface TriangularSpec {
  type: 'triangular';
  min: number;
  mode: number;
  max: number;
}
/** One category of a Dirichlet: parameters sharing `group` are drawn jointly and sum to 1. */
export interface DirichletSpec {
  type: 'dirichlet';
  group: string;
  alpha: number;
}
export interface FixedSpec {
  type: 'fixed';
  value: number;
}

export type DistributionSpec =
  | BetaSpec
  | GammaSpec
  | LognormalSpec
  | NormalSpec
  | UniformSpec
  | TriangularSpec
  | DirichletSpec
  | FixedSpec;

export type DistributionType = DistributionSpec['type'];

const parameterisations: Record<DistributionType, string[][]> = {
  beta: [
    ['alpha', 'beta'],
    ['mean', 'se'],
  ],
  gamma: [
    ['shape', 'scale'],
    ['shape', 'rate'],
    ['mean', 'se'],
  ],
  lognormal: [
    ['meanlog', 'sdlog'],
    ['mean', 'se'],
  ],
  normal: [
    ['mean', 'sd'],
    ['mean', 'se'],
  ],
  uniform: [['min', 'max']],
  triangular: [['min', 'mode', 'max']],
  dirichlet: [['group', 'alpha']],
  fixed: [['value']],
};

const optionalFields: Partial<Record<DistributionType, string[]>> = { normal: ['lower', 'upper'] };

function describeParameterisations(type: DistributionType): string {
  return parameterisations[type].map((fields) => fields.join(' + ')).join(', or ');
}

/** Why the spec's fields are not exactly one complete parameterisation of its type, or null when they are. */
export function parameterisationProblem(spec: DistributionSpec): string | null {
  const options = parameterisations[spec.type];
  if (options === undefined) return `unknown distribution type "${String(spec.type)}"`;
  const given = Object.keys(spec).filter(
    (key) => key !== 'type' && !(optionalFields[spec.type] ?? []).includes(key) && spec[key as keyof typeof spec] !== undefined,
  );
  const matches = options.filter(
    (fields) => fields.length === given.length && fields.every((field) => given.includes(field)),
  );
  if (matches.length === 1) return null;
  return `${spec.type} needs exactly ${describeParameterisations(spec.type)} (got ${given.length ? given.join(', ') : 'nothing'})`;
}
