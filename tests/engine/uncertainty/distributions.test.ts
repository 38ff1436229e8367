import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import {
  distributionMean,
  distributionQuantile,
  distributionVariance,
  percentileRange,
  resolveDistribution,
  resolveParameters,
} from '../../../src/engine/uncertainty/distributions';
import { correlationSpecSchema, distributionSpecSchema } from '../../../src/engine/uncertainty/distribution-schema';
import type { DistributionSpec } from '../../../src/engine/uncertainty/distribution-spec';

const Z975 = 1.959963984540054;

describe('method of moments', () => {
  it.each([
    { type: 'beta', mean: 0.3, se: 0.05 },
    { type: 'gamma', mean: 1200, se: 300 },
    { type: 'lognormal', mean: 0.8, se: 0.2 },
    { type: 'normal', mean: -2, se: 0.5 },
  ] as const)('round-trips mean and se for %o', (spec) => {
    const dist = resolveDistribution('p', spec);
    expect(distributionMean(dist)).toBeCloseTo(spec.mean, 10);
    expect(Math.sqrt(distributionVariance(dist))).toBeCloseTo(spec.se, 10);
  });

  it('gives the textbook native parameters', () => {
    // beta: common = 0.3*0.7/0.0025 - 1 = 83; alpha = 24.9, beta = 58.1
    const beta = resolveDistribution('p', { type: 'beta', mean: 0.3, se: 0.05 });
    expect(beta).toMatchObject({ type: 'beta' });
    if (beta.type === 'beta') {
      expect(beta.alpha).toBeCloseTo(24.9, 10);
      expect(beta.beta).toBeCloseTo(58.1, 10);
    }
    // gamma: shape = 1200^2/300^2 = 16, rate = 1200/90000
    expect(resolveDistribution('c', { type: 'gamma', mean: 1200, se: 300 })).toEqual({
      type: 'gamma',
      shape: 16,
      rate: 1200 / 90000,
    });
    expect(resolveDistribution('c', { type: 'gamma', shape: 2, scale: 4 })).toEqual({ type: 'gamma', shape: 2, rate: 0.25 });
  });

  it('names the parameter when a parameterisation is impossible or incomplete', () => {
    expect(() => resolveDistribution('p_resp', { type: 'beta', mean: 0.5, se: 0.5 })).toThrow(
      /Parameter "p_resp": beta with mean 0.5 and se 0.5 is impossible: se\^2 = 0.25 must be below mean\(1 - mean\) = 0.25/,
    );
    expect(() => resolveDistribution('p', { type: 'beta', mean: 1.2, se: 0.1 })).toThrow(/strictly between 0 and 1/);
    expect(() => resolveDistribution('c_drug', { type: 'gamma', mean: -5, se: 1 })).toThrow(
      /Parameter "c_drug": gamma mean must be a finite number > 0 \(got -5\)/,
    );
    expect(() => resolveDistribution('x', { type: 'beta', alpha: 1 })).toThrow(/beta needs exactly alpha \+ beta, or mean \+ se \(got alpha\)/);
    expect(() => resolveDistribution('x', { type: 'beta', alpha: 1, beta: 2, mean: 0.3 })).toThrow(/needs exactly/);
    expect(() => resolveDistribution('x', { type: 'uniform', min: 2, max: 1 })).toThrow(/min < max/);
    expect(() => resolveDistribution('x', { type: 'triangular', min: 0, mode: 3, max: 2 })).toThrow(/min <= mode <= max/);
    expect(() => resolveDistribution('x', { type: 'normal', mean: 0, sd: 1, lower: 50 })).toThrow(/almost no probability/);
    expect(() => resolveDistribution('x', { type: 'fixed', value: Number.NaN })).toThrow(/finite/);
  });

  it('checks Dirichlet groups and duplicate names', () => {
    expect(() => resolveParameters([{ name: 'a', dist: { type: 'dirichlet', group: 'g', alpha: 2 } }])).toThrow(
      /Dirichlet group "g" needs at least two/,
    );
    expect(() =>
      resolveParameters([
        { name: 'a', dist: { type: 'fixed', value: 1 } },
        { name: 'a', dist: { type: 'fixed', value: 2 } },
      ]),
    ).toThrow(/"a": the name appears more than once/);
  });
});

describe('quantiles against known values', () => {
  const q = (spec: DistributionSpec, p: number) => distributionQuantile(resolveDistribution('p', spec), p);

  it('normal, lognormal, exponential, beta, triangular, uniform', () => {
    expect(q({ type: 'normal', mean: 0, sd: 1 }, 0.975)).toBeCloseTo(Z975, 12);
    expect(q({ type: 'normal', mean: 10, sd: 2 }, 0.025)).toBeCloseTo(10 - 2 * Z975, 12);
    expect(q({ type: 'lognormal', meanlog: 0, sdlog: 1 }, 0.975)).toBeCloseTo(Math.exp(Z975), 10);
    expect(q({ type: 'gamma', shape: 1, rate: 1 }, 0.5)).toBeCloseTo(Math.LN2, 12);
    expect(q({ type: 'gamma', shape: 1, scale: 3 }, 0.9)).toBeCloseTo(-3 * Math.log(0.1), 10);
    expect(q({ type: 'beta', alpha: 1, beta: 1 }, 0.3)).toBeCloseTo(0.3, 12);
    expect(q({ type: 'beta', alpha: 2, beta: 1 }, 0.36)).toBeCloseTo(0.6, 12); // F(x) = x^2
    expect(q({ type: 'triangular', min: 0, mode: 1, max: 1 }, 0.25)).toBeCloseTo(0.5, 12); // F(x) = x^2
    expect(q({ type: 'uniform', min: 2, max: 6 }, 0.975)).toBe(5.9);
    expect(q({ type: 'fixed', value: 4 }, 0.025)).toBe(4);
  });

  it('truncated normal, including a window far in the upper tail', () => {
    // Half-normal: median = Phi^-1(0.75)
    expect(q({ type: 'normal', mean: 0, sd: 1, lower: 0 }, 0.5)).toBeCloseTo(0.6744897501960817, 10);
    expect(q({ type: 'normal', mean: 0, sd: 1, upper: 0 }, 0.5)).toBeCloseTo(-0.6744897501960817, 10);
    // Window beyond 6 sd: the median m satisfies Phi(-m) = Phi(-6) / 2.
    const far = q({ type: 'normal', mean: 0, sd: 1, lower: 6 }, 0.5);
    expect(far).toBeGreaterThan(6);
    expect(normalCdf(-far, 0, 1) / (normalCdf(-6, 0, 1) / 2)).toBeCloseTo(1, 6);
  });

  it('gives one-way ranges at the 2.5th and 97.5th percentiles', () => {
    const range = percentileRange(resolveDistribution('p', { type: 'normal', mean: 5, sd: 1 }));
    expect(range.low).toBeCloseTo(5 - Z975, 12);
    expect(range.high).toBeCloseTo(5 + Z975, 12);
    expect(percentileRange(resolveDistribution('p', { type: 'uniform', min: 0, max: 1 }), 0.5)).toEqual({ low: 0.25, high: 0.75 });
    expect(() => percentileRange(resolveDistribution('p', { type: 'fixed', value: 1 }), 1)).toThrow(/strictly between/);
  });

  it('Dirichlet category quantiles use the Beta(alpha, total - alpha) marginal', () => {
    const [a] = resolveParameters([
      { name: 'a', dist: { type: 'dirichlet', group: 'g', alpha: 1 } },
      { name: 'b', dist: { type: 'dirichlet', group: 'g', alpha: 1 } },
    ]);
    expect(distributionQuantile(a!.dist, 0.3)).toBeCloseTo(0.3, 12);
    expect(distributionMean(a!.dist)).toBe(0.5);
  });
});

describe('distributionSpecSchema', () => {
  it('accepts each parameterisation and rejects incomplete or mixed ones with the resolver message', () => {
    for (const spec of [
      { type: 'beta', alpha: 2, beta: 3 },
      { type: 'beta', mean: 0.2, se: 0.05 },
      { type: 'gamma', shape: 2, rate: 1 },
      { type: 'lognormal', meanlog: 0, sdlog: 0.1 },
      { type: 'normal', mean: 0, sd: 1, lower: 0 },
      { type: 'uniform', min: 0, max: 1 },
      { type: 'triangular', min: 0, mode: 0.2, max: 1 },
      { type: 'dirichlet', group: 'from_A', alpha: 1251 },
      { type: 'fixed', value: 3 },
    ]) {
      expect(distributionSpecSchema.safeParse(spec).success, JSON.stringify(spec)).toBe(true);
    }
    const mixed = distributionSpecSchema.safeParse({ type: 'gamma', shape: 2, mean: 3 });
    expect(mixed.success).toBe(false);
    expect(mixed.error!.issues[0]!.message).toMatch(/gamma needs exactly shape \+ scale, or shape \+ rate, or mean \+ se/);
    expect(distributionSpecSchema.safeParse({ type: 'weibull', shape: 1 }).success).toBe(false);
    expect(distributionSpecSchema.safeParse({ type: 'beta', alpha: 1, beta: 1, extra: 1 }).success).toBe(false);
  });

  it('converts to JSON Schema (the input side, as the file schema is: numbers may be expressions of numbers)', () => {
    const json = JSON.stringify(z.toJSONSchema(distributionSpecSchema, { io: 'input' }));
    expect(json).toContain('"dirichlet"');
    expect(json).toContain('"string"');
    expect(JSON.stringify(z.toJSONSchema(correlationSpecSchema, { io: 'input' }))).toContain('matrix');
  });
});
