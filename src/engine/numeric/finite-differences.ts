// Finite-difference derivatives for the optimisers (minimise.ts, newton.ts); each passes its own step sizes.

/** Central-difference gradient of f at x, with step stepOf(x_i) in coordinate i. */
export function centralDifferenceGradient(f: (x: Float64Array) => number, x: Float64Array, stepOf: (v: number) => number, out: Float64Array): Float64Array {
  const probe = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    const h = stepOf(x[i]!);
    probe[i] = x[i]! + h;
    const up = f(probe);
    probe[i] = x[i]! - h;
    const down = f(probe);
    probe[i] = x[i]!;
    out[i] = (up - down) / (2 * h);
  }
  return out;
}

/** Symmetric Hessian (row-major n × n) by central second differences of f alone, with step steps[i] in coordinate i. */
export function secondDifferenceHessian(f: (x: Float64Array) => number, x: Float64Array, steps: ArrayLike<number>): Float64Array {
  const n = x.length;
  const h = new Float64Array(n * n);
  const probe = Float64Array.from(x);
  const at = (i: number, di: number, j: number, dj: number): number => {
    probe[i] = probe[i]! + di;
    probe[j] = probe[j]! + dj;
    const v = f(probe);
    probe[i] = x[i]!;
    probe[j] = x[j]!;
    return v;
  };
  const f0 = f(probe);
  for (let i = 0; i < n; i++) {
    const si = steps[i]!;
    h[i * n + i] = (at(i, si, i, 0) - 2 * f0 + at(i, -si, i, 0)) / (si * si);
    for (let j = 0; j < i; j++) {
      const sj = steps[j]!;
      const v = (at(i, si, j, sj) - at(i, si, j, -sj) - at(i, -si, j, sj) + at(i, -si, j, -sj)) / (4 * si * sj);
      h[i * n + j] = v;
      h[j * n + i] = v;
    }
  }
  return h;
}
