import { describe, expect, it } from 'vitest';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import {
  assertValidPsaResults,
  convergence,
  convergenceAcrossThresholds,
  effectivePopulation,
  incrementalPlane,
  netBenefitSummary,
  populationEvpi,
  psaCliSummary,
  psaMeans,
  psaSummaries,
  sortedQuantile,
} from '../../../src/engine/uncertainty/psa-summary';
import type { PsaResults } from '../../../src/engine/uncertainty/psa-summary';
import { createParameterSampler } from '../../../src/engine/uncertainty/sampler';

const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/** Two strategies: A is (0, 0); B has effect ~ N(1, 0.1^2) and cost ~ N(20000, 1000^2), independent. */
function twoStrategyNormal(draws: number, seed: number): PsaResults {
  const sampler = createParameterSampler(
    [
      { name: 'e', dist: { type: 'normal', mean: 1, sd: 0.1 } },
      { name: 'c', dist: { type: 'normal', mean: 20000, sd: 1000 } },
    ],
    [],
    seed,
  );
  const block = sampler.fill(0, draws);
  const costs = new Float64Array(draws * 2);
  const effects = new Float64Array(draws * 2);
  for (let i = 0; i < draws; i++) {
    effects[i * 2 + 1] = block[i * 2]!;
    costs[i * 2 + 1] = block[i * 2 + 1]!;
  }
  return { strategyIds: ['A', 'B'], draws, costs, effects };
}

describe('EVPI closed form for two strategies with normal incremental net benefit', () => {
  // D = NB_B - NB_A = wtp * e - c ~ N(mu, s^2) with mu = wtp - 20000, s^2 = (0.1 wtp)^2 + 1000^2.
  // EVPI = E[max(0, D)] - max(0, mu) = s phi(mu / s) - |mu| Phi(-|mu| / s).
  const draws = 400000;
  const results = twoStrategyNormal(draws, 77);
  it.each([10000, 18000, 20000, 25000, 40000])('at wtp %d', (wtp) => {
    const mu = wtp - 20000;
    const s = Math.hypot(0.1 * wtp, 1000);
    const exact = s * phi(mu / s) - Math.abs(mu) * normalCdf(-Math.abs(mu) / s, 0, 1);
    const [at] = netBenefitSummary(results, [wtp]).byWtp;
    // Monte Carlo error of E[max(0, D)] is below s / sqrt(draws); allow 4 of those.
    expect(Math.abs(at!.evpi - exact)).toBeLessThan((4 * s) / Math.sqrt(draws));
    // The CEAC of B is P(D > 0) = Phi(mu / s).
    expect(Math.abs(at!.ceac[1]! - normalCdf(mu / s, 0, 1))).toBeLessThan(0.004);
  });
});

describe('net benefit summary on a hand-made PSA', () => {
  // 4 draws, 3 strategies; wtp 10: NB = 10 e - c
  const results: PsaResults = {
    strategyIds: ['x', 'y', 'z'],
    draws: 4,
    costs: Float64Array.from([0, 5, 10, 0, 5, 10, 0, 5, 10, 0, 5, 10]),
    effects: Float64Array.from([0, 1, 1, 0, 0, 2, 0, 2, 3, 0, 0.5, 0.5]),
  };
  // NB per draw: d0 [0, 5, 0]; d1 [0, -5, 10]; d2 [0, 15, 20]; d3 [0, 0, -5]
  const [at] = netBenefitSummary(results, [10]).byWtp;

  it('gives expected NB, CEAC (ties to the first), expected loss and EVPI by hand', () => {
    expect(at!.expectedNb).toEqual([0, 15 / 4, 25 / 4]);
    // winners: d0 y, d1 z, d2 z, d3 x (tie x,y at 0 -> x)
    expect(at!.ceac).toEqual([0.25, 0.25, 0.5]);
    const meanMax = (5 + 10 + 20 + 0) / 4;
    expect(at!.expectedLoss).toEqual([meanMax, meanMax - 15 / 4, meanMax - 25 / 4]);
    expect(at!.evpi).toBe(meanMax - 25 / 4);
    expect(at!.optimalId).toBe('z');
    expect(at!.optimalProbability).toBe(0.5);
  });

  it('gives means, 95 % intervals (R type 7) and the incremental plane', () => {
    const means = psaMeans(results);
    expect(means[2]!.effect.mean).toBe(6.5 / 4);
    // sorted z effects 0.5 1 2 3: type 7 at 0.025 -> 0.5 + 0.075 * 0.5
    expect(means[2]!.effect.lower).toBeCloseTo(0.5375, 12);
    expect(sortedQuantile(Float64Array.from([1, 2, 3, 4, 5]), 0.5)).toBe(3);
    const plane = incrementalPlane(results, 'x');
    expect(plane.map((p) => p.id)).toEqual(['y', 'z']);
    expect(Array.from(plane[0]!.incEffect)).toEqual([1, 0, 2, 0.5]);
    expect(plane[0]!.icer).toBeCloseTo(5 / 0.875, 12);
  });

  it('builds the CLI psa block', () => {
    const cli = psaCliSummary(results, [10], 1);
    expect(cli.iterations).toBe(4);
    expect(cli.seed).toBe(1);
    expect(cli.mean[1]).toEqual({ id: 'y', cost: 5, effect: 3.5 / 4 });
    expect(cli.ceac).toEqual([{ wtp: 10, probabilities: { x: 0.25, y: 0.25, z: 0.5 } }]);
    expect(cli.evpi[0]!.value).toBe(at!.evpi);
  });

  it('rejects malformed results with located messages', () => {
    expect(() => netBenefitSummary({ ...results, costs: new Float64Array(3) }, [1])).toThrow(/costs hold 3 values/);
    const bad = Float64Array.from(results.effects);
    bad[7] = Number.NaN;
    expect(() => netBenefitSummary({ ...results, effects: bad }, [1])).toThrow(/effects of strategy "y" in draw 2 is not finite/);
    expect(() => netBenefitSummary(results, [])).toThrow(/At least one/);
    expect(() => incrementalPlane(results, 'w')).toThrow(/"w" is not in the PSA results/);
  });
});

describe('CEAC sums to 1 with many strategies', () => {
  it('at every threshold', () => {
    const draws = 3000;
    const strategies = 5;
    const sampler = createParameterSampler(
      Array.from({ length: strategies * 2 }, (_, k) => ({
        name: `v${k}`,
        dist: k % 2 === 0 ? { type: 'gamma' as const, mean: 1000 * (1 + k), se: 300 } : { type: 'beta' as const, mean: 0.5, se: 0.1 },
      })),
      [],
      3,
    );
    const block = sampler.fill(0, draws);
    const costs = new Float64Array(draws * strategies);
    const effects = new Float64Array(draws * strategies);
    for (let i = 0; i < draws; i++) {
      for (let j = 0; j < strategies; j++) {
        costs[i * strategies + j] = block[i * 10 + 2 * j]!;
        effects[i * strategies + j] = block[i * 10 + 2 * j + 1]! * (1 + j * 0.1);
      }
    }
    const summary = netBenefitSummary(
      { strategyIds: ['a', 'b', 'c', 'd', 'e'], draws, costs, effects },
      Array.from({ length: 51 }, (_, k) => k * 2000),
    );
    for (const at of summary.byWtp) {
      expect(at.ceac.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(Math.min(...at.expectedLoss)).toBeCloseTo(at.evpi, 9);
      expect(at.evpi).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('population EVPI and convergence', () => {
  it('discounts the population from year 2', () => {
    expect(effectivePopulation({ populationPerYear: 1000, years: 3, discountRate: 0.05 })).toBeCloseTo(1000 * (1 + 1 / 1.05 + 1 / 1.1025), 9);
    expect(effectivePopulation({ populationPerYear: 10, years: 4, discountRate: 0 })).toBe(40);
    expect(() => effectivePopulation({ populationPerYear: 10, years: 0, discountRate: 0 })).toThrow(/Years/);
    const summary = netBenefitSummary(twoStrategyNormal(1000, 1), [20000]);
    expect(populationEvpi(summary, { populationPerYear: 100, years: 1, discountRate: 0.03 })[0]!.value).toBeCloseTo(
      100 * summary.byWtp[0]!.evpi,
      9,
    );
  });

  it('running mean of incremental NB ends at the overall mean', () => {
    const results = twoStrategyNormal(5000, 9);
    const [series] = convergence(results, 'A', 30000, 100);
    expect(series!.id).toBe('B');
    expect(series!.draws.at(-1)).toBe(5000);
    expect(series!.draws).toHaveLength(100);
    const enb = netBenefitSummary(results, [30000]).byWtp[0]!.expectedNb;
    expect(series!.runningMeanIncNb.at(-1)).toBeCloseTo(enb[1]! - enb[0]!, 6);
    expect(series!.runningMeanIncNb.at(-1)).toBeCloseTo(10000, -3);
  });

  it('one pass over the draws gives, to the bit, the running means of one threshold at a time', () => {
    // Three strategies, the comparator in the middle; a hand-written running sum at each threshold.
    const two = twoStrategyNormal(3001, 4);
    const s = 3;
    const results: PsaResults = { strategyIds: ['A', 'B', 'C'], draws: 3001, costs: new Float64Array(3001 * s), effects: new Float64Array(3001 * s) };
    for (let i = 0; i < 3001; i++) {
      for (let j = 0; j < s; j++) {
        results.costs[i * s + j] = two.costs[i * 2 + 1]! * (j + 0.5) + i;
        results.effects[i * s + j] = two.effects[i * 2 + 1]! * (1 + j / 3);
      }
    }
    const wtps = [0, 12345.6, 30000];
    const fused = convergenceAcrossThresholds(results, 'B', wtps, 70);
    expect(fused.map((f) => f.wtp)).toEqual(wtps);
    wtps.forEach((wtp, k) => {
      expect(fused[k]!.series).toEqual(convergence(results, 'B', wtp, 70));
      for (const [j, series] of [[0, fused[k]!.series[0]!], [2, fused[k]!.series[1]!]] as const) {
        expect(series.id).toBe(results.strategyIds[j]);
        let sum = 0;
        const expected: number[] = [];
        for (let i = 0; i < 3001; i++) {
          sum += wtp * (results.effects[i * s + j]! - results.effects[i * s + 1]!) - (results.costs[i * s + j]! - results.costs[i * s + 1]!);
          if ((i + 1) % 42 === 0 || i === 3000) expected.push(sum / (i + 1));
        }
        expect(series.runningMeanIncNb.every((x, i) => Object.is(x, expected[i]))).toBe(true);
        expect(series.runningMeanIncNb).toHaveLength(expected.length);
      }
    });
    expect(() => convergenceAcrossThresholds(results, 'B', [1000, -1])).toThrow(/position 1/);
  });

  it('the per-draw increments of the plane, built only when read, are the differences its means add up', () => {
    // Three strategies, the comparator in the middle, costs and effects of every sign and size.
    const two = twoStrategyNormal(2001, 6);
    const s = 3;
    const results: PsaResults = { strategyIds: ['A', 'B', 'C'], draws: 2001, costs: new Float64Array(2001 * s), effects: new Float64Array(2001 * s) };
    for (let i = 0; i < 2001; i++) {
      for (let j = 0; j < s; j++) {
        results.costs[i * s + j] = two.costs[i * 2 + 1]! * (j - 0.7) + i * 1e-3;
        results.effects[i * s + j] = two.effects[i * 2 + 1]! * (1 + j / 7) - (i % 3) * 0.1;
      }
    }
    const plane = incrementalPlane(results, 'B');
    expect(plane.map((p) => p.id)).toEqual(['A', 'C']);
    // Not built yet (`hta psa` prints the means only).
    expect(Object.getOwnPropertyDescriptor(plane[0]!, 'incCost')!.get).toBeTypeOf('function');
    // Key order and enumerability as before: a copy (spread, JSON, structured clone) holds the arrays.
    expect(Object.keys(plane[0]!)).toEqual(['id', 'incCost', 'incEffect', 'meanIncCost', 'meanIncEffect', 'icer']);
    const copied = structuredClone(plane[1]!);
    for (const [k, j] of [[0, 0], [1, 2]] as const) {
      const series = plane[k]!;
      const incCost = Array.from({ length: 2001 }, (_, i) => results.costs[i * s + j]! - results.costs[i * s + 1]!);
      const incEffect = Array.from({ length: 2001 }, (_, i) => results.effects[i * s + j]! - results.effects[i * s + 1]!);
      expect(series.incCost).toBeInstanceOf(Float64Array);
      expect(Array.from(series.incCost).every((x, i) => Object.is(x, incCost[i]))).toBe(true);
      expect(Array.from(series.incEffect).every((x, i) => Object.is(x, incEffect[i]))).toBe(true);
      // The means add those very differences in draw order (to the bit).
      expect(series.meanIncCost).toBe(incCost.reduce((a, b) => a + b, 0) / 2001);
      expect(series.meanIncEffect).toBe(incEffect.reduce((a, b) => a + b, 0) / 2001);
      expect(series.icer).toBe(series.meanIncCost / series.meanIncEffect);
      // Built once: a second read gives the same array.
      expect(series.incCost).toBe(series.incCost);
    }
    expect(Array.from(copied.incCost)).toEqual(Array.from(plane[1]!.incCost));
    expect(JSON.parse(JSON.stringify(plane[0]!)).incEffect['2000']).toBe(plane[0]!.incEffect[2000]);
  });

  it('psaSummaries in one pass over the draws: the sums of one threshold and one summary at a time, to the bit', () => {
    const two = twoStrategyNormal(3001, 8);
    const s = 3;
    const results: PsaResults = { strategyIds: ['A', 'B', 'C'], draws: 3001, costs: new Float64Array(3001 * s), effects: new Float64Array(3001 * s) };
    for (let i = 0; i < 3001; i++) {
      for (let j = 0; j < s; j++) {
        results.costs[i * s + j] = two.costs[i * 2 + 1]! * (j + 0.3) + (i % 7);
        results.effects[i * s + j] = two.effects[i * 2 + 1]! * (1 + j / 5);
      }
    }
    const wtps = [0, 12345.6, 17000, 30000, 1e6];
    const all = psaSummaries(results, wtps, 'B');
    const summary = all.netBenefit;
    // Every part as the one-by-one functions give it, number for number (Object.is: -0 and NaN count).
    const same = (a: unknown, b: unknown): boolean =>
      typeof a === 'number' ? Object.is(a, b) : a instanceof Float64Array || Array.isArray(a) ? (b as ArrayLike<unknown>).length === a.length && Array.from(a as ArrayLike<unknown>).every((x, i) => same(x, (b as ArrayLike<unknown>)[i])) : a !== null && typeof a === 'object' ? Object.keys(a).every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) && Object.keys(a).length === Object.keys(b as object).length : a === b;
    expect(same(all.netBenefit, netBenefitSummary(results, wtps))).toBe(true);
    expect(same(all.means, psaMeans(results))).toBe(true);
    expect(same(all.plane, incrementalPlane(results, 'B'))).toBe(true);
    expect(same(all.convergence, convergenceAcrossThresholds(results, 'B', wtps))).toBe(true);
    expect(all.convergence[2]!.series.map((x) => x.id)).toEqual(['A', 'C']);
    wtps.forEach((wtp, k) => {
      // Hand-written: one threshold at a time, sums in draw order, ties to the first strategy.
      const sums = [0, 0, 0];
      const wins = [0, 0, 0];
      let sumMax = 0;
      for (let i = 0; i < 3001; i++) {
        const nb = [0, 1, 2].map((j) => wtp * results.effects[i * s + j]! - results.costs[i * s + j]!);
        nb.forEach((x, j) => (sums[j] = sums[j]! + x));
        const best = nb.indexOf(Math.max(...nb));
        wins[best]! += 1;
        sumMax += nb[best]!;
      }
      const at = summary.byWtp[k]!;
      expect(at.wtp).toBe(wtp);
      expect(at.expectedNb.every((x, j) => Object.is(x, sums[j]! / 3001))).toBe(true);
      expect(at.ceac).toEqual(wins.map((x) => x / 3001));
      const optimal = at.expectedNb.indexOf(Math.max(...at.expectedNb));
      expect(Object.is(at.evpi, Math.max(0, sumMax / 3001 - at.expectedNb[optimal]!))).toBe(true);
      expect(at.optimalId).toBe(results.strategyIds[optimal]);
      expect(at).toEqual(netBenefitSummary(results, [wtp]).byWtp[0]);
    });
  });

  it('psaSummaries equals the summaries one by one, and checks the draws', () => {
    const results = twoStrategyNormal(2000, 5);
    const wtps = [10000, 20000];
    const all = psaSummaries(results, wtps, 'A');
    expect(all.netBenefit).toEqual(netBenefitSummary(results, wtps));
    expect(all.means).toEqual(psaMeans(results));
    expect(all.plane).toEqual(incrementalPlane(results, 'A'));
    expect(all.convergence).toEqual(wtps.map((wtp) => ({ wtp, series: convergence(results, 'A', wtp) })));
    const broken = { ...results, costs: results.costs.slice() };
    broken.costs[7] = Number.NaN;
    expect(() => psaSummaries(broken, wtps, 'A')).toThrow(/not finite/);
    expect(() => assertValidPsaResults(broken)).toThrow(/not finite/);
  });
});
