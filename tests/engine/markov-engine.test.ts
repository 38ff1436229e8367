// Hand-computed checks of the Markov engine's conventions and constructs.
import { describe, expect, it } from 'vitest';
import type { MarkovHtaModelInput as HtaModelInput } from '../../src/engine/model/schema';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import { ModelEvaluationError } from '../../src/engine/errors';
import { clone, runJson, threeStateModel, totalsOf } from './model-fixtures';

/** Alive A (cost 100, utility 1) → dead D with probability p per cycle. */
function twoStateModel(settings: Partial<HtaModelInput['settings']> = {}, p = 0.5): HtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'two states' },
    settings: { cycles: 2, counting: 'beginning', effect: 'qalys', ...settings },
    parameters: [{ id: 'p', value: p }],
    model: {
      type: 'markov',
      states: [{ id: 'A' }, { id: 'D', dead: true }],
      initial: { A: 1 },
      transitions: [
        { from: 'A', to: 'A', probability: 'C' },
        { from: 'A', to: 'D', probability: 'p' },
      ],
      stateValues: { A: { costs: { c: 100 }, utility: 1 } },
    },
    strategies: [{ id: 's' }],
  };
}

const cost = (settings: Partial<HtaModelInput['settings']>): number => runJson(twoStateModel(settings)).strategies[0]!.totals.cost;

describe('counting methods and discounting (trace of A: 1, 0.5, 0.25)', () => {
  it.each([
    ['beginning', 150],
    ['none', 150],
    ['end', 75],
    ['life-table', 112.5],
    ['trapezoidal', 112.5],
    ['half-cycle', 112.5],
    ['simpson-1/3', 100 * (1 / 3 + (4 / 3) * 0.5 + 0.25 / 3)],
  ] as const)('%s, undiscounted', (counting, expected) => {
    expect(cost({ counting })).toBeCloseTo(expected, 10);
  });

  it('discounts cycle t by (1+r)^(t-1), or by (1+r)^t when the first cycle is discounted', () => {
    const r = 0.1;
    expect(cost({ counting: 'life-table', discount: { costs: r, effects: 0 } })).toBeCloseTo(75 + 37.5 / 1.1, 10);
    expect(cost({ counting: 'end', discount: { costs: r, effects: 0, firstCycleDiscounted: true } })).toBeCloseTo(50 / 1.1 + 25 / 1.21, 10);
    // Point methods: trace row t discounted by (1+r)^t.
    expect(cost({ counting: 'trapezoidal', discount: { costs: r, effects: 0 } })).toBeCloseTo(50 + 50 / 1.1 + 12.5 / 1.21, 10);
  });

  it('scales discounting and life-years with the cycle length', () => {
    const res = runJson(twoStateModel({ cycleLength: 0.5, counting: 'beginning', discount: { costs: 0.1, effects: 0.1 } })).strategies[0]!;
    expect(res.totals.cost).toBeCloseTo(100 + 50 / 1.1 ** 0.5, 10);
    expect(res.totals.lifeYearsUndiscounted).toBeCloseTo(0.5 * 1.5, 12);
    expect(res.totals.qalys).toBeCloseTo(0.5 + 0.25 / 1.1 ** 0.5, 12);
  });

  it('rejects Simpson 1/3 with an odd number of cycles', () => {
    expect(() => runJson(twoStateModel({ counting: 'simpson-1/3', cycles: 3 }))).toThrow(/even number of cycles/);
  });

  it('derives the number of cycles from the horizon', () => {
    const r = runJson(twoStateModel({ cycles: undefined, horizon: 1, cycleLength: 0.5 }));
    expect(r.strategies[0]!.trace.length).toBe(3 * 2);
    expect(() => runJson(twoStateModel({ cycles: undefined, horizon: 1.2, cycleLength: 0.5 }))).toThrow(/not a whole number of cycles/);
  });
});

describe('model constructs', () => {
  it('adds one-off transition values for the people who move', () => {
    const m = twoStateModel();
    m.model.transitionValues = [{ from: 'A', to: 'D', costs: { c: 1000 }, qalys: -0.1 }];
    const s = runJson(m).strategies[0]!;
    // Flows into D: 0.5 in cycle 1, 0.25 in cycle 2.
    expect(s.totals.cost).toBeCloseTo(150 + 750, 10);
    expect(s.totals.qalys).toBeCloseTo(1.5 - 0.075, 12);
    expect(s.costPerCycle[0]).toBeCloseTo(100 + 500, 10);
  });

  it('tracks time in state with tunnel states, equal to the same model written with explicit states', () => {
    const tunnel: HtaModelInput = {
      format: 'hta-workbench-model',
      version: 1,
      metadata: { title: 'tunnel' },
      settings: { cycles: 8, counting: 'life-table', effect: 'qalys', discount: { costs: 0.05, effects: 0.05 } },
      parameters: [{ id: 'p_event', value: 0.2 }],
      model: {
        type: 'markov',
        states: [{ id: 'Well' }, { id: 'Post', maxStateTime: 3 }, { id: 'Dead', dead: true }],
        initial: { Well: 1 },
        transitions: [
          { from: 'Well', to: 'Well', probability: 'C' },
          { from: 'Well', to: 'Post', probability: 'p_event' },
          { from: 'Well', to: 'Dead', probability: 0.01 },
          { from: 'Post', to: 'Post', probability: 'C' },
          { from: 'Post', to: 'Dead', probability: 'state_time == 1 ? 0.3 : state_time == 2 ? 0.1 : 0.02' },
        ],
        stateValues: { Well: { costs: { c: 10 }, utility: 1 }, Post: { costs: { c: 'state_time == 1 ? 5000 : 500' }, utility: '0.5 + 0.1 * state_time' } },
      },
      strategies: [{ id: 's' }],
    };
    const explicit: HtaModelInput = clone(tunnel);
    explicit.model = {
      type: 'markov',
      states: [{ id: 'Well' }, { id: 'P1' }, { id: 'P2' }, { id: 'P3' }, { id: 'Dead', dead: true }],
      initial: { Well: 1 },
      transitions: [
        { from: 'Well', to: 'Well', probability: 'C' },
        { from: 'Well', to: 'P1', probability: 'p_event' },
        { from: 'Well', to: 'Dead', probability: 0.01 },
        { from: 'P1', to: 'P2', probability: 'C' },
        { from: 'P1', to: 'Dead', probability: 0.3 },
        { from: 'P2', to: 'P3', probability: 'C' },
        { from: 'P2', to: 'Dead', probability: 0.1 },
        { from: 'P3', to: 'P3', probability: 'C' },
        { from: 'P3', to: 'Dead', probability: 0.02 },
      ],
      stateValues: { Well: { costs: { c: 10 }, utility: 1 }, P1: { costs: { c: 5000 }, utility: 0.6 }, P2: { costs: { c: 500 }, utility: 0.7 }, P3: { costs: { c: 500 }, utility: 0.8 } },
    };
    const a = runJson(tunnel).strategies[0]!;
    const b = runJson(explicit).strategies[0]!;
    expect(a.totals.cost).toBeCloseTo(b.totals.cost, 10);
    expect(a.totals.qalys).toBeCloseTo(b.totals.qalys, 12);
    expect(a.totals.lifeYears).toBeCloseTo(b.totals.lifeYears, 12);
    // Collapsed trace: Post = P1 + P2 + P3.
    for (let t = 0; t <= 8; t++) expect(a.trace[t * 3 + 1]).toBeCloseTo(b.trace[t * 5 + 1]! + b.trace[t * 5 + 2]! + b.trace[t * 5 + 3]!, 14);
  });

  it('sets age from the start age and cycle length (age at the start of the cycle)', () => {
    const m = twoStateModel({ startAge: 50, cycleLength: 0.5, cycles: 4, counting: 'beginning' }, 0);
    m.model.stateValues = { A: { costs: { c: 'age' }, utility: 1 } };
    const s = runJson(m).strategies[0]!;
    expect(Array.from(s.costPerCycle)).toEqual([50, 50.5, 51, 51.5]);
  });

  it('looks up a table with bins and an exact key', () => {
    const m = twoStateModel({ startAge: 40, cycles: 3, counting: 'beginning' }, 0);
    m.tables = [{ id: 'costs_by_age', keys: [{ name: 'age', match: 'bins' }, { name: 'sex', match: 'exact' }], rows: [[0, 0, 1], [0, 1, 2], [41, 0, 10], [41, 1, 20]] }];
    m.parameters!.push({ id: 'sex', value: 1 });
    m.model.stateValues = { A: { costs: { c: 'costs_by_age(age, sex)' }, utility: 1 } };
    expect(Array.from(runJson(m).strategies[0]!.costPerCycle)).toEqual([2, 20, 20]);
  });

  it('applies strategy overrides of parameters, transitions, state values and the initial distribution', () => {
    const m = twoStateModel({ cycles: 1, counting: 'beginning' });
    m.model.states.push({ id: 'B' });
    m.model.stateValues!.B = { costs: { c: 7 }, utility: 1 };
    m.strategies = [
      { id: 'base' },
      { id: 'p', parameters: { p: 0.9 } },
      { id: 't', transitions: [{ from: 'A', to: 'D', probability: 0.1 }] },
      { id: 'v', stateValues: { A: { costs: { c: 1 } } } },
      { id: 'i', initial: { B: 1 } },
    ];
    const r = runJson(m);
    expect(totalsOf(r, 'base').trace[3 + 1]).toBeCloseTo(0.5, 15);
    expect(totalsOf(r, 'p').trace[3 + 1]).toBeCloseTo(0.9, 15);
    expect(totalsOf(r, 't').trace[3 + 1]).toBeCloseTo(0.1, 15);
    expect(totalsOf(r, 'v').totals.cost).toBe(1);
    expect(totalsOf(r, 'i').totals.cost).toBe(7);
  });

  it('recomputes expression parameters from the inputs on every evaluation', () => {
    const m = threeStateModel();
    m.parameters!.push({ id: 'c_double', expression: '2 * c_care_H' });
    m.model.stateValues!.Healthy!.costs = { care: 'c_double' };
    const compiled = compileModel(parseModel(m));
    const params = compiled.baseParameters();
    const out = compiled.createResult();
    const first = compiled.evaluate(params, out).strategies[0]!.totals.cost;
    params[compiled.parameterIndex.get('c_care_H')!] = 400;
    const second = compiled.evaluate(params, out).strategies[0]!.totals.cost;
    expect(compiled.isInput[compiled.parameterIndex.get('c_double')!]).toBe(0);
    expect(second - first).toBeGreaterThan(0);
    // Only the Healthy care cost changed, and it doubled: the Healthy part of the cost doubled.
    params[compiled.parameterIndex.get('c_care_H')!] = 0;
    const none = compiled.evaluate(params, out).strategies[0]!.totals.cost;
    expect(second - none).toBeCloseTo(2 * (first - none), 9);
  });

  it('treats an expression parameter as an input when asked (for sampling it directly)', () => {
    const m = threeStateModel();
    m.parameters!.push({ id: 'p_sick', expression: 'p_HS * 1' });
    m.model.transitions[1]!.probability = 'p_sick';
    const compiled = compileModel(parseModel(m), { inputs: ['p_sick'] });
    const slot = compiled.parameterIndex.get('p_sick')!;
    expect(compiled.isInput[slot]).toBe(1);
    const params = compiled.baseParameters();
    expect(params[slot]).toBe(0.15);
    params[slot] = 0;
    const r = compiled.evaluate(params);
    expect(r.strategies[0]!.trace[1 * 3 + 1]).toBe(0);
  });
});

describe('run-time checks', () => {
  it('throws a located error when a sampled value leaves [0, 1]', () => {
    const compiled = compileModel(parseModel(threeStateModel()));
    const params = compiled.baseParameters();
    params[compiled.parameterIndex.get('p_SD')!] = 1.3;
    try {
      compiled.evaluate(params);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ModelEvaluationError);
      const d = (e as ModelEvaluationError).details;
      expect(d).toMatchObject({ code: 'not-a-probability', strategy: 'soc', cycle: 1, fromState: 'Sick', toState: 'Dead', value: 1.3, parameters: { p_SD: 1.3 } });
      expect(d.path).toEqual(['model', 'transitions', 4, 'probability']);
      expect((e as Error).message).toContain('parameter p_SD = 1.3 is not a probability (transition Sick → Dead, strategy soc, cycle 1)');
    }
  });

  it('reports a row whose probabilities exceed 1 (complement negative), naming the cycle', () => {
    const m = threeStateModel();
    m.parameters!.push({ id: 'p_late', expression: 'cycle >= 4 ? 0.9 : 0.01' });
    m.model.transitions[2]!.probability = 'p_late';
    expect(() => runJson(m)).toThrow(/transition probabilities from Healthy sum to 1\.05, not 1 \(strategy soc, cycle 4\)/);
  });

  it('reports a row without complement that does not sum to 1', () => {
    const m = threeStateModel();
    m.model.transitions[3]!.probability = 0.8; // Sick → Sick 0.8 + Sick → Dead 0.1
    expect(() => runJson(m)).toThrow(/from Sick sum to 0\.9/);
  });

  it('reports NaN from a table lookup outside its range', () => {
    const m = threeStateModel();
    m.tables = [{ id: 'mort', keys: [{ name: 'age', match: 'bins' }], rows: [[60, 0.01]] }];
    m.model.transitions[2]!.probability = 'mort(age)';
    expect(() => runJson(m)).toThrow(/not a number/);
  });
});
