import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/engine/compile-model';
import { describeCycleLength, describeDistribution, settingsRows } from '../../src/report/model-description';
import { modelTabs } from '../../src/renderer/models/model-view';
import { parseWhole, parseWtp } from '../../src/renderer/results/uncertainty-panel';

describe('settings summary', () => {
  it('names cycle lengths analysts use', () => {
    expect(describeCycleLength(1)).toBe('1 year');
    expect(describeCycleLength(1 / 12)).toBe('1 month');
    expect(describeCycleLength(7 / 365.25)).toBe('1 week');
    expect(describeCycleLength(0.25)).toBe('0.25 years');
  });
  it('summarises the liquid-biopsy settings from the file', () => {
    const model = parseModel(JSON.parse(readFileSync('resources/examples/liquid-biopsy-nsclc.json', 'utf8')));
    const rows = Object.fromEntries(settingsRows(model).map((r) => [r.label, r.value]));
    expect(rows['Cycle length']).toBe('1 month');
    expect(rows['Time horizon']).toBe('20 years (240 cycles)');
    expect(rows['Discount rates']).toBe('costs 3.0%, effects 1.5% a year; first cycle not discounted');
    expect(rows['Currency and price year']).toBe('EUR, 2024');
    expect(rows['Willingness to pay']).toBe('€30,000 per QALY; €50,000 per QALY');
    expect(rows['Counting method']).toMatch(/Life-table/);
  });
});

describe('distributions in words', () => {
  it('covers each parameterisation', () => {
    expect(describeDistribution({ type: 'beta', alpha: 350, beta: 1401 })).toBe('Beta(α = 350, β = 1401)');
    expect(describeDistribution({ type: 'beta', mean: 0.24, se: 0.03 })).toBe('Beta(mean 0.24, SE 0.03)');
    expect(describeDistribution({ type: 'gamma', mean: 1701, se: 1701 })).toBe('Gamma(mean 1701, SE 1701)');
    expect(describeDistribution({ type: 'gamma', shape: 2, rate: 0.5 })).toBe('Gamma(shape 2, rate 0.5)');
    expect(describeDistribution({ type: 'lognormal', meanlog: -0.6753, sdlog: 0.1699 })).toBe('Log-normal(μ = -0.6753, σ = 0.1699)');
    expect(describeDistribution({ type: 'normal', mean: 1, sd: 0.1, lower: 0 })).toBe('Normal(mean 1, SD 0.1) in [0, ∞]');
    expect(describeDistribution({ type: 'dirichlet', group: 'from_A', alpha: 350 })).toBe('Dirichlet group from_A (α = 350)');
    expect(describeDistribution(undefined)).toBe('—');
  });
});

describe('model tabs and analysis inputs', () => {
  it('shows the budget impact tab only for models with a budget impact section', () => {
    expect(modelTabs(false, false).map((t) => t.id)).toEqual(['model', 'structure', 'results', 'uncertainty', 'scenarios']);
    expect(modelTabs(true, false).map((t) => t.id)).toContain('budget');
    // Workspace models add their versions and stored runs; bundled examples (read-only) do not.
    expect(modelTabs(true, true).map((t) => t.id)).toEqual(['model', 'structure', 'results', 'uncertainty', 'scenarios', 'budget', 'versions']);
  });
  it('checks iterations, seeds and thresholds with clear messages', () => {
    expect(parseWhole('500', 10, 100000, 'Iterations')).toEqual({ ok: true, value: 500 });
    expect(parseWhole('5', 10, 100000, 'Iterations')).toEqual({ ok: false, error: 'Iterations must be between 10 and 100,000.' });
    expect(parseWhole('1.5', 0, 10, 'Seed')).toEqual({ ok: false, error: 'Seed must be a whole number.' });
    expect(parseWtp('30000')).toEqual({ ok: true, value: 30000 });
    expect(parseWtp('30,000').ok).toBe(false);
    expect(parseWtp('-1').ok).toBe(false);
  });
});
