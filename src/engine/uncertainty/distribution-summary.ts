// What the parameter table and the distribution editor show about a PSA distribution: its mean, standard
// deviation, 95% interval, support and a density curve for a small preview; and re-centring a distribution on a
// new mean while keeping its relative standard error (the one-click fix when a base value is edited).
import { parameterisationProblem } from './distribution-spec';
import type { DistributionSpec } from './distribution-spec';
import { DistributionError, distributionMean, distributionQuantile, distributionVariance, percentileRange, resolveDistribution } from './distributions';
import type { ResolvedDistribution } from './distributions';

export interface DistributionSummary {
  mean: number;
  sd: number;
  /** 2.5th and 97.5th percentiles. */
  low95: number;
  high95: number;
  /** Values the distribution can take (closed or open at the ends as the type says). */
  support: { min: number; max: number };
  /** Points of the density curve from the 0.5th to the 99.5th percentile (empty for a fixed value). */
  density: { x: number; y: number }[];
}

export type DistributionSummaryResult = { ok: true; summary: DistributionSummary } | { ok: false; message: string };

/** Where the values of a resolved distribution lie. */
export function distributionSupport(dist: ResolvedDistribution): { min: number; max: number } {
  switch (dist.type) {
    case 'beta':
    case 'dirichlet':
      return { min: 0, max: 1 };
    case 'gamma':
    case 'lognormal':
      return { min: 0, max: Infinity };
    case 'normal':
      return { min: dist.lower, max: dist.upper };
    case 'uniform':
    case 'triangular':
      return { min: dist.min, max: dist.max };
    case 'fixed':
      return { min: dist.value, max: dist.value };
  }
}

/**
 * Density from the quantile function: between two close quantiles x(p) and x(p + dp) the density is dp / dx. This
 * needs no density formula per type, and the same quantiles drive the one-way range and the copula.
 */
export function densityCurve(dist: ResolvedDistribution, points = 60): { x: number; y: number }[] {
  if (dist.type === 'fixed') return [];
  const lo = 0.005;
  const hi = 0.995;
  const step = (hi - lo) / points;
  const out: { x: number; y: number }[] = [];
  let prev = distributionQuantile(dist, lo);
  for (let i = 1; i <= points; i++) {
    const x = distributionQuantile(dist, lo + i * step);
    const dx = x - prev;
    if (dx > 0 && Number.isFinite(dx)) out.push({ x: (x + prev) / 2, y: step / dx });
    prev = x;
  }
  return out;
}

/**
 * The summary of a distribution as written in a model file, or why it is not a valid distribution. Without
 * `density` the curve is left empty (it costs 60 quantile evaluations).
 */
export function summariseDistribution(spec: DistributionSpec, parameter = 'parameter', options: { density?: boolean } = {}): DistributionSummaryResult {
  if (spec.type === 'dirichlet') return { ok: false, message: 'a Dirichlet category is summarised with its whole group' };
  let dist: ResolvedDistribution;
  try {
    dist = resolveDistribution(parameter, spec);
  } catch (e) {
    if (e instanceof DistributionError) return { ok: false, message: e.message.replace(/^Parameter "[^"]*": /, '') };
    throw e;
  }
  const { low, high } = percentileRange(dist);
  return {
    ok: true,
    summary: {
      mean: distributionMean(dist),
      sd: Math.sqrt(distributionVariance(dist)),
      low95: low,
      high95: high,
      support: distributionSupport(dist),
      density: options.density === false ? [] : densityCurve(dist),
    },
  };
}

export type RecentreResult = { ok: true; spec: DistributionSpec } | { ok: false; message: string };

/** Derived numbers are written with 8 significant digits: exact enough, and readable in the model file. */
function tidy(value: number): number {
  return Number(value.toPrecision(8));
}

function scaled(value: number | undefined, factor: number): number | undefined {
  return value === undefined ? undefined : tidy(value * factor);
}

function withoutUndefined<T extends object>(spec: T): T {
  return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The same distribution moved to mean `to`, with its relative standard error (SE / mean) kept, in the same
 * parameterisation as written. Location families without a scale tied to the mean (normal with mean 0, uniform or
 * triangular around 0) are shifted instead. Returns why not when the result would be impossible (e.g. a beta whose
 * SE no longer fits, a gamma with a mean of 0 or below) or the type has no single mean to move (Dirichlet).
 */
export function recentreDistribution(spec: DistributionSpec, to: number, parameter = 'parameter'): RecentreResult {
  if (!Number.isFinite(to)) return { ok: false, message: `${to} is not a finite number` };
  if (spec.type === 'dirichlet') return { ok: false, message: `it belongs to the Dirichlet group “${spec.group}”; edit the group’s counts instead` };
  const current = summariseDistribution(spec, parameter, { density: false });
  if (!current.ok) return current;
  const from = current.summary.mean;
  const factor = from !== 0 ? to / from : Number.NaN;
  const positiveOnly = spec.type === 'beta' || spec.type === 'gamma' || spec.type === 'lognormal';
  if (positiveOnly && !(to > 0)) return { ok: false, message: `a ${spec.type} distribution needs a mean above 0` };
  if (spec.type === 'beta' && !(to < 1)) return { ok: false, message: 'a beta distribution needs a mean below 1' };
  let next: DistributionSpec;
  switch (spec.type) {
    case 'beta': {
      const se = current.summary.sd * factor;
      const limit = Math.sqrt(to * (1 - to));
      if (!(se < limit)) {
        return { ok: false, message: `keeping the relative SE gives SE ${se.toPrecision(3)}, but a beta distribution with mean ${to} needs an SE below ${limit.toPrecision(3)}` };
      }
      next = { type: 'beta', mean: to, se: tidy(se) };
      break;
    }
    case 'gamma':
      next = spec.mean !== undefined ? { type: 'gamma', mean: to, se: tidy(spec.se! * factor) } : withoutUndefined({ type: 'gamma' as const, shape: spec.shape, scale: scaled(spec.scale, factor), rate: spec.rate === undefined ? undefined : tidy(spec.rate / factor) });
      break;
    case 'lognormal':
      next = spec.mean !== undefined ? { type: 'lognormal', mean: to, se: tidy(spec.se! * factor) } : { type: 'lognormal', meanlog: tidy(spec.meanlog! + Math.log(factor)), sdlog: spec.sdlog! };
      break;
    case 'normal': {
      if ((spec.lower !== undefined && to < spec.lower) || (spec.upper !== undefined && to > spec.upper)) {
        return { ok: false, message: `${to} is outside the truncation bounds of the normal distribution` };
      }
      const sdField = spec.sd !== undefined ? 'sd' : 'se';
      const sd = (spec.sd ?? spec.se)!;
      const keepSd = spec.mean === 0 || !Number.isFinite(factor) || factor <= 0;
      next = withoutUndefined({ type: 'normal' as const, mean: to, [sdField]: keepSd ? sd : tidy(sd * factor), lower: spec.lower, upper: spec.upper });
      break;
    }
    case 'uniform':
    case 'triangular': {
      const scale = Number.isFinite(factor) && factor > 0;
      const move = (v: number) => tidy(scale ? v * factor : v + (to - from));
      next = spec.type === 'uniform' ? { type: 'uniform', min: move(spec.min), max: move(spec.max) } : { type: 'triangular', min: move(spec.min), mode: move(spec.mode), max: move(spec.max) };
      break;
    }
    case 'fixed':
      next = { type: 'fixed', value: to };
      break;
  }
  const problem = parameterisationProblem(next);
  if (problem !== null) return { ok: false, message: problem };
  const check = summariseDistribution(next, parameter, { density: false });
  return check.ok ? { ok: true, spec: next } : check;
}
