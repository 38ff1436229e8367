// Conventions a modeller porting a model needs (issue 14 items 1–3), each against a hand calculation.
import { describe, expect, it } from 'vitest';
import type { MarkovHtaModelInput as HtaModelInput } from '../../src/engine/model/schema';
import { parseExpression } from '../../src/engine/expression/parser';
import { compileExpressionTree, VARIABLE_COUNT } from '../../src/engine/expression/compile';
import { validateModel } from '../../src/engine/model/validate';
import { runJson } from './model-fixtures';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import { applyScenario } from '../../src/engine/sensitivity/scenarios';

/** A (alive) → D (dead) with p = 0.5, 2 cycles; the only value is a one-off cost of 100 on A → D. */
function moveCostModel(settings: Partial<HtaModelInput['settings']> = {}): HtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'one-off cost on A → D' },
    settings: { cycles: 2, counting: 'trapezoidal', effect: 'life-years', discount: { costs: 0.1, effects: 0.1 }, ...settings },
    parameters: [{ id: 'p', value: 0.5 }],
    model: {
      type: 'markov',
      states: [{ id: 'A' }, { id: 'D', dead: true }],
      initial: { A: 1 },
      transitions: [
        { from: 'A', to: 'A', probability: 'C' },
        { from: 'A', to: 'D', probability: 'p' },
      ],
      transitionValues: [{ from: 'A', to: 'D', costs: { event: 100 }, qalys: -0.1 }],
    },
    strategies: [{ id: 's' }],
  };
}

const only = (m: HtaModelInput) => runJson(m).strategies[0]!;

describe('one-off transition values: settings.transitionValues (moves 0.5 in cycle 1, 0.25 in cycle 2)', () => {
  it('cycle-start (default): a move during cycle c is discounted like counted cycle c, no within-cycle weight', () => {
    const s = only(moveCostModel());
    // 50 undiscounted + 25 / 1.1
    expect(s.totals.cost).toBeCloseTo(50 + 25 / 1.1, 10);
    expect(s.totals.cost).toBeCloseTo(72.727, 3);
    expect(Array.from(s.costPerCycle)).toEqual([50, 25, 0]);
  });

  it('destination-row: booked at trace row c with its trapezoidal weight, discounted to the end of cycle c (55.785)', () => {
    const s = only(moveCostModel({ transitionValues: 'destination-row' }));
    // Row 1 (weight 1): 50 / 1.1; row 2 (last row, weight 1/2): 25 × 0.5 / 1.1²
    expect(s.totals.cost).toBeCloseTo(50 / 1.1 + (25 * 0.5) / 1.21, 10);
    expect(Number(s.totals.cost.toFixed(3))).toBe(55.785);
    expect(s.totals.costUndiscounted).toBeCloseTo(50 + 12.5, 12);
    // Counted cycle t + 1 is trace row t.
    expect(Array.from(s.costPerCycle)).toEqual([0, 50, 12.5]);
    expect(s.costPerCycleDiscounted[1]).toBeCloseTo(50 / 1.1, 12);
    expect(s.totals.qalys).toBeCloseTo(-0.1 * (0.5 / 1.1 + 0.125 / 1.21), 12);
    expect(s.qalysPerCycle[2]).toBeCloseTo(-0.0125, 14);
  });

  it('destination-row under interval counting: row c splits between counted cycles c and c + 1', () => {
    // life-table: row 1 is half of cycle 1 (not discounted) and half of cycle 2 (1/1.1); row 2 half of cycle 2.
    expect(only(moveCostModel({ counting: 'life-table', transitionValues: 'destination-row' })).totals.cost).toBeCloseTo(25 + 25 / 1.1 + 12.5 / 1.1, 10);
    // beginning: row 1 counts in cycle 2; row 2 (after the last cycle) is not counted, as a state value there would not be.
    expect(only(moveCostModel({ counting: 'beginning', transitionValues: 'destination-row' })).totals.cost).toBeCloseTo(50 / 1.1, 10);
    // end: row c is cycle c.
    expect(only(moveCostModel({ counting: 'end', transitionValues: 'destination-row' })).totals.cost).toBeCloseTo(50 + 25 / 1.1, 10);
  });

  it('is a scenario setting too', () => {
    const m = moveCostModel();
    (m as { scenarios?: unknown }).scenarios = [{ id: 'darth', settings: { transitionValues: 'destination-row' } }];
    expect(validateModel(m).issues.filter((i) => i.severity === 'error')).toEqual([]);
    const compiled = compileModel(applyScenario(parseModel(m), 'darth'));
    expect(compiled.evaluate(compiled.baseParameters()).strategies[0]!.totals.cost).toBeCloseTo(50 / 1.1 + 12.5 / 1.21, 10);
  });
});

/** A (cost 100 per cycle) → D with p = 0.5; trace of A: 1, 0.5, 0.25, 0.125, … */
function stateCostModel(cycles: number, settings: Partial<HtaModelInput['settings']>): HtaModelInput {
  const m = moveCostModel({ cycles, discount: { costs: 0, effects: 0 }, ...settings });
  m.model.transitionValues = [];
  m.model.stateValues = { A: { costs: { care: 100 }, utility: 1 } };
  return m;
}

describe('custom counting weights: settings.countingWeights (an expression of cycle and n_cycles)', () => {
  it('reproduces DARTH gen_wcc("Simpson1/3"), whose weights are (1, 2, 4, …, 4, 2, 1)/3, not the textbook (1, 4, 2, …)/3', () => {
    const darth = 'cycle == 0 || cycle == n_cycles ? 1/3 : (cycle % 2 == 1 ? 2/3 : 4/3)';
    const custom = only(stateCostModel(4, { counting: 'custom', countingWeights: darth })).totals.cost;
    // rows 1, .5, .25, .125, .0625 with weights 1/3, 2/3, 4/3, 2/3, 1/3
    expect(custom).toBeCloseTo(100 * (1 / 3 + 0.5 * (2 / 3) + 0.25 * (4 / 3) + 0.125 * (2 / 3) + 0.0625 / 3), 10);
    const textbook = only(stateCostModel(4, { counting: 'simpson-1/3' })).totals.cost;
    expect(textbook).toBeCloseTo(100 * (1 / 3 + 0.5 * (4 / 3) + 0.25 * (2 / 3) + 0.125 * (4 / 3) + 0.0625 / 3), 10);
    expect(Math.abs(custom - textbook)).toBeGreaterThan(1);
  });

  it('equals the named trapezoidal method when written out, and works with an odd cycle count', () => {
    const written = 'cycle == 0 || cycle == n_cycles ? 0.5 : 1';
    for (const cycles of [3, 7]) {
      const a = only(stateCostModel(cycles, { counting: 'custom', countingWeights: written, discount: { costs: 0.035, effects: 0.035 } }));
      const b = only(stateCostModel(cycles, { counting: 'trapezoidal', discount: { costs: 0.035, effects: 0.035 } }));
      expect(a.totals.cost).toBeCloseTo(b.totals.cost, 12);
      expect(a.totals.qalys).toBeCloseTo(b.totals.qalys, 12);
    }
    // DARTH's gen_wcc("none") weighs every row 1, rows 0..n: 100 × (1 + .5 + .25 + .125), 3 cycles.
    expect(only(stateCostModel(3, { counting: 'custom', countingWeights: 1 })).totals.cost).toBeCloseTo(187.5, 10);
  });

  it('reports a missing, unreadable or non-finite weight expression at settings.countingWeights', () => {
    const problems = (settings: Partial<HtaModelInput['settings']>) =>
      validateModel(stateCostModel(2, settings))
        .issues.filter((i) => i.severity === 'error')
        .map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems({ counting: 'custom' })).toEqual([expect.stringMatching(/^settings\.countingWeights: counting "custom" needs settings\.countingWeights/)]);
    expect(problems({ counting: 'custom', countingWeights: 'cycle * p' })[0]).toMatch(/^settings\.countingWeights: .*may use only cycle .*not p/);
    expect(problems({ counting: 'custom', countingWeights: '1 / (cycle - 1)' })[0]).toMatch(/gives? Infinity for cycle = 1/);
  });

  it('keeps "none" equal to "beginning"', () => {
    expect(only(stateCostModel(3, { counting: 'none' })).totals.cost).toBe(only(stateCostModel(3, { counting: 'beginning' })).totals.cost);
  });
});

describe('expressions: % (R %%) and the model constants', () => {
  const evaluate = (src: string, constants: [string, number][] = []) =>
    compileExpressionTree(parseExpression(src), { cycleLength: 1, constants: new Map(constants), parameterSlot: () => undefined, table: () => undefined })(new Float64Array(0), new Float64Array(VARIABLE_COUNT));

  it.each([
    ['7 % 3', 1],
    ['-1 % 3', 2],
    ['1 % -3', -2],
    ['5.5 % 2', 1.5],
    ['1 + 7 % 4 * 2', 7],
    ['2 ^ 3 % 5', 3],
  ])('%s = %d', (src, expected) => {
    expect(evaluate(src)).toBe(expected);
  });

  it('reads n_cycles, discount_costs and discount_effects from the settings', () => {
    const m = stateCostModel(4, { counting: 'beginning', discount: { costs: 0.035, effects: 0.015 } });
    m.parameters = [
      { id: 'p', value: 0.5 },
      { id: 'c_care', expression: '1000 * n_cycles + 100000 * discount_costs + 10 * discount_effects' },
    ];
    m.model.stateValues = { A: { costs: { care: 'cycle % 2 == 0 ? c_care : 0' } } };
    m.settings.discount = { costs: 0, effects: 0 };
    const undiscounted = only(m);
    // c_care = 4000 + 0 + 0; paid in cycles 2 and 4 on rows 1 and 3: 0.5 and 0.125
    expect(undiscounted.totals.cost).toBeCloseTo(4000 * (0.5 + 0.125), 9);
    m.settings.discount = { costs: 0.035, effects: 0.015 };
    expect(only(m).totals.costUndiscounted).toBeCloseTo((4000 + 3500 + 0.15) * (0.5 + 0.125), 9);
  });

  it('keeps the constants reserved: a parameter cannot be called n_cycles', () => {
    const m = stateCostModel(2, {});
    m.parameters = [...(m.parameters ?? []), { id: 'n_cycles', value: 3 }];
    expect(validateModel(m).issues.some((i) => i.severity === 'error' && i.path.join('.') === 'parameters.1.id')).toBe(true);
  });
});

describe('what porters write first: distribution parameters as expressions, lists, per-strategy transition values', () => {
  const errors = (m: unknown) =>
    validateModel(m)
      .issues.filter((i) => i.severity === 'error')
      .map((i) => `${i.path.join('.')}: ${i.message}`);

  it('reads distribution parameters written as expressions of numbers (log(3)), and names what else is not allowed', () => {
    const m = moveCostModel();
    m.parameters = [{ id: 'p', value: 0.5, uncertainty: { distribution: { type: 'lognormal', meanlog: 'log(0.5)', sdlog: '0.2 / 2' } } }];
    const report = validateModel(m);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.model!.parameters[0]!.uncertainty!.distribution).toEqual({ type: 'lognormal', meanlog: Math.log(0.5), sdlog: 0.1 });
    m.parameters = [{ id: 'p', value: 0.5, uncertainty: { distribution: { type: 'beta', alpha: 'n_events', beta: 'log(0)' } } }];
    expect(errors(m)).toEqual([
      'parameters.0.uncertainty.distribution.alpha: "n_events" names n_events; here only numbers and functions are allowed (e.g. "log(3)"), not parameters or model variables',
      'parameters.0.uncertainty.distribution.beta: "log(0)" is -Infinity, not a finite number',
    ]);
  });

  it('says to use a table when a parameter is given a list of values', () => {
    const m = moveCostModel() as unknown as { parameters: unknown[] };
    m.parameters = [{ id: 'p', value: [0.1, 0.2, 0.3] }];
    expect(errors(m)).toEqual([expect.stringMatching(/^parameters\.0\.value: expected a number, got a list: a parameter holds one number or expression; put values that vary by age, cycle or group in a lookup table/)]);
  });

  it('says transition values are model-level when a strategy has them', () => {
    const m = moveCostModel() as unknown as { strategies: unknown[] };
    m.strategies = [{ id: 's' }, { id: 't', transitionValues: [{ from: 'A', to: 'D', costs: { event: 200 } }] }];
    expect(errors(m)).toEqual([
      'strategies.1: unknown field "transitionValues": transition values are model-level (model.transitionValues, shared by every strategy); to make one differ by strategy, write it with a parameter and override that parameter in the strategy\'s "parameters"',
    ]);
  });
});
