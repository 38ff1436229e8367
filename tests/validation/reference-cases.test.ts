// Every published Markov reference case (heemod vignettes and tests, DMHEE exercises; cited per case below), run
// from the example files in resources/examples, within the
// tolerance each case states. Expected numbers are the published / independently re-implemented values of the
// reference files (cited per case), not this engine's output.
import { describe, expect, it } from 'vitest';
import { clone, loadExample, runJson, totalsOf } from '../engine/model-fixtures';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import { calculateIcers } from '../../src/engine/economics/incremental';

function relClose(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(rel);
}

describe('HIV/AIDS, DMHEE exact (hiv_chancellor_dmhee_exact.json; heemod test_dmhee.R)', () => {
  const result = runJson(loadExample('hiv-chancellor-1997.json'));
  const mono = totalsOf(result, 'mono');
  const comb = totalsOf(result, 'comb');

  it('reproduces the published costs, life-years and ICER to 1e-7', () => {
    relClose(mono.totals.cost, 44663.4535637, 1e-7);
    relClose(comb.totals.cost, 50601.6513312, 1e-7);
    relClose(mono.totals.lifeYears, 7.9912066, 1e-7);
    relClose(comb.totals.lifeYears, 8.9373889, 1e-7);
    const icer = (comb.totals.cost - mono.totals.cost) / (comb.totals.effect - mono.totals.effect);
    relClose(icer, 6275.9556, 1e-7);
    const rows = calculateIcers(result.strategies.map((s) => ({ id: s.id, cost: s.totals.cost, effect: s.totals.effect })));
    relClose(rows.find((r) => r.id === 'comb')!.icer!, 6275.9556, 1e-7);
  });

  it('matches the rendered vignette undiscounted cost columns (health = direct medical + community; drugs)', () => {
    const cat = (s: typeof mono, id: string): number => s.costByCategoryUndiscounted[['direct_medical', 'community', 'drug'].indexOf(id)]!;
    expect(cat(mono, 'direct_medical') + cat(mono, 'community')).toBeCloseTo(45541.24, 2);
    expect(cat(mono, 'drug')).toBeCloseTo(18203.97, 2);
    expect(cat(comb, 'direct_medical') + cat(comb, 'community')).toBeCloseTo(48082.83, 2);
    expect(cat(comb, 'drug')).toBeCloseTo(24492.28, 2);
  });

  it('reproduces the first six trace rows (8 decimals)', () => {
    const expected = {
      mono: [[1, 0, 0, 0], [0.72145329, 0.20184544, 0.06689735, 0.00980392], [0.52049485, 0.26291063, 0.18059602, 0.03599851], [0.37551272, 0.25783191, 0.27729592, 0.08935945], [0.27091488, 0.22561677, 0.33806874, 0.1653996], [0.19545243, 0.18578457, 0.36354831, 0.25521468]],
      comb: [[1, 0, 0, 0], [0.85821972, 0.10273933, 0.03405075, 0.0049902], [0.73654109, 0.16900517, 0.08022683, 0.0142269], [0.53137999, 0.24687317, 0.17823854, 0.0435083], [0.38336584, 0.25070996, 0.26972849, 0.0961957], [0.27658055, 0.22306346, 0.33001884, 0.17033715]],
    };
    for (const [id, rows] of Object.entries(expected)) {
      const trace = totalsOf(result, id).trace;
      rows.forEach((row, t) => row.forEach((x, j) => expect(Math.abs(trace[t * 4 + j]! - x)).toBeLessThan(6e-9)));
    }
  });
});

describe('HIV/AIDS, heemod homogeneous vignette (hiv_chancellor_heemod_vignette.json)', () => {
  const json = loadExample('hiv-chancellor-heemod.json');
  const result = runJson(json);
  const mono = totalsOf(result, 'mono');
  const comb = totalsOf(result, 'comb');

  it('reproduces the full-precision heemod 0.14.5 totals to 1e-9 (cohort of 1000)', () => {
    relClose(mono.totals.cost * 1000, 48762093.0464, 1e-9);
    relClose(comb.totals.cost * 1000, 92984847.8076, 1e-9);
    relClose(mono.totals.lifeYears * 1000, 8585.84314564, 1e-9);
    relClose(comb.totals.lifeYears * 1000, 17256.93716702, 1e-9);
    relClose(mono.costByCategory[0]! * 1000, 33891136.0173, 1e-9);
    relClose(mono.costByCategory[1]! * 1000, 14870957.0291, 1e-9);
    relClose(comb.costByCategory[0]! * 1000, 48739756.8972, 1e-9);
    relClose(comb.costByCategory[1]! * 1000, 44245090.9103, 1e-9);
    relClose((comb.totals.cost - mono.totals.cost) / (comb.totals.effect - mono.totals.effect), 5100.02021108, 1e-9);
  });

  it('reproduces the printed NMB differences at 1000, 5000, 6000 and 10000 per life-year', () => {
    const expected = { 1000: [35551.66, 0], 5000: [867.2847, 0], 6000: [0, 7803.809], 10000: [0, 42488.19] };
    for (const [wtp, [dm, dc]] of Object.entries(expected)) {
      const nmbMono = Number(wtp) * mono.totals.effect - mono.totals.cost;
      const nmbComb = Number(wtp) * comb.totals.effect - comb.totals.cost;
      const low = Math.min(nmbMono, nmbComb);
      expect(Math.abs(nmbMono - low - dm!)).toBeLessThan(0.01);
      expect(Math.abs(nmbComb - low - dc!)).toBeLessThan(0.01);
    }
  });

  it('reproduces the first six trace rows as counts of 1000', () => {
    const expected = {
      mono: [[1000, 0, 0, 0], [721, 202, 67, 10], [519.841, 263.004, 180.771, 36.384], [374.805361, 257.813206, 277.450225, 89.931208], [270.234665, 225.500156, 338.129603, 166.135576], [194.839194, 185.602993, 363.481488, 256.076326]],
      comb: [[1000, 0, 0, 0], [857.989, 102.818, 34.103, 5.09], [736.145124, 169.106615, 80.323477, 14.424783], [631.604419, 208.730048, 130.239706, 29.425827], [541.909644, 229.154285, 178.447452, 50.48862], [464.952513, 236.000387, 221.693047, 77.354052]],
    };
    for (const [id, rows] of Object.entries(expected)) {
      const trace = totalsOf(result, id).trace;
      rows.forEach((row, t) => row.forEach((x, j) => expect(Math.abs(trace[t * 4 + j]! * 1000 - x)).toBeLessThan(1e-5)));
    }
  });

  it.each([
    ['beginning', 49932145.71411274, 9085.838534484981, 93936080.32106905, 17751.108019263964],
    ['end', 47592040.3786106, 8085.847756796578, 92033615.29410715, 16762.76631478557],
  ] as const)('reproduces the derived %s-counting totals to 1e-9', (method, costMono, lyMono, costComb, lyComb) => {
    const variant = clone(json);
    variant.settings.counting = method;
    const r = runJson(variant);
    relClose(totalsOf(r, 'mono').totals.cost * 1000, costMono, 1e-9);
    relClose(totalsOf(r, 'mono').totals.lifeYears * 1000, lyMono, 1e-9);
    relClose(totalsOf(r, 'comb').totals.cost * 1000, costComb, 1e-9);
    relClose(totalsOf(r, 'comb').totals.lifeYears * 1000, lyComb, 1e-9);
  });
});

describe('Total hip replacement, DMHEE Example 3.5 (thr_dmhee_exact.json)', () => {
  const json = loadExample('total-hip-replacement.json');

  it('reproduces the heemod test values with 61 cycles (testthat tolerance 1.5e-8)', () => {
    const variant = clone(json);
    variant.settings.cycles = 61;
    const r = runJson(variant);
    relClose(totalsOf(r, 'standard').totals.cost, 512.434658, 1.5e-8);
    relClose(totalsOf(r, 'standard').totals.qalys, 14.6531896, 1.5e-8);
    relClose(totalsOf(r, 'np1').totals.cost, 610.311818, 1.5e-8);
    relClose(totalsOf(r, 'np1').totals.qalys, 14.69770986, 1.5e-8);
    const icer = (totalsOf(r, 'np1').totals.cost - totalsOf(r, 'standard').totals.cost) / (totalsOf(r, 'np1').totals.qalys - totalsOf(r, 'standard').totals.qalys);
    relClose(icer, 2198.486665, 1.5e-8);
  });

  it('reproduces the vignette (60 cycles) values of the independent re-implementation', () => {
    const r = runJson(json);
    relClose(totalsOf(r, 'standard').totals.cost, 512.4326665, 1e-9);
    relClose(totalsOf(r, 'standard').totals.qalys, 14.6528301, 1e-8);
    relClose(totalsOf(r, 'np1').totals.cost, 610.3112455, 1e-9);
    relClose(totalsOf(r, 'np1').totals.qalys, 14.6973411, 1e-8);
    // Printed vignette values (rounded).
    expect(totalsOf(r, 'standard').totals.cost).toBeCloseTo(512.4327, 4);
    expect(totalsOf(r, 'np1').totals.qalys).toBeCloseTo(14.69734, 5);
  });

  it('reproduces the corrected counts and per-cycle values of cycles 2..9 (8 decimals)', () => {
    const r = runJson(json);
    const counts = {
      standard: [[0.98, 0, 0, 0.02], [0.9726572, 0.0007768, 0, 0.026566], [0.96516548, 0.00097491, 0.00075606, 0.03310354], [0.95757109, 0.00115802, 0.00166964, 0.03960125], [0.93783561, 0.00132115, 0.00268314, 0.0581601], [0.91838963, 0.00145307, 0.00379326, 0.07636404], [0.89924305, 0.00157339, 0.00496429, 0.09421927], [0.88040225, 0.00168398, 0.00618146, 0.11173231]],
      np1: [[0.98, 0, 0, 0.02], [0.97323145, 0.00020255, 0, 0.026566], [0.96645641, 0.00025438, 0.00019715, 0.03309206], [0.95968665, 0.00030239, 0.00043553, 0.03957543], [0.94083683, 0.00034529, 0.00070021, 0.05811767], [0.92232657, 0.00038012, 0.0009904, 0.07630291], [0.90415327, 0.00041201, 0.00129686, 0.09413786], [0.88631355, 0.00044144, 0.00161577, 0.11162924]],
    };
    for (const [id, rows] of Object.entries(counts)) {
      const trace = totalsOf(r, id).trace;
      // Cycle k (2..9) is counted from trace row k-1 ('beginning'); columns SuccessP, RevisionTHR, SuccessR, Death.
      rows.forEach((row, i) => row.forEach((x, j) => expect(Math.abs(trace[(i + 1) * 5 + j + 1]! - x)).toBeLessThan(6e-9)));
    }
    const values = [[0, 0.82068966], [3.66001356, 0.80272917], [4.33343863, 0.7853755], [4.85597577, 0.76838428], [5.22645232, 0.74220815], [5.42296428, 0.71692065], [5.53962343, 0.69248578], [5.59337469, 0.66887542]];
    const standard = totalsOf(r, 'standard');
    values.forEach(([cost, utility], i) => {
      const c = i + 2; // cycle
      const row = standard.costPerCycleDiscounted[(c - 1) * 2]! + standard.costPerCycleDiscounted[(c - 1) * 2 + 1]!;
      expect(Math.abs(row - cost!)).toBeLessThan(6e-9);
      expect(Math.abs(standard.qalysPerCycleDiscounted[c - 1]! - utility!)).toBeLessThan(6e-9);
    });
  });
});

describe('heemod small unit cases (heemod_small_unit_cases.json)', () => {
  it('intro_2state: totals, corrected counts and cost by cycle', () => {
    const r = runJson(loadExample('heemod-intro-two-state.json'));
    const s = totalsOf(r, 'base');
    relClose(s.totals.cost * 1000, 19796855.65884595, 1e-12);
    relClose(s.totals.qalys * 1000, 7654.5515126025, 1e-12);
    expect(Math.round(s.totals.cost * 1000)).toBe(19796856);
    const countsA = [950, 865, 805.5, 763.85, 734.695, 714.2865];
    countsA.forEach((x, i) => expect(((s.trace[i * 2]! + s.trace[(i + 1) * 2]!) / 2) * 1000).toBeCloseTo(x, 9));
    [1388350, 1650745, 1834422, 1962995, 2052997, 2115998].forEach((x, i) => expect(Math.round(s.costPerCycle[i]! * 1000)).toBe(x));
  });

  it('time_varying_2state: x and y, and the strategy valuing X2 as X1', () => {
    const r = runJson(loadExample('heemod-time-varying-two-state.json'));
    const one = totalsOf(r, 'I');
    relClose(one.costByCategory[0]!, 1592.53842, 1e-9);
    relClose(one.costByCategory[1]!, 1514.50742, 1e-9);
    const two = totalsOf(r, 'II');
    expect(Math.round(two.costByCategory[0]!)).toBe(1170);
    expect(Math.round(two.costByCategory[1]!)).toBe(615);
  });

  it.each([
    ['beginning', [10, 5], [0, 5]],
    ['end', [5, 4.35], [5, 5.65]],
    ['life-table', [7.5, 4.675], [2.5, 5.325]],
  ] as const)('counting_methods: %s', (method, a, b) => {
    const json = loadExample('heemod-counting-methods.json');
    json.settings.counting = method;
    const compiled = compileModel(parseModel(json));
    const s = compiled.evaluate(compiled.baseParameters()).strategies[0]!;
    for (let c = 0; c < 2; c++) {
      expect(s.costPerCycle[c * 2]! * 10).toBeCloseTo(a[c]!, 12);
      expect(s.costPerCycle[c * 2 + 1]! * 10).toBeCloseTo(b[c]!, 12);
    }
  });
});
