// The Belgian budget impact section of the liquid-biopsy example (resources/examples/liquid-biopsy-nsclc.json,
// decision tree + partitioned survival): population from the funnel by hand, costs and patient counts recomputed
// from the model's own per-cycle costs and outcome counters, and the structural identities.
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import type { StrategyResult } from '../../src/engine/compiled-model';
import { loadExample } from '../engine/model-fixtures';
import { report } from '../engine/budget/bia-fixtures';

const json = loadExample('liquid-biopsy-nsclc.json');
const r = report(json);
const compiled = compileModel(parseModel(json));
const res = compiled.evaluate(compiled.baseParameters());
const N1 = 11800000 * 0.00076 * 0.85 * 0.45 * 0.7 * 0.8 * 0.9;
const plasmaNew = [0.2, 0.3, 0.4, 0.5, 0.6];
const plasmaCurrent = 0.05;

const strategy = (id: string): StrategyResult & { tree: { counts: Record<string, number> } } => res.strategies.find((s) => s.id === id) as never;

/** Undiscounted cost per person in year since start 1: the model's counted cycles that start within year 1. */
function firstYearCost(id: string): number {
  const s = strategy(id);
  const n = compiled.categoryIds.length;
  let sum = 0;
  for (let c = 1; c <= compiled.valueCycles; c++) {
    if ((c - 1) * compiled.cycleLength >= 1 - 1e-9) break;
    for (let k = 0; k < n; k++) sum += s.costPerCycle[(c - 1) * n + k]!;
  }
  return sum;
}

describe('liquid-biopsy example: Belgian budget impact', () => {
  it('covers 2027–2031 with 1,729 genotyped patients in 2027 from the funnel', () => {
    expect(r.years.map((y) => y.calendarYear)).toEqual([2027, 2028, 2029, 2030, 2031]);
    expect(r.population.entering[0]).toBeCloseTo(N1, 6);
    expect(r.population.entering[4]).toBeCloseTo(N1 * 1.005 ** 4, 6);
    expect(r.strategies.map((s) => s.modelStrategy)).toEqual(['tissue_only', 'plasma_first', 'concurrent']);
  });

  it('gives a year-1 impact equal to the shifted patients × the difference of the model’s first-year costs', () => {
    const shift = N1 * (plasmaNew[0]! - plasmaCurrent);
    expect(r.years[0]!.impact).toBeCloseTo(shift * (firstYearCost('plasma_first') - firstYearCost('tissue_only')), 3);
  });

  it('counts identified, targeted and re-biopsied patients from the model’s outcome counters', () => {
    r.years.forEach((y, i) => {
      const n = r.population.entering[i]!;
      const count = (share: number, name: string): number => n * ((1 - share) * strategy('tissue_only').tree.counts[name]! + share * strategy('plasma_first').tree.counts[name]!);
      expect(y.outcomes.identified!.new).toBeCloseTo(count(plasmaNew[i]!, 'truePositive'), 6);
      expect(y.outcomes.targeted!.current).toBeCloseTo(count(plasmaCurrent, 'matched_targeted_therapy'), 6);
      expect(y.outcomes.rebiopsied!.new).toBeCloseTo(count(plasmaNew[i]!, 'test_rebiopsy_ngs'), 6);
      expect(y.outcomes.tested!.new).toBeCloseTo(n, 6);
    });
    // More plasma-first testing finds more patients for targeted therapy and needs fewer re-biopsies.
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
    expect(r.scenarios.map((s) => s.id)).toEqual(['faster_uptake', 'concurrent_instead']);
  });
});
