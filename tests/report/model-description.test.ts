import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/engine/compile-model';
import { describeCycleLength, describeDistribution, describeParameterDistribution, settingsRows } from '../../src/report/model-description';
import { describeValue } from '../../src/report/model-changes';
import { formatsFor } from '../../src/report/format';
import { translator } from '../../src/report/i18n/translate';
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
    expect(describeDistribution({ type: 'lognormal', meanlog: -0.6753, sdlog: 0.1699 })).toBe('Log-normal(μ = −0.6753, σ = 0.1699)');
    expect(describeDistribution({ type: 'normal', mean: 1, sd: 0.1, lower: 0 })).toBe('Normal(mean 1, SD 0.1) in [0, ∞]');
    expect(describeDistribution({ type: 'dirichlet', group: 'from_A', alpha: 350 })).toBe('Dirichlet group from_A (α = 350)');
    expect(describeDistribution(undefined)).toBe('—');
  });
  it('groups a parameter\'s distribution for the parameter table as the edit history does', () => {
    const distribution = { type: 'gamma' as const, mean: 5000, se: 2500 };
    const parameter = { id: 'c_tki_month', value: 5000, uncertainty: { distribution } };
    const spaces = (s: string) => s.replace(/[\u00a0\u202f]/gu, ' ');
    expect(describeParameterDistribution(parameter, undefined, formatsFor('en'), translator('en'), 'grouped')).toBe('Gamma(mean 5,000, SE 2,500)');
    expect(spaces(describeParameterDistribution(parameter, undefined, formatsFor('fr-BE'), translator('fr-BE'), 'grouped'))).toMatch(/\(\D*5 000\D*2 500\)$/u);
    for (const language of ['en', 'fr-BE', 'nl-BE'] as const) {
      const fmt = formatsFor(language);
      const t = translator(language);
      expect(describeParameterDistribution(parameter, undefined, fmt, t, 'grouped')).toBe(describeValue(distribution, 'uncertainty.distribution', fmt, t));
    }
    // The report's methods table keeps the numbers as typed.
    expect(describeParameterDistribution(parameter, undefined)).toBe('Gamma(mean 5000, SE 2500)');
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
    expect(parseWtp('30,000')).toEqual({ ok: true, value: 30000 }); // English: a thousands separator
    expect(parseWtp('30.5,0').ok).toBe(false);
    expect(parseWtp('-1').ok).toBe(false);
  });
});

describe('parameter ranges in words', () => {
  it('names the parameter and gives its range in its unit', async () => {
    const { parameterRangeText } = await import('../../src/report/model-description');
    expect(parameterRangeText({ id: 'c_targeted', label: 'Targeted therapy cost', unit: 'EUR per month', kind: 'cost' }, 3000, 7000, 'EUR')).toBe('Targeted therapy cost, €3,000 to €7,000 per month');
    expect(parameterRangeText({ id: 'c_test', kind: 'cost' }, 1200.5, 1800, 'GBP')).toBe('c_test, £1,201 to £1,800');
    expect(parameterRangeText({ id: 'tat', label: 'Plasma NGS turnaround', unit: 'days', kind: 'time' }, 7, 12, 'EUR')).toBe('Plasma NGS turnaround, 7 to 12 days');
    expect(parameterRangeText({ id: 'sens', label: 'Plasma NGS sensitivity', unit: 'probability', kind: 'probability' }, 0.63, 0.74, 'EUR')).toBe('Plasma NGS sensitivity, 0.63 to 0.74');
    expect(parameterRangeText({ id: 'prev', label: 'Prevalence', unit: 'share of patients', kind: 'proportion' }, 0.2, 0.3, 'EUR')).toBe('Prevalence, 0.2 to 0.3');
    expect((await import('../../src/report/model-description')).stateLabel('died_before_treatment')).toBe('Died before treatment');
    expect((await import('../../src/report/model-description')).stateLabel('PF')).toBe('Progression-free');
    expect(parameterRangeText({ id: 'u', label: 'Disutility', unit: 'QALYs lost per event', kind: 'utility' }, -0.05, -0.01, 'EUR')).toBe('Disutility, −0.05 to −0.01 QALYs lost per event');
  });
});

describe('model words in the display language', () => {
  it('a range, a health state and a scenario in Dutch and French; English by default', async () => {
    const { parameterRangeText, stateLabel, describeScenario } = await import('../../src/report/model-description');
    const { formatsFor } = await import('../../src/report/format');
    const { translator } = await import('../../src/report/i18n/translate');
    const nl = formatsFor('nl-BE');
    expect(parameterRangeText({ id: 'tat', label: 'Doorlooptijd', unit: 'dagen', kind: 'time' }, 7, 12, 'EUR', nl, translator('nl-BE'))).toBe('Doorlooptijd, 7 tot 12 dagen');
    expect(stateLabel('PF', translator('fr-BE'))).toBe('Sans progression');
    expect(stateLabel('PF')).toBe('Progression-free');
    // The state the engine adds for waiting mortality is the product's word, so it is translated too.
    expect(stateLabel('died_before_treatment', translator('nl-BE'))).toBe('Overleden vóór behandeling');
    expect(stateLabel('stable_disease', translator('fr-BE'))).toBe('Stable disease');
    const model = { parameters: [{ id: 'c', label: 'Test cost', value: 2000 }], settings: {} } as unknown as Parameters<typeof describeScenario>[0];
    const scenario = { id: 's', parameters: { c: 1500 }, settings: { horizon: 10 } } as unknown as Parameters<typeof describeScenario>[1];
    expect(describeScenario(model, scenario)).toBe('Test cost 1500 (base 2000); horizon 10 years');
    expect(describeScenario(model, scenario, formatsFor('fr-BE'), translator('fr-BE'))).toBe(`Test cost ${formatsFor('fr-BE').parameter(1500)} (référence ${formatsFor('fr-BE').parameter(2000)}); horizon de 10 ans`);
  });
});
