// The bivariate normal model of Reitsma et al. (2005): study i's (logit sensitivity, logit specificity) ~ N(mu,
// S_i + Sigma), S_i = diag of the known within-study variances (0.5 added to all cells of a study with a zero cell),
// Sigma the between-study covariance; fitted by restricted maximum likelihood with mu profiled out by generalised
// least squares. The REML log-likelihood is written as metafor's rma.mv writes it (with the 1/2 log|X'X| term), so the
// value can be compared with metafor's logLik.
import { covarianceFromTheta, invert2, startingTheta } from './bivariate-fit';
import type { BivariateFit, Matrix2 } from './bivariate-fit';
import { minimise } from '../numeric/minimise';
import { studyLogits } from './two-by-two';
import type { TwoByTwo } from './two-by-two';

interface NormalData {
  y: [number, number][];
  within: [number, number][];
}

interface RemlAtTheta {
  logLik: number;
  mu: [number, number];
  covariance: Matrix2;
}

function normalData(studies: readonly TwoByTwo[]): NormalData {
  const logits = studies.map((s) => studyLogits(s));
  return {
    y: logits.map((l) => [l.logitSensitivity, l.logitSpecificity]),
    within: logits.map((l) => [l.varianceSensitivity, l.varianceSpecificity]),
  };
}

function remlAt(data: NormalData, theta: ArrayLike<number>): RemlAtTheta | null {
  const { tauSens, tauSpec, rho } = covarianceFromTheta(theta);
  const cross = rho * tauSens * tauSpec;
  const k = data.y.length;
  let m00 = 0, m01 = 0, m11 = 0, r0 = 0, r1 = 0;
  let logDetV = 0;
  const weights: Matrix2[] = [];
  for (let i = 0; i < k; i++) {
    const w = invert2([
      [data.within[i]![0] + tauSens * tauSens, cross],
      [cross, data.within[i]![1] + tauSpec * tauSpec],
    ]);
    if (!w) return null;
    const det = (data.within[i]![0] + tauSens * tauSens) * (data.within[i]![1] + tauSpec * tauSpec) - cross * cross;
    logDetV += Math.log(det);
    weights.push(w);
    const [a, b] = data.y[i]!;
    m00 += w[0][0];
    m01 += w[0][1];
    m11 += w[1][1];
    r0 += w[0][0] * a + w[0][1] * b;
    r1 += w[1][0] * a + w[1][1] * b;
  }
  const information: Matrix2 = [
    [m00, m01],
    [m01, m11],
  ];
  const covariance = invert2(information);
  if (!covariance) return null;
  const mu: [number, number] = [covariance[0][0] * r0 + covariance[0][1] * r1, covariance[1][0] * r0 + covariance[1][1] * r1];
  let rss = 0;
  for (let i = 0; i < k; i++) {
    const w = weights[i]!;
    const e0 = data.y[i]![0] - mu[0];
    const e1 = data.y[i]![1] - mu[1];
    rss += w[0][0] * e0 * e0 + 2 * w[0][1] * e0 * e1 + w[1][1] * e1 * e1;
  }
  const logDetInformation = Math.log(m00 * m11 - m01 * m01);
  const n = 2 * k;
  const p = 2;
  const logLik = -0.5 * (n - p) * Math.log(2 * Math.PI) + 0.5 * p * Math.log(k) - 0.5 * logDetV - 0.5 * logDetInformation - 0.5 * rss;
  return { logLik, mu, covariance };
}

export interface FitOptions {
  /** Fix the between-study correlation at 0: two univariate random-effects models. */
  fixRhoZero?: boolean;
}

export function fitReitsmaReml(studies: readonly TwoByTwo[], options: FitOptions = {}): BivariateFit {
  const data = normalData(studies);
  const estimateRho = !options.fixRhoZero;
  const start = startingTheta(
    data.y.map((v) => v[0]),
    data.y.map((v) => v[1]),
    data.within.map((v) => v[0]),
    data.within.map((v) => v[1]),
    estimateRho,
  );
  const objective = (theta: Float64Array): number => {
    const at = remlAt(data, theta);
    return at ? -at.logLik : Number.POSITIVE_INFINITY;
  };
  const result = minimise(objective, start);
  const at = remlAt(data, result.x)!;
  const { tauSens, tauSpec, rho } = covarianceFromTheta(result.x);
  return {
    mu: at.mu,
    covariance: at.covariance,
    tau2: [tauSens * tauSens, tauSpec * tauSpec],
    rho,
    rhoEstimated: estimateRho,
    logLik: at.logLik,
    converged: result.converged,
    iterations: result.iterations,
    message: result.message,
  };
}
