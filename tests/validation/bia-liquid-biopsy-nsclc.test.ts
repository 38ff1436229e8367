// The Belgian budget impact section of the liquid-biopsy example (resources/examples/liquid-biopsy-nsclc.json,
// decision tree + partitioned survival): population from the registry's incidence by hand, costs and patient
// counts recomputed from the model's own per-cycle costs and outcome counters, the test budget apart from the
// drug budget it triggers, the structural identities, and the pinned five-year figures with their reasoning.
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import type { StrategyResult } from '../../src/engine/compiled-model';
import { loadExample } from '../engine/model-fixtures';
import { report } from '../engine/budget/bia-fixtures';

const json = loadExample('liquid-biopsy-nsclc.json');
const r = report(json);
const compiled = compileModel(parseModel(json));
const res = compiled.evaluate(compiled.baseParameters());
// Belgian Cancer Registry: 9,410 lung cancers in 2022; then NSCLC 85% (review figure), stage IV 45%,
// non-squamous 70%, fit for systemic therapy 80%, genotyped 90% (assumptions): 1,814 patients a year.
const N = 9410 * 0.85 * 0.45 * 0.7 * 0.8 * 0.9;
const rescueNew = [0.3, 0.425, 0.55, 0.675, 0.8];
const rescueCurrent = 0.05;

const strategy = (id: string): StrategyResult & { tree: { counts: Record<string, number> } } => res.strategies.find((s) => s.id === id) as never;

/** Undiscounted cost per person in year since start 1 (all categories or one): the model's cycles within year 1. */
function firstYearCost(id: string, category?: string): number {
  const s = strategy(id);
  const n = compiled.categoryIds.length;
  let sum = 0;
  for (let c = 1; c <= compiled.valueCycles; c++) {
    if ((c - 1) * compiled.cycleLength >= 1 - 1e-9) break;
    for (let k = 0; k < n; k++) if (category === undefined || compiled.categoryIds[k] === category) sum += s.costPerCycle[(c - 1) * n + k]!;
  }
  return sum;
}

describe('liquid-biopsy example: Belgian budget impact', () => {
  it('covers 2027–2031 with 1,814 genotyped patients a year from the registry’s 9,410 lung cancers', () => {
    expect(r.years.map((y) => y.calendarYear)).toEqual([2027, 2028, 2029, 2030, 2031]);
    expect(r.population.funnel[0]!.counts[0]).toBe(9410);
    expect(N).toBeCloseTo(1814.06, 2);
    r.population.entering.forEach((n) => expect(n).toBeCloseTo(N, 6)); // no growth assumed after 2022
    expect(r.strategies.map((s) => s.modelStrategy)).toEqual(['tissue_only', 'tissue_first_plasma_rescue', 'plasma_first', 'concurrent']);
    // Figures without a published source are labelled as assumptions; the registry count is not.
    expect(r.inputs.find((i) => i.id === 'bia_lung_cancers')!.source).toMatch(/Belgian Cancer Registry/);
    for (const id of ['bia_stage_iv_share', 'bia_non_squamous_share', 'bia_fit_for_therapy', 'bia_tested_share', 'annual_growth']) {
      expect(r.inputs.find((i) => i.id === id)!.source, id).toMatch(/^Assumption: /);
    }
  });

  it('gives a year-1 impact equal to the shifted patients × the difference of the model’s first-year costs', () => {
    const shift = N * (rescueNew[0]! - rescueCurrent);
    expect(r.years[0]!.impact).toBeCloseTo(shift * (firstYearCost('tissue_first_plasma_rescue') - firstYearCost('tissue_only')), 3);
    // The test budget apart: the plasma tests of the 24.4% whose tissue fails, minus nothing (tissue NGS is done
    // for everyone in both strategies) plus the re-biopsies' tissue NGS avoided.
    expect(r.years[0]!.byCategory.test!.impact).toBeCloseTo(shift * (firstYearCost('tissue_first_plasma_rescue', 'test') - firstYearCost('tissue_only', 'test')), 4);
  });

  it('counts plasma tests, identified, targeted and re-biopsied patients from the model’s outcome counters', () => {
    r.years.forEach((y, i) => {
      const count = (share: number, name: string): number => N * ((1 - share) * strategy('tissue_only').tree.counts[name]! + share * strategy('tissue_first_plasma_rescue').tree.counts[name]!);
      expect(y.outcomes.identified!.new).toBeCloseTo(count(rescueNew[i]!, 'truePositive'), 6);
      expect(y.outcomes.targeted!.current).toBeCloseTo(count(rescueCurrent, 'matched_targeted_therapy'), 6);
      expect(y.outcomes.rebiopsied!.new).toBeCloseTo(count(rescueNew[i]!, 'test_rebiopsy_ngs'), 6);
      expect(y.outcomes.plasma_tests!.new).toBeCloseTo(N * rescueNew[i]! * 0.244, 6);
      expect(y.outcomes.tested!.new).toBeCloseTo(N, 6);
    });
    // More plasma rescue finds more patients for targeted therapy and needs fewer re-biopsies.
    expect(r.years[4]!.outcomes.targeted!.difference!).toBeGreaterThan(0);
    expect(r.years[4]!.outcomes.rebiopsied!.difference!).toBeLessThan(0);
  });

  it('keeps the identities: impact = new − current, categories and strategies add up, cumulative = sum', () => {
    let cumulative = 0;
    for (const y of r.years) {
      expect(y.impact).toBeCloseTo(y.new - y.current, 4);
      expect(Object.values(y.byCategory).reduce((s, c) => s + c.impact, 0)).toBeCloseTo(y.impact, 3);
      expect(Object.values(y.byStrategy).reduce((s, c) => s + c.new, 0)).toBeCloseTo(y.new, 3);
      cumulative += y.impact;
    }
    expect(r.cumulative.impact).toBeCloseTo(cumulative, 4);
    expect(r.categories).toEqual([...compiled.categoryIds]);
    expect(r.tornado.rows.length).toBeGreaterThan(10);
    expect(r.scenarios.map((s) => s.id)).toEqual(['plasma_first_instead', 'concurrent_instead', 'registry_growth']);
  });

  it('pins the five-year impact: an increase, mostly drugs for the patients plasma finds', () => {
    // +EUR 6.51 million over 2027–2031 (0.6% of a EUR 1.02 billion first-line budget for these patients). The
    // test budget rises EUR 1.04 million (1,107 more plasma tests at EUR 1,000, less the tissue NGS of 95 fewer
    // re-biopsies); re-biopsies and their complications fall EUR 0.22 million; targeted therapy for the 104.5 more
    // patients found adds EUR 5.22 million of drugs and EUR 0.46 million of care, growing each year as they
    // stay on treatment. No saving: finding a patient moves them to a longer, dearer treatment.
    expect(r.cumulative.impact).toBeCloseTo(6508364, -1);
    expect(r.cumulative.byCategory.test!.impact).toBeCloseTo(1043741, -1);
    expect(r.cumulative.byCategory.drug!.impact).toBeCloseTo(5216072, -1);
    expect(r.cumulative.byCategory.procedure!.impact + r.cumulative.byCategory.adverse_events!.impact).toBeCloseTo(-215544, -1);
    const targeted = r.years.reduce((s, y) => s + y.outcomes.targeted!.difference!, 0);
    expect(targeted).toBeCloseTo(104.5, 1);
    const plasmaTests = r.years.reduce((s, y) => s + y.outcomes.plasma_tests!.difference!, 0);
    expect(plasmaTests).toBeCloseTo(1106.6, 1);
    const rebiopsies = r.years.reduce((s, y) => s + y.outcomes.rebiopsied!.difference!, 0);
    expect(rebiopsies).toBeCloseTo(-95.2, 1);
    for (const y of r.years) expect(y.impact).toBeGreaterThan(0);
  });
});
