// The six parametric families fitted to patient data, in flexsurv's parametrisation (the model format's curves):
// natural parameters as in docs/model-format.md, and the estimation scale flexsurv maximises on (log of positive
// parameters; Gompertz shape, log-normal meanlog, generalised gamma mu and Q unchanged). The log-likelihood is the
// full likelihood of the times, sum over events of log f(t) plus sum over censored of log S(t) (as flexsurv and
// survreg report it), with its analytic gradient on the estimation scale (numerical for the generalised gamma,
// whose survival needs derivatives of the incomplete gamma in its shape).
import { gengammaLogDensity, gengammaLogSurvival } from '../psm/generalised-gamma';
import { CURVE_PARAMETER_NAMES, parametricSurvival } from '../psm/survival';
import type { ParametricDistribution } from '../psm/survival';
import { numericalGradient } from '../numeric/newton';
import { logNormalUpperTail, normalHazard } from '../numeric/normal-tail';
import type { SurvivalData } from './survival-data';

export type FitDistribution = ParametricDistribution;

export const FIT_DISTRIBUTIONS: readonly FitDistribution[] = ['exponential', 'weibull', 'gompertz', 'log-logistic', 'log-normal', 'generalised-gamma'];

export type ScaleTransform = 'identity' | 'log';

export interface DistributionInfo {
  label: string;
  /** Natural parameter names (the model format's), in order. */
  parameters: readonly string[];
  /** How each natural parameter maps to the estimation scale. */
  transforms: readonly ScaleTransform[];
}

const log: ScaleTransform = 'log';
const identity: ScaleTransform = 'identity';

export const DISTRIBUTION_INFO: Record<FitDistribution, DistributionInfo> = {
  exponential: { label: 'Exponential', parameters: CURVE_PARAMETER_NAMES.exponential, transforms: [log] },
  weibull: { label: 'Weibull', parameters: CURVE_PARAMETER_NAMES.weibull, transforms: [log, log] },
  gompertz: { label: 'Gompertz', parameters: CURVE_PARAMETER_NAMES.gompertz, transforms: [identity, log] },
  'log-logistic': { label: 'Log-logistic', parameters: CURVE_PARAMETER_NAMES['log-logistic'], transforms: [log, log] },
  'log-normal': { label: 'Log-normal', parameters: CURVE_PARAMETER_NAMES['log-normal'], transforms: [identity, log] },
  'generalised-gamma': { label: 'Generalised gamma', parameters: CURVE_PARAMETER_NAMES['generalised-gamma'], transforms: [identity, log, identity] },
};

/** Names of the estimation-scale parameters, e.g. ["log(shape)", "log(scale)"]. */
export function estimationNames(dist: FitDistribution): string[] {
  const info = DISTRIBUTION_INFO[dist];
  return info.parameters.map((p, i) => (info.transforms[i] === 'log' ? `log(${p})` : p));
}

export function toNatural(dist: FitDistribution, theta: ArrayLike<number>): number[] {
  return DISTRIBUTION_INFO[dist].transforms.map((t, i) => (t === 'log' ? Math.exp(theta[i]!) : theta[i]!));
}

export function toEstimation(dist: FitDistribution, natural: ArrayLike<number>): number[] {
  return DISTRIBUTION_INFO[dist].transforms.map((t, i) => (t === 'log' ? Math.log(natural[i]!) : natural[i]!));
}

/** S(t) at natural parameters (the model engine's own function, so fitted and modelled curves agree). */
export function survivalAt(dist: FitDistribution, natural: readonly number[], t: number): number {
  return parametricSurvival(dist, natural[0]!, natural[1] ?? 0, t, natural[2] ?? 0);
}

/** log f(t) and log S(t) at natural parameters, t > 0 (hazard = exp(logDensity - logSurvival)). */
export function logDensityAndSurvival(dist: FitDistribution, p: readonly number[], t: number): { logDensity: number; logSurvival: number } {
  const [a, b = 0, c = 0] = p;
  switch (dist) {
    case 'exponential':
      return { logDensity: Math.log(a!) - a! * t, logSurvival: -a! * t };
    case 'weibull': {
      const u = Math.log(t / b);
      const z = Math.exp(a! * u);
      return { logDensity: Math.log(a! / b) + (a! - 1) * u - z, logSurvival: -z };
    }
    case 'log-logistic': {
      const v = a! * Math.log(t / b);
      const h = softplus(v);
      return { logDensity: Math.log(a! / b) + (a! - 1) * Math.log(t / b) - 2 * h, logSurvival: -h };
    }
    case 'log-normal': {
      const w = (Math.log(t) - a!) / b;
      return { logDensity: -Math.log(b * t) - 0.5 * Math.log(2 * Math.PI) - 0.5 * w * w, logSurvival: logNormalUpperTail(w) };
    }
    case 'gompertz': {
      const cumulative = b * gompertzIntegral(a!, t);
      return { logDensity: Math.log(b) + a! * t - cumulative, logSurvival: -cumulative };
    }
    case 'generalised-gamma':
      return { logDensity: gengammaLogDensity(a!, b, c, t), logSurvival: gengammaLogSurvival(a!, b, c, t) };
  }
}

/** log(1 + e^v) without overflow. */
function softplus(v: number): number {
  return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
}

/** (e^(g t) - 1) / g, the Gompertz cumulative hazard per unit rate (t at g = 0). */
function gompertzIntegral(g: number, t: number): number {
  const x = g * t;
  if (Math.abs(x) < 1e-8) return t * (1 + x / 2);
  return Math.expm1(x) / g;
}

/** d/dg of gompertzIntegral: (t g e^(gt) - e^(gt) + 1) / g^2, by its series near g t = 0. */
function gompertzIntegralSlope(g: number, t: number): number {
  const x = g * t;
  if (Math.abs(x) > 0.05) return (x * Math.exp(x) - Math.expm1(x)) / (g * g);
  // t^2 * sum_{k>=2} (k - 1) x^(k-2) / k!
  let term = 0.5; // x^0 / 2!
  let sum = 0;
  for (let k = 2; k < 30; k++) {
    sum += (k - 1) * term;
    term *= x / (k + 1);
    if (Math.abs(term) < 1e-20) break;
  }
  return t * t * sum;
}

/**
 * Log-likelihood at estimation-scale parameters theta; writes the gradient (same scale) into `gradient` when given.
 * Returns -Infinity where the parameters are impossible or the likelihood underflows.
 */
export function logLikelihood(dist: FitDistribution, theta: Float64Array, data: SurvivalData, gradient: Float64Array | null): number {
  if (dist === 'generalised-gamma') {
    const value = gengammaLogLikelihood(theta, data);
    if (gradient) numericalGradient((x) => gengammaLogLikelihood(x, data), theta, gradient);
    return value;
  }
  const { time, event } = data;
  const n = time.length;
  let ll = 0;
  let g0 = 0;
  let g1 = 0;
  switch (dist) {
    case 'exponential': {
      const rate = Math.exp(theta[0]!);
      for (let i = 0; i < n; i++) {
        const h = rate * time[i]!;
        ll += (event[i]! ? theta[0]! : 0) - h;
        g0 += event[i]! - h;
      }
      break;
    }
    case 'weibull': {
      const a = Math.exp(theta[0]!);
      const logB = theta[1]!;
      for (let i = 0; i < n; i++) {
        const u = Math.log(time[i]!) - logB;
        const z = Math.exp(a * u);
        ll -= z;
        g0 -= z * a * u;
        g1 += a * z;
        if (event[i]!) {
          ll += theta[0]! - logB + (a - 1) * u;
          g0 += 1 + a * u;
          g1 -= a;
        }
      }
      break;
    }
    case 'log-logistic': {
      const a = Math.exp(theta[0]!);
      const logB = theta[1]!;
      for (let i = 0; i < n; i++) {
        const u = Math.log(time[i]!) - logB;
        const v = a * u;
        const p = 1 / (1 + Math.exp(-v));
        const k = event[i]! ? 2 : 1;
        ll -= k * softplus(v);
        g0 -= k * p * v;
        g1 += k * p * a;
        if (event[i]!) {
          ll += theta[0]! - logB + (a - 1) * u;
          g0 += 1 + v;
          g1 -= a;
        }
      }
      break;
    }
    case 'log-normal': {
      const mu = theta[0]!;
      const sigma = Math.exp(theta[1]!);
      const c = 0.5 * Math.log(2 * Math.PI);
      for (let i = 0; i < n; i++) {
        const logT = Math.log(time[i]!);
        const w = (logT - mu) / sigma;
        if (event[i]!) {
          ll += -theta[1]! - logT - c - 0.5 * w * w;
          g0 += w / sigma;
          g1 += w * w - 1;
        } else {
          ll += logNormalUpperTail(w);
          const r = normalHazard(w);
          g0 += r / sigma;
          g1 += r * w;
        }
      }
      break;
    }
    case 'gompertz': {
      const shape = theta[0]!;
      const rate = Math.exp(theta[1]!);
      for (let i = 0; i < n; i++) {
        const t = time[i]!;
        const cumulative = rate * gompertzIntegral(shape, t);
        ll -= cumulative;
        g0 -= rate * gompertzIntegralSlope(shape, t);
        g1 -= cumulative;
        if (event[i]!) {
          ll += theta[1]! + shape * t;
          g0 += t;
          g1 += 1;
        }
      }
      break;
    }
  }
  if (gradient) {
    gradient[0] = g0;
    if (gradient.length > 1) gradient[1] = g1;
  }
  return Number.isFinite(ll) ? ll : -Infinity;
}

function gengammaLogLikelihood(theta: Float64Array, data: SurvivalData): number {
  const mu = theta[0]!;
  const sigma = Math.exp(theta[1]!);
  const q = theta[2]!;
  let ll = 0;
  for (let i = 0; i < data.time.length; i++) {
    const t = data.time[i]!;
    ll += data.event[i]! ? gengammaLogDensity(mu, sigma, q, t) : gengammaLogSurvival(mu, sigma, q, t);
  }
  return Number.isFinite(ll) ? ll : -Infinity;
}

const ALIASES: Record<string, FitDistribution> = {
  exp: 'exponential',
  exponential: 'exponential',
  weibull: 'weibull',
  gompertz: 'gompertz',
  llogis: 'log-logistic',
  loglogistic: 'log-logistic',
  'log-logistic': 'log-logistic',
  lnorm: 'log-normal',
  lognormal: 'log-normal',
  'log-normal': 'log-normal',
  gengamma: 'generalised-gamma',
  'generalised-gamma': 'generalised-gamma',
  'generalized-gamma': 'generalised-gamma',
};

/** A family by its name here or flexsurv's (exp, llogis, lnorm, gengamma), case-insensitive; null if unknown. */
export function distributionNamed(name: string): FitDistribution | null {
  return ALIASES[name.trim().toLowerCase()] ?? null;
}
