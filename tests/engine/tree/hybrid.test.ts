// Tree → cohort hybrids: terminal nodes enter a partitioned survival or Markov sub-model; time on the path delays
// the sub-model (discounting starts later; waiting utility and mortality apply meanwhile). Expected values are
// the stand-alone sub-models' own results combined by the documented convention, written out by hand.
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import { validateModel } from '../../../src/engine/model/validate';
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

  it('weights the sub-model totals by the share entering them; a delay discounts the sub-model later', () => {
    const s = run(hybrid({ utility: 0.6 }));
    const dc = 1.03 ** -tau;
    const de = 1.015 ** -tau;
    expect(s.totals.cost).toBeCloseTo(250 + 0.4 * psm.totals.cost * dc + 0.6 * markov.totals.cost, 9);
    expect(s.totals.costUndiscounted).toBeCloseTo(250 + 0.4 * psm.totals.costUndiscounted + 0.6 * markov.totals.costUndiscounted, 9);
    // Waiting 30 days at utility 0.6 (alive): QALYs and life-years accrue on the path, undiscounted at τ = 0.
    expect(s.totals.qalys).toBeCloseTo(0.4 * (0.6 * tau + psm.totals.qalys * de) + 0.6 * markov.totals.qalys, 12);
    expect(s.totals.lifeYears).toBeCloseTo(0.4 * (tau + psm.totals.lifeYears * de) + 0.6 * markov.totals.lifeYears, 12);
    expect(s.costByCategory[1]).toBeCloseTo(250, 12);
    expect(s.tree.meanTimeToTerminal).toBeCloseTo(0.4 * 30, 9);
    expect(s.tree.submodels.targeted!.probability).toBeCloseTo(0.4, 12);
    expect(s.tree.submodels.targeted!.psm!.curves[1]!.restrictedMean).toBeGreaterThan(0);
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

  it('waiting mortality: survivors enter the sub-model; the path rows add up to the totals', () => {
    const mu = 2;
    const s = run(hybrid({ utility: 0.6, mortalityRate: mu }));
    const surv = Math.exp(-mu * tau);
    const waitLy = (1 - surv) / mu;
    expect(s.totals.cost).toBeCloseTo(250 + 0.4 * surv * psm.totals.cost * 1.03 ** -tau + 0.6 * markov.totals.cost, 9);
    expect(s.totals.lifeYears).toBeCloseTo(0.4 * (waitLy + surv * psm.totals.lifeYears * 1.015 ** -tau) + 0.6 * markov.totals.lifeYears, 12);
    const rows = s.tree.paths;
    expect(rows.map((r) => r.terminal)).toEqual(['found', 'not_found', 'died before treatment']);
    expect(rows[0]!.probability).toBeCloseTo(0.4 * surv, 12);
    expect(rows[2]!.probability).toBeCloseTo(0.4 * (1 - surv), 12);
    for (const key of ['cost', 'qalys', 'lifeYears'] as const) {
      expect(rows.reduce((a, r) => a + r.probability * r[key], 0)).toBeCloseTo(s.totals[key], 9);
    }
    expect(rows[1]!.cost).toBeCloseTo(250 + markov.totals.cost, 9);
  });

  it('locates sub-model errors inside model.submodels', () => {
    const json = hybrid();
    json.strategies[0] = { id: 'S', parameters: { p_die: 1.5 } };
    const issue = validateModel(json).issues.find((i) => i.severity === 'error')!;
    expect(issue.path.slice(0, 4)).toEqual(['model', 'submodels', 'chemo', 'transitions']);
    const json2 = hybrid();
    (json2.model as unknown as { submodels: { chemo: { states: { id: string }[] } } }).submodels.chemo.states[0]!.id = 'Aliv';
    const issues = validateModel(json2).issues.filter((i) => i.severity === 'error');
    expect(issues.some((i) => i.path.slice(0, 3).join('.') === 'model.submodels.chemo')).toBe(true);
  });
});
