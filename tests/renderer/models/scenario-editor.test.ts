import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/compile-model';
import { putScenario } from '../../../src/engine/model/document-edits';
import { applyScenario } from '../../../src/engine/sensitivity/scenarios';
import { draftOf, scenarioFromDraft } from '../../../src/renderer/scenarios/scenario-editor';
import type { ScenarioDraft } from '../../../src/renderer/scenarios/scenario-editor';
import { describeScenario } from '../../../src/report/model-description';
import { setDisplayLanguageFormats } from '../../../src/renderer/settings/display-format';
import { inmbBands } from '../../../src/renderer/results/two-way-section';
import { isTestCategory, testBudgetRows } from '../../../src/renderer/results/budget-analyses';
import { runBudgetImpact } from '../../../src/engine/budget/run-budget-impact';

// The scenario editor's form ↔ model-file scenario, checked on the bundled liquid-biopsy model: what the user types
// becomes a scenario the engine runs, with clear messages for what it cannot read.

const doc = JSON.parse(readFileSync('resources/examples/liquid-biopsy-nsclc.json', 'utf8')) as Record<string, unknown>;
const model = parseModel(doc);
const cost = model.parameters.find((p) => p.kind === 'cost' && p.uncertainty?.distribution?.type === 'gamma')!;
const blank: ScenarioDraft = { label: 'Cheaper test', description: '', perspective: '', rows: [], horizon: '', discountCosts: '', discountEffects: '', counting: '' };

describe('scenario editor', () => {
  it('turns a value, a range, a re-centred distribution and settings into a scenario the engine runs', () => {
    const draft: ScenarioDraft = { ...blank, rows: [{ id: cost.id, value: '1500', low: '1000', high: '2000', sample: true }], horizon: '10', discountCosts: '0.04', counting: 'end' };
    const out = scenarioFromDraft(draft, model, 'cheaper_test', null);
    if (!out.ok) throw new Error(out.error);
    const s = out.scenario as unknown as { parameters: Record<string, number>; uncertainty: Record<string, { low: number; high: number; distribution: { type: string; mean: number; se: number } }>; settings: Record<string, unknown> };
    expect(s.parameters).toEqual({ [cost.id]: 1500 });
    expect(s.uncertainty[cost.id]!.low).toBe(1000);
    const base = cost.uncertainty!.distribution as { mean: number; se: number };
    // Re-centred with the relative SE kept: se / mean is unchanged.
    expect(s.uncertainty[cost.id]!.distribution.mean).toBe(1500);
    expect(s.uncertainty[cost.id]!.distribution.se / 1500).toBeCloseTo(base.se / base.mean, 6);
    expect(s.settings).toEqual({ horizon: 10, discount: { costs: 0.04 }, counting: 'end' });
    const applied = applyScenario(parseModel(putScenario(doc, out.scenario)), 'cheaper_test');
    expect(applied.parameters.find((p) => p.id === cost.id)!.value).toBe(1500);
    expect(applied.settings.horizon).toBe(10);
    expect(applied.settings.discount.costs).toBe(0.04);
    expect(applied.settings.discount.effects).toBe(model.settings.discount.effects);
    // And back to the same form.
    expect(draftOf(out.scenario)).toEqual({ ...draft, discountCosts: '0.04', horizon: '10' });
  });

  it('reads numbers by the display language, like every other field', () => {
    const draft = (value: string, discountCosts: string): ScenarioDraft => ({ ...blank, rows: [{ id: cost.id, value, low: '', high: '', sample: false }], discountCosts });
    const en = scenarioFromDraft(draft('1,500.5', '0.04'), model, 'a', null);
    expect(en.ok && en.scenario).toMatchObject({ parameters: { [cost.id]: 1500.5 }, settings: { discount: { costs: 0.04 } } });
    setDisplayLanguageFormats('nl-BE');
    try {
      const nl = scenarioFromDraft(draft('1.500,5', '0,04'), model, 'a', null);
      expect(nl.ok && nl.scenario).toMatchObject({ parameters: { [cost.id]: 1500.5 }, settings: { discount: { costs: 0.04 } } });
      const wrong = scenarioFromDraft(draft('0.85', ''), model, 'a', null);
      // The message is in the display language too (Dutch here).
      expect(wrong.ok ? null : wrong.error).toMatch(/Gebruik een komma voor decimalen/);
      // The form starts with the scenario's numbers written the same way.
      expect(draftOf(nl.ok ? nl.scenario : null).rows[0]!.value).toBe('1500,5');
    } finally {
      setDisplayLanguageFormats('en');
    }
  });

  it('fixes an unticked parameter in the PSA and keeps expressions as written', () => {
    const out = scenarioFromDraft({ ...blank, rows: [{ id: cost.id, value: `${cost.id} * 0.5`, low: '', high: '', sample: false }] }, model, 'half', null);
    expect(out.ok && out.scenario).toEqual({ id: 'half', label: 'Cheaper test', parameters: { [cost.id]: `${cost.id} * 0.5` } });
  });

  it('says what is wrong, in words', () => {
    const row = { id: cost.id, value: '1500', low: '', high: '', sample: false };
    const error = (d: Partial<ScenarioDraft>) => {
      const out = scenarioFromDraft({ ...blank, ...d }, model, 'x', null);
      return out.ok ? null : out.error;
    };
    expect(error({ label: ' ' })).toBe('Give the scenario a name.');
    expect(error({ rows: [{ ...row, value: '1,5' }] })).toMatch(/point for decimals/);
    expect(error({ rows: [{ ...row, value: '' }] })).toMatch(/Give a value/);
    expect(error({ rows: [{ ...row, low: '10' }] })).toMatch(/both ends/);
    expect(error({ rows: [{ ...row, low: '10', high: '5' }] })).toMatch(/low end must be below/);
    expect(error({ rows: [row, row] })).toMatch(/changed twice/);
    expect(error({ horizon: '-1' })).toMatch(/horizon/);
    expect(error({ discountEffects: '3' })).toMatch(/effects discount rate/);
    const probability = model.parameters.find((p) => p.kind === 'probability' && p.uncertainty?.distribution?.type === 'beta')!;
    expect(error({ rows: [{ id: probability.id, value: '1.5', low: '', high: '', sample: true }] })).toMatch(/between 0 and 1/);
  });

  it('describes a scenario in words', () => {
    const text = describeScenario(model, { id: 's', parameters: { [cost.id]: 1500 }, settings: { horizon: 10, discount: { costs: 0.04 } } });
    expect(text).toContain(`${cost.label} 1500 (base ${cost.value})`);
    expect(text).toContain('horizon 10 years');
    expect(text).toContain('costs discounted at 4.0%');
    expect(describeScenario(model, { id: 'none' })).toBe('No changes from the base case');
  });
});

describe('two-way bands and the test budget', () => {
  it('cuts incremental NMB into six bands over the values found, with zero as an edge and its sign in the colour', () => {
    const straddling = inmbBands(-600, 600);
    expect(straddling.map((b) => b.upper)).toEqual([-400, -200, 0, 200, 400, 600]);
    expect(straddling.slice(0, 3).map((b) => b.color)).toEqual(['#c4510f', '#e07b39', '#f0b48a']);
    expect(straddling[3]!.color).toBe('#a9c7e8');
    const losses = inmbBands(-2400, -1200);
    expect(losses.map((b) => b.lower)).toEqual([-2400, -2200, -2000, -1800, -1600, -1400]);
    expect(losses.every((b) => b.upper <= 0)).toBe(true);
    expect(losses[5]!.color).toBe('#f0b48a'); // nearest zero: the lightest red
    expect(new Set(losses.map((b) => b.color)).size).toBe(6);
    const gains = inmbBands(100, 700);
    expect(gains[0]!.color).toBe('#a9c7e8');
    expect(inmbBands(5, 5)).toHaveLength(6);
  });

  it('splits the budget impact into the test budget and downstream costs that add up to the impact', () => {
    expect(isTestCategory('test')).toBe(true);
    expect(isTestCategory('drug')).toBe(false);
    const { report } = runBudgetImpact(model);
    const rows = testBudgetRows(report!);
    rows.forEach((r, k) => {
      expect(r.test.impact + r.downstream.impact).toBeCloseTo(report!.years[k]!.impact, 4);
      expect(r.test.current).toBeCloseTo(report!.years[k]!.byCategory.test!.current, 6);
    });
  });
});

describe('PSA table thresholds', () => {
  it('reads thresholds separated by semicolons or spaces, sorted and without repeats, by the display language', async () => {
    const { parseThresholds } = await import('../../../src/renderer/results/uncertainty-panel');
    const { setDisplayLanguageFormats } = await import('../../../src/renderer/settings/display-format');
    expect(parseThresholds('50000; 30000 30000')).toEqual({ ok: true, values: [30000, 50000] });
    expect(parseThresholds('30,000; 50,000')).toEqual({ ok: true, values: [30000, 50000] });
    expect(parseThresholds(' ')).toEqual({ ok: false, error: 'Give at least one threshold.' });
    // Up to eight thresholds: the PSA table lists them as rows.
    expect(parseThresholds('10000; 20000; 30000; 40000; 50000; 60000; 70000; 80000')).toEqual({ ok: true, values: [10000, 20000, 30000, 40000, 50000, 60000, 70000, 80000] });
    expect(parseThresholds('1; 2; 3; 4; 5; 6; 7; 8; 9')).toEqual({ ok: false, error: 'Give at most eight thresholds.' });
    const decimalComma = parseThresholds('30000,5');
    expect(decimalComma.ok).toBe(false);
    if (!decimalComma.ok) expect(decimalComma.error).toMatch(/“30000,5”.*semicolon/);
    setDisplayLanguageFormats('fr-BE');
    try {
      // A space groups thousands in French: "30 000" is one threshold.
      expect(parseThresholds('30 000; 50 000')).toEqual({ ok: true, values: [30000, 50000] });
    } finally {
      setDisplayLanguageFormats('en');
    }
  });
});
