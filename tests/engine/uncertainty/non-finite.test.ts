// Issue 9 item 8: PSA summaries never report a non-finite number and never hand a NaN draw to the first strategy;
// Dirichlet draws with tiny alphas stay finite (log space); the EVPPI standard error cannot overflow to NaN.
import { describe, expect, it } from 'vitest';
import { createParameterSampler } from '../../../src/engine/uncertainty/sampler';
import { netBenefitSummary, psaSummaries, PsaSummaryError } from '../../../src/engine/uncertainty/psa-summary';
import { evppiByRegression } from '../../../src/engine/uncertainty/evppi';

describe('net benefit summaries', () => {
  const results = (costs: number[], effects: number[]) => ({ strategyIds: ['a', 'b'], draws: costs.length / 2, costs: Float64Array.from(costs), effects: Float64Array.from(effects) });

  it('hand check: CEAC, expected NB and EVPI of two draws', () => {
    // NB at wtp 10: draw 0: a = 10·1 − 5 = 5, b = 10·2 − 20 = 0 → a; draw 1: a = 10 − 5 = 5, b = 30 − 20 = 10 → b.
    const s = netBenefitSummary(results([5, 20, 5, 20], [1, 2, 1, 3]), [10]).byWtp[0]!;
    expect(s.ceac).toEqual([0.5, 0.5]);
    expect(s.expectedNb).toEqual([5, 5]);
    expect(s.evpi).toBe(2.5); // E[max] = 7.5, max E = 5
  });

  it('a net benefit that overflows is an error naming strategy, draw and threshold, not a win for the first strategy', () => {
    const r = results([0, 0, 0, 0], [1, 2, 1, 2]);
    expect(() => netBenefitSummary(r, [1e308 * 10])).toThrow(PsaSummaryError); // Infinity is not a threshold
    expect(() => netBenefitSummary(results([-1e308, 0, 0, 0], [1e308, 1, 1, 1]), [2])).toThrow('the net benefit of strategy "a" in draw 0 is not a finite number (2 × 1e+308 − -1e+308)');
  });

  it('with several thresholds, the first in the list that fails is reported, at its first failing draw', () => {
    // Thresholds 1 and 2 are fine in draw 0 but 2 overflows in draw 1; threshold 3 overflows already in draw 0.
    // psaSummaries (one pass over the draws for everything) reports what netBenefitSummary reports.
    const r = results([0, 0, 0, 0], [0.5e308, 1, 0.9e308, 1]);
    for (const summarise of [(x: typeof r, w: number[]) => netBenefitSummary(x, w), (x: typeof r, w: number[]) => psaSummaries(x, w, 'a')]) {
      expect(() => summarise(r, [1, 2, 3])).toThrow('At a willingness to pay of 2, the net benefit of strategy "a" in draw 1 is not a finite number');
      // Sums past the largest double at the second threshold only.
      const big = results([0, 0, 0, 0], [0.6e308, 0, 0.6e308, 0]);
      expect(() => summarise(big, [1, 2])).toThrow('At a willingness to pay of 2, the expected net benefits add up beyond the largest number');
      // A cost that is not finite is reported before any threshold.
      expect(() => summarise(results([0, Number.POSITIVE_INFINITY, 0, 0], [0.5e308, 1, 0.9e308, 1]), [1, 2, 3])).toThrow('PSA costs of strategy "b" in draw 0 is not finite');
    }
    expect(() => psaSummaries(results([0, 0, 0, 0], [1, 1, 1, 1]), [1], 'c')).toThrow('Strategy "c" is not in the PSA results.');
    expect(() => psaSummaries(results([0, 0, 0, 0], [1, 1, 1, 1]), [1, -2], 'a')).toThrow(/position 1/);
  });

  it('expected net benefits that add up past the largest double are refused', () => {
    expect(() => netBenefitSummary(results([-1.5e308, 0, -1.5e308, 0], [0, 0, 0, 0]), [1])).toThrow('expected net benefits add up beyond the largest number');
  });
});

describe('Dirichlet with tiny alphas', () => {
  it('alpha = 1e-3: every draw finite, rows sum to 1, means close to alpha / total', () => {
    const alphas = [1e-3, 1e-3, 2e-3];
    const sampler = createParameterSampler(
      alphas.map((alpha, i) => ({ name: `p${i}`, dist: { type: 'dirichlet' as const, group: 'g', alpha } })),
      [],
      7,
    );
    const n = 20_000;
    const draws = sampler.fill(0, n);
    const sums = new Float64Array(3);
    let nonFinite = 0;
    let worstRowError = 0;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let k = 0; k < 3; k++) {
        const x = draws[i * 3 + k]!;
        if (!Number.isFinite(x)) nonFinite++;
        row += x;
        sums[k] = sums[k]! + x;
      }
      worstRowError = Math.max(worstRowError, Math.abs(row - 1));
    }
    expect(nonFinite).toBe(0);
    expect(worstRowError).toBeLessThan(1e-12);
    // With alphas this small one category takes (almost) all each draw: means are the shares of wins, alpha / 4e-3.
    const se = Math.sqrt(0.25 * 0.75 / n);
    expect(Math.abs(sums[0]! / n - 0.25)).toBeLessThan(5 * se);
    expect(Math.abs(sums[2]! / n - 0.5)).toBeLessThan(5 * se);
  });

  it('groups with every alpha >= 1 keep the direct draw (same numbers as before)', () => {
    const sampler = createParameterSampler(
      [
        { name: 'a', dist: { type: 'dirichlet', group: 'g', alpha: 3 } },
        { name: 'b', dist: { type: 'dirichlet', group: 'g', alpha: 7 } },
      ],
      [],
      11,
    );
    const row = sampler.fill(0, 1);
    expect(row[0]! + row[1]!).toBeCloseTo(1, 14);
  });
});

describe('EVPPI standard error', () => {
  it('is finite for net benefits near the largest double, or null with a note, never NaN', () => {
    const n = 200;
    const costs = new Float64Array(2 * n);
    const effects = new Float64Array(2 * n);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      costs[2 * i + 1] = 1e300 * (i % 3);
      values[i] = i;
    }
    const [r] = evppiByRegression({ strategyIds: ['a', 'b'], draws: n, costs, effects }, { names: ['x'], values }, [['x']], 1, { seDraws: 50 });
    expect(Number.isFinite(r!.evppi)).toBe(true);
    // The posterior draws of the fit are not finite here: no number is given, and the note says why.
    expect(r!.se).toBeNull();
    expect(r!.seNote).toMatch(/^the standard error could not be computed/);
  });
});
