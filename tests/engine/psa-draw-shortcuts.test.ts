// Shortcuts a PSA draw of a hybrid takes (issue 16, liquid-biopsy row), each against the long way round:
// - cycle-dependent state values shared by partitioned-survival sub-models within an evaluation (CycleValueCache),
//   keyed on the expressions and the values they read: a change of exactly one read value between draws;
// - a totals-only partitioned-survival evaluation computes occupancies without the trace (every counting method,
//   crossing curves, background mortality): the same doubles as a full one;
// - a totals-only tree skips its counters only when none can fail: a draw whose adverse-event probability (read by
//   a counter alone) is not a number fails in a totals-only result as in a full one;
// - survival grids reuse their time points: grids of another step in between change nothing.
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import type { CompiledModel, ModelResult } from '../../src/engine/compiled-model';
import { ModelEvaluationError } from '../../src/engine/errors';
import type { HtaModelInput } from '../../src/engine/model/schema';
import { CycleValueCache } from '../../src/engine/psm/cycle-value-cache';
import { sameValue } from '../../src/engine/psm/survival';
import { hybridSettings as settings } from './hybrid-fixtures';

const totalsOf = (r: ModelResult): unknown => r.strategies.map((s) => ({ ...s.totals, costByCategory: [...s.costByCategory], costByCategoryUndiscounted: [...s.costByCategoryUndiscounted] }));

function failureOf(compiled: CompiledModel, params: Float64Array, out: ModelResult): unknown {
  try {
    compiled.evaluate(params, out);
  } catch (e) {
    if (e instanceof ModelEvaluationError) return { message: e.message, ...e.details };
    throw e;
  }
  return 'no error';
}

describe('sameValue (the caches\' key compare)', () => {
  it('is Object.is on doubles', () => {
    const values = [0, -0, NaN, 1, -1, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, 1 + Number.EPSILON];
    for (const a of values) for (const b of values) expect([a, b, sameValue(a, b)]).toEqual([a, b, Object.is(a, b)]);
  });
});

describe('CycleValueCache', () => {
  it('gives values back only in the same evaluation, for the same key and the very same values read', () => {
    const cache = new CycleValueCache();
    const out = new Float64Array(3);
    cache.startEvaluation();
    cache.remember('k', Float64Array.of(1, 0, NaN), 3, Float64Array.of(7, 8, 9));
    expect(cache.copy('k', Float64Array.of(1, 0, NaN), 3, out)).toBe(true);
    expect([...out]).toEqual([7, 8, 9]);
    expect(cache.copy('other', Float64Array.of(1, 0, NaN), 3, out)).toBe(false);
    expect(cache.copy('k', Float64Array.of(1, -0, NaN), 3, out)).toBe(false); // -0 and 0 can select different branches
    expect(cache.copy('k', Float64Array.of(1 + Number.EPSILON, 0, NaN), 3, out)).toBe(false);
    cache.startEvaluation();
    expect(cache.copy('k', Float64Array.of(1, 0, NaN), 3, out)).toBe(false);
  });
});

/**
 * A hybrid whose two PSM sub-models differ by their PFS only; both cost PF by `drugPf` (a cycle-dependent value).
 * Strategy T lowers the maintenance cost: its sub-model runs read another value than S's in the same evaluation.
 */
function sharedCostHybrid(drugPfA: string, drugPfB: string): HtaModelInput {
  const branch = (id: string): unknown => ({
    id,
    kind: 'chance',
    branches: [
      { id: `${id}_a`, kind: 'terminal', probability: 'p_a', submodel: 'a' },
      { id: `${id}_b`, kind: 'terminal', probability: 'C', submodel: 'b' },
    ],
  });
  const sub = (pfsRate: string, drugPf: string): unknown => ({
    type: 'psm',
    curves: { pfs: { dist: 'exponential', rate: pfsRate }, os: { dist: 'exponential', rate: 'r_os' } },
    pfs: 'pfs',
    os: 'os',
    stateValues: { PF: { costs: { drug: drugPf }, utility: 'u_pf' }, PD: { costs: { drug: 'c_pd' }, utility: 0.6 } },
  });
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'shared cycle values' },
    settings,
    costCategories: [{ id: 'drug' }],
    parameters: [
      { id: 'p_a', value: 0.4, kind: 'probability' },
      { id: 'r_os', value: 0.3, kind: 'rate' },
      { id: 'r_pfs_a', value: 0.6, kind: 'rate' },
      { id: 'r_pfs_b', value: 0.9, kind: 'rate' },
      { id: 'c_induction', value: 7000, kind: 'cost' },
      { id: 'c_maintenance', value: 1500, kind: 'cost' },
      { id: 'c_maintenance_t', value: 1200, kind: 'cost' },
      { id: 'c_pd', value: 3000, kind: 'cost' },
      { id: 'u_pf', value: 0.8, kind: 'utility' },
    ],
    model: {
      type: 'tree',
      submodels: { a: sub('r_pfs_a', drugPfA), b: sub('r_pfs_b', drugPfB) },
      root: { kind: 'decision', branches: [branch('S'), branch('T')] },
    } as never,
    strategies: [{ id: 'S' }, { id: 'T', parameters: { c_maintenance: 'c_maintenance_t' } }],
  };
}

describe('cycle-dependent values shared by the sub-models of a hybrid', () => {
  const drug = 'if(time < 2, c_induction, c_maintenance)';
  // `+ 0` changes no value here (none is -0) but the expression, so sub-model b computes its own values.
  const shared = compileModel(parseModel(sharedCostHybrid(drug, drug)));
  const unshared = compileModel(parseModel(sharedCostHybrid(drug, `${drug} + 0`)));
  const slot = (name: string): number => shared.parameterIndex.get(name)!;

  it('gives the doubles of sub-models that compute their own, draw after draw, when exactly one value read changes', () => {
    const params = shared.baseParameters();
    const out = shared.createResult({ totalsOnly: true });
    const outUnshared = unshared.createResult({ totalsOnly: true });
    const steps: [string, number][] = [
      ['c_induction', 6500],
      ['c_maintenance', 1400],
      ['c_maintenance', 1400], // unchanged: a repeated draw
      ['c_maintenance_t', 1500], // T's value now S's
      ['c_maintenance_t', 1100],
      ['u_pf', 0.75], // not read by the shared values
      ['c_induction', 6500 * (1 + Number.EPSILON)],
      ['r_pfs_b', 1.1],
    ];
    const seen = new Set<string>();
    for (const [name, value] of [['none', 0] as [string, number], ...steps]) {
      if (name !== 'none') params[slot(name)] = value;
      const a = totalsOf(shared.evaluate(params, out));
      expect(a).toEqual(totalsOf(unshared.evaluate(params, outUnshared)));
      // A stale copy would also differ from a fresh compile's first evaluation.
      const fresh = compileModel(parseModel(sharedCostHybrid(drug, drug)));
      expect(a).toEqual(totalsOf(fresh.evaluate(params, fresh.createResult({ totalsOnly: true }))));
      seen.add(JSON.stringify(a));
    }
    // Every step but the repeated draw moved the totals: the test sees a change of each value read.
    expect(seen.size).toBe(steps.length);
  });

  it('a full evaluation between totals-only ones changes nothing', () => {
    const params = shared.baseParameters();
    params[slot('c_maintenance')] = 1234;
    const first = totalsOf(shared.evaluate(params, shared.createResult({ totalsOnly: true })));
    expect(totalsOf(shared.evaluate(params))).toEqual(first);
    expect(totalsOf(shared.evaluate(params, shared.createResult({ totalsOnly: true })))).toEqual(first);
  });
});

function psm(counting: string, extra: Record<string, unknown> = {}, settingsExtra: Record<string, unknown> = {}): HtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'PSM' },
    settings: { cycleLength: 0.5, cycles: 12, counting: counting as never, discount: { costs: 0.03, effects: 0.015 }, effect: 'qalys', ...settingsExtra },
    costCategories: [{ id: 'drug' }, { id: 'care' }],
    parameters: [
      { id: 'r_pfs', value: 0.5, kind: 'rate' },
      { id: 'r_os', value: 0.3, kind: 'rate' },
      { id: 'c_pf', value: 1000, kind: 'cost' },
    ],
    model: {
      type: 'psm',
      curves: { pfs: { dist: 'exponential', rate: 'r_pfs' }, os: { dist: 'weibull', shape: 1.3, scale: '1 / r_os' } },
      pfs: 'pfs',
      os: 'os',
      stateValues: { PF: { costs: { drug: 'if(time < 2, c_pf, c_pf / 2)', care: 100 }, utility: 0.8 }, PD: { costs: { care: 300 }, utility: 0.6 }, Dead: { costs: { care: 0 } } },
      ...extra,
    } as never,
    strategies: [{ id: 'S' }],
  };
}

describe('totals-only partitioned survival: occupancies without the trace', () => {
  const cases: [string, HtaModelInput][] = [
    ...['life-table', 'beginning', 'end', 'half-cycle', 'trapezoidal', 'simpson-1/3'].map((c): [string, HtaModelInput] => [c, psm(c)]),
    ['background mortality', psm('life-table', { backgroundMortality: 'if(age < 62, 0.02, 3)' }, { startAge: 60 })],
    ['custom weights', psm('custom', {}, { countingWeights: 'if(cycle == 0, 0.5, 1)' })],
  ];

  // Full and totals-only evaluations alternate: survival grids of another step (half cycles) come in between.
  it.each(cases)('%s: the totals of a full evaluation, PFS crossing OS included', (_, json) => {
    const compiled = compileModel(parseModel(json));
    const out = compiled.createResult({ totalsOnly: true });
    const params = compiled.baseParameters();
    // r_pfs below r_os makes PFS exceed OS (capped); above, it does not.
    for (const r of [0.5, 0.1, 0.31, 2]) {
      params[compiled.parameterIndex.get('r_pfs')!] = r;
      expect(totalsOf(compiled.evaluate(params, out))).toEqual(totalsOf(compiled.evaluate(params)));
    }
  });

  // The occupancies, life-years and QALYs come from one pass over the cycles for every kind of result: a full
  // result's are those of its own trace rows.
  it.each(cases)('%s: a full result counts the occupancies of its trace; discounted-only ones the same discounted doubles', (_, json) => {
    const compiled = compileModel(parseModel(json));
    const discounted = compiled.createResult({ totalsOnly: true, discountedOnly: true });
    const params = compiled.baseParameters();
    const L = compiled.cycleLength;
    const lifeTable = (json.settings as { counting?: string }).counting === 'life-table';
    for (const r of [0.5, 0.1, 0.31, 2]) {
      params[compiled.parameterIndex.get('r_pfs')!] = r;
      const full = compiled.evaluate(params).strategies[0]!;
      const d = compiled.evaluate(params, discounted).strategies[0]!;
      expect([d.totals.cost, d.totals.qalys, d.totals.lifeYears, d.totals.effect, ...d.costByCategory]).toEqual([full.totals.cost, full.totals.qalys, full.totals.lifeYears, full.totals.effect, ...full.costByCategory]);
      // Life-years of a life-table cycle: the share alive (PF + PD) at its two ends, averaged, times the cycle length.
      const alive = (row: number): number => full.trace[3 * row]! + full.trace[3 * row + 1]!;
      if (lifeTable) {
        for (let c = 1; c <= compiled.valueCycles; c++) expect(full.lifeYearsPerCycle[c - 1]).toBeCloseTo(((alive(c - 1) + alive(c)) / 2) * L, 12);
      }
    }
  });
});

/** A tree whose only test has a complication read by its counter alone (no cost, no QALYs). */
function treeWithComplication(probability: string, withCost: boolean): HtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'counters' },
    settings: { cycleLength: 1, cycles: 1, effect: 'qalys' },
    costCategories: [{ id: 'test' }],
    parameters: [
      { id: 'p_bleed', value: 0.02, kind: 'probability' },
      { id: 'prev', value: 0.3, kind: 'probability' },
    ],
    model: {
      type: 'tree',
      tests: [{ id: 'biopsy', sensitivity: 0.9, specificity: 0.95, costs: { test: 500 }, adverseEvents: [{ id: 'bleed', probability, ...(withCost ? { costs: { test: 100 } } : {}) }] }],
      root: {
        kind: 'decision',
        branches: [
          {
            id: 'S',
            kind: 'diagnostic',
            prevalence: 'prev',
            steps: [{ tests: ['biopsy'] }],
            outcomes: {
              truePositive: { kind: 'terminal', qalys: 1 },
              falsePositive: { kind: 'terminal', qalys: 0.9 },
              falseNegative: { kind: 'terminal', qalys: 0.5 },
              trueNegative: { kind: 'terminal', qalys: 1 },
              noResult: { kind: 'terminal', qalys: 0.5 },
            },
          },
        ],
      },
    } as never,
    strategies: [{ id: 'S' }],
  };
}

describe('totals-only trees skip their counters only when none can fail', () => {
  it.each([false, true])('a complication probability that is not a number fails in a totals-only result as in a full one (with a cost: %s)', (withCost) => {
    const compiled = compileModel(parseModel(treeWithComplication('sqrt(p_bleed - 0.05)', withCost)));
    const params = compiled.baseParameters();
    const full = failureOf(compiled, params, compiled.createResult());
    expect(full).toMatchObject({ code: 'not-a-number' });
    expect(failureOf(compiled, params, compiled.createResult({ totalsOnly: true }))).toEqual(full);
    params[compiled.parameterIndex.get('p_bleed')!] = 0.06;
    expect(totalsOf(compiled.evaluate(params, compiled.createResult({ totalsOnly: true })))).toEqual(totalsOf(compiled.evaluate(params)));
  });
});
