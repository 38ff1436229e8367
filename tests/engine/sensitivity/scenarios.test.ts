import { describe, expect, it } from 'vitest';
import { parseModel, compileModel } from '../../../src/engine/compile-model';
import { applyScenario, compareScenarios } from '../../../src/engine/sensitivity/scenarios';
import { BASE, handModel, incNmb } from './dsa-fixtures';

function withScenarios() {
  const json = handModel();
  json.parameters![3] = { id: 'c_new', value: 3000, kind: 'cost', uncertainty: { low: 2000, high: 6000, distribution: { type: 'gamma', mean: 3000, se: 300 } } };
  json.scenarios = [
    { id: 'cheap', label: 'Price cut', parameters: { c_new: 2000 } },
    { id: 'two_years', label: 'Two cycles, 10 % discount', settings: { cycles: 2, discount: { costs: 0.1, effects: 0.1, firstCycleDiscounted: false } } },
  ];
  return parseModel(json);
}

describe('named scenarios', () => {
  const model = withScenarios();

  it('overrides a parameter value and drops its file uncertainty', () => {
    const m = applyScenario(model, 'cheap');
    const p = m.parameters.find((x) => x.id === 'c_new')!;
    expect(p.value).toBe(2000);
    expect(p.uncertainty).toBeUndefined();
    expect(m.scenarios).toEqual([]);
    // The base model is untouched.
    expect(model.parameters.find((x) => x.id === 'c_new')!.value).toBe(3000);
  });

  it('recompiles with scenario settings: two cycles, discounting from cycle 2 (hand check)', () => {
    const m = applyScenario(model, 'two_years');
    const compiled = compileModel(m);
    expect(compiled.cycles).toBe(2);
    const r = compiled.evaluate(compiled.baseParameters());
    const s = 1 - BASE.p; // survivors per cycle (std)
    // Counting at the end of cycles 1 and 2; cycle 1 undiscounted, cycle 2 divided by 1.1.
    expect(r.strategies[0]!.totals.effect).toBeCloseTo(s + (s * s) / 1.1, 10);
    expect(r.strategies[0]!.totals.cost).toBeCloseTo(BASE.c_std * (s + (s * s) / 1.1), 8);
  });

  it('compares base and scenarios side by side', () => {
    const rows = compareScenarios(model, { wtp: [20000] });
    expect(rows.map((r) => r.id)).toEqual(['base', 'cheap', 'two_years']);
    const nmb = (r: (typeof rows)[number]) => r.optimal[0]!.nmb.new! - r.optimal[0]!.nmb.std!;
    expect(nmb(rows[0]!)).toBeCloseTo(incNmb(20000, BASE), 8);
    expect(nmb(rows[1]!)).toBeCloseTo(incNmb(20000, { ...BASE, c_new: 2000 }), 8);
    expect(rows[1]!.parametersChanged).toEqual(['c_new']);
    expect(rows[2]!.settingsChanged).toEqual(['cycles', 'discount']);
    expect(rows[1]!.optimal[0]!.id).toBe('new');
  });

  it('runs a PSA per scenario; a fixed scenario value is not sampled', () => {
    const rows = compareScenarios(model, { wtp: [20000], psa: { iterations: 500, seed: 3 } });
    const base = rows[0]!.probabilistic!;
    const cheap = rows[1]!.probabilistic!;
    expect(base.iterations).toBe(500);
    expect(Math.abs(base.mean[1]!.cost - 3000 * 0.9)).toBeLessThan(100);
    // c_new is fixed at 2000 in the scenario and nothing else is sampled: every draw equals the base case.
    expect(cheap.mean[1]!.cost).toBeCloseTo(2000 * 0.9, 8);
    for (const b of [...base.byWtp, ...cheap.byWtp]) expect(b.ceac.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 12);
  });

  it('names an unknown scenario or parameter', () => {
    expect(() => applyScenario(model, 'nope')).toThrow(/unknown scenario "nope" \(scenarios: cheap, two_years\)/);
    const json = handModel();
    json.scenarios = [{ id: 'bad', parameters: { zz: 1 } }];
    expect(() => applyScenario(parseModel(json), 'bad')).toThrow(/scenarios\[0\] \("bad"\): unknown parameter "zz"/);
  });
});

describe('scenario with a new source for a parameter', () => {
  it('replaces the distribution and keeps the perspective label', () => {
    const json = handModel();
    json.parameters![3] = { id: 'c_new', value: 3000, kind: 'cost', uncertainty: { distribution: { type: 'gamma', mean: 3000, se: 300 } } };
    json.scenarios = [
      { id: 'other_source', perspective: 'societal', parameters: { c_new: 3500 }, uncertainty: { c_new: { distribution: { type: 'fixed', value: 3500 }, source: 'Price list 2025' } } },
    ];
    const model = parseModel(json);
    const m = applyScenario(model, 'other_source');
    const p = m.parameters.find((x) => x.id === 'c_new')!;
    expect(p.value).toBe(3500);
    expect(p.uncertainty).toEqual({ distribution: { type: 'fixed', value: 3500 }, source: 'Price list 2025' });
    const rows = compareScenarios(model, { wtp: [20000], psa: { iterations: 200, seed: 1 } });
    expect(rows[1]!.perspective).toBe('societal');
    expect(rows[1]!.probabilistic!.mean[1]!.cost).toBeCloseTo(3500 * (1 - BASE.p * BASE.rr), 8);
  });
});
