// What both bivariate fits return, and the between-study covariance parameterisation they share, lme4's: the
// Cholesky factor of Sigma, theta = (l11, l21, l22) with Sigma = [[l11^2, l11 l21], [l11 l21, l21^2 + l22^2]], or
// (l11, l22) when rho is fixed at 0 (then the likelihood splits into two univariate random-effects models). The
// likelihood is even in each l, so a zero variance or a correlation of ±1 is an interior point the optimiser can
// reach, not a limit at infinity.

export type Matrix2 = [[number, number], [number, number]];

export interface BivariateFit {
  /** Pooled logit sensitivity and logit specificity. */
  mu: [number, number];
  /** Covariance of the pooled logits. */
  covariance: Matrix2;
  /** Between-study variances of logit sensitivity and logit specificity. */
  tau2: [number, number];
  /** Between-study correlation; 0 when it was fixed (univariate model). */
  rho: number;
  rhoEstimated: boolean;
  /** REML log-likelihood for the normal model, (Laplace) log-likelihood for the GLMM. */
  logLik: number;
  converged: boolean;
  iterations: number;
  message: string;
}

export interface CovarianceParameters {
  tauSens: number;
  tauSpec: number;
  rho: number;
}

/** Cholesky factor (l11, l21, l22) of Sigma from theta. */
export function choleskyFromTheta(theta: ArrayLike<number>): [number, number, number] {
  return theta.length > 2 ? [theta[0]!, theta[1]!, theta[2]!] : [theta[0]!, 0, theta[1]!];
}

export function covarianceFromTheta(theta: ArrayLike<number>): CovarianceParameters {
  const [l11, l21, l22] = choleskyFromTheta(theta);
  const tauSens = Math.abs(l11);
  const tauSpec = Math.hypot(l21, l22);
  const rho = tauSens > 0 && tauSpec > 0 ? (Math.sign(l11) * l21) / tauSpec : 0;
  return { tauSens, tauSpec, rho };
}

/** theta for given standard deviations and correlation. */
export function thetaFrom(tauSens: number, tauSpec: number, rho: number, estimateRho: boolean): number[] {
  return estimateRho ? [tauSens, rho * tauSpec, tauSpec * Math.sqrt(Math.max(0, 1 - rho * rho))] : [tauSens, tauSpec];
}

/** Starting values from the spread of the study logits (method of moments, kept away from the boundaries). */
export function startingTheta(logitsSens: readonly number[], logitsSpec: readonly number[], withinSens: readonly number[], withinSpec: readonly number[], estimateRho: boolean): number[] {
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = (xs: readonly number[]) => {
    const m = mean(xs);
    return xs.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, xs.length - 1);
  };
  const tau2 = (xs: readonly number[], within: readonly number[]) => Math.max(variance(xs) - mean(within), 0.1 * variance(xs), 0.01);
  const tauSens = Math.sqrt(tau2(logitsSens, withinSens));
  const tauSpec = Math.sqrt(tau2(logitsSpec, withinSpec));
  let rho = 0;
  if (estimateRho) {
    const ms = mean(logitsSens);
    const mp = mean(logitsSpec);
    let sxy = 0;
    logitsSens.forEach((x, i) => (sxy += (x - ms) * (logitsSpec[i]! - mp)));
    const r = sxy / Math.max(1, logitsSens.length - 1) / Math.sqrt(variance(logitsSens) * variance(logitsSpec));
    rho = Number.isFinite(r) ? Math.max(-0.8, Math.min(0.8, r)) : 0;
  }
  return thetaFrom(tauSens, tauSpec, rho, estimateRho);
}

export function invert2(m: Matrix2): Matrix2 | null {
  const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
  if (!(det > 0) || !Number.isFinite(det)) return null;
  return [
    // + 0 turns -0 into 0.
    [m[1][1] / det, -m[0][1] / det + 0],
    [-m[1][0] / det + 0, m[0][0] / det],
  ];
}
