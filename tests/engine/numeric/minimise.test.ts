import { describe, expect, it } from 'vitest';
import { cholesky, inverseSpd } from '../../../src/engine/numeric/linear-algebra';
import { minimise, numericHessian } from '../../../src/engine/numeric/minimise';

describe('minimise (BFGS + Newton polish)', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const rosenbrock = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const result = minimise(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('solves a correlated quadratic exactly: minimiser A^-1 b', () => {
    // f = x'Ax/2 - b'x with A = [[4, 1], [1, 3]], b = (1, 2): minimiser (1/11, 7/11).
    const f = (x: Float64Array) => 0.5 * (4 * x[0]! ** 2 + 2 * x[0]! * x[1]! + 3 * x[1]! ** 2) - x[0]! - 2 * x[1]!;
    const result = minimise(f, [5, -5]);
    expect(result.x[0]).toBeCloseTo(1 / 11, 8);
    expect(result.x[1]).toBeCloseTo(7 / 11, 8);
    const h = numericHessian(f, result.x);
    expect(Array.from(h).map((v) => +v.toFixed(5))).toEqual([4, 1, 1, 3]);
  });

  it('reports a function without a minimum as not converged, and a non-finite start plainly', () => {
    const unbounded = minimise((x) => -x[0]! * x[0]!, [0.5], { maxIterations: 30 });
    expect(unbounded.converged).toBe(false);
    const nan = minimise(() => Number.NaN, [0]);
    expect(nan.converged).toBe(false);
    expect(nan.message).toMatch(/not finite at the starting values/);
  });

  it('inverts a positive definite matrix and refuses an indefinite one', () => {
    const inv = inverseSpd([4, 2, 2, 3], 2)!;
    // inverse of [[4,2],[2,3]] = [[3,-2],[-2,4]] / 8
    [0.375, -0.25, -0.25, 0.5].forEach((v, i) => expect(inv[i]).toBeCloseTo(v, 14));
    expect(inverseSpd([1, 2, 2, 1], 2)).toBeNull();
    expect(cholesky([0, 0, 0, 1], 2)).toBeNull();
  });
});
