import { describe, expect, it } from 'vitest';
import { createParameterSampler } from '../../../src/engine/uncertainty/sampler';
import { distributionMean, distributionVariance, resolveDistribution } from '../../../src/engine/uncertainty/distributions';
import type { ParameterDistribution } from '../../../src/engine/uncertainty/distributions';
import type { CorrelationSpec } from '../../../src/engine/uncertainty/copula';
import { DRAWS_PER_STREAM } from '../../../src/engine/uncertainty/rng';

const params: ParameterDistribution[] = [
  { name: 'p_beta', dist: { type: 'beta', mean: 0.3, se: 0.05 } },
  { name: 'p_beta_small', dist: { type: 'beta', alpha: 0.5, beta: 0.7 } },
  { name: 'c_gamma', dist: { type: 'gamma', mean: 1200, se: 300 } },
  { name: 'c_gamma_small', dist: { type: 'gamma', shape: 0.6, scale: 2 } },
  { name: 'rr_lognormal', dist: { type: 'lognormal', mean: 0.8, se: 0.2 } },
  { name: 'x_normal', dist: { type: 'normal', mean: -2, sd: 0.5 } },
  { name: 'x_trunc', dist: { type: 'normal', mean: 0, sd: 1, lower: 0 } },
  { name: 'x_uniform', dist: { type: 'uniform', min: 2, max: 6 } },
  { name: 'x_tri', dist: { type: 'triangular', min: 0, mode: 0.2, max: 1 } },
  { name: 'x_fixed', dist: { type: 'fixed', value: 7 } },
];

function columnStats(block: Float64Array, width: number, column: number) {
  const n = block.length / width;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += block[i * width + column]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (block[i * width + column]! - mean) ** 2;
  return { mean, variance: ss / (n - 1), n };
}

function ranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(values.length);
  order.forEach(([, i], rank) => (r[i] = rank));
  return r;
}

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('sample moments match the distributions', () => {
  const n = 200000;
  const sampler = createParameterSampler(params, [], 2024);
  const block = sampler.fill(0, n);

  it.each(params.map((p, column) => [p.name, column] as const))('%s', (name, column) => {
    const dist = resolveDistribution(name, params[column]!.dist);
    const expectedMean = distributionMean(dist);
    const expectedVar = distributionVariance(dist);
    const { mean, variance } = columnStats(block, sampler.parameterCount, column);
    if (expectedVar === 0) {
      expect(mean).toBe(expectedMean);
      return;
    }
    // Mean within 4.5 standard errors; variance within 3 %.
    expect(Math.abs(mean - expectedMean)).toBeLessThan(4.5 * Math.sqrt(expectedVar / n));
    expect(variance / expectedVar).toBeGreaterThan(0.97);
    expect(variance / expectedVar).toBeLessThan(1.03);
  });

  it('respects supports (beta in (0,1), gamma > 0, truncation, uniform and triangular bounds)', () => {
    const width = sampler.parameterCount;
    let bad = 0;
    for (let i = 0; i < n; i++) {
      const row = block.subarray(i * width, (i + 1) * width);
      if (!(row[0]! > 0 && row[0]! < 1 && row[1]! >= 0 && row[1]! <= 1)) bad++;
      if (!(row[2]! > 0 && row[3]! >= 0 && row[4]! > 0)) bad++;
      if (!(row[6]! >= 0 && row[7]! >= 2 && row[7]! < 6 && row[8]! >= 0 && row[8]! <= 1)) bad++;
      if (row.some((v) => !Number.isFinite(v))) bad++;
    }
    expect(bad).toBe(0);
  });
});

describe('Dirichlet groups', () => {
  it('rows sum to 1 and category means are alpha / total', () => {
    const sampler = createParameterSampler(
      [
        { name: 'a', dist: { type: 'dirichlet', group: 'from_A', alpha: 1251 } },
        { name: 'b', dist: { type: 'dirichlet', group: 'from_A', alpha: 350 } },
        { name: 'c', dist: { type: 'dirichlet', group: 'from_A', alpha: 116 } },
        { name: 'other', dist: { type: 'beta', alpha: 2, beta: 2 } },
        { name: 'd', dist: { type: 'dirichlet', group: 'from_B', alpha: 0.5 } },
        { name: 'e', dist: { type: 'dirichlet', group: 'from_B', alpha: 1.5 } },
      ],
      [],
      5,
    );
    const n = 50000;
    const block = sampler.fill(0, n);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const o = i * 6;
      worst = Math.max(worst, Math.abs(block[o]! + block[o + 1]! + block[o + 2]! - 1), Math.abs(block[o + 4]! + block[o + 5]! - 1));
    }
    expect(worst).toBeLessThan(1e-12);
    const total = 1251 + 350 + 116;
    expect(columnStats(block, 6, 1).mean).toBeCloseTo(350 / total, 3);
    // Dirichlet(0.5, 1.5): first category ~ Beta(0.5, 1.5), mean 0.25, variance 0.25*0.75/3
    const d = columnStats(block, 6, 4);
    expect(d.mean).toBeCloseTo(0.25, 2);
    expect(d.variance / (0.1875 / 3)).toBeCloseTo(1, 1);
  });
});

describe('Gaussian copula', () => {
  const correlated: ParameterDistribution[] = [
    { name: 'u_a', dist: { type: 'beta', mean: 0.7, se: 0.1 } },
    { name: 'u_b', dist: { type: 'beta', mean: 0.6, se: 0.1 } },
    { name: 'c_x', dist: { type: 'gamma', mean: 100, se: 30 } },
    { name: 'free', dist: { type: 'normal', mean: 0, sd: 1 } },
  ];
  const matrix = [
    [1, 0.8, -0.5],
    [0.8, 1, -0.3],
    [-0.5, -0.3, 1],
  ];

  it('reproduces the target rank correlation (6/pi) asin(rho/2) and keeps the marginals', () => {
    const sampler = createParameterSampler(correlated, [{ name: 'utilities', parameters: ['u_a', 'u_b', 'c_x'], matrix }], 11);
    const n = 20000;
    const block = sampler.fill(0, n);
    const col = (c: number) => Array.from({ length: n }, (_, i) => block[i * 4 + c]!);
    const [a, b, c, free] = [col(0), col(1), col(2), col(3)];
    const spearman = (x: number[], y: number[]) => pearson(ranks(x), ranks(y));
    const target = (rho: number) => (6 / Math.PI) * Math.asin(rho / 2);
    expect(Math.abs(spearman(a, b) - target(0.8))).toBeLessThan(0.02);
    expect(Math.abs(spearman(a, c) - target(-0.5))).toBeLessThan(0.02);
    expect(Math.abs(spearman(b, c) - target(-0.3))).toBeLessThan(0.02);
    expect(Math.abs(spearman(a, free))).toBeLessThan(0.03);
    expect(columnStats(block, 4, 0).mean).toBeCloseTo(0.7, 2);
    expect(Math.sqrt(columnStats(block, 4, 2).variance)).toBeCloseTo(30, 0);
  });

  it('transforms every marginal type through the copula without NaN and within its support', () => {
    const mixed: ParameterDistribution[] = [
      { name: 'tn', dist: { type: 'normal', mean: 0, sd: 1, lower: 0, upper: 2 } },
      { name: 'tri', dist: { type: 'triangular', min: 1, mode: 2, max: 4 } },
      { name: 'un', dist: { type: 'uniform', min: -1, max: 1 } },
      { name: 'ln', dist: { type: 'lognormal', meanlog: 0, sdlog: 0.5 } },
      { name: 'bs', dist: { type: 'beta', alpha: 0.5, beta: 0.7 } },
      { name: 'fx', dist: { type: 'fixed', value: 3 } },
    ];
    const names = mixed.map((p) => p.name);
    const matrix = names.map((_, i) => names.map((__, j) => (i === j ? 1 : 0.3)));
    const block = createParameterSampler(mixed, [{ parameters: names, matrix }], 5).fill(0, 5000);
    let bad = 0;
    for (let i = 0; i < 5000; i++) {
      const [tn, tri, un, ln, bs, fx] = block.subarray(i * 6, i * 6 + 6);
      if (!(tn! >= 0 && tn! <= 2 && tri! >= 1 && tri! <= 4 && un! >= -1 && un! <= 1 && ln! > 0 && bs! >= 0 && bs! <= 1 && fx === 3)) bad++;
    }
    expect(bad).toBe(0);
    expect(columnStats(block, 6, 1).mean).toBeCloseTo(7 / 3, 1);
  });

  it('rejects a matrix that is not positive definite, naming it and its parameters', () => {
    const bad: CorrelationSpec = {
      name: 'utilities',
      parameters: ['u_a', 'u_b', 'c_x'],
      matrix: [
        [1, 0.9, 0.9],
        [0.9, 1, -0.9],
        [0.9, -0.9, 1],
      ],
    };
    expect(() => createParameterSampler(correlated, [bad], 1)).toThrow(/utilities \(u_a, u_b, c_x\) is not positive definite/);
  });

  it('rejects asymmetric matrices, unknown parameters and Dirichlet members', () => {
    expect(() =>
      createParameterSampler(correlated, [{ parameters: ['u_a', 'u_b'], matrix: [[1, 0.2], [0.3, 1]] }], 1),
    ).toThrow(/correlation matrix 1 \(u_a, u_b\): is not symmetric/);
    expect(() =>
      createParameterSampler(correlated, [{ name: 'm', parameters: ['u_a', 'nope'], matrix: [[1, 0.2], [0.2, 1]] }], 1),
    ).toThrow(/m: parameter "nope" has no distribution/);
    expect(() =>
      createParameterSampler(
        [
          { name: 'a', dist: { type: 'dirichlet', group: 'g', alpha: 1 } },
          { name: 'b', dist: { type: 'dirichlet', group: 'g', alpha: 1 } },
          { name: 'c', dist: { type: 'fixed', value: 1 } },
        ],
        [{ parameters: ['a', 'c'], matrix: [[1, 0.2], [0.2, 1]] }],
        1,
      ),
    ).toThrow(/Dirichlet parameter "a" cannot be correlated/);
  });
});

describe('determinism by draw index', () => {
  const all: ParameterDistribution[] = [
    ...params,
    { name: 'd1', dist: { type: 'dirichlet', group: 'g', alpha: 3 } },
    { name: 'd2', dist: { type: 'dirichlet', group: 'g', alpha: 4 } },
  ];
  const correlations: CorrelationSpec[] = [{ parameters: ['p_beta', 'c_gamma'], matrix: [[1, 0.4], [0.4, 1]] }];
  const n = 2 * DRAWS_PER_STREAM + 900; // spans three streams

  it('gives identical arrays as one block or as 4 chunks filled in any order, by any sampler instance', () => {
    const whole = createParameterSampler(all, correlations, 42).fill(0, n);
    const cuts = [0, 1300, 2 * DRAWS_PER_STREAM - 1, 2 * DRAWS_PER_STREAM + 17, n];
    const width = all.length;
    const assembled = new Float64Array(n * width);
    const shared = createParameterSampler(all, correlations, 42);
    for (const k of [3, 1, 0, 2]) {
      const chunk = (k % 2 === 0 ? shared : createParameterSampler(all, correlations, 42)).fill(cuts[k]!, cuts[k + 1]!);
      assembled.set(chunk, cuts[k]! * width);
    }
    expect(assembled).toEqual(whole);
  });

  it('gives the same draws when one sampler fills chunks of a stream in order, with gaps, and back again', () => {
    const whole = createParameterSampler(all, correlations, 42).fill(0, n);
    const width = all.length;
    const s = createParameterSampler(all, correlations, 42);
    // In order with gaps (a worker's share of interleaved chunks), across a stream boundary, then backwards.
    const cuts: [number, number][] = [[0, 100], [100, 300], [700, 900], [900, DRAWS_PER_STREAM + 10], [DRAWS_PER_STREAM + 500, DRAWS_PER_STREAM + 600], [DRAWS_PER_STREAM + 20, DRAWS_PER_STREAM + 30], [50, 60], [DRAWS_PER_STREAM + 600, n]];
    for (const [a, b] of cuts) expect(s.fill(a, b)).toEqual(whole.subarray(a * width, b * width));
  });

  it('gives the same draws whether prepare() or the first fill builds the tables', () => {
    const prepared = createParameterSampler(all, correlations, 42);
    prepared.prepare();
    prepared.prepare();
    expect(prepared.fill(DRAWS_PER_STREAM - 5, DRAWS_PER_STREAM + 5)).toEqual(createParameterSampler(all, correlations, 42).fill(DRAWS_PER_STREAM - 5, DRAWS_PER_STREAM + 5));
  });

  it('depends on the seed, and fills a caller buffer at offset 0', () => {
    const a = createParameterSampler(params, [], 1).fill(10, 20);
    const b = createParameterSampler(params, [], 2).fill(10, 20);
    expect(a).not.toEqual(b);
    const buffer = new Float64Array(10 * params.length + 5).fill(-1);
    createParameterSampler(params, [], 1).fill(10, 20, buffer);
    expect(buffer.subarray(0, 10 * params.length)).toEqual(a);
    expect(buffer[10 * params.length]).toBe(-1);
  });

  it('rejects bad ranges and short buffers', () => {
    const s = createParameterSampler(params, [], 1);
    expect(() => s.fill(5, 2)).toThrow(/0 <= start <= end/);
    expect(() => s.fill(0, 2, new Float64Array(3))).toThrow(/holds 3 values/);
    expect(s.columnOf('c_gamma')).toBe(2);
    expect(() => s.columnOf('zzz')).toThrow(/not sampled/);
  });
});
