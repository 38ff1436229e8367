import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import { runBaseCase } from '../../../src/engine/analysis/base-case';
import { runBudget } from '../../../src/engine/analysis/budget';
import { checkModel } from '../../../src/engine/analysis/model-check';
import { runTornado } from '../../../src/engine/analysis/tornado';
import { deadStateIds } from '../../../src/engine/analysis/dead-states';
import { setParameterValue } from '../../../src/engine/model/document-edits';
import type { ModelDocumentJson } from '../../../src/engine/model/document-edits';
import { outcomeCountIds, outcomeCountLabel } from '../../../src/report/results-tables';

const read = (name: string): unknown => JSON.parse(readFileSync(`resources/examples/${name}.json`, 'utf8'));

describe('analyses for screens, reports and the command line', () => {
  const hiv = read('hiv-chancellor-1997');
  const check = checkModel(hiv);
  it('validates and keeps the parsed model and the one-way ranges', () => {
    expect(check.valid).toBe(true);
    expect(check.model).not.toBeNull();
    const rr = check.ranges.find((r) => r.id === 'rr')!;
    expect(rr).toMatchObject({ low: 0.365, high: 0.71, source: 'file' });
  });
  it('base case: the published DMHEE figures (costs 44,663.45 and 50,601.65; ICER 6,275.96 per life-year)', () => {
    const out = runBaseCase(check.model!);
    if (!out.ok) throw new Error('base case failed');
    expect(out.strategies.map((s) => s.cost)).toEqual([expect.closeTo(44663.45, 1), expect.closeTo(50601.65, 1)]);
    expect(out.incremental[1]!.icer).toBeCloseTo(6275.96, 1);
    expect(out.effect).toBe('life-years');
    expect(out.strategies[0]!.trace.length).toBe((out.cycles + 1) * out.stateIds.length);
  });
  it('an edited base value (in the document) changes the results as the engine does with that value', () => {
    const edited = checkModel(setParameterValue(hiv as ModelDocumentJson, 'cost_lami', 3000));
    const out = runBaseCase(edited.model!);
    if (!out.ok) throw new Error('base case failed');
    const compiled = compileModel(parseModel(setParameterValue(hiv as ModelDocumentJson, 'cost_lami', 3000)));
    const direct = compiled.evaluate(compiled.baseParameters());
    expect(out.strategies[1]!.cost).toBe(direct.strategies[1]!.totals.cost);
    expect(out.strategies[1]!.cost).toBeGreaterThan(50601.65 + 1);
    expect(out.parameterValues.cost_lami).toBe(3000);
    expect(check.model!.parameters.find((p) => p.id === 'cost_lami')!.value).toBe(2086.5);
  });
  it('a value that breaks the model gives a located problem, not NaN', () => {
    const broken = { ...check.model!, parameters: check.model!.parameters.map((p) => (p.id === 'rr' ? { ...p, value: 5 } : p)) };
    const out = runBaseCase(broken);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems[0]!.message).toMatch(/probabilit/);
  });
  it('tornado at a chosen WTP and comparator is sorted by swing', () => {
    const out = runTornado(check.model!, { wtp: 10000, comparator: 'mono', strategy: 'comb' });
    if (!out.ok) throw new Error('tornado failed');
    const swings = out.result.rows.map((r) => r.swing ?? -1);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(out.result.base.incNmb).toBeCloseTo(10000 * 0.9461822458 - 5938.1977675, 3);
  });
  it('invalid files: every problem located', () => {
    const bad = checkModel({ format: 'hta-workbench-model', version: 1, metadata: {}, settings: { cycles: 'x' }, model: { type: 'markov' }, strategies: [] });
    expect(bad.valid).toBe(false);
    expect(bad.model).toBeNull();
    expect(bad.issues.length).toBeGreaterThan(2);
    expect(bad.issues.every((i) => typeof i.path === 'string' && i.message.length > 0)).toBe(true);
    expect(bad.issues.map((i) => i.path)).toContain('metadata.title');
  });
});

describe('budget impact and the example model', () => {
  const check = checkModel(read('liquid-biopsy-nsclc'));
  it('runs the Belgian budget impact section: impact = new − current, cumulative sums', () => {
    const out = runBudget(check.model!);
    if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('\n'));
    const years = out.report.years;
    expect(years).toHaveLength(out.report.horizonYears);
    let cumulative = 0;
    for (const y of years) {
      expect(y.impact).toBeCloseTo(y.new - y.current, 6);
      cumulative += y.impact;
      expect(y.cumulativeImpact).toBeCloseTo(cumulative, 6);
    }
  });
  it('survival reads the dead states of tree sub-models', () => {
    const dead = deadStateIds(check.model!);
    expect(dead.has('Dead')).toBe(true);
    expect(dead.has('died_before_treatment')).toBe(true);
    expect(dead.has('PF')).toBe(false);
  });
});

describe('costs by category', () => {
  it('add up to the total discounted cost of each strategy', () => {
    const out = runBaseCase(checkModel(read('hiv-chancellor-1997')).model!);
    if (!out.ok) throw new Error('base case failed');
    expect(out.categoryIds).toEqual(['direct_medical', 'community', 'drug']);
    for (const s of out.strategies) expect(s.costByCategory.reduce((a, b) => a + b, 0)).toBeCloseTo(s.cost, 6);
  });
});

describe('strategy details of the liquid-biopsy tree', () => {
  it('diagnostic classes share the patients alive at the result, and counters are labelled', () => {
    const out = runBaseCase(checkModel(read('liquid-biopsy-nsclc')).model!);
    if (!out.ok) throw new Error('base case failed');
    for (const s of out.strategies) {
      const c = s.details!.outcomeCounts!;
      // Counted after the last turnaround: those who die while waiting are in no class, so the classes sum to a bit under 1.
      const classified = c.truePositive! + c.falsePositive! + c.falseNegative! + c.trueNegative! + c.noResult!;
      expect(classified).toBeLessThanOrEqual(1 + 1e-12);
      expect(classified).toBeGreaterThan(0.9);
      // Missed = condition present and not found: at least the false negatives, at most FN + no result.
      expect(c.missed!).toBeGreaterThanOrEqual(c.falseNegative! - 1e-12);
      expect(c.missed!).toBeLessThanOrEqual(c.falseNegative! + c.noResult! + 1e-12);
      expect(s.details!.timeToTreatment!.mean).toBeGreaterThan(0);
    }
    const ids = outcomeCountIds(out.strategies);
    expect(ids).toContain('truePositive');
    expect(outcomeCountLabel('truePositive')).toBe('True positives');
    expect(outcomeCountLabel('test_plasma_ngs')).toBe('Tests done: plasma ngs');
    expect(outcomeCountLabel('ae_pneumothorax')).toBe('Adverse events: pneumothorax');
  });
});
