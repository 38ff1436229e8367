// Verification in the spirit of TECH-VER (Büyükkaramikli et al. 2019): black-box invariants that must hold for
// any correct cohort model, on the reference examples and a small three-state model.
import { describe, expect, it } from 'vitest';
import type { MarkovHtaModelInput as HtaModelInput } from '../../src/engine/model/schema';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import type { ModelResult } from '../../src/engine/compiled-model';
import { clone, loadExample, runJson, threeStateModel, totalsOf } from './model-fixtures';

const examples: [string, () => HtaModelInput][] = [
  ['three-state', threeStateModel],
  ['HIV DMHEE', () => loadExample('hiv-chancellor-1997.json')],
  ['HIV heemod', () => loadExample('hiv-chancellor-heemod.json')],
  ['THR', () => loadExample('total-hip-replacement.json')],
];

function zeroAllCosts(m: HtaModelInput): void {
  for (const p of m.parameters ?? []) if (p.kind === 'cost') p.value = 0;
  for (const s of m.strategies) for (const [k, v] of Object.entries(s.parameters ?? {})) if (typeof v === 'number' || /cost/.test(k)) s.parameters![k] = 0;
}

function setUtilities(m: HtaModelInput, value: number): void {
  m.settings.effect = 'qalys';
  const dead = new Set(m.model.states.filter((s) => s.dead).map((s) => s.id));
  m.model.stateValues ??= {};
  for (const s of m.model.states) {
    const sv = (m.model.stateValues[s.id] ??= {});
    sv.utility = dead.has(s.id) ? 0 : value;
  }
  for (const s of m.strategies) for (const sv of Object.values(s.stateValues ?? {})) delete sv.utility;
}

function noMortality(m: HtaModelInput): void {
  const dead = new Set(m.model.states.filter((s) => s.dead).map((s) => s.id));
  const rewrite = (t: { from: string; to: string; probability: string | number }): void => {
    if (dead.has(t.to) && !dead.has(t.from)) t.probability = 0;
  };
  m.model.transitions.forEach(rewrite);
  for (const s of m.strategies) (s.transitions ?? []).forEach(rewrite);
}

describe.each(examples)('TECH-VER invariants: %s', (_name, make) => {
  it('zero costs give zero costs', () => {
    const m = make();
    zeroAllCosts(m);
    for (const s of runJson(m).strategies) {
      expect(s.totals.cost).toBe(0);
      expect(s.totals.costUndiscounted).toBe(0);
    }
  });

  it('utility 1 in every living state gives QALYs = life-years', () => {
    const m = make();
    setUtilities(m, 1);
    for (const s of runJson(m).strategies) {
      expect(s.totals.qalysUndiscounted).toBeCloseTo(s.totals.lifeYearsUndiscounted, 12);
      expect(s.totals.qalys).toBeCloseTo(s.totals.lifeYears, 12);
    }
  });

  it('no discounting gives discounted = undiscounted', () => {
    const m = make();
    m.settings.discount = { costs: 0, effects: 0 };
    for (const c of m.costCategories ?? []) delete c.discountRate;
    for (const s of runJson(m).strategies) {
      expect(s.totals.cost).toBeCloseTo(s.totals.costUndiscounted, 9);
      expect(s.totals.qalys).toBeCloseTo(s.totals.qalysUndiscounted, 12);
      expect(s.totals.lifeYears).toBeCloseTo(s.totals.lifeYearsUndiscounted, 12);
    }
  });

  it('positive discount rates never increase totals', () => {
    for (const s of runJson(make()).strategies) {
      expect(s.totals.cost).toBeLessThanOrEqual(s.totals.costUndiscounted + 1e-9);
      expect(s.totals.lifeYears).toBeLessThanOrEqual(s.totals.lifeYearsUndiscounted + 1e-12);
    }
  });

  it('no mortality gives life-years = horizon (every counting method)', () => {
    for (const counting of ['beginning', 'end', 'life-table', 'trapezoidal', 'simpson-1/3'] as const) {
      const m = make();
      noMortality(m);
      m.settings.counting = counting;
      if (counting === 'simpson-1/3' && (m.settings.cycles ?? 0) % 2 === 1) m.settings.cycles! += 1;
      const horizon = m.settings.cycles! * (m.settings.cycleLength ?? 1);
      for (const s of runJson(m).strategies) expect(s.totals.lifeYearsUndiscounted).toBeCloseTo(horizon, 9);
    }
  });

  it('identical strategies give identical results', () => {
    const m = make();
    m.strategies = [clone(m.strategies[1]!), { ...clone(m.strategies[1]!), id: 'copy' }];
    const [a, b] = runJson(m).strategies;
    expect(b!.totals).toEqual(a!.totals);
    expect(Array.from(b!.trace)).toEqual(Array.from(a!.trace));
  });

  it("swapping two strategies' inputs swaps their outputs", () => {
    const m = make();
    const r1 = runJson(m);
    const swapped = clone(m);
    const [s0, s1] = swapped.strategies;
    swapped.strategies = [
      { ...s1!, id: s0!.id, label: s0!.label },
      { ...s0!, id: s1!.id, label: s1!.label },
    ];
    const r2 = runJson(swapped);
    expect(r2.strategies[0]!.totals).toEqual(r1.strategies[1]!.totals);
    expect(r2.strategies[1]!.totals).toEqual(r1.strategies[0]!.totals);
  });

  it('the trace always sums to the cohort and the dead state never decreases', () => {
    const m = make();
    const compiled = compileModel(parseModel(m));
    const n = compiled.stateIds.length;
    const dead = m.model.states.map((s, i) => (s.dead ? i : -1)).filter((i) => i >= 0);
    for (const s of compiled.evaluate(compiled.baseParameters()).strategies) {
      for (let t = 0; t <= compiled.cycles; t++) {
        let sum = 0;
        for (let j = 0; j < n; j++) {
          const x = s.trace[t * n + j]!;
          expect(x).toBeGreaterThanOrEqual(0);
          sum += x;
        }
        expect(sum).toBeCloseTo(1, 12);
        if (t > 0) for (const d of dead) expect(s.trace[t * n + d]!).toBeGreaterThanOrEqual(s.trace[(t - 1) * n + d]! - 1e-15);
      }
    }
  });
});

describe('invariants under random parameter values (as in a PSA)', () => {
  it('hold in every draw of the three-state model', () => {
    const compiled = compileModel(parseModel(threeStateModel()));
    const base = compiled.baseParameters();
    const params = new Float64Array(base);
    const out: ModelResult = compiled.createResult();
    let seed = 12345;
    const uniform = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const slot = (id: string): number => compiled.parameterIndex.get(id)!;
    for (let draw = 0; draw < 200; draw++) {
      params.set(base);
      params[slot('p_HS')] = uniform() * 0.4;
      params[slot('p_HD')] = uniform() * 0.2;
      // Sick is worse than Healthy in both mortality and utility, so avoiding it can only help.
      params[slot('p_SD')] = params[slot('p_HD')]! + uniform() * (1 - params[slot('p_HD')]!);
      params[slot('u_S')] = uniform() * 0.9;
      compiled.evaluate(params, out);
      for (const s of out.strategies) {
        for (let t = 0; t <= compiled.cycles; t++) expect(s.trace[t * 3]! + s.trace[t * 3 + 1]! + s.trace[t * 3 + 2]!).toBeCloseTo(1, 12);
        expect(s.totals.qalys).toBeLessThanOrEqual(s.totals.lifeYears + 1e-12);
        expect(Number.isFinite(s.totals.cost)).toBe(true);
      }
      // The new drug (hazard ratio 0.6 on getting sick) never yields fewer QALYs.
      expect(totalsOf(out, 'new').totals.qalys).toBeGreaterThanOrEqual(totalsOf(out, 'soc').totals.qalys - 1e-12);
    }
  });
});
