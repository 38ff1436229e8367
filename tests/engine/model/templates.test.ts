// Every template is a valid, runnable model as created: it validates without problems, its base case runs, and
// its numbers have the structure the template promises (a new treatment that costs more, a budget that grows).
import { describe, expect, it } from 'vitest';
import { runBaseCase } from '../../../src/engine/analysis/base-case';
import { runBudget } from '../../../src/engine/analysis/budget';
import { validateModel } from '../../../src/engine/model/validate';
import { MODEL_TEMPLATES, modelTemplate } from '../../../src/engine/model/templates';

describe('model templates', () => {
  it.each(MODEL_TEMPLATES.map((t) => [t.id, t] as const))('%s is valid and runs as created', (_id, template) => {
    const report = validateModel(template.create());
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.valid).toBe(true);
    const outcome = runBaseCase(report.model!);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    for (const s of outcome.strategies) {
      expect(Number.isFinite(s.cost) && s.cost > 0).toBe(true);
      expect(Number.isFinite(s.effect) && s.effect > 0).toBe(true);
    }
  });

  it('creates a fresh document each time (editing one does not change the next)', () => {
    const a = modelTemplate('markov')!.create();
    (a.metadata as { title: string }).title = 'changed';
    expect((modelTemplate('markov')!.create().metadata as { title: string }).title).toBe('New Markov model');
  });

  it('the blank Markov template gives the hand-computed life expectancy of a constant 10% death risk', () => {
    // Life-table counting, 20 yearly cycles, QALYs discounted at 3.5%: undiscounted life-years are the sum over
    // cycles t = 1..20 of (0.9^(t-1) + 0.9^t) / 2.
    const doc = modelTemplate('markov')!.create();
    const report = validateModel(doc);
    const outcome = runBaseCase(report.model!);
    if (!outcome.ok) throw new Error('did not run');
    let ly = 0;
    for (let t = 1; t <= 20; t++) ly += (0.9 ** (t - 1) + 0.9 ** t) / 2;
    expect(outcome.strategies[0]!.lifeYearsUndiscounted).toBeCloseTo(ly, 10);
    expect(outcome.strategies[0]!.costUndiscounted).toBeCloseTo(1000 * ly, 7);
  });

  it('the tree template puts the tested strategy ahead in effect (targeted therapy for true positives)', () => {
    const outcome = runBaseCase(validateModel(modelTemplate('tree-hybrid')!.create()).model!);
    if (!outcome.ok) throw new Error('did not run');
    const [noTest, testTreat] = outcome.strategies;
    expect(testTreat!.effect).toBeGreaterThan(noTest!.effect);
    expect(testTreat!.cost).toBeGreaterThan(noTest!.cost);
  });

  it('the budget impact template runs its budget: the new world costs more as uptake grows', () => {
    const out = runBudget(validateModel(modelTemplate('budget-impact')!.create()).model!);
    if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('; '));
    const impacts = out.report.years.map((y) => y.impact);
    expect(impacts).toHaveLength(5);
    for (let i = 1; i < impacts.length; i++) expect(impacts[i]!).toBeGreaterThan(impacts[i - 1]!);
    expect(out.report.years[0]!.patients.new.new_treatment).toBeCloseTo(100, 9); // 10% of 1,000 in year 1
  });
});
