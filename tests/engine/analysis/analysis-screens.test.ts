import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/compile-model';
import { summarisePsa } from '../../../src/engine/analysis/psa-view';
import { runEvppi, runScenarios, runThreshold, runTwoWay } from '../../../src/engine/analysis/sensitivity-runs';
import { createDsaSetup } from '../../../src/engine/sensitivity/dsa-setup';
import { compareScenarios, summariseScenarioPsa, applyScenario } from '../../../src/engine/sensitivity/scenarios';
import { thresholdCurve } from '../../../src/engine/sensitivity/threshold';
import { createPsaSetup } from '../../../src/engine/psa/psa-setup';
import { runPsa } from '../../../src/engine/psa/psa-run';
import { psaRunResults } from '../../../src/engine/analysis/run-payloads';
import { incrementalSummary } from '../../../src/engine/uncertainty/psa-summary';
import { BASE, handModel, incNmb } from '../sensitivity/dsa-fixtures';

// The analyses the model screens run (two-way, threshold with its curve, scenarios, EVPPI, PSA summaries),
// checked against the hand-solvable two-strategy model of dsa-fixtures and hand-counted PSA draws.

const WTP = 20000;
const model = parseModel(handModel());

describe('threshold curve', () => {
  it('is the closed-form incremental NMB at each value and crosses zero at the threshold', () => {
    const curve = thresholdCurve(createDsaSetup(model), { parameter: 'c_new', wtp: WTP, comparator: 'std', low: 2000, high: 6000, points: 5 });
    expect(curve.values).toEqual([2000, 3000, 4000, 5000, 6000]);
    expect(Object.keys(curve.incNmb)).toEqual(['new']);
    curve.values.forEach((c, k) => expect(curve.incNmb.new![k]).toBeCloseTo(incNmb(WTP, { ...BASE, c_new: c }), 8));
    const out = runThreshold(model, { parameter: 'c_new', wtp: WTP, comparator: 'std', low: 2000, high: 6000 });
    if (!out.ok) throw new Error('threshold failed');
    const t = out.result.thresholds[0]!.value;
    expect(incNmb(WTP, { ...BASE, c_new: t })).toBeCloseTo(0, 6);
    expect(out.result.curve.values).toHaveLength(41);
  });

  it('says "no threshold in range" and gives located problems for bad input', () => {
    const none = runThreshold(model, { parameter: 'c_new', wtp: WTP, comparator: 'std', low: 4000, high: 6000 });
    expect(none.ok && none.result.status).toBe('no-threshold-in-range');
    const bad = runThreshold(model, { parameter: 'c_new', wtp: WTP, comparator: 'std', low: 6000, high: 4000 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.message).toMatch(/low < high/);
    const unknown = runThreshold(model, { parameter: 'c_new', wtp: WTP, comparator: 'zz', low: 2000, high: 6000 });
    expect(!unknown.ok && unknown.problems[0]!.message).toMatch(/unknown comparator "zz"/);
  });
});

describe('two-way run', () => {
  it('grids two parameters with the optimal strategy per cell (hand check at the corners)', () => {
    const out = runTwoWay(model, { wtp: WTP, x: { parameter: 'c_new', low: 2000, high: 6000, steps: 3 }, y: { parameter: 'rr', low: 0.3, high: 0.8, steps: 2 } });
    if (!out.ok) throw new Error(out.problems[0]!.message);
    const cell = out.result.cells[0]![0]!; // c_new 2000, rr 0.3
    expect(cell.nmb!.new! - cell.nmb!.std!).toBeCloseTo(incNmb(WTP, { ...BASE, c_new: 2000, rr: 0.3 }), 8);
    expect(cell.optimal).toBe('new');
    expect(out.result.cells[2]![1]!.optimal).toBe('std'); // c_new 6000, rr 0.8
    const same = runTwoWay(model, { wtp: WTP, x: { parameter: 'rr', low: 0.3, high: 0.8, steps: 2 }, y: { parameter: 'rr', low: 0.3, high: 0.8, steps: 2 } });
    expect(!same.ok && same.problems[0]!.message).toMatch(/two different parameters/);
  });
});

describe('scenario budget impact', () => {
  it('gives each scenario the budget impact of its own model; the base case matches the plain run', async () => {
    const { readFileSync } = await import('node:fs');
    const { runBudgetImpact } = await import('../../../src/engine/budget/run-budget-impact');
    const json = JSON.parse(readFileSync('resources/examples/liquid-biopsy-nsclc.json', 'utf8')) as { parameters: { id: string; kind?: string; value?: number }[]; scenarios?: unknown[] };
    const cost = json.parameters.find((p) => p.kind === 'cost' && typeof p.value === 'number')!;
    json.scenarios = [{ id: 'dearer', label: 'Dearer', parameters: { [cost.id]: cost.value! * 2 } }];
    const m = parseModel(json);
    const out = runScenarios(m, { wtp: [WTP], budget: true });
    if (!out.ok) throw new Error(out.problems[0]!.message);
    const plain = runBudgetImpact(m).report!;
    expect(out.result[0]!.budgetImpact!.cumulative.impact).toBeCloseTo(plain.cumulative.impact, 6);
    expect(out.result[0]!.budgetImpact!.years.map((y) => y.impact)).toEqual(plain.years.map((y) => expect.closeTo(y.impact, 6)));
    const dearer = runBudgetImpact(parseModel({ ...json, parameters: json.parameters.map((p) => (p.id === cost.id ? { ...p, value: cost.value! * 2 } : p)), scenarios: [] })).report!;
    expect(out.result[1]!.budgetImpact!.cumulative.impact).toBeCloseTo(dearer.cumulative.impact, 6);
    expect(runScenarios(parseModel(handModel()), { wtp: [WTP], budget: true }).ok).toBe(true);
  });
});

describe('scenarios run', () => {
  const json = handModel();
  json.parameters![3] = { id: 'c_new', value: 3000, kind: 'cost', uncertainty: { low: 2000, high: 6000, distribution: { type: 'gamma', mean: 3000, se: 300 } } };
  json.scenarios = [{ id: 'cheap', label: 'Price cut', parameters: { c_new: 2000 } }];
  const withScenario = parseModel(json);

  it('runs the base case and each scenario', () => {
    const out = runScenarios(withScenario, { wtp: [WTP] });
    if (!out.ok) throw new Error(out.problems[0]!.message);
    expect(out.result.map((r) => r.id)).toEqual(['base', 'cheap']);
    expect(out.result[1]!.optimal[0]!.nmb.new! - out.result[1]!.optimal[0]!.nmb.std!).toBeCloseTo(incNmb(WTP, { ...BASE, c_new: 2000 }), 8);
  });

  it('summarises a scenario PSA run elsewhere exactly as compareScenarios does', () => {
    const scenarioModel = applyScenario(withScenario, 'base');
    const run = runPsa(createPsaSetup(scenarioModel, 5), { iterations: 200 });
    const mine = summariseScenarioPsa(run, [0, WTP], { iterations: 200, seed: 5 });
    const engine = compareScenarios(withScenario, { wtp: [0, WTP], psa: { iterations: 200, seed: 5 }, scenarios: [] })[0]!.probabilistic!;
    expect(mine).toEqual(engine);
  });
});

// Three draws, two strategies (a, b): increments of b over a are (dC, dE) = (100, 0.1), (300, 0.1), (-50, -0.02).
const draws = {
  strategyIds: ['a', 'b'],
  strategyLabels: ['Strategy A', 'Strategy B'],
  seed: 7,
  draws: 3,
  costs: Float64Array.from([1000, 1100, 1000, 1300, 1000, 950]),
  effects: Float64Array.from([1, 1.1, 1, 1.1, 1, 0.98]),
};

describe('PSA incremental summary', () => {
  it('gives mean increments, the INMB interval and the pairwise probability (hand counts)', () => {
    const [row] = incrementalSummary(draws, 'a', [2000]);
    expect(row!.id).toBe('b');
    expect(row!.incCost.mean).toBeCloseTo(350 / 3, 9);
    // Sorted dC: -50, 100, 300; type-7 2.5th percentile = -50 + 0.05 * 150 = -42.5.
    expect(row!.incCost.lower).toBeCloseTo(-42.5, 9);
    expect(row!.incCost.upper).toBeCloseTo(300 - 0.05 * 200, 9);
    // INMB at 2000 = 2000 dE - dC = 100, -100, 10.
    const at = row!.byWtp[0]!;
    expect(at.incNmb.mean).toBeCloseTo(10 / 3, 9);
    expect(at.incNmb.lower).toBeCloseTo(-100 + 0.05 * 110, 9);
    expect(at.probabilityBetter).toBeCloseTo(2 / 3, 12);
  });

  it('is part of the PSA view with a running mean that ends at the overall mean', () => {
    const view = summarisePsa(draws, { wtpGrid: [0, 2000], comparator: 'a', maxPoints: 10, thresholds: [2000] });
    expect(view.incremental![0]!.label).toBe('Strategy B');
    const rows = view.convergence!.rows;
    expect(rows.map((r) => r.draws)).toEqual([1, 2, 3]);
    expect(rows.map((r) => r.b)).toEqual([100, 0, 10 / 3].map((v) => expect.closeTo(v, 9)));
    expect(summarisePsa(draws, { wtpGrid: [0], comparator: 'a', maxPoints: 10 }).convergence).toBeUndefined();
  });
});

describe('EVPPI run', () => {
  it('gives EVPPI with a standard error within [0, EVPI] for each group, and problems for too few draws', () => {
    const json = handModel();
    json.parameters![3] = { id: 'c_new', value: 3000, kind: 'cost', uncertainty: { distribution: { type: 'gamma', mean: 3000, se: 600 } } };
    json.parameters![1] = { id: 'rr', value: 0.5, kind: 'relative-risk', uncertainty: { distribution: { type: 'lognormal', mean: 0.5, se: 0.1 } } };
    const m = parseModel(json);
    const psa = psaRunResults(runPsa(createPsaSetup(m, 2), { iterations: 400 }));
    const out = runEvppi(psa, { groups: [['c_new'], ['rr'], ['c_new', 'rr']], wtp: WTP, seDraws: 50, seed: 1 });
    if (!out.ok) throw new Error(out.problems[0]!.message);
    for (const r of out.result) {
      expect(r.evppi).toBeGreaterThanOrEqual(0);
      expect(r.evppi).toBeLessThanOrEqual(r.evpi + 1e-9);
      expect(r.se).not.toBeNull();
    }
    // Both parameters together explain at least as much as either alone (up to estimation noise).
    expect(out.result[2]!.evppi).toBeGreaterThanOrEqual(Math.max(out.result[0]!.evppi, out.result[1]!.evppi) * 0.9);
    expect(out.result[2]!.method).toBe('tensor-p-spline');
    const few = runEvppi({ ...psa, draws: 10, costs: psa.costs.slice(0, 20), effects: psa.effects.slice(0, 20), parameterValues: psa.parameterValues.slice(0, 10 * psa.parameterNames.length) }, { groups: [['rr']], wtp: WTP, seDraws: 0, seed: 1 });
    expect(!few.ok && few.problems[0]!.message).toMatch(/at least 50 draws/);
  });
});
