// One-way sensitivity (tornado) order and values on a hand-checkable case, named scenarios, outcome counts
// linked to model parameters, and located errors.
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/compile-model';
import { prepareBudgetImpact } from '../../../src/engine/budget/prepare-budget-impact';
import { runBudgetImpact } from '../../../src/engine/budget/run-budget-impact';
import { formatIssue } from '../../../src/engine/errors';
import { carrierModel, report } from './bia-fixtures';

// One year. N patients (100; 50–200) are tested; the new test costs p (1,000; 800–1,500) more than nothing;
// new-world uptake u (0.5; 0.25–0.9). Impact = N × p × u.
const tornadoCase = carrierModel({
  horizonYears: 1,
  parameters: [{ id: 'price', label: 'Test price', value: 1000, low: 800, high: 1500, source: 'Assumption: list price' }],
  population: { eligible: { id: 'patients', value: 100, low: 50, high: 200 } },
  strategies: [{ id: 'A' }, { id: 'B', costs: { test: 'price' } }],
  currentWorld: { shares: { A: 1 } },
  newWorld: { shares: { A: 'rest', B: { shape: 'constant', value: 0.5, low: 0.25, high: 0.9 } } },
  scenarios: [
    { id: 'cheaper_test', label: 'Lower test price', values: { price: 600 } },
    { id: 'faster_uptake', label: 'Faster uptake', newWorld: { shares: { B: 0.8 } } },
    { id: 'both', values: { price: 600, patients: 120 }, newWorld: { shares: { B: 0.8 } } },
  ],
});

describe('tornado', () => {
  const r = report(tornadoCase);

  it('gives the base impact N × p × u = 50,000', () => {
    expect(r.cumulative.impact).toBeCloseTo(50000, 9);
    expect(r.tornado.baseImpact).toBeCloseTo(50000, 9);
  });

  it('orders inputs by swing: patients 75,000 > uptake 65,000 > price 35,000', () => {
    expect(r.tornado.rows.map((t) => t.id)).toEqual(['patients', 'newWorld.B', 'price']);
    const [n, u, p] = r.tornado.rows;
    expect(n!.impactAtLow).toBeCloseTo(25000, 9);
    expect(n!.impactAtHigh).toBeCloseTo(100000, 9);
    expect(n!.swing).toBeCloseTo(75000, 9);
    expect(u!.impactAtLow).toBeCloseTo(25000, 9);
    expect(u!.impactAtHigh).toBeCloseTo(90000, 9);
    expect(u!.swing).toBeCloseTo(65000, 9);
    expect(p!.impactAtLow).toBeCloseTo(40000, 9);
    expect(p!.impactAtHigh).toBeCloseTo(75000, 9);
    expect(p!.source).toBe('Assumption: list price');
    expect(p!.location).toBe('budgetImpact.parameters[0]');
  });

  it('includes model parameters with uncertainty low/high when linked', () => {
    const json = carrierModel({
      horizonYears: 1,
      population: { eligible: { value: 10 } },
      strategies: [{ id: 'A' }, { id: 'B', costs: { test: 'c_model * 2' } }],
      currentWorld: { shares: { A: 1 } },
      newWorld: { shares: { B: 1 } },
    });
    json.parameters = [{ id: 'c_model', value: 100, uncertainty: { low: 50, high: 300 } }];
    const t = report(json).tornado.rows;
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ id: 'c_model', kind: 'model-parameter', low: 50, high: 300 });
    expect(t[0]!.impactAtLow).toBeCloseTo(1000, 9);
    expect(t[0]!.impactAtHigh).toBeCloseTo(6000, 9);
  });

  it('marks a variation that breaks the shares as invalid instead of failing the whole analysis', () => {
    const json = JSON.parse(JSON.stringify(tornadoCase));
    json.budgetImpact.newWorld.shares = { A: 0.5, B: { shape: 'constant', value: 0.5, low: 0.25, high: 0.9 } };
    json.budgetImpact.scenarios = [];
    const row = report(json).tornado.rows.find((t) => t.id === 'newWorld.B')!;
    expect(row.swing).toBeNull();
    expect(row.error).toMatch(/shares sum to 75%, expected 100%/);
    expect(report(json).tornado.rows.at(-1)!.id).toBe('newWorld.B');
  });
});

describe('scenarios', () => {
  const r = report(tornadoCase);

  it('recompute the budget with new values and uptake', () => {
    const byId = Object.fromEntries(r.scenarios.map((s) => [s.id, s]));
    expect(byId.cheaper_test!.cumulative.impact).toBeCloseTo(100 * 600 * 0.5, 9);
    expect(byId.cheaper_test!.label).toBe('Lower test price');
    expect(byId.faster_uptake!.cumulative.impact).toBeCloseTo(100 * 1000 * 0.8, 9);
    expect(byId.both!.cumulative.impact).toBeCloseTo(120 * 600 * 0.8, 9);
    expect(byId.both!.differenceFromBase).toBeCloseTo(120 * 600 * 0.8 - 50000, 9);
  });
});

describe('outcome counts', () => {
  it('come from shares per strategy, evaluated with the linked model strategy’s parameter overrides', () => {
    const json = carrierModel({
      horizonYears: 2,
      population: { eligible: { perYear: [1000, 2000] } },
      strategies: [
        { id: 'tissue', modelStrategy: 'A', outcomes: { tested: 1, identified: 'prev * sens', rebiopsied: 0.2 } },
        { id: 'plasma', modelStrategy: 'B', outcomes: { tested: 1, identified: 'prev * sens', rebiopsied: 0.05 } },
      ],
      currentWorld: { shares: { tissue: 1 } },
      newWorld: { shares: { tissue: 0.5, plasma: 0.5 } },
    });
    json.parameters = [
      { id: 'prev', value: 0.4 },
      { id: 'sens', value: 0.5 },
    ];
    json.strategies = [{ id: 'A' }, { id: 'B', parameters: { sens: 0.9 } }];
    const r = report(json);
    expect(r.outcomeDefinitions.map((o) => o.label)).toEqual(['Tested', 'Correctly identified with an actionable alteration', 'Re-biopsied']);
    // Year 1, current: 1000 × 0.4 × 0.5 = 200; new: 500 × 0.2 + 500 × 0.36 = 280.
    expect(r.years[0]!.outcomes.identified).toEqual({ current: 200, new: 280, difference: 80 });
    expect(r.years[1]!.outcomes.identified!.new).toBeCloseTo(560, 9);
    expect(r.years[0]!.outcomes.rebiopsied!.new).toBeCloseTo(500 * 0.2 + 500 * 0.05, 9);
    expect(r.years[1]!.outcomes.tested).toEqual({ current: 2000, new: 2000, difference: 0 });
  });
});

describe('located errors', () => {
  const issuesOf = (json: unknown): string[] => {
    const { prepared, issues } = prepareBudgetImpact(parseModel(json));
    expect(prepared).toBeNull();
    return issues.map(formatIssue);
  };
  const base = {
    horizonYears: 1,
    population: { eligible: { value: 10 } },
    strategies: [{ id: 'A' }, { id: 'B' }],
    currentWorld: { shares: { A: 1 } },
    newWorld: { shares: { B: 1 } },
  };

  it('names an unknown strategy in a world', () => {
    expect(issuesOf(carrierModel({ ...base, newWorld: { shares: { Bb: 1 } } }))).toContainEqual(expect.stringMatching(/^budgetImpact\.newWorld\.shares\.Bb: unknown strategy 'Bb' \(did you mean B\?\)/));
  });

  it('names an unknown model strategy, an unknown name in a cost, and an id clash', () => {
    const json = carrierModel({ ...base, parameters: [{ id: 'p_model', value: 1 }], strategies: [{ id: 'A', modelStrategy: 'Z' }, { id: 'B', costs: { test: ['1000 * nope'] } }] });
    json.parameters = [{ id: 'p_model', value: 2 }];
    const msgs = issuesOf(json);
    expect(msgs).toContainEqual(expect.stringMatching(/^budgetImpact\.strategies\[0\]\.modelStrategy: the model has no strategy 'Z'/));
    expect(msgs).toContainEqual(expect.stringMatching(/^budgetImpact\.strategies\[1\]\.costs\.test\[0\]: unknown name 'nope'/));
    expect(msgs).toContainEqual(expect.stringMatching(/^budgetImpact\.parameters\[0\]\.id: id 'p_model' is already used by a model parameter/));
  });

  it('asks for a population, and refuses a funnel together with typed patients', () => {
    expect(issuesOf(carrierModel({ ...base, population: {} }))).toContainEqual(expect.stringMatching(/^budgetImpact\.population: give the eligible population/));
    expect(issuesOf(carrierModel({ ...base, population: { eligible: { value: 1 }, funnel: [{ id: 'x', value: 1 }] } }))).toContainEqual(expect.stringMatching(/^budgetImpact\.population\.eligible: give either a funnel/));
  });

  it('reports a negative funnel value at run time with its location', () => {
    const { report: r, issues } = runBudgetImpact(parseModel(carrierModel({ ...base, population: { inhabitants: { value: 1000 }, funnel: [{ id: 'share', value: '0.5 - 0.7' }] } })));
    expect(r).toBeNull();
    expect(issues.map(formatIssue)).toContainEqual(expect.stringMatching(/^budgetImpact\.population\.funnel\[0\]\.value: funnel step share = -0\.\d+ is outside \[0, ∞\]/));
  });

  it('locates a dependency cycle between budget-impact values and a value that depends on model time', () => {
    const cyc = issuesOf(carrierModel({ ...base, parameters: [{ id: 'x', value: 'y + 1' }, { id: 'y', value: 'x * 2' }] }));
    expect(cyc).toContainEqual(expect.stringMatching(/^budgetImpact\.parameters\[[01]\]\.value: parameters depend on each other in a cycle/));
    const timed = issuesOf(carrierModel({ ...base, parameters: [{ id: 'x', value: 'cycle * 2' }] }));
    expect(timed).toContainEqual(expect.stringMatching(/^budgetImpact\.parameters\[0\]\.value: x depends on model time/));
  });

  it('says when the model has no budgetImpact section', () => {
    const json = carrierModel(undefined);
    delete json.budgetImpact;
    expect(issuesOf(json)).toEqual(['budgetImpact: this model has no budgetImpact section']);
  });
});

describe('outcome counts read from a decision tree', () => {
  // Strategy B of a hand-checkable tree: test 10, then with p 0.6 × 0.5 = 0.3 a "severe" outcome costing 200;
  // otherwise 20 with p 0.4. Per person: B costs 78, A costs 0.3 × 100 + 0.7 × 50 = 65 (all in year 1).
  const tree = {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'Tree' },
    settings: { cycleLength: 1 },
    costCategories: [{ id: 'care' }, { id: 'test' }],
    parameters: [{ id: 'p_x', value: 0.6 }],
    model: {
      type: 'tree',
      root: {
        kind: 'decision',
        branches: [
          { id: 'A', kind: 'chance', branches: [{ id: 'a_yes', kind: 'terminal', probability: 0.3, costs: { care: 100 } }, { id: 'a_no', kind: 'terminal', probability: 'C', costs: { care: 50 } }] },
          {
            id: 'B',
            kind: 'chance',
            costs: { test: 10 },
            branches: [
              { id: 'b_x', kind: 'chance', probability: 'p_x', branches: [{ id: 'b_x1', kind: 'terminal', probability: 0.5, costs: { care: 200 }, count: ['severe'] }, { id: 'b_x2', kind: 'terminal', probability: 'C' }] },
              { id: 'b_other', kind: 'terminal', probability: 'C', costs: { care: 20 } },
            ],
          },
        ],
      },
    },
    strategies: [{ id: 'A' }, { id: 'B' }],
    budgetImpact: {
      horizonYears: 2,
      population: { eligible: { value: 1000 } },
      strategies: [
        { id: 'A', modelStrategy: 'A' },
        { id: 'B', modelStrategy: 'B', outcomes: { severe: { modelCount: 'severe' } } },
      ],
      currentWorld: { shares: { A: 1 } },
      newWorld: { shares: { B: 1 } },
    },
  };

  it('links costs (one cycle of one year) and the tree’s per-person counts', () => {
    const r = report(tree);
    expect(r.years.map((y) => y.impact)).toEqual([13000, 13000].map((x) => expect.closeTo(x, 9)));
    expect(r.years[0]!.byCategory.test!.new).toBeCloseTo(10000, 9);
    expect(r.years[0]!.outcomes.severe!.new).toBeCloseTo(300, 9);
    // No strategy of the current world defines the outcome: no count there.
    expect(r.years[0]!.outcomes.severe!.current).toBeNull();
  });

  it('names the available counts when the name is wrong', () => {
    const bad = JSON.parse(JSON.stringify(tree));
    bad.budgetImpact.strategies[1].outcomes = { severe: { modelCount: 'sever' } };
    const { issues } = runBudgetImpact(parseModel(bad));
    expect(issues.map(formatIssue)).toContainEqual(expect.stringMatching(/^budgetImpact\.strategies\[1\]\.outcomes\.severe: the linked model strategy of B has no outcome count 'sever'; it has: .*severe/));
  });
});

describe('tornado per year', () => {
  it('keeps the impact of each year at the low and high value (two years, growth 10%)', () => {
    const json = JSON.parse(JSON.stringify(tornadoCase));
    json.budgetImpact.horizonYears = 2;
    json.budgetImpact.population.annualGrowth = { value: 0.1 };
    const row = report(json).tornado.rows.find((t) => t.id === 'price')!;
    // Patients 100 then 110, uptake 0.5: impact = patients × 0.5 × price.
    expect(row.yearsAtLow!.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([40000, 44000]);
    expect(row.yearsAtHigh!.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([75000, 82500]);
    expect(row.role).toBe('parameter');
    expect(report(json).tornado.rows.find((t) => t.id === 'patients')!.role).toBe('eligible');
  });
});
