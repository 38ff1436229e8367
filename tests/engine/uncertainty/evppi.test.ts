import { describe, expect, it } from 'vitest';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { evppiAcrossThresholds, evppiByRegression } from '../../../src/engine/uncertainty/evppi';
import type { PsaResults } from '../../../src/engine/uncertainty/psa-summary';
import { createParameterSampler } from '../../../src/engine/uncertainty/sampler';

const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
/** E[max(0, X)] - max(0, mu) for X ~ N(mu, s^2). */
const normalVoi = (mu: number, s: number) => s * phi(mu / s) - Math.abs(mu) * normalCdf(-Math.abs(mu) / s, 0, 1);

function drawParameters(count: number, draws: number, seed: number) {
  const sampler = createParameterSampler(
    Array.from({ length: count }, (_, k) => ({ name: `t${k + 1}`, dist: { type: 'normal' as const, mean: 0, sd: 1 } })),
    [],
    seed,
  );
  return { names: sampler.names, values: sampler.fill(0, draws) };
}

/** Strategies with costs only (effects 0), so NB = -cost at any wtp; incNb(i) gives NB_d - NB_1 per draw. */
function resultsFrom(draws: number, strategies: number, incNb: (i: number, d: number) => number): PsaResults {
  const costs = new Float64Array(draws * strategies);
  for (let i = 0; i < draws; i++) for (let d = 1; d < strategies; d++) costs[i * strategies + d] = -incNb(i, d);
  return {
    strategyIds: Array.from({ length: strategies }, (_, d) => `s${d}`),
    draws,
    costs,
    effects: new Float64Array(draws * strategies),
  };
}

describe('EVPPI by penalised-spline regression', () => {
  it('matches the closed form when incremental NB is linear in normal parameters', () => {
    const draws = 5000;
    const params = drawParameters(2, draws, 8);
    const [mu, a, b] = [200, 600, 800];
    const results = resultsFrom(draws, 2, (i) => mu + a * params.values[i * 2]! + b * params.values[i * 2 + 1]!);
    const [one, two, both] = evppiByRegression(results, params, [['t1'], ['t2'], ['t1', 't2']], 0, { seDraws: 50 });
    // Sample-based targets (known g on these draws) and the closed forms.
    const target = (g: (i: number) => number) => {
      let sumMax = 0;
      let sum = 0;
      for (let i = 0; i < draws; i++) {
        sumMax += Math.max(0, g(i));
        sum += g(i);
      }
      return sumMax / draws - Math.max(0, sum / draws);
    };
    const t1 = target((i) => mu + a * params.values[i * 2]!);
    const t2 = target((i) => mu + b * params.values[i * 2 + 1]!);
    expect(Math.abs(one!.raw - t1) / t1).toBeLessThan(0.03);
    expect(Math.abs(two!.raw - t2) / t2).toBeLessThan(0.03);
    expect(Math.abs(one!.evppi - normalVoi(mu, a)) / normalVoi(mu, a)).toBeLessThan(0.08);
    expect(Math.abs(both!.evppi - normalVoi(mu, Math.hypot(a, b))) / normalVoi(mu, Math.hypot(a, b))).toBeLessThan(0.08);
    expect(both!.evppi / both!.evpi).toBeGreaterThan(0.98);
    expect(one!.method).toBe('p-spline');
    expect(both!.method).toBe('tensor-p-spline');
    expect(one!.se!).toBeGreaterThan(0);
    expect(one!.se!).toBeLessThan(0.1 * one!.evppi);
  });

  it('gives EVPPI = EVPI for the only parameter NB depends on (nonlinear), and about 0 for an irrelevant one', () => {
    const draws = 4000;
    const params = drawParameters(2, draws, 21);
    const results = resultsFrom(draws, 3, (i, d) => {
      const t = params.values[i * 2]!;
      return d === 1 ? 1000 * (t * t - 0.9) : 800 * Math.sin(2 * t) + 100;
    });
    const [relevant, irrelevant] = evppiByRegression(results, params, [['t1'], ['t2']], 0, { seDraws: 0 });
    expect(relevant!.evpi).toBeGreaterThan(100);
    expect(Math.abs(relevant!.raw / relevant!.evpi - 1)).toBeLessThan(0.01);
    expect(irrelevant!.evppi).toBeGreaterThanOrEqual(0);
    expect(irrelevant!.evppi / irrelevant!.evpi).toBeLessThan(0.05);
    expect(relevant!.se).toBeNull();
  });

  it('gives every threshold the values of a run at that threshold alone (threshold-free work shared per group)', () => {
    const draws = 600;
    const params = drawParameters(4, draws, 12);
    const v = (i: number, k: number) => params.values[i * 4 + k]!;
    const results = resultsFrom(draws, 3, (i, d) => (d === 1 ? 300 * v(i, 0) - 200 * v(i, 1) * v(i, 2) : 100 + 250 * v(i, 3)));
    // Effects that change the ranking with the threshold.
    for (let i = 0; i < draws; i++) for (let d = 1; d < 3; d++) results.effects[i * 3 + d] = 0.01 * d + 0.004 * v(i, d);
    const groups = [['t1'], ['t2', 't3'], ['t1', 't2', 't3'], ['t1', 't2', 't3', 't4']];
    const wtps = [0, 20000, 50000];
    const together = evppiAcrossThresholds(results, params, groups, wtps, { seDraws: 10 });
    expect(together).toEqual(wtps.flatMap((wtp) => evppiByRegression(results, params, groups, wtp, { seDraws: 10 })));
    expect(new Set(together.map((r) => r.evppi)).size).toBeGreaterThan(groups.length);
  });

  it('keeps 0 <= EVPPI <= EVPI for single parameters, tensor groups and additive groups with noise', () => {
    const draws = 2000;
    const params = drawParameters(5, draws, 4);
    const v = (i: number, k: number) => params.values[i * 5 + k]!;
    const results = resultsFrom(draws, 3, (i, d) =>
      d === 1 ? 300 * v(i, 0) - 200 * v(i, 1) * v(i, 2) + 150 * v(i, 4) : 100 + 250 * v(i, 3) + 100 * Math.abs(v(i, 0)),
    );
    const groups = [['t1'], ['t2'], ['t3'], ['t4'], ['t5'], ['t2', 't3'], ['t1', 't2', 't3'], ['t1', 't2', 't3', 't4', 't5']];
    const out = evppiByRegression(results, params, groups, 0, { seDraws: 20 });
    for (const r of out) {
      expect(r.evppi).toBeGreaterThanOrEqual(0);
      expect(r.evppi).toBeLessThanOrEqual(r.evpi);
      expect(r.raw).toBeLessThanOrEqual(r.evpi * 1.02);
    }
    // A group is worth at least about as much as any of its members.
    expect(out[6]!.evppi).toBeGreaterThan(out[0]!.evppi * 0.95);
    expect(out[7]!.method).toBe('additive-p-spline');
    expect(out[6]!.method).toBe('tensor-p-spline');
  });

  it('rejects unknown parameters, too few draws and mismatched blocks', () => {
    const params = drawParameters(1, 100, 1);
    const results = resultsFrom(100, 2, (i) => params.values[i]!);
    expect(() => evppiByRegression(results, params, [['nope']], 0)).toThrow(/"nope" is not among the sampled/);
    expect(() => evppiByRegression(results, { names: ['t1'], values: new Float64Array(5) }, [['t1']], 0)).toThrow(/hold 5 values/);
    const small = resultsFrom(10, 2, () => 1);
    expect(() => evppiByRegression(small, drawParameters(1, 10, 1), [['t1']], 0)).toThrow(/at least 50 draws/);
    expect(() => evppiByRegression(results, params, [['t1', 't1']], 0)).toThrow(/twice/);
  });
});
