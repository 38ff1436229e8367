import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/compile-model';
import { createPsaSetup } from '../../../src/engine/psa/psa-setup';
import { sampledParameters } from '../../../src/engine/uncertainty/sampled-parameters';
import { runPsa } from '../../../src/engine/psa/psa-run';
import { analysePsa, defaultEvppiGroups } from '../../../src/engine/psa/psa-analysis';
import { loadExample } from '../model-fixtures';

const hiv = parseModel(loadExample('hiv-chancellor-1997.json'));
const WTP = [0, 2000, 5000, 10000, 20000, 50000];

describe('PSA outputs on the HIV example', () => {
  const run = runPsa(createPsaSetup(hiv, 11), { iterations: 2000 });
  const groups = defaultEvppiGroups(sampledParameters(hiv), hiv.correlations);
  const analysis = analysePsa(run, {
    wtp: WTP,
    comparator: 'mono',
    population: { populationPerYear: 1000, years: 10, discountRate: 0.035 },
    evppiGroups: groups,
    evppiSeDraws: 50,
  });

  it('CEAC sums to 1 at every threshold; CEAF is the strategy with the highest expected NB', () => {
    for (const b of analysis.netBenefit.byWtp) {
      expect(b.ceac.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 12);
      const best = b.expectedNb.indexOf(Math.max(...b.expectedNb));
      expect(b.optimalId).toBe(run.strategyIds[best]);
    }
    // At wtp 0 the cheaper strategy (monotherapy) wins in almost every draw.
    expect(analysis.netBenefit.byWtp[0]!.ceac[0]).toBeGreaterThan(0.95);
  });

  it('EVPI >= every EVPPI >= 0, with a standard error', () => {
    expect(analysis.evppi.length).toBe(groups.length * WTP.length);
    for (const e of analysis.evppi) {
      const evpi = analysis.netBenefit.byWtp.find((b) => b.wtp === e.wtp)!.evpi;
      expect(e.evppi).toBeGreaterThanOrEqual(0);
      expect(e.evppi).toBeLessThanOrEqual(evpi + 1e-9);
      expect(e.se === null || e.se >= 0).toBe(true);
    }
    // Dirichlet groups enter without their largest-alpha member (it is 1 minus the others); from_C is then a single.
    expect(groups).toContainEqual(['p_AB', 'p_AC', 'p_AD']);
    expect(groups).toContainEqual(['p_BC', 'p_BD']);
    expect(groups.filter((g) => g.includes('p_CD'))).toEqual([['p_CD']]);
  });

  it('the EVPPI of a Dirichlet group equals that of the group with its redundant member', () => {
    const full = analysePsa(run, { wtp: [5000], evppiGroups: [['p_BB', 'p_BC', 'p_BD'], ['p_BC', 'p_BD']], evppiSeDraws: 0 }).evppi;
    expect(Math.abs(full[0]!.evppi - full[1]!.evppi)).toBeLessThanOrEqual(0.05 * full[0]!.evpi + 1e-9);
  });

  it('population EVPI = per-person EVPI x discounted population', () => {
    let factor = 0;
    for (let t = 0; t < 10; t++) factor += 1.035 ** -t;
    analysis.populationEvpi!.forEach((p, k) => expect(p.value).toBeCloseTo(analysis.netBenefit.byWtp[k]!.evpi * 1000 * factor, 6));
  });

  it('means lie inside their 95 % intervals and the plane holds one series per non-comparator', () => {
    for (const m of analysis.means) {
      expect(m.cost.lower).toBeLessThan(m.cost.mean);
      expect(m.cost.mean).toBeLessThan(m.cost.upper);
    }
    expect(analysis.plane.map((p) => p.id)).toEqual(['comb']);
    expect(analysis.plane[0]!.incCost.length).toBe(2000);
    const last = analysis.convergence[0]!.series[0]!;
    expect(last.draws[last.draws.length - 1]).toBe(2000);
  });
});
