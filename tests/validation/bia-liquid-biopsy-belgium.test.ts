// The Belgian budget impact example (resources/examples/liquid-biopsy-nsclc-bia-belgium.json): funnel, uptake,
// year-1 figures and outcome counts recomputed by hand from the file's inputs, linked costs recomputed from the
// model's own per-cycle results, and structural identities.
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import { validateModel } from '../../src/engine/model/validate';
import { clone, loadExample } from '../engine/model-fixtures';
import { report } from '../engine/budget/bia-fixtures';

const FILE = 'liquid-biopsy-nsclc-bia-belgium.json';
const json = loadExample(FILE);
const r = report(json);

// Inputs as in the file.
// Lung cancers per inhabitant 0.000797 = the registry's 9,410 in 2022 / 11.8 million inhabitants (assumption).
const N1 = 11800000 * 0.000797 * 0.85 * 0.45 * 0.7 * 0.8 * 0.9; // 1,812.97 patients genotyped in 2027
const prev = 0.455;
const sens = 0.69;
const fail = 0.244;
const rebiopsyIfFail = 0.5;
const tissueResult = 1 - fail + fail * rebiopsyIfFail * (1 - fail); // 0.848232
const plasmaNegative = 1 - prev * sens; // 0.68605
const testTissue = 660;
const testPlasma = 1000 + plasmaNegative * 660; // 1,452.793
const rebiopsyTissue = fail * rebiopsyIfFail * (2000 + 0.069 * 3000);
const rebiopsyPlasma = plasmaNegative * fail * rebiopsyIfFail * (2000 + 0.069 * 3000);
const newShare = [0.2, 0.3, 0.4, 0.5, 0.6];
const currentShare = 0.05;

describe('Belgian budget impact example', () => {
  it('is a valid model file with a five-year BIA from 2027', () => {
    expect(validateModel(json).valid).toBe(true);
    expect(r.years.map((y) => y.calendarYear)).toEqual([2027, 2028, 2029, 2030, 2031]);
    expect(r.country).toBe('Belgium');
    expect(r.discountRate).toBe(0);
  });

  it('derives 1,813 genotyped patients in 2027 from the funnel, growing 0.5% a year', () => {
    expect(r.population.entering[0]).toBeCloseTo(N1, 6);
    expect(N1).toBeCloseTo(1812.97, 1);
    r.population.entering.forEach((n, i) => expect(n).toBeCloseTo(N1 * 1.005 ** i, 6));
    expect(r.population.funnel.map((f) => f.id)).toEqual(['lung_cancer_incidence', 'nsclc_share', 'stage_iv_share', 'non_squamous_share', 'fit_for_therapy', 'tested_share']);
    // 11.8 million × 0.000797 = 9,404.6 lung cancers, the registry's 9,410 to rounding of the rate.
    expect(r.population.funnel[0]!.counts[0]).toBeCloseTo(9404.6, 6);
  });

  it('ramps plasma-first uptake linearly from 20% to 60% (current world 5%)', () => {
    r.shares.new.forEach((row, i) => {
      expect(row.shares.plasma_first).toBeCloseTo(newShare[i]!, 12);
      expect(row.shares.tissue_only).toBeCloseTo(1 - newShare[i]!, 12);
    });
    r.shares.current.forEach((row) => expect(row.shares.plasma_first).toBeCloseTo(currentShare, 12));
  });

  it('gives hand-checked test and re-biopsy impacts (one-off costs at diagnosis)', () => {
    r.years.forEach((y, i) => {
      const shift = (newShare[i]! - currentShare) * r.population.entering[i]!;
      expect(y.byCategory.test!.impact).toBeCloseTo(shift * (testPlasma - testTissue), 4);
      expect(y.byCategory.rebiopsy!.impact + y.byCategory.adverse_events!.impact).toBeCloseTo(shift * (rebiopsyPlasma - rebiopsyTissue), 4);
    });
  });

  it('gives a year-1 impact equal to the shifted patients × the difference of the model’s first-year costs', () => {
    const compiled = compileModel(parseModel(json));
    const res = compiled.evaluate(compiled.baseParameters());
    const firstYear = (id: string): number => {
      const s = res.strategies.find((x) => x.id === id)!;
      const n = compiled.categoryIds.length;
      return Array.from(s.costPerCycle.subarray(0, 12 * n)).reduce((a, b) => a + b, 0);
    };
    expect(compiled.cycleLength).toBeCloseTo(1 / 12, 12);
    expect(r.years[0]!.impact).toBeCloseTo(N1 * (0.2 - currentShare) * (firstYear('plasma_first') - firstYear('tissue_only')), 4);
    expect(r.years[0]!.current).toBeCloseTo(N1 * ((1 - currentShare) * firstYear('tissue_only') + currentShare * firstYear('plasma_first')), 3);
  });

  it('counts identified, targeted and re-biopsied patients from the model’s strategy-specific parameters', () => {
    const detectPlasma = sens + (1 - sens) * tissueResult;
    const identifiedNew = N1 * prev * (0.8 * tissueResult + 0.2 * detectPlasma);
    expect(r.years[0]!.outcomes.identified!.new).toBeCloseTo(identifiedNew, 6);
    expect(r.years[0]!.outcomes.targeted!.new).toBeCloseTo(identifiedNew * 0.9, 6);
    expect(r.years[0]!.outcomes.rebiopsied!.current).toBeCloseTo(N1 * fail * rebiopsyIfFail * (0.95 + 0.05 * plasmaNegative), 6);
    expect(r.years[0]!.outcomes.tested!.new).toBeCloseTo(N1, 6);
  });

  it('keeps the identities: impact = new − current, cumulative = running sum, categories add up', () => {
    let cumulative = 0;
    for (const y of r.years) {
      expect(y.impact).toBeCloseTo(y.new - y.current, 4);
      cumulative += y.impact;
      expect(y.cumulativeImpact).toBeCloseTo(cumulative, 4);
      expect(Object.values(y.byCategory).reduce((s, c) => s + c.new, 0)).toBeCloseTo(y.new, 3);
      expect(Object.values(y.byStrategy).reduce((s, c) => s + c.current, 0)).toBeCloseTo(y.current, 3);
      expect(y.per100k!.impact).toBeCloseTo((y.impact / (11800000 * 1.005 ** (y.year - 1))) * 1e5, 6);
    }
    expect(r.cumulative.impact).toBeCloseTo(cumulative, 4);
    expect(r.categories).toEqual(['test', 'rebiopsy', 'treatment', 'monitoring', 'adverse_events', 'end_of_life']);
  });

  it('has a tornado with every funnel step and the uptake, and the three named scenarios', () => {
    const ids = r.tornado.rows.map((t) => t.id);
    for (const id of ['lung_cancer_incidence', 'stage_iv_share', 'tested_share', 'newWorld.plasma_first', 'c_plasma_ngs', 'inhabitants']) expect(ids).toContain(id);
    const swings = r.tornado.rows.map((t) => t.swing!);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(r.scenarios.map((s) => s.id)).toEqual(['faster_uptake', 'lower_test_price', 'poor_tissue']);
    // Lower plasma price: only the test category changes, by shifted patients × 400 each year.
    const shifted = r.years.reduce((s, y, i) => s + (newShare[i]! - currentShare) * r.population.entering[i]!, 0);
    expect(r.scenarios[1]!.differenceFromBase).toBeCloseTo(-400 * shifted, 3);
  });

  it('lists every input with its source; unpublished figures are labelled as assumptions', () => {
    const inc = r.inputs.find((i) => i.id === 'lung_cancer_incidence')!;
    expect(inc).toMatchObject({ role: 'funnel', value: 0.000797, low: 0.000763, high: 0.00083, location: 'budgetImpact.population.funnel[0]' });
    expect(inc.source).toMatch(/^Derived: 9,410 lung cancer diagnoses in 2022 \(Belgian Cancer Registry/);
    expect(r.inputs.find((i) => i.id === 'inhabitants')!.source).toMatch(/^Assumption: /);
    for (const i of r.inputs) expect(i.source, i.id).toBeTruthy();
  });

  it('gives zero impact when the new world equals the current world', () => {
    const same = clone(json) as { budgetImpact: { newWorld: unknown; currentWorld: unknown } };
    same.budgetImpact.newWorld = same.budgetImpact.currentWorld;
    const z = report(same);
    for (const y of z.years) {
      expect(y.impact).toBe(0);
      for (const c of Object.values(y.byCategory)) expect(c.impact).toBe(0);
    }
  });
});
