import { describe, expect, it } from 'vitest';
import { centralDifferenceGradient, secondDifferenceHessian } from '../../../src/engine/numeric/finite-differences';
import { numericHessian } from '../../../src/engine/numeric/minimise';
import { hessianOfValue, numericalGradient } from '../../../src/engine/numeric/newton';

// f(x, y) = x^3 + 2 x y + y^2: the central difference of x^3 is 3x^2 + h^2 and its second difference 6x, exactly
// (dyadic steps keep every value exact in binary).
const f = (v: Float64Array): number => v[0]! ** 3 + 2 * v[0]! * v[1]! + v[1]! ** 2;

describe('finite differences shared by the optimisers', () => {
  it('probes each coordinate at x ± its own step and leaves the others at x', () => {
    const seen: number[][] = [];
    const record = (v: Float64Array): number => (seen.push(Array.from(v)), f(v));
    const x = Float64Array.of(1, 2);
    const g = centralDifferenceGradient(record, x, (v) => v / 4, new Float64Array(2));
    expect(seen).toEqual([[1.25, 2], [0.75, 2], [1, 2.5], [1, 1.5]]);
    // d/dx = 3x^2 + 2y = 7 (plus h^2 = 1/16 from the cubic), d/dy = 2x + 2y = 6.
    expect(Array.from(g)).toEqual([7 + 1 / 16, 6]);
    expect(Array.from(x)).toEqual([1, 2]);
  });

  it('second differences give the Hessian with a step per coordinate', () => {
    const h = secondDifferenceHessian(f, Float64Array.of(1, 2), [0.5, 0.25]);
    expect(Array.from(h)).toEqual([6, 2, 2, 2]);
  });

  it('each optimiser keeps its own step sizes', () => {
    const x = Float64Array.of(3, -2);
    const calls = (run: (g: (v: Float64Array) => number) => void): number[][] => {
      const seen: number[][] = [];
      run((v) => (seen.push(Array.from(v)), f(v)));
      return seen;
    };
    // newton.ts: 1e-6 max(1, |x|) for gradients, 1e-4 max(1, |x|) for Hessians; minimise.ts: 1e-4 (1 + |x|).
    expect(calls((g) => numericalGradient(g, x, new Float64Array(2)))[0]).toEqual([3 + 3e-6, -2]);
    expect(calls((g) => hessianOfValue(g, x))[1]).toEqual([3 + 3e-4, -2]);
    expect(calls((g) => numericHessian(g, x))[1]).toEqual([3 + 4e-4, -2]);
  });
});
