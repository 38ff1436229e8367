// Unconstrained minimisation of smooth functions of a few variables (likelihood fits): BFGS with central-difference
// gradients and a backtracking (Armijo) line search, then Newton steps on a finite-difference Hessian to polish the
// optimum. Hand-written because no maintained optimiser on the npm registry offers quasi-Newton steps with this
// control over convergence and curvature (fmin 0.0.4 is unmaintained; ml-levenberg-marquardt fits curves only).

export interface MinimiseOptions {
  /** Stop when every gradient component is below this (absolute). Default 1e-7. */
  gradientTolerance?: number;
  /** Default 500. */
  maxIterations?: number;
}

export interface MinimiseResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  converged: boolean;
  /** Why it stopped, in words (shown to users when a fit does not converge). */
  message: string;
}

import { inverseSpd } from './linear-algebra';
import { centralDifferenceGradient, secondDifferenceHessian } from './finite-differences';

type Objective = (x: Float64Array) => number;

function finiteValue(f: Objective, x: Float64Array): number {
  const v = f(x);
  return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
}

function stepSize(x: number, relative: number): number {
  return relative * (1 + Math.abs(x));
}

/** Central-difference gradient (step 1e-5 (1 + |x_i|)). */
export function numericGradient(f: Objective, x: Float64Array, out = new Float64Array(x.length)): Float64Array {
  return centralDifferenceGradient(f, x, (v) => stepSize(v, 1e-5), out);
}

/** Central second differences (step 1e-4 (1 + |x_i|)), symmetric, row-major n x n. */
export function numericHessian(f: Objective, x: Float64Array): Float64Array {
  return secondDifferenceHessian(f, x, Array.from(x, (v) => stepSize(v, 1e-4)));
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}

/** Minimises f from x0; never throws for a bad function value (non-finite values count as +Infinity). */
export function minimise(f: Objective, x0: ArrayLike<number>, options: MinimiseOptions = {}): MinimiseResult {
  const tolerance = options.gradientTolerance ?? 1e-7;
  const maxIterations = options.maxIterations ?? 500;
  const n = x0.length;
  let x: Float64Array = Float64Array.from(x0);
  let value = finiteValue(f, x);
  if (!Number.isFinite(value)) {
    return { x, value, gradient: new Float64Array(n), iterations: 0, converged: false, message: 'the objective is not finite at the starting values' };
  }
  let g: Float64Array = numericGradient(f, x);
  const inverse = identity(n);
  let iterations = 0;
  let resetOnce = false;
  while (iterations < maxIterations && maxAbs(g) > tolerance) {
    iterations++;
    const direction = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= inverse[i * n + j]! * g[j]!;
      direction[i] = s;
    }
    let slope = 0;
    for (let i = 0; i < n; i++) slope += direction[i]! * g[i]!;
    if (!(slope < 0)) {
      // Not a descent direction: restart from steepest descent.
      setIdentity(inverse, n);
      for (let i = 0; i < n; i++) direction[i] = -g[i]!;
      slope = -dot(g, g);
    }
    const step = lineSearch(f, x, value, direction, slope);
    if (step === null) {
      if (resetOnce) break;
      resetOnce = true;
      setIdentity(inverse, n);
      continue;
    }
    resetOnce = false;
    const nextG = numericGradient(f, step.x);
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = step.x[i]! - x[i]!;
      y[i] = nextG[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-14 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (iterations === 1) scale(inverse, sy / dot(y, y));
      updateInverse(inverse, s, y, sy, n);
    }
    x = step.x;
    value = step.value;
    g = nextG;
  }
  const polished = newtonPolish(f, x, value, g, tolerance);
  x = polished.x;
  value = polished.value;
  g = polished.gradient;
  const gradientSize = maxAbs(g);
  // Converged: a minimum (positive definite curvature) where the gradient is small or, when finite differences
  // leave it at their noise floor, where a full Newton step would lower f by less than 1e-10.
  const converged = polished.positiveDefinite && (gradientSize <= tolerance || polished.decrement < 1e-10);
  const message = converged
    ? `converged in ${iterations} iterations`
    : !polished.positiveDefinite
      ? `stopped after ${iterations} iterations at a point that is not a minimum (the curvature is not positive definite)`
      : `did not converge in ${iterations} iterations (largest gradient component ${gradientSize.toPrecision(3)})`;
  return { x, value, gradient: g, iterations, converged, message };
}

function lineSearch(f: Objective, x: Float64Array, value: number, direction: Float64Array, slope: number): { x: Float64Array; value: number } | null {
  const trial = new Float64Array(x.length);
  let t = 1;
  for (let k = 0; k < 60; k++) {
    for (let i = 0; i < x.length; i++) trial[i] = x[i]! + t * direction[i]!;
    const v = finiteValue(f, trial);
    if (v <= value + 1e-4 * t * slope) return { x: Float64Array.from(trial), value: v };
    t *= 0.5;
  }
  return null;
}

/** Up to five Newton steps on the finite-difference Hessian, each kept only when it lowers f. */
function newtonPolish(
  f: Objective,
  x: Float64Array,
  value: number,
  g: Float64Array,
  tolerance: number,
): { x: Float64Array; value: number; gradient: Float64Array; positiveDefinite: boolean; decrement: number } {
  const n = x.length;
  let positiveDefinite = false;
  let decrement = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 5; k++) {
    const inv = inverseSpd(numericHessian(f, x), n);
    positiveDefinite = inv !== null;
    if (!inv) break;
    const step = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += inv[i * n + j]! * g[j]!;
      step[i] = s;
    }
    decrement = dot(step, g) / 2;
    if (maxAbs(g) <= tolerance * 1e-3) break;
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) next[i] = x[i]! - step[i]!;
    const v = finiteValue(f, next);
    if (!(v <= value)) break;
    const nextG = numericGradient(f, next);
    if (maxAbs(nextG) >= maxAbs(g) && v >= value - 1e-15 * Math.abs(value)) break;
    x = next;
    value = v;
    g = nextG;
  }
  return { x, value, gradient: g, positiveDefinite, decrement };
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  setIdentity(m, n);
  return m;
}

function setIdentity(m: Float64Array, n: number): void {
  m.fill(0);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
}

function scale(m: Float64Array, factor: number): void {
  for (let i = 0; i < m.length; i++) m[i]! *= factor;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** BFGS update of the inverse Hessian: H <- (I - rho s y') H (I - rho y s') + rho s s'. */
function updateInverse(h: Float64Array, s: Float64Array, y: Float64Array, sy: number, n: number): void {
  const rho = 1 / sy;
  const hy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v += h[i * n + j]! * y[j]!;
    hy[i] = v;
  }
  const yhy = dot(y, hy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      h[i * n + j] = h[i * n + j]! - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!;
    }
  }
}
