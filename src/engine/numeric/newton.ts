// Unconstrained minimisation of smooth functions of a few variables (maximum likelihood on the estimation scale) by
// damped Newton steps on a finite-difference Hessian of the analytic gradient, which is cheap for 1 to 3 variables,
// insensitive to their scaling (a Gompertz shape of 1e-4 beside a log rate of -7) and converges to near machine
// precision, so fitted parameters match other software to 1e-8 or better. Hand-written: the npm optimisers
// (fmin 0.0.4, numeric 1.2.6) are unmaintained since 2017 and offer no Newton method.
import { choleskyInPlace, choleskySolve } from '../uncertainty/penalised-spline';
import { centralDifferenceGradient, secondDifferenceHessian } from './finite-differences';

export type Objective = (x: Float64Array, gradient: Float64Array | null) => number;

export interface MinimiseOptions {
  maxIterations?: number;
  /** Largest change of any coordinate in one step (the variables are on log scales). */
  maxStep?: number;
  /** Hessian of the objective; default: central differences of the gradient. */
  hessian?: (x: Float64Array) => Float64Array;
}

export interface MinimiseResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Why it stopped, in words. */
  message: string;
  /** Why it stopped, as a code and the values of `message` (a screen words it in its language). */
  stop: MinimiseStop;
}

export type MinimiseStop =
  | { code: 'converged'; iterations: number }
  | { code: 'start-not-finite' }
  | { code: 'ridge'; estimates: number[] }
  | { code: 'stalled'; decrease: number }
  | { code: 'max-iterations'; iterations: number; decrease: number };

/** Central-difference gradient of f at x (for objectives without an analytic one). */
export function numericalGradient(f: (x: Float64Array) => number, x: Float64Array, out: Float64Array): Float64Array {
  return centralDifferenceGradient(f, x, (v) => 1e-6 * Math.max(1, Math.abs(v)), out);
}

/** Symmetric Hessian (row-major) by central differences of the gradient, with step steps[j] in coordinate j. */
export function hessianOf(objective: Objective, x: Float64Array, steps: readonly number[] = Array.from(x, (v) => 1e-5 * Math.max(1, Math.abs(v)))): Float64Array {
  const n = x.length;
  const h = new Float64Array(n * n);
  const probe = Float64Array.from(x);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const step = steps[j]!;
    probe[j] = x[j]! + step;
    objective(probe, up);
    probe[j] = x[j]! - step;
    objective(probe, down);
    probe[j] = x[j]!;
    for (let i = 0; i < n; i++) h[i * n + j] = (up[i]! - down[i]!) / (2 * step);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (h[i * n + j]! + h[j * n + i]!) / 2;
      h[i * n + j] = mean;
      h[j * n + i] = mean;
    }
  }
  return h;
}

/**
 * The Hessian at an optimum, for the covariance: a first pass gives each coordinate's curvature, the second
 * differentiates with steps of 1e-4 standard errors (truncation error ~1e-9 relative, whatever the scaling).
 */
export function hessianAtOptimum(objective: Objective, x: Float64Array): Float64Array {
  const n = x.length;
  const first = hessianOf(objective, x);
  const steps = Array.from(x, (v, j) => {
    const curvature = first[j * n + j]!;
    return curvature > 0 && Number.isFinite(curvature) ? 1e-4 / Math.sqrt(curvature) : 1e-5 * Math.max(1, Math.abs(v));
  });
  return hessianOf(objective, x, steps);
}

/** Symmetric Hessian (row-major) by second differences of f alone (for objectives without an analytic gradient). */
export function hessianOfValue(f: (x: Float64Array) => number, x: Float64Array, relativeStep = 1e-4): Float64Array {
  return secondDifferenceHessian(f, x, Array.from(x, (v) => relativeStep * Math.max(1, Math.abs(v))));
}

/** Newton iterations in a row without a positive definite Hessian before giving up. */
const RIDGE_ITERATIONS = 30;

/** Cholesky factor of H + mu diag(|H_ii|, 1) for the smallest mu in 0, 1e-8, 1e-7, ... that makes it positive definite. */
function dampedFactor(h: Float64Array, n: number): Float64Array | null {
  for (let mu = 0; mu <= 1e8; mu = mu === 0 ? 1e-8 : mu * 10) {
    const a = Float64Array.from(h);
    for (let i = 0; i < n; i++) a[i * n + i] = h[i * n + i]! + mu * Math.max(Math.abs(h[i * n + i]!), 1);
    if (choleskyInPlace(a, n)) return a;
  }
  return null;
}

/**
 * Damped Newton minimisation: the step solves (H + mu D) d = -g with the smallest damping mu that makes the
 * matrix positive definite, is capped at `maxStep` per coordinate and shortened until f decreases (Armijo).
 * Scale-free convergence test: the Newton decrement g' H^-1 g / 2, the predicted decrease of f, below 1e-10
 * (in log-likelihood units) at a point where H is positive definite.
 */
export function minimise(objective: Objective, start: readonly number[], options: MinimiseOptions = {}): MinimiseResult {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 200;
  const maxStep = options.maxStep ?? 2;
  const hessian = options.hessian ?? ((x: Float64Array) => hessianOf(objective, x));
  let evaluations = 0;
  const evaluate = (x: Float64Array, g: Float64Array): number => {
    evaluations++;
    const v = objective(x, g);
    return Number.isFinite(v) && g.every(Number.isFinite) ? v : Infinity;
  };

  let x: Float64Array = Float64Array.from(start);
  let g: Float64Array = new Float64Array(n);
  let f = evaluate(x, g);
  if (!Number.isFinite(f)) {
    return { x, value: f, gradient: g, iterations: 0, evaluations, converged: false, message: 'the likelihood cannot be evaluated at the starting values', stop: { code: 'start-not-finite' } };
  }
  let decrement = Infinity;
  let iterations = 0;
  let stalled = false;
  let indefinite = 0;
  for (; iterations < maxIterations; iterations++) {
    const h = hessian(x);
    const positiveDefinite = choleskyInPlace(Float64Array.from(h), n);
    indefinite = positiveDefinite ? 0 : indefinite + 1;
    // Far from any regular optimum for this long: the objective falls along a ridge towards the boundary.
    if (indefinite > RIDGE_ITERATIONS) break;
    const factor = dampedFactor(h, n);
    if (!factor) {
      stalled = true;
      break;
    }
    const step = choleskySolve(factor, n, Float64Array.from(g, (v) => -v));
    const slope = step.reduce((acc, d, i) => acc + d * g[i]!, 0);
    decrement = positiveDefinite ? -slope / 2 : Infinity;
    // Below 1e-14 the predicted decrease is under the rounding of f: the step cannot be judged, and is not needed.
    if (decrement < 1e-14 * Math.max(1, Math.abs(f))) break;
    const longest = step.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    let alpha = longest > maxStep ? maxStep / longest : 1;
    const next = new Float64Array(n);
    const gNext = new Float64Array(n);
    let accepted = false;
    for (let k = 0; k < 60; k++, alpha /= 2) {
      for (let i = 0; i < n; i++) next[i] = x[i]! + alpha * step[i]!;
      const fNext = evaluate(next, gNext);
      // Near the optimum f changes by less than its rounding: then accept a step that does not raise it.
      if (fNext <= f + 1e-4 * alpha * slope || (decrement < 1e-8 && fNext <= f)) {
        x = Float64Array.from(next);
        g = Float64Array.from(gNext);
        f = fNext;
        accepted = true;
        break;
      }
    }
    if (!accepted) {
      stalled = true;
      break;
    }
  }
  const converged = decrement < 1e-10;
  let message: string;
  let stop: MinimiseStop;
  if (converged) {
    message = `converged in ${iterations} iterations`;
    stop = { code: 'converged', iterations };
  } else if (indefinite > RIDGE_ITERATIONS) {
    const estimates = Array.from(x, (v) => +v.toPrecision(4));
    message = `no optimum inside the parameter space: the estimates drift along a ridge (now ${estimates.join(', ')})`;
    stop = { code: 'ridge', estimates };
  } else if (stalled) {
    message = `no step lowered the objective further (predicted decrease ${decrement.toExponential(2)})`;
    stop = { code: 'stalled', decrease: +decrement.toExponential(2) };
  } else {
    message = `did not converge in ${maxIterations} iterations (predicted decrease ${decrement.toExponential(2)})`;
    stop = { code: 'max-iterations', iterations: maxIterations, decrease: +decrement.toExponential(2) };
  }
  return { x, value: f, gradient: g, iterations, evaluations, converged, message, stop };
}
