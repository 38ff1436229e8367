// Tree → cohort hybrids: terminal nodes enter a partitioned survival or Markov sub-model. Survival is measured from
// diagnosis: time on the path is spent waiting inside the sub-model's first cycle (its life-years stay the
// sub-model's, its QALYs use the waiting utility, excess mortality removes patients), never added to it.
// Expected values are the stand-alone sub-models' results combined by the documented convention, by hand.
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import { validateModel } from '../../../src/engine/model/validate';
import type { ModelEvaluationError } from '../../../src/engine/errors';
import type { HtaModelInput } from '../../../src/engine/model/schema';
import type { StrategyResult } from '../../../src/engine/compiled-model';
import type { TreeStrategyResult } from '../../../src/engine/tree/compile-tree';
import { hybridSettings as settings, markovSub, psmSub } from '../hybrid-fixtures';

const parameters = [
  { id: 'p_found', value: 0.4, kind: 'probability' },
  { id: 'r_os', value: 0.3, kind: 'rate' },
  { id: 'r_pfs', value: 0.6, kind: 'rate' },
  { id: 'p_die', value: 0.1, kind: 'probability' },
  { id: 'wait_days', value: 30, kind: 'time' },
] satisfies HtaModelInput['parameters'];

function standalone(sub: unknown): StrategyResult {
  const json = { format: 'hta-workbench-model', version: 1, metadata: { title: 'sub' }, settings, costCategories: [{ id: 'drug' }, { id: 'test' }], parameters, model: sub, strategies: [{ id: 'S' }] };
  const compiled = compileModel(parseModel(json));
  return compiled.evaluate(compiled.baseParameters()).strategies[0]!;
}

function hybrid(waiting?: Record<string, unknown>): HtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'hybrid' },
    settings,
    costCategories: [{ id: 'drug' }, { id: 'test' }],
    parameters: [...parameters],
    model: {
      type: 'tree',
      timeUnit: 'day',
      submodels: { targeted: psmSub, chemo: markovSub },
      ...(waiting ? { waiting } : {}),
      root: {
        kind: 'decision',
        branches: [
          {
            id: 'S',
            kind: 'chance',
            costs: { test: 250 },
            branches: [
              { id: 'found', kind: 'terminal', probability: 'p_found', time: 'wait_days', submodel: 'targeted' },
              { id: 'not_found', kind: 'terminal', probability: 'C', submodel: 'chemo' },
            ],
          },
        ],
      },
    } as never,
    strategies: [{ id: 'S' }],
  };
}

function run(json: HtaModelInput): TreeStrategyResult {
  const compiled = compileModel(parseModel(json));
  return compiled.evaluate(compiled.baseParameters()).strategies[0] as TreeStrategyResult;
}

describe('hybrid tree → PSM / Markov', () => {
  const psm = standalone(psmSub);
  const markov = standalone(markovSub);
  const tau = 30 / 365.25;

  // The PSM's first cycle by hand (quarter-year cycles, life-table counting, first cycle undiscounted):
  // PF(t) = e^(−0.6t), OS(t) = e^(−0.3t); life-years (1 + OS(¼))/2 × ¼, QALYs ¼ × (0.8 × mean PF + 0.6 × mean PD).
  const pf = (t: number): number => Math.exp(-0.6 * t);
  const os = (t: number): number => Math.exp(-0.3 * t);
  const ly0 = 0.25 * ((os(0) + os(0.25)) / 2);
  const q0 = 0.25 * (0.8 * ((pf(0) + pf(0.25)) / 2) + 0.6 * ((os(0) - pf(0) + os(0.25) - pf(0.25)) / 2));
  const phi = tau / 0.25; // share of the first cycle spent waiting

  it('counts the sub-models from diagnosis: a 30-day wait keeps costs and life-years, and values its days at the waiting utility', () => {
    expect(psm.lifeYearsPerCycle[0]).toBeCloseTo(ly0, 14);
    expect(psm.qalysPerCycle[0]).toBeCloseTo(q0, 14);
    expect(q0 / ly0).toBeGreaterThan(0.6); // the sub-model's utility in the first cycle is above the waiting 0.6
    const s = run(hybrid({ utility: 0.6 }));
    expect(s.totals.cost).toBeCloseTo(250 + 0.4 * psm.totals.cost + 0.6 * markov.totals.cost, 9);
    expect(s.totals.costUndiscounted).toBeCloseTo(250 + 0.4 * psm.totals.costUndiscounted + 0.6 * markov.totals.costUndiscounted, 9);
    expect(s.totals.lifeYears).toBeCloseTo(0.4 * psm.totals.lifeYears + 0.6 * markov.totals.lifeYears, 12);
    // 30 of the first cycle's days at utility 0.6 instead of the sub-model's: a loss of φ × (q0 − 0.6 × ly0) QALYs.
    expect(s.totals.qalys).toBeCloseTo(0.4 * (psm.totals.qalys - phi * (q0 - 0.6 * ly0)) + 0.6 * markov.totals.qalys, 12);
    expect(s.totals.qalys).toBeLessThan(0.4 * psm.totals.qalys + 0.6 * markov.totals.qalys);
    expect(s.costByCategory[1]).toBeCloseTo(250, 12);
    expect(s.tree.meanTimeToTerminal).toBeCloseTo(0.4 * 30, 9);
    expect(s.tree.submodels.targeted!.probability).toBeCloseTo(0.4, 12);
    expect(s.tree.submodels.targeted!.psm!.curves[1]!.restrictedMean).toBeGreaterThan(0);
    // The per-cycle arrays hold the waiting days in the first cycle and still add up to the totals.
    expect(s.qalysPerCycleDiscounted.reduce((a, b) => a + b, 0)).toBeCloseTo(s.totals.qalys, 10);
    expect(s.lifeYearsPerCycle.reduce((a, b) => a + b, 0)).toBeCloseTo(s.totals.lifeYearsUndiscounted, 10);
    expect(s.costPerCycleDiscounted.reduce((a, b) => a + b, 0)).toBeCloseTo(s.totals.cost, 8);
  });

  it('without a waiting utility the wait is valued at the sub-model’s own utility: a delay then changes nothing', () => {
    const delayed = run(hybrid({}));
    const json = hybrid({});
    const found = (json.model as unknown as { root: { branches: { branches: { time?: unknown }[] }[] } }).root.branches[0]!.branches[0]!;
    delete found.time;
    const immediate = run(json);
    for (const key of ['cost', 'qalys', 'lifeYears'] as const) expect(delayed.totals[key]).toBeCloseTo(immediate.totals[key], 12);
  });

  it('a waiting utility above the sub-model’s is capped at it: waiting never improves quality of life', () => {
    const s = run(hybrid({ utility: 0.99 }));
    expect(s.totals.qalys).toBeCloseTo(0.4 * psm.totals.qalys + 0.6 * markov.totals.qalys, 12);
  });

  it('without a delay it is exactly the probability-weighted mix, per cycle and in the trace', () => {
    const json = hybrid();
    const found = (json.model as unknown as { root: { branches: { branches: { time?: unknown }[] }[] } }).root.branches[0]!.branches[0]!;
    delete found.time;
    const s = run(json);
    expect(s.totals.qalys).toBeCloseTo(0.4 * psm.totals.qalys + 0.6 * markov.totals.qalys, 12);
    const compiled = compileModel(parseModel(json));
    expect(compiled.stateIds).toEqual(['PF', 'PD', 'Dead', 'Alive']);
    for (let t = 0; t <= 40; t++) {
      const row = s.trace.subarray(t * 4, t * 4 + 4);
      expect(row[0]).toBeCloseTo(0.4 * psm.trace[t * 3]!, 14);
      expect(row[2]).toBeCloseTo(0.4 * psm.trace[t * 3 + 2]! + 0.6 * markov.trace[t * 2 + 1]!, 14);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    const perCycle = s.costPerCycle.reduce((a, b) => a + b, 0);
    expect(perCycle).toBeCloseTo(s.totals.costUndiscounted, 8);
    expect(s.costPerCycleDiscounted.reduce((a, b) => a + b, 0)).toBeCloseTo(s.totals.cost, 8);
  });

  it('waiting mortality: survivors start treatment; the dead lived only their part of the wait; the path rows add up', () => {
    const mu = 2;
    const s = run(hybrid({ utility: 0.6, mortalityRate: mu }));
    const surv = Math.exp(-mu * tau);
    // Alive while waiting, inside the first cycle: the sub-model's life-year density ly0/¼ times e^(−μt), t in [0, τ).
    const waitShare = (1 - surv) / mu / 0.25;
    expect(s.totals.cost).toBeCloseTo(250 + 0.4 * surv * psm.totals.cost + 0.6 * markov.totals.cost, 9);
    expect(s.totals.lifeYears).toBeCloseTo(0.4 * (waitShare * ly0 + surv * (psm.totals.lifeYears - phi * ly0)) + 0.6 * markov.totals.lifeYears, 12);
    expect(s.totals.qalys).toBeCloseTo(0.4 * (waitShare * 0.6 * ly0 + surv * (psm.totals.qalys - phi * q0)) + 0.6 * markov.totals.qalys, 12);
    const rows = s.tree.paths;
    expect(rows.map((r) => r.terminal)).toEqual(['found', 'not_found', 'died before treatment']);
    expect(rows[0]!.probability).toBeCloseTo(0.4 * surv, 12);
    expect(rows[2]!.probability).toBeCloseTo(0.4 * (1 - surv), 12);
    // A patient who survives the wait lives the sub-model's life-years from diagnosis.
    expect(rows[0]!.lifeYears).toBeCloseTo(psm.totals.lifeYears, 12);
    for (const key of ['cost', 'qalys', 'lifeYears'] as const) {
      expect(rows.reduce((a, r) => a + r.probability * r[key], 0)).toBeCloseTo(s.totals[key], 9);
    }
    expect(rows[1]!.cost).toBeCloseTo(250 + markov.totals.cost, 9);
    // Those who died while waiting lived part of it: between 0 and τ years each.
    expect(rows[2]!.lifeYears).toBeGreaterThan(0);
    expect(rows[2]!.lifeYears).toBeLessThan(tau);
  });

  // Sub-models defined alike (labels aside) run once per evaluation, and partitioned-survival sub-models share
  // survival grids by distribution and parameter values; neither may mix up sub-models that differ.
  it('sub-models defined alike give one result; a sub-model that differs keeps its own (same survival parameters, another distribution)', () => {
    const json = hybrid();
    const tree = json.model as unknown as { submodels: Record<string, unknown>; root: { branches: { branches: { submodel?: string; probability?: unknown }[] }[] } };
    // "twin" is psmSub with labels; "gompertz" has the same parameter values under another distribution
    // (Gompertz shape/rate vs Weibull shape/scale: a grid keyed by values alone would be shared wrongly).
    tree.submodels.twin = { ...psmSub, curves: { pfs: { ...psmSub.curves.pfs, label: 'PFS (twin)' }, os: { ...psmSub.curves.os, label: 'OS (twin)' } } };
    tree.submodels.targeted = { ...psmSub, curves: { pfs: psmSub.curves.pfs, os: { dist: 'weibull', shape: 'r_os', scale: 'r_pfs' } } };
    tree.submodels.gompertz = { ...psmSub, curves: { pfs: psmSub.curves.pfs, os: { dist: 'gompertz', shape: 'r_os', rate: 'r_pfs' } } };
    tree.submodels.plain = psmSub;
    const branches = tree.root.branches[0]!.branches;
    branches.splice(0, 2, { id: 'a', kind: 'terminal', probability: 0.1, submodel: 'targeted' } as never, { id: 'b', kind: 'terminal', probability: 0.2, submodel: 'gompertz' } as never, { id: 'c', kind: 'terminal', probability: 0.3, submodel: 'plain' } as never, { id: 'd', kind: 'terminal', probability: 'C', submodel: 'twin' } as never);
    const s = run(json);
    const weibull = standalone(tree.submodels.targeted);
    const gompertz = standalone(tree.submodels.gompertz);
    const plain = standalone(psmSub);
    expect(weibull.totals.lifeYears).not.toBeCloseTo(gompertz.totals.lifeYears, 3);
    for (const key of ['cost', 'qalys', 'lifeYears'] as const) {
      const expected = 0.1 * weibull.totals[key] + 0.2 * gompertz.totals[key] + 0.7 * plain.totals[key];
      expect(s.totals[key] - (key === 'cost' ? 250 : 0)).toBeCloseTo(expected, 9);
    }
    // The twin's entries are those of the sub-model it matches, under its own id.
    expect(s.tree.submodels.twin!.probability).toBeCloseTo(0.4, 12);
    expect(s.tree.submodels.twin!.psm).toEqual(s.tree.submodels.plain!.psm);
    // Totals-only evaluation (PSA) gives the same totals.
    const compiled = compileModel(parseModel(json));
    const totals = compiled.evaluate(compiled.baseParameters(), compiled.createResult({ totalsOnly: true })).strategies[0]!;
    expect({ ...totals.totals }).toEqual({ ...s.totals });
  });

  it('locates sub-model errors inside model.submodels', () => {
    const json = hybrid();
    json.strategies[0] = { id: 'S', parameters: { p_die: 1.5 } };
    const issue = validateModel(json).issues.find((i) => i.severity === 'error')!;
    expect(issue.path.slice(0, 4)).toEqual(['model', 'submodels', 'chemo', 'transitions']);
    // The run-time error itself, as evaluate() throws it.
    const compiled = compileModel(parseModel(json));
    const error = (() => {
      try {
        compiled.evaluate(compiled.baseParameters());
      } catch (e) {
        return e as ModelEvaluationError;
      }
      throw new Error('expected an evaluation error');
    })();
    expect(error.details.path.slice(0, 4)).toEqual(['model', 'submodels', 'chemo', 'transitions']);
    expect(error.message.startsWith('sub-model chemo: ')).toBe(true);
    const json2 = hybrid();
    (json2.model as unknown as { submodels: { chemo: { states: { id: string }[] } } }).submodels.chemo.states[0]!.id = 'Aliv';
    const issues = validateModel(json2).issues.filter((i) => i.severity === 'error');
    expect(issues.some((i) => i.path.slice(0, 3).join('.') === 'model.submodels.chemo')).toBe(true);
  });
});
