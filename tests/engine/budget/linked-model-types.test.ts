// Linking works for every model type: when the budget horizon covers the model's horizon, a patient's costs
// over the years since start add up to the model's undiscounted total cost per person, category by category.
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import { clone, loadExample } from '../model-fixtures';
import { report } from './bia-fixtures';
import { hybridSettings as settings, markovSub, psmSub } from '../hybrid-fixtures';

const parameters = [
  { id: 'p_found', value: 0.4, kind: 'probability' },
  { id: 'r_os', value: 0.3, kind: 'rate' },
  { id: 'r_pfs', value: 0.6, kind: 'rate' },
  { id: 'p_die', value: 0.1, kind: 'probability' },
];
const bia = { horizonYears: 10, population: { eligible: { perYear: [100, 0, 0, 0, 0, 0, 0, 0, 0, 0] } }, currentWorld: { shares: { S: 1 } }, newWorld: { shares: { S: 1 } } };

function base(model: unknown): Record<string, unknown> {
  return { format: 'hta-workbench-model', version: 1, metadata: { title: 't' }, settings, costCategories: [{ id: 'drug' }, { id: 'test' }], parameters, model, strategies: [{ id: 'S' }], budgetImpact: bia };
}

const hybridTree = {
  type: 'tree',
  submodels: { targeted: psmSub, chemo: markovSub },
  root: {
    kind: 'decision',
    branches: [
      {
        id: 'S',
        kind: 'chance',
        costs: { test: 250 },
        branches: [
          { id: 'found', kind: 'terminal', probability: 'p_found', submodel: 'targeted' },
          { id: 'not_found', kind: 'terminal', probability: 'C', submodel: 'chemo' },
        ],
      },
    ],
  },
};

function expectCostsAddUp(json: Record<string, unknown>): void {
  const compiled = compileModel(parseModel(json));
  const s = compiled.evaluate(compiled.baseParameters()).strategies[0]!;
  const r = report(json);
  const years = r.costsPerPatient.find((c) => c.strategy === s.id)!.byYearSinceStart;
  compiled.categoryIds.forEach((cat, j) => {
    expect(years.reduce((sum, k) => sum + k.byCategory[cat]!, 0)).toBeCloseTo(s.costByCategoryUndiscounted[j]!, 6);
  });
  expect(years.reduce((sum, k) => sum + k.total, 0)).toBeCloseTo(s.totals.costUndiscounted, 6);
  // 100 patients entering in year 1: the 10-year budget is 100 × the undiscounted cost per person.
  expect(r.cumulative.current).toBeCloseTo(100 * s.totals.costUndiscounted, 4);
}

describe('linked costs add up to the model’s undiscounted totals', () => {
  it('partitioned survival model', () => expectCostsAddUp(base(psmSub)));
  it('Markov model (life-table counting)', () => expectCostsAddUp(base(markovSub)));
  it('decision tree → PSM / Markov hybrid (tree costs in year 1)', () => {
    const json = base(hybridTree);
    expectCostsAddUp(json);
    expect(report(json).costsPerPatient[0]!.byYearSinceStart[0]!.byCategory.test).toBeCloseTo(250, 9);
  });
  it('the Belgian example with a 10-year budget (its model covers 10 years)', () => {
    const json = clone(loadExample('liquid-biopsy-nsclc-bia-belgium.json')) as { budgetImpact: { horizonYears: number } };
    json.budgetImpact.horizonYears = 10;
    const compiled = compileModel(parseModel(json));
    const res = compiled.evaluate(compiled.baseParameters());
    const r = report(json);
    for (const s of res.strategies) {
      const years = r.costsPerPatient.find((c) => c.strategy === s.id)!.byYearSinceStart;
      expect(years.reduce((sum, k) => sum + k.total, 0)).toBeCloseTo(s.totals.costUndiscounted, 4);
    }
  });
});
