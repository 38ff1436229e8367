// Maximum-likelihood fits of parametric survival distributions to right-censored patient data, with what an
// analyst compares and carries into a model: log-likelihood, AIC, BIC, the covariance of the estimates on the
// estimation scale (inverse observed information), and median and restricted mean survival with delta-method
// confidence intervals (on the log scale, so limits stay positive).
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { inverseSpd } from '../numeric/linear-algebra';
import { hessianAtOptimum, hessianOfValue, minimise } from '../numeric/newton';
import type { MinimiseStop } from '../numeric/newton';
import { integrate } from '../numeric/quadrature';
import {
  DISTRIBUTION_INFO,
  estimationNames,
  logDensityAndSurvival,
  logLikelihood,
  survivalAt,
  toNatural,
} from './distributions';
import type { FitDistribution } from './distributions';
import { kaplanMeier } from './kaplan-meier';
import type { KaplanMeier } from './kaplan-meier';
import { summariseSurvivalData } from './survival-data';
import type { SurvivalData } from './survival-data';
import type { ProblemDetail } from '../../shared/problem-detail';

export interface Estimate {
  estimate: number;
  lower: number;
  upper: number;
}

export interface SurvivalFit {
  distribution: FitDistribution;
  label: string;
  /** Natural parameters by the model format's names (rate; shape, scale; meanlog, sdlog; mu, sigma, Q ...). */
  parameters: Record<string, number>;
  /** The estimation scale: names such as "log(shape)" and the estimates on it. */
  estimationScale: { names: string[]; estimates: number[] };
  /** Covariance of the estimation-scale estimates (inverse observed information); null if it is not positive definite. */
  covariance: number[][] | null;
  logLik: number;
  /** Number of estimated parameters. */
  k: number;
  aic: number;
  bic: number;
  /** Median survival with its confidence interval; null when S stays above 0.5 (a cure fraction). */
  median: Estimate | null;
  /** Restricted mean survival up to `horizon` with its confidence interval. */
  rmst: Estimate & { horizon: number };
  converged: boolean;
  /** How the optimiser ended, or why the fit is not usable. */
  message: string;
  /** Why the fit is not usable, as data (a screen words it in its language); absent when it is usable. */
  problem?: SurvivalFitProblem;
  iterations: number;
}

/** An unusable fit: the optimiser did not converge, or the likelihood is flat at the estimate (no covariance). */
export interface SurvivalFitProblem {
  code: 'not-converged' | 'no-covariance';
  stop: MinimiseStop;
}

export interface FitOptions {
  /** Horizon of the restricted mean (default: the largest observed time). */
  rmstHorizon?: number;
  /** Confidence level of the intervals (default 0.95). */
  confidenceLevel?: number;
}

export class SurvivalFitError extends Error {
  constructor(
    message: string,
    /** The problem as data, for screens that word it in their language (src/report/file-problems.ts). */
    readonly detail?: ProblemDetail,
  ) {
    super(message);
    this.name = 'SurvivalFitError';
  }
}

/** Least-squares line y = intercept + slope x. */
function line(points: [number, number][]): { slope: number; intercept: number } | null {
  if (points.length < 2) return null;
  const mx = points.reduce((s, p) => s + p[0], 0) / points.length;
  const my = points.reduce((s, p) => s + p[1], 0) / points.length;
  const sxx = points.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  if (!(sxx > 0)) return null;
  const slope = points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / sxx;
  return { slope, intercept: my - slope * mx };
}

/**
 * Starting values on the estimation scale: the exponential MLE (closed form) and straight-line fits to the KM curve
 * on each family's linearising scale (log cumulative hazard, log odds, probit against log time).
 */
function startingValues(dist: FitDistribution, data: SurvivalData, km: KaplanMeier): number[][] {
  const { events } = summariseSurvivalData(data);
  const totalTime = data.time.reduce((s, t) => s + t, 0);
  const logRate = Math.log(events / totalTime);
  const kmPoints = km.time.flatMap((t, i) => (km.nEvent[i]! > 0 && km.survival[i]! > 0 && km.survival[i]! < 1 ? [[Math.log(t), km.survival[i]!] as const] : []));
  const linearised = (transform: (s: number) => number) => line(kmPoints.map(([x, s]) => [x, transform(s)]));
  const starts: number[][] = [];
  switch (dist) {
    case 'exponential':
      return [[logRate]];
    case 'weibull':
    case 'log-logistic': {
      const fitLine = linearised(dist === 'weibull' ? (s) => Math.log(-Math.log(s)) : (s) => Math.log((1 - s) / s));
      if (fitLine && fitLine.slope > 0) starts.push([Math.log(fitLine.slope), -fitLine.intercept / fitLine.slope]);
      starts.push([0, -logRate]);
      return starts;
    }
    case 'log-normal': {
      const fitLine = linearised((s) => normalQuantile(1 - s, 0, 1));
      if (fitLine && fitLine.slope > 0) starts.push([-fitLine.intercept / fitLine.slope, -Math.log(fitLine.slope)]);
      starts.push([-logRate, 0]);
      return starts;
    }
    case 'gompertz':
      return [[0, logRate]];
    case 'generalised-gamma':
      return []; // from the Weibull and log-normal fits (fitDistribution)
  }
}

function negativeLogLikelihood(dist: FitDistribution, data: SurvivalData) {
  return (theta: Float64Array, gradient: Float64Array | null): number => {
    const ll = logLikelihood(dist, theta, data, gradient);
    if (gradient) for (let i = 0; i < gradient.length; i++) gradient[i] = -gradient[i]!;
    return -ll;
  };
}

/** Time at which S(t) = 0.5 for natural parameters, or null when S never falls to 0.5. */
export function medianOf(dist: FitDistribution, p: readonly number[]): number | null {
  const [a, b = 0] = p;
  switch (dist) {
    case 'exponential':
      return Math.LN2 / a!;
    case 'weibull':
      return b * Math.LN2 ** (1 / a!);
    case 'log-logistic':
      return b;
    case 'log-normal':
      return Math.exp(a!);
    case 'gompertz': {
      if (a === 0) return Math.LN2 / b;
      const inner = 1 + (a! * Math.LN2) / b;
      return inner > 0 ? Math.log1p((a! * Math.LN2) / b) / a! : null;
    }
    case 'generalised-gamma':
      return quantileByBisection(dist, p, Math.log(0.5));
  }
}

/** Solves log S(t) = target on log t by bracketing and bisection. */
function quantileByBisection(dist: FitDistribution, p: readonly number[], target: number): number | null {
  const logS = (logT: number): number => logDensityAndSurvival(dist, p, Math.exp(logT)).logSurvival;
  let lo = 0;
  let hi = 0;
  while (logS(lo) <= target && lo > -700) lo -= 8;
  while (logS(hi) > target) {
    hi += 8;
    if (hi > 700) return null;
  }
  for (let k = 0; k < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); k++) {
    const mid = (lo + hi) / 2;
    if (logS(mid) > target) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

/** Area under S(t) from 0 to horizon. */
export function restrictedMean(dist: FitDistribution, p: readonly number[], horizon: number): number {
  if (dist === 'exponential') return -Math.expm1(-p[0]! * horizon) / p[0]!;
  return integrate((t) => survivalAt(dist, p, t), 0, horizon, 1e-13);
}

/** Delta-method interval for a positive quantity g(theta), on the log scale. */
function deltaInterval(g: (theta: number[]) => number | null, theta: number[], covariance: number[][] | null, z: number): Estimate | null {
  const value = g(theta);
  if (value === null || !(value > 0) || !Number.isFinite(value)) return null;
  if (!covariance) return { estimate: value, lower: NaN, upper: NaN };
  const gradient = theta.map((_, i) => {
    const h = 1e-5 * Math.max(1, Math.abs(theta[i]!));
    const up = g(theta.map((v, j) => (j === i ? v + h : v)));
    const down = g(theta.map((v, j) => (j === i ? v - h : v)));
    return up === null || down === null ? NaN : (Math.log(up) - Math.log(down)) / (2 * h);
  });
  let variance = 0;
  for (let i = 0; i < theta.length; i++) for (let j = 0; j < theta.length; j++) variance += gradient[i]! * covariance[i]![j]! * gradient[j]!;
  const se = Math.sqrt(variance);
  if (!Number.isFinite(se)) return { estimate: value, lower: NaN, upper: NaN };
  return { estimate: value, lower: value * Math.exp(-z * se), upper: value * Math.exp(z * se) };
}

interface Optimum {
  theta: Float64Array;
  logLik: number;
  converged: boolean;
  message: string;
  stop: MinimiseStop;
  iterations: number;
}

/** The generalised gamma's gradient is numerical, so its Hessian comes from second differences of the value. */
function hessianFor(dist: FitDistribution, objective: ReturnType<typeof negativeLogLikelihood>): (x: Float64Array) => Float64Array {
  if (dist === 'generalised-gamma') return (x) => hessianOfValue((y) => objective(y, null), x);
  return (x) => hessianAtOptimum(objective, x);
}

function optimiseFrom(dist: FitDistribution, data: SurvivalData, starts: number[][]): Optimum {
  const objective = negativeLogLikelihood(dist, data);
  let best: Optimum | null = null;
  for (const start of starts) {
    const result = minimise(objective, start, dist === 'generalised-gamma' ? { hessian: hessianFor(dist, objective) } : {});
    const candidate = { theta: result.x, logLik: -result.value, converged: result.converged, message: result.message, stop: result.stop, iterations: result.iterations };
    const better = best === null || (candidate.converged && !best.converged) || (candidate.converged === best.converged && candidate.logLik > best.logLik);
    if (better) best = candidate;
  }
  return best!;
}

/** Fits one distribution. Throws SurvivalFitError when the data cannot support any fit (no events). */
export function fitDistribution(dist: FitDistribution, data: SurvivalData, options: FitOptions = {}, km: KaplanMeier = kaplanMeier(data)): SurvivalFit {
  const summary = summariseSurvivalData(data);
  if (summary.events === 0) throw new SurvivalFitError('no events in the data: a parametric curve cannot be fitted to censored times only', { code: 'survival-no-events' });
  const info = DISTRIBUTION_INFO[dist];
  const k = info.parameters.length;
  let starts = startingValues(dist, data, km);
  if (dist === 'generalised-gamma') {
    // Start from the two families it contains: Weibull (Q = 1) and log-normal (Q = 0; started a little away from it).
    const weibull = toNatural('weibull', optimiseFrom('weibull', data, startingValues('weibull', data, km)).theta);
    const lognormal = toNatural('log-normal', optimiseFrom('log-normal', data, startingValues('log-normal', data, km)).theta);
    starts = [
      [Math.log(weibull[1]!), -Math.log(weibull[0]!), 1],
      [lognormal[0]!, Math.log(lognormal[1]!), -0.1],
    ];
  }
  const optimum = optimiseFrom(dist, data, starts);
  const theta = Array.from(optimum.theta);
  const natural = toNatural(dist, theta);
  const objective = negativeLogLikelihood(dist, data);
  const information = hessianFor(dist, objective)(optimum.theta);
  const inverse = inverseSpd(information, k);
  const covariance = inverse ? Array.from({ length: k }, (_, i) => Array.from(inverse.subarray(i * k, (i + 1) * k))) : null;
  let message = optimum.message;
  let problem: SurvivalFitProblem | undefined;
  if (!optimum.converged) {
    message = `${info.label} fit did not converge: ${optimum.message}; do not use it`;
    problem = { code: 'not-converged', stop: optimum.stop };
  } else if (!covariance) {
    message = `${optimum.message}; the likelihood is flat in some direction at the estimate, so there is no covariance (the data do not identify every parameter)`;
    problem = { code: 'no-covariance', stop: optimum.stop };
  }

  const confidenceLevel = options.confidenceLevel ?? 0.95;
  const z = normalQuantile(1 - (1 - confidenceLevel) / 2, 0, 1);
  const horizon = options.rmstHorizon ?? summary.maxTime;
  const median = deltaInterval((x) => medianOf(dist, toNatural(dist, x)), theta, covariance, z);
  const rmst = deltaInterval((x) => restrictedMean(dist, toNatural(dist, x), horizon), theta, covariance, z)!;
  const logLik = optimum.logLik;
  return {
    distribution: dist,
    label: info.label,
    parameters: Object.fromEntries(info.parameters.map((name, i) => [name, natural[i]!])),
    estimationScale: { names: estimationNames(dist), estimates: theta },
    covariance,
    logLik,
    k,
    aic: -2 * logLik + 2 * k,
    bic: -2 * logLik + k * Math.log(summary.n),
    median,
    rmst: { ...rmst, horizon },
    converged: optimum.converged && covariance !== null,
    message,
    ...(problem ? { problem } : {}),
    iterations: optimum.iterations,
  };
}

