// The bivariate binomial generalised linear mixed model (Chu & Cole 2006): TP_i ~ Bin(TP_i + FN_i, expit(mu_sens +
// b_i1)), TN_i ~ Bin(TN_i + FP_i, expit(mu_spec + b_i2)), b_i ~ N(0, Sigma); fitted by maximum likelihood over (mu,
// Sigma) with each study's integral over b_i approximated by Laplace's method, as lme4's glmer does by default
// (nAGQ = 1; glmer allows no quadrature with two random effects per study). Zero cells need no correction.
// In the spherical form b = Lambda u (Lambda the Cholesky factor of Sigma) the approximation is
//   log L_i = log p(y_i | u_hat) - |u_hat|^2 / 2 - log det(Lambda' W Lambda + I) / 2,
// u_hat the mode found by Newton's method, W the binomial weights n p (1 - p) there; it stays defined when Sigma is
// singular. The log-likelihood includes the binomial coefficients, as lme4's logLik does.
import gammaln from '@stdlib/math-base-special-gammaln';
import { choleskyFromTheta, covarianceFromTheta, invert2, thetaFrom } from './bivariate-fit';
import type { BivariateFit, Matrix2 } from './bivariate-fit';
import type { FitOptions } from './reitsma-reml';
import { inverseSpd } from '../numeric/linear-algebra';
import { minimise, numericHessian } from '../numeric/minimise';
import { expit } from '../numeric/logistic';
import type { TwoByTwo } from './two-by-two';

interface BinomialStudy {
  positives: [number, number];
  totals: [number, number];
  logChoose: number;
}

function logChoose(n: number, k: number): number {
  return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
}

export function binomialData(studies: readonly TwoByTwo[]): BinomialStudy[] {
  return studies.map((s) => ({
    positives: [s.tp, s.tn],
    totals: [s.tp + s.fn, s.tn + s.fp],
    logChoose: logChoose(s.tp + s.fn, s.tp) + logChoose(s.tn + s.fp, s.tn),
  }));
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** log p(y | u) - |u|^2 / 2 for one study without the binomial coefficients (the function whose mode Newton's method finds). */
function penalisedLogLik(study: BinomialStudy, mu: readonly [number, number], l11: number, l21: number, l22: number, u0: number, u1: number): number {
  const eta0 = mu[0] + l11 * u0;
  const eta1 = mu[1] + l21 * u0 + l22 * u1;
  return (
    study.positives[0] * eta0 -
    study.totals[0] * softplus(eta0) +
    study.positives[1] * eta1 -
    study.totals[1] * softplus(eta1) -
    0.5 * (u0 * u0 + u1 * u1)
  );
}

/** Laplace approximation of one study's log-likelihood; `mode` is the warm start, updated in place. */
function studyLogLik(study: BinomialStudy, mu: readonly [number, number], l11: number, l21: number, l22: number, mode: Float64Array): number {
  let u0 = mode[0]!;
  let u1 = mode[1]!;
  let current = penalisedLogLik(study, mu, l11, l21, l22, u0, u1);
  let h00 = 1, h01 = 0, h11 = 1;
  for (let iteration = 0; iteration < 200; iteration++) {
    const p0 = expit(mu[0] + l11 * u0);
    const p1 = expit(mu[1] + l21 * u0 + l22 * u1);
    const w0 = study.totals[0] * p0 * (1 - p0);
    const w1 = study.totals[1] * p1 * (1 - p1);
    const r0 = study.positives[0] - study.totals[0] * p0;
    const r1 = study.positives[1] - study.totals[1] * p1;
    // Gradient Lambda' r - u and negative Hessian Lambda' W Lambda + I (positive definite).
    const g0 = l11 * r0 + l21 * r1 - u0;
    const g1 = l22 * r1 - u1;
    h00 = l11 * l11 * w0 + l21 * l21 * w1 + 1;
    h01 = l21 * l22 * w1;
    h11 = l22 * l22 * w1 + 1;
    const det = h00 * h11 - h01 * h01;
    let d0 = (h11 * g0 - h01 * g1) / det;
    let d1 = (h00 * g1 - h01 * g0) / det;
    if (Math.abs(d0) + Math.abs(d1) < 1e-11) break;
    // Step halving keeps Newton from overshooting where the binomial weights are nearly 0.
    // Rounding: values this close count as no worse.
    const slack = 1e-13 * (1 + Math.abs(current));
    let next = penalisedLogLik(study, mu, l11, l21, l22, u0 + d0, u1 + d1);
    for (let halving = 0; halving < 50 && !(next >= current - slack); halving++) {
      d0 /= 2;
      d1 /= 2;
      next = penalisedLogLik(study, mu, l11, l21, l22, u0 + d0, u1 + d1);
    }
    if (!(next >= current - slack)) break;
    u0 += d0;
    u1 += d1;
    current = next;
  }
  mode[0] = u0;
  mode[1] = u1;
  const p0 = expit(mu[0] + l11 * u0);
  const p1 = expit(mu[1] + l21 * u0 + l22 * u1);
  const w0 = study.totals[0] * p0 * (1 - p0);
  const w1 = study.totals[1] * p1 * (1 - p1);
  h00 = l11 * l11 * w0 + l21 * l21 * w1 + 1;
  h01 = l21 * l22 * w1;
  h11 = l22 * l22 * w1 + 1;
  return study.logChoose + current - 0.5 * Math.log(h00 * h11 - h01 * h01);
}

/** Laplace log-likelihood at x = (mu_sens, mu_spec, theta...); `modes` holds each study's warm start. */
export function laplaceLogLik(data: readonly BinomialStudy[], x: ArrayLike<number>, modes: Float64Array[]): number {
  const mu: [number, number] = [x[0]!, x[1]!];
  const [l11, l21, l22] = choleskyFromTheta(Array.from(x).slice(2));
  let total = 0;
  for (let i = 0; i < data.length; i++) total += studyLogLik(data[i]!, mu, l11, l21, l22, modes[i]!);
  return total;
}

export interface GlmmStart {
  mu: [number, number];
  tau2: [number, number];
  rho: number;
}

/** Maximum likelihood fit; `start` usually comes from the REML fit of the normal model. */
export function fitBinomialGlmm(studies: readonly TwoByTwo[], start: GlmmStart, options: FitOptions = {}): BivariateFit {
  const data = binomialData(studies);
  const estimateRho = !options.fixRhoZero;
  const modes = data.map(() => new Float64Array(2));
  // Start away from a zero variance or a correlation of ±1, where the likelihood is flat in some directions.
  const x0 = [start.mu[0], start.mu[1], ...thetaFrom(Math.sqrt(Math.max(start.tau2[0], 0.01)), Math.sqrt(Math.max(start.tau2[1], 0.01)), Math.max(-0.9, Math.min(0.9, start.rho)), estimateRho)];
  const objective = (x: Float64Array): number => -laplaceLogLik(data, x, modes);
  const result = minimise(objective, x0);
  const { tauSens, tauSpec, rho } = covarianceFromTheta(Array.from(result.x).slice(2));
  const covariance = pooledCovariance(objective, result.x);
  // With rho fixed at 0 the likelihood is a product of two univariate ones: the pooled logits are independent.
  if (!estimateRho) covariance[0][1] = covariance[1][0] = 0;
  return {
    mu: [result.x[0]!, result.x[1]!],
    covariance,
    tau2: [tauSens * tauSens, tauSpec * tauSpec],
    rho,
    rhoEstimated: estimateRho,
    logLik: -result.value,
    converged: result.converged,
    iterations: result.iterations,
    message: result.message,
  };
}

/**
 * Covariance of the pooled logits: the (mu, mu) block of the inverse observed information over all parameters, as
 * lme4's vcov does from the optimiser's Hessian; if that information is singular (a variance at 0), the inverse of
 * the (mu, mu) block alone.
 */
function pooledCovariance(objective: (x: Float64Array) => number, x: Float64Array): Matrix2 {
  const n = x.length;
  const hessian = numericHessian(objective, x);
  const full = inverseSpd(hessian, n);
  if (full) {
    return [
      [full[0]!, full[1]!],
      [full[n]!, full[n + 1]!],
    ];
  }
  const block = invert2([
    [hessian[0]!, hessian[1]!],
    [hessian[n]!, hessian[n + 1]!],
  ]);
  return block ?? [
    [Number.NaN, Number.NaN],
    [Number.NaN, Number.NaN],
  ];
}
