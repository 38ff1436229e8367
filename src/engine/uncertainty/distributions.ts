// Resolution of distribution specs to native parameters (method of moments where given by mean and standard
// error), and their quantile functions (stdlib), used by one-way analysis (2.5/97.5 percentiles) and the copula.
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import gammaQuantile from '@stdlib/stats-base-dists-gamma-quantile';
import lognormalQuantile from '@stdlib/stats-base-dists-lognormal-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import triangularQuantile from '@stdlib/stats-base-dists-triangular-quantile';
import { parameterisationProblem } from './distribution-spec';
import type { DistributionSpec } from './distribution-spec';

export type ResolvedDistribution =
  | { type: 'beta'; alpha: number; beta: number }
  | { type: 'gamma'; shape: number; rate: number }
  | { type: 'lognormal'; meanlog: number; sdlog: number }
  | { type: 'normal'; mean: number; sd: number; lower: number; upper: number }
  | { type: 'uniform'; min: number; max: number }
  | { type: 'triangular'; min: number; mode: number; max: number }
  | { type: 'dirichlet'; group: string; alpha: number; alphaTotal: number }
  | { type: 'fixed'; value: number };

export interface ParameterDistribution {
  name: string;
  dist: DistributionSpec;
}

export interface ResolvedParameter {
  name: string;
  dist: ResolvedDistribution;
}

export class DistributionError extends Error {
  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message);
    this.name = 'DistributionError';
  }
}

type Fields = Record<string, number | undefined>;

function fail(parameter: string, message: string): never {
  throw new DistributionError(`Parameter "${parameter}": ${message}`, parameter);
}

function positive(parameter: string, what: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) fail(parameter, `${what} must be a finite number > 0 (got ${value}).`);
  return value;
}

function finite(parameter: string, what: string, value: number): number {
  if (!Number.isFinite(value)) fail(parameter, `${what} must be a finite number (got ${value}).`);
  return value;
}

function resolveBeta(name: string, f: Fields): ResolvedDistribution {
  if (f.alpha !== undefined) {
    return { type: 'beta', alpha: positive(name, 'beta alpha', f.alpha), beta: positive(name, 'beta beta', f.beta!) };
  }
  const mean = finite(name, 'beta mean', f.mean!);
  const se = positive(name, 'beta se', f.se!);
  if (!(mean > 0 && mean < 1)) fail(name, `beta mean must lie strictly between 0 and 1 (got ${mean}).`);
  const limit = mean * (1 - mean);
  if (se * se >= limit) {
    fail(name, `beta with mean ${mean} and se ${se} is impossible: se^2 = ${se * se} must be below mean(1 - mean) = ${limit}.`);
  }
  const common = limit / (se * se) - 1;
  return { type: 'beta', alpha: mean * common, beta: (1 - mean) * common };
}

function resolveGamma(name: string, f: Fields): ResolvedDistribution {
  if (f.shape !== undefined) {
    const shape = positive(name, 'gamma shape', f.shape);
    const rate = f.rate !== undefined ? positive(name, 'gamma rate', f.rate) : 1 / positive(name, 'gamma scale', f.scale!);
    return { type: 'gamma', shape, rate };
  }
  const mean = positive(name, 'gamma mean', f.mean!);
  const se = positive(name, 'gamma se', f.se!);
  return { type: 'gamma', shape: (mean * mean) / (se * se), rate: mean / (se * se) };
}

function resolveLognormal(name: string, f: Fields): ResolvedDistribution {
  if (f.meanlog !== undefined) {
    return {
      type: 'lognormal',
      meanlog: finite(name, 'lognormal meanlog', f.meanlog),
      sdlog: positive(name, 'lognormal sdlog', f.sdlog!),
    };
  }
  const mean = positive(name, 'lognormal mean', f.mean!);
  const se = positive(name, 'lognormal se', f.se!);
  const variance = Math.log1p((se * se) / (mean * mean));
  return { type: 'lognormal', meanlog: Math.log(mean) - variance / 2, sdlog: Math.sqrt(variance) };
}

function resolveNormal(name: string, f: Fields): ResolvedDistribution {
  const mean = finite(name, 'normal mean', f.mean!);
  const sd = positive(name, f.sd !== undefined ? 'normal sd' : 'normal se', f.sd ?? f.se!);
  const lower = f.lower === undefined ? -Infinity : finite(name, 'normal lower bound', f.lower);
  const upper = f.upper === undefined ? Infinity : finite(name, 'normal upper bound', f.upper);
  if (!(lower < upper)) fail(name, `normal truncation needs lower < upper (got ${lower} and ${upper}).`);
  const mass = truncatedMass(mean, sd, lower, upper);
  if (!(mass > 1e-12)) {
    fail(name, `normal(${mean}, ${sd}) has almost no probability (${mass}) between ${lower} and ${upper}.`);
  }
  return { type: 'normal', mean, sd, lower, upper };
}

function truncatedMass(mean: number, sd: number, lower: number, upper: number): number {
  const a = (lower - mean) / sd;
  const b = (upper - mean) / sd;
  // Work in the lower tail for accuracy when the window sits far in the upper tail.
  return a > 0 ? normalCdf(-a, 0, 1) - normalCdf(-b, 0, 1) : normalCdf(b, 0, 1) - normalCdf(a, 0, 1);
}

function resolveUniform(name: string, f: Fields): ResolvedDistribution {
  const min = finite(name, 'uniform min', f.min!);
  const max = finite(name, 'uniform max', f.max!);
  if (!(min < max)) fail(name, `uniform needs min < max (got ${min} and ${max}).`);
  return { type: 'uniform', min, max };
}

function resolveTriangular(name: string, f: Fields): ResolvedDistribution {
  const min = finite(name, 'triangular min', f.min!);
  const mode = finite(name, 'triangular mode', f.mode!);
  const max = finite(name, 'triangular max', f.max!);
  if (!(min < max && min <= mode && mode <= max)) {
    fail(name, `triangular needs min <= mode <= max and min < max (got ${min}, ${mode}, ${max}).`);
  }
  return { type: 'triangular', min, mode, max };
}

/** Native parameters of one parameter's distribution; a Dirichlet's alphaTotal is filled by resolveParameters. */
export function resolveDistribution(name: string, spec: DistributionSpec): ResolvedDistribution {
  const problem = parameterisationProblem(spec);
  if (problem !== null) fail(name, `${problem}.`);
  const f = spec as unknown as Fields;
  switch (spec.type) {
    case 'beta':
      return resolveBeta(name, f);
    case 'gamma':
      return resolveGamma(name, f);
    case 'lognormal':
      return resolveLognormal(name, f);
    case 'normal':
      return resolveNormal(name, f);
    case 'uniform':
      return resolveUniform(name, f);
    case 'triangular':
      return resolveTriangular(name, f);
    case 'dirichlet':
      return { type: 'dirichlet', group: spec.group, alpha: positive(name, 'dirichlet alpha', spec.alpha), alphaTotal: Number.NaN };
    case 'fixed':
      return { type: 'fixed', value: finite(name, 'fixed value', spec.value) };
  }
}

/** Resolves every parameter, checking names are unique and each Dirichlet group has at least two members. */
export function resolveParameters(params: readonly ParameterDistribution[]): ResolvedParameter[] {
  const seen = new Set<string>();
  const resolved = params.map(({ name, dist }) => {
    if (typeof name !== 'string' || name.length === 0) throw new DistributionError('A parameter has no name.', '');
    if (seen.has(name)) fail(name, 'the name appears more than once.');
    seen.add(name);
    return { name, dist: resolveDistribution(name, dist) };
  });
  const totals = new Map<string, { total: number; members: string[] }>();
  for (const { name, dist } of resolved) {
    if (dist.type !== 'dirichlet') continue;
    const group = totals.get(dist.group) ?? { total: 0, members: [] };
    group.total += dist.alpha;
    group.members.push(name);
    totals.set(dist.group, group);
  }
  for (const [group, { members }] of totals) {
    if (members.length < 2) fail(members[0]!, `Dirichlet group "${group}" needs at least two parameters.`);
  }
  for (const { dist } of resolved) {
    if (dist.type === 'dirichlet') dist.alphaTotal = totals.get(dist.group)!.total;
  }
  return resolved;
}

function truncatedNormalQuantile(d: { mean: number; sd: number; lower: number; upper: number }, p: number): number {
  const a = (d.lower - d.mean) / d.sd;
  const b = (d.upper - d.mean) / d.sd;
  if (a === -Infinity && b === Infinity) return normalQuantile(p, d.mean, d.sd);
  if (a > 0) {
    // Mirror into the lower tail so far-right windows keep their precision.
    const lo = normalCdf(-b, 0, 1);
    const hi = normalCdf(-a, 0, 1);
    return d.mean - d.sd * normalQuantile(hi - p * (hi - lo), 0, 1);
  }
  const lo = normalCdf(a, 0, 1);
  const hi = normalCdf(b, 0, 1);
  const z = normalQuantile(lo + p * (hi - lo), 0, 1);
  return d.mean + d.sd * Math.min(Math.max(z, a), b);
}

/** Quantile function; p in [0, 1]. A Dirichlet category's marginal is Beta(alpha, alphaTotal - alpha). */
export function distributionQuantile(dist: ResolvedDistribution, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Quantile probability must lie in [0, 1] (got ${p}).`);
  switch (dist.type) {
    case 'beta':
      return betaQuantile(p, dist.alpha, dist.beta);
    case 'gamma':
      return gammaQuantile(p, dist.shape, dist.rate);
    case 'lognormal':
      return lognormalQuantile(p, dist.meanlog, dist.sdlog);
    case 'normal':
      return truncatedNormalQuantile(dist, p);
    case 'uniform':
      return dist.min + p * (dist.max - dist.min);
    case 'triangular':
      return triangularQuantile(p, dist.min, dist.max, dist.mode);
    case 'dirichlet':
      if (!(dist.alphaTotal > dist.alpha)) {
        throw new RangeError(`Dirichlet group "${dist.group}" must be resolved with all its members first.`);
      }
      return betaQuantile(p, dist.alpha, dist.alphaTotal - dist.alpha);
    case 'fixed':
      return dist.value;
  }
}

/** Mean of the distribution (closed form; truncated normal by the standard formula). */
export function distributionMean(dist: ResolvedDistribution): number {
  switch (dist.type) {
    case 'beta':
      return dist.alpha / (dist.alpha + dist.beta);
    case 'gamma':
      return dist.shape / dist.rate;
    case 'lognormal':
      return Math.exp(dist.meanlog + (dist.sdlog * dist.sdlog) / 2);
    case 'normal':
      return truncatedNormalMean(dist);
    case 'uniform':
      return (dist.min + dist.max) / 2;
    case 'triangular':
      return (dist.min + dist.mode + dist.max) / 3;
    case 'dirichlet':
      return dist.alpha / dist.alphaTotal;
    case 'fixed':
      return dist.value;
  }
}

function standardNormalDensity(z: number): number {
  return Number.isFinite(z) ? Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) : 0;
}

function truncatedNormalMean(d: { mean: number; sd: number; lower: number; upper: number }): number {
  const a = (d.lower - d.mean) / d.sd;
  const b = (d.upper - d.mean) / d.sd;
  return d.mean + (d.sd * (standardNormalDensity(a) - standardNormalDensity(b))) / truncatedMass(d.mean, d.sd, d.lower, d.upper);
}

/** Variance (closed form) for the untruncated types; used by tests and summaries. */
export function distributionVariance(dist: ResolvedDistribution): number {
  switch (dist.type) {
    case 'beta': {
      const s = dist.alpha + dist.beta;
      return (dist.alpha * dist.beta) / (s * s * (s + 1));
    }
    case 'gamma':
      return dist.shape / (dist.rate * dist.rate);
    case 'lognormal': {
      const s2 = dist.sdlog * dist.sdlog;
      return Math.expm1(s2) * Math.exp(2 * dist.meanlog + s2);
    }
    case 'normal': {
      const a = (dist.lower - dist.mean) / dist.sd;
      const b = (dist.upper - dist.mean) / dist.sd;
      const z = truncatedMass(dist.mean, dist.sd, dist.lower, dist.upper);
      const fa = standardNormalDensity(a);
      const fb = standardNormalDensity(b);
      const afa = Number.isFinite(a) ? a * fa : 0;
      const bfb = Number.isFinite(b) ? b * fb : 0;
      return dist.sd * dist.sd * (1 + (afa - bfb) / z - ((fa - fb) / z) ** 2);
    }
    case 'uniform':
      return (dist.max - dist.min) ** 2 / 12;
    case 'triangular': {
      const { min: a, mode: c, max: b } = dist;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'dirichlet': {
      const p = dist.alpha / dist.alphaTotal;
      return (p * (1 - p)) / (dist.alphaTotal + 1);
    }
    case 'fixed':
      return 0;
  }
}

/** Low and high values for one-way analysis: the (1 - level)/2 and (1 + level)/2 quantiles (2.5th/97.5th). */
export function percentileRange(dist: ResolvedDistribution, level = 0.95): { low: number; high: number } {
  if (!(level > 0 && level < 1)) throw new RangeError(`Interval level must lie strictly between 0 and 1 (got ${level}).`);
  return { low: distributionQuantile(dist, (1 - level) / 2), high: distributionQuantile(dist, (1 + level) / 2) };
}
