// Summary ROC curve and regions from a bivariate fit, in ROC space (x = false-positive rate, y = sensitivity).
// The curve is the Rutter–Gatsonis (HSROC) form whose parameters follow from the bivariate ones (Harbord et al. 2007,
// Biostatistics 8:239): beta = log(tau_spec / tau_sens), Lambda = (tau_spec/tau_sens)^(1/2) mu_sens +
// (tau_sens/tau_spec)^(1/2) mu_spec, and logit(sens) = Lambda e^(-beta/2) + e^(-beta) logit(FPR); it is drawn over the
// range of the studies' false-positive rates, as RevMan draws it (continuity-corrected, so never from FPR 0). Regions are ellipses on the logit scale mapped into
// ROC space: the 95% confidence region of the summary point uses the covariance of the pooled logits, the 95%
// prediction region (where a new study's true accuracy is expected) the between-study covariance plus that one, both
// with the chi-squared quantile on 2 degrees of freedom (-2 log 0.05 = 5.99).
import { expit, logit } from '../numeric/logistic';
import type { Matrix2 } from './bivariate-fit';

export interface RocPoint {
  /** False-positive rate, 1 - specificity. */
  fpr: number;
  sensitivity: number;
}

export interface HsrocParameters {
  /** Accuracy parameter (log diagnostic odds ratio at the curve's symmetry point). */
  lambda: number;
  /** Threshold parameter (mean). */
  theta: number;
  /** Shape (asymmetry) parameter. */
  beta: number;
  /** Between-study variances of accuracy and threshold. */
  varianceAccuracy: number;
  varianceThreshold: number;
}

export function hsrocParameters(mu: readonly [number, number], tau2: readonly [number, number], rho: number): HsrocParameters | null {
  const tauSens = Math.sqrt(tau2[0]);
  const tauSpec = Math.sqrt(tau2[1]);
  if (!(tauSens > 1e-8 && tauSpec > 1e-8)) return null;
  const cross = rho * tauSens * tauSpec;
  const ratio = Math.sqrt(tauSpec / tauSens);
  return {
    lambda: ratio * mu[0] + mu[1] / ratio,
    theta: 0.5 * (mu[0] / ratio - ratio * mu[1]),
    beta: Math.log(tauSpec / tauSens),
    varianceAccuracy: 2 * (tauSens * tauSpec + cross),
    varianceThreshold: 0.5 * (tauSens * tauSpec - cross),
  };
}

/** Sensitivity on the HSROC curve at a false-positive rate. */
export function srocSensitivity(h: HsrocParameters, fpr: number): number {
  return expit(h.lambda * Math.exp(-h.beta / 2) + Math.exp(-h.beta) * logit(fpr));
}

/** The curve at `points` false-positive rates spaced evenly on the logit scale between `from` and `to`. */
export function srocCurve(h: HsrocParameters, from: number, to: number, points = 60): RocPoint[] {
  const a = logit(Math.max(1e-4, Math.min(from, to)));
  const b = logit(Math.min(1 - 1e-4, Math.max(from, to)));
  return Array.from({ length: points }, (_, i) => {
    const fpr = expit(a + ((b - a) * i) / (points - 1));
    return { fpr, sensitivity: srocSensitivity(h, fpr) };
  });
}

/** chi-squared quantile on 2 degrees of freedom: -2 log(1 - level). */
export function chiSquared2Quantile(level: number): number {
  return -2 * Math.log(1 - level);
}

/**
 * Boundary of {x : (x - mu)' C^-1 (x - mu) <= q} for x = (logit sens, logit spec), mapped to ROC space; closed
 * (the last point repeats the first). Null when C is not positive definite.
 */
export function logitEllipse(mu: readonly [number, number], c: Matrix2, level = 0.95, points = 73): RocPoint[] | null {
  const l11 = Math.sqrt(c[0][0]);
  if (!(l11 > 0)) return null;
  const l21 = c[1][0] / l11;
  const rest = c[1][1] - l21 * l21;
  if (!(rest > 0)) return null;
  const l22 = Math.sqrt(rest);
  const radius = Math.sqrt(chiSquared2Quantile(level));
  return Array.from({ length: points }, (_, i) => {
    const t = (2 * Math.PI * (i % (points - 1))) / (points - 1);
    const e0 = radius * Math.cos(t);
    const e1 = radius * Math.sin(t);
    const sens = mu[0] + l11 * e0;
    const spec = mu[1] + l21 * e0 + l22 * e1;
    return { fpr: expit(-spec), sensitivity: expit(sens) };
  });
}
