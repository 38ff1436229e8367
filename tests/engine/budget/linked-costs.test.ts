// Costs linked to the cost-effectiveness model: per-cycle undiscounted costs (costPerCycle) summed into years
// since start; model changes flow into the budget; identical worlds give zero impact.
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import { costsByYearSinceStart } from '../../../src/engine/budget/model-costs';
import { clone, loadExample } from '../model-fixtures';
import { report } from './bia-fixtures';

/** Alive/Dead, death 0.1 per quarter, quarterly cycles for 3 years, costs counted at the start of each cycle. */
function quarterlyModel(budgetImpact: unknown): Record<string, unknown> {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'Quarterly two-state model' },
    settings: { cycleLength: 0.25, cycles: 12, counting: 'beginning', discount: { costs: 0.03, effects: 0.03 } },
    costCategories: [{ id: 'care' }, { id: 'drug' }],
    parameters: [
      { id: 'p_die', value: 0.1 },
      { id: 'c_care', value: 100 },
      { id: 'c_drug', value: 0 },
    ],
    model: {
      type: 'markov',
      states: [{ id: 'Alive' }, { id: 'Dead', dead: true }],
      initial: { Alive: 1 },
      transitions: [
        { from: 'Alive', to: 'Dead', probability: 'p_die' },
        { from: 'Alive', to: 'Alive', probability: 'C' },
        { from: 'Dead', to: 'Dead', probability: 1 },
      ],
      stateValues: { Alive: { costs: { care: 'c_care', drug: 'c_drug' }, utility: 1 } },
    },
    strategies: [{ id: 'usual' }, { id: 'drug', parameters: { c_drug: 50 } }],
    budgetImpact,
  };
}

const bia = (newShares: Record<string, unknown>) => ({
  horizonYears: 4,
  population: { eligible: { perYear: [1000, 0, 0, 0] } },
  currentWorld: { shares: { usual: 1 } },
  newWorld: { shares: newShares },
});

describe('costs linked to a Markov model', () => {
  const r = report(quarterlyModel(bia({ drug: 1 })));

  it('sums quarterly cycles into years since start (hand-calculated)', () => {
    // Cycle c costs 100 × 0.9^(c − 1) per person (beginning of cycle, undiscounted even though the model discounts).
    const year1 = 100 * (1 + 0.9 + 0.81 + 0.729); // 343.9
    const usual = r.costsPerPatient.find((c) => c.strategy === 'usual')!.byYearSinceStart;
    expect(usual[0]!.byCategory.care).toBeCloseTo(year1, 9);
    expect(usual[1]!.byCategory.care).toBeCloseTo(0.9 ** 4 * year1, 9);
    expect(usual[2]!.byCategory.care).toBeCloseTo(0.9 ** 8 * year1, 9);
    // The model covers 3 years; year since start 4 costs nothing and a warning says so.
    expect(usual[3]!.total).toBe(0);
    expect(r.warnings.join(' ')).toMatch(/covers 3 years/);
    const drug = r.costsPerPatient.find((c) => c.strategy === 'drug')!.byYearSinceStart;
    expect(drug[0]!.byCategory.drug).toBeCloseTo(year1 / 2, 9);
  });

  it('equals the model’s own per-cycle undiscounted costs, read directly', () => {
    const compiled = compileModel(parseModel(quarterlyModel(undefined)));
    const res = compiled.evaluate(compiled.baseParameters());
    const nCat = compiled.categoryIds.length;
    res.strategies.forEach((s) => {
      const byYear = r.costsPerPatient.find((c) => c.strategy === s.id)!.byYearSinceStart;
      for (let k = 0; k < 3; k++) {
        compiled.categoryIds.forEach((cat, j) => {
          let expected = 0;
          for (let c = 4 * k; c < 4 * k + 4; c++) expected += s.costPerCycle[c * nCat + j]!;
          expect(byYear[k]!.byCategory[cat]).toBeCloseTo(expected, 9);
        });
      }
    });
  });

  it('turns linked costs into the budget: 1,000 patients in year 1 only', () => {
    const year1 = 343.9;
    expect(r.years[0]!.current).toBeCloseTo(1000 * year1, 6);
    expect(r.years[0]!.impact).toBeCloseTo(1000 * year1 * 0.5, 6);
    expect(r.years[1]!.impact).toBeCloseTo(1000 * 0.9 ** 4 * year1 * 0.5, 6);
    expect(r.years[0]!.byCategory.care!.impact).toBeCloseTo(0, 9);
    expect(r.costLinkRule).toMatch(/summed into their year/);
  });

  it('lets a change in the model flow into the budget', () => {
    const json = quarterlyModel(bia({ drug: 1 }));
    (json.parameters as { id: string; value: number }[])[1]!.value = 200;
    const doubled = report(json);
    expect(doubled.years[0]!.byCategory.care!.current).toBeCloseTo(2 * r.years[0]!.byCategory.care!.current, 6);
    expect(doubled.years[0]!.byCategory.drug!.new).toBeCloseTo(r.years[0]!.byCategory.drug!.new, 6);
  });

  it('links the HIV example (annual cycles): year-since-start costs are the model’s cycle costs', () => {
    const json = clone(loadExample('hiv-chancellor-1997.json')) as Record<string, unknown>;
    json.budgetImpact = { horizonYears: 5, population: { eligible: { value: 100 } }, currentWorld: { shares: { mono: 1 } }, newWorld: { shares: { comb: 1 } } };
    const hiv = report(json);
    const compiled = compileModel(parseModel(json));
    const res = compiled.evaluate(compiled.baseParameters());
    const nCat = compiled.categoryIds.length;
    for (const s of res.strategies) {
      const byYear = hiv.costsPerPatient.find((c) => c.strategy === s.id)!.byYearSinceStart;
      for (let k = 0; k < 5; k++) compiled.categoryIds.forEach((cat, j) => expect(byYear[k]!.byCategory[cat]).toBeCloseTo(s.costPerCycle[k * nCat + j]!, 9));
    }
    // Year 1 of the current world: 100 patients × the mono cycle-1 cost.
    const mono = res.strategies.find((s) => s.id === 'mono')!;
    const cycle1 = Array.from(mono.costPerCycle.subarray(0, nCat)).reduce((a, b) => a + b, 0);
    expect(hiv.years[0]!.current).toBeCloseTo(100 * cycle1, 6);
  });
});

describe('the year rule for other cycle lengths', () => {
  it('spreads a two-year cycle evenly over its two years', () => {
    expect(Array.from(costsByYearSinceStart(Float64Array.from([100, 90]), 2, 1, 2, 4))).toEqual([50, 50, 45, 45]);
  });

  it('splits a cycle that straddles a year boundary in proportion to overlap', () => {
    const out = costsByYearSinceStart(Float64Array.from([1, 1, 1, 1]), 4, 1, 0.3, 2);
    expect(out[0]).toBeCloseTo(3 + 1 / 3, 12);
    expect(out[1]).toBeCloseTo(2 / 3, 12);
  });

  it('sums monthly cycles into years, category by category', () => {
    const perCycle = new Float64Array(24 * 2);
    for (let c = 0; c < 24; c++) {
      perCycle[2 * c] = c + 1;
      perCycle[2 * c + 1] = 10;
    }
    const out = costsByYearSinceStart(perCycle, 24, 2, 1 / 12, 2);
    expect(out[0]).toBeCloseTo(78, 9); // 1 + … + 12
    expect(out[1]).toBeCloseTo(120, 9);
    expect(out[2]).toBeCloseTo(222, 9); // 13 + … + 24
    expect(out[3]).toBeCloseTo(120, 9);
  });
});

describe('identical current and new worlds', () => {
  it('give zero impact in every year, category and strategy', () => {
    const same = { usual: { shape: 'linear', from: 0.2, to: 0.7 }, drug: 'rest' };
    const json = quarterlyModel({
      horizonYears: 5,
      population: { eligible: { value: 500 }, annualGrowth: { value: 0.02 }, prevalent: { value: 100, yearSinceStart: 2 } },
      currentWorld: { shares: same },
      newWorld: { shares: same },
    });
    const r = report(json);
    expect(r.years).toHaveLength(5);
    for (const y of r.years) {
      expect(y.current).toBeGreaterThan(0);
      expect(y.impact).toBe(0);
      for (const c of Object.values(y.byCategory)) expect(c.impact).toBe(0);
      for (const s of Object.values(y.byStrategy)) expect(s.impact).toBe(0);
    }
    expect(r.cumulative.impact).toBe(0);
    expect(r.tornado.rows.every((t) => t.swing === 0)).toBe(true);
  });
});
