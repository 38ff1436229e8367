import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatsFor } from '../../src/report/format';
import { translator } from '../../src/report/i18n/translate';
import { describeModelChange, diffModelDocuments, historySummary } from '../../src/report/model-changes';

type Doc = {
  settings: { discount: { costs: number }; wtp?: number[] };
  parameters: { id: string; label?: string; value?: number; uncertainty?: { distribution?: unknown; low?: number } }[];
  strategies: { id: string; label?: string; parameters?: Record<string, unknown> }[];
};

const load = (): Doc => JSON.parse(readFileSync('resources/examples/liquid-biopsy-nsclc.json', 'utf8')) as Doc;

describe('model changes in words', () => {
  it('says a parameter edit with its label and both values, never its id', () => {
    const before = load();
    const after = load();
    const p = after.parameters.find((x) => x.id === 'sens_plasma')!;
    p.value = 0.8;
    const changes = diffModelDocuments(before, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.path).toBe('parameters[#sens_plasma].value');
    expect(changes[0]!.group).toBe('parameter');
    expect(changes[0]!.summary).toBe(`${p.label} 0.69 → 0.8`);
    expect(changes[0]!.summary).not.toContain('sens_plasma');
  });

  it('names settings and distributions in words', () => {
    const before = load();
    const after = load();
    after.settings.discount.costs = 0.035;
    const p = after.parameters.find((x) => x.id === 'sens_plasma')!;
    p.uncertainty = { ...p.uncertainty, distribution: { type: 'beta', alpha: 80, beta: 20 } };
    const summaries = diffModelDocuments(before, after).map((c) => c.summary);
    expect(summaries).toContain('Discount rate for costs 3% → 3.5%');
    expect(summaries.some((s) => s.startsWith(`${p.label}: PSA distribution`) && s.endsWith('→ Beta(α = 80, β = 20)'))).toBe(true);
  });

  it('reports added and removed parameters once each, and nothing for identical documents', () => {
    const before = load();
    const after = load();
    expect(diffModelDocuments(before, after)).toEqual([]);
    const removed = after.parameters.splice(0, 1)[0]!;
    after.parameters.push({ id: 'new_cost', label: 'New cost', value: 10 });
    const summaries = diffModelDocuments(before, after).map((c) => c.summary);
    expect(summaries).toContain(`Parameter ${removed.label ?? removed.id} removed`);
    expect(summaries).toContain('Parameter New cost added');
  });

  it('treats inherited property names as ordinary keys', () => {
    const before = { settings: {}, parameters: [] };
    const after = { settings: { toString: 1 }, parameters: [] };
    expect(diffModelDocuments(before, after).map((c) => c.path)).toEqual(['settings.toString']);
  });

  it('groups plain numbers in the reader\'s format and keeps expressions as typed', () => {
    const before = load();
    const after = load();
    const p = after.parameters.find((x) => x.id === 'sens_plasma')!;
    p.value = 5823.4;
    (before.parameters.find((x) => x.id === 'sens_plasma')! as { value?: number }).value = 5294;
    after.settings.discount.costs = 0.035;
    after.settings.wtp = [30000, 50000, 100000];
    const typed = diffModelDocuments(before, after).map((c) => c.summary);
    expect(typed).toContain(`${p.label} 5294 → 5823.4`);
    const en = diffModelDocuments(before, after, formatsFor('en')).map((c) => c.summary);
    expect(en).toContain(`${p.label} 5,294 → 5,823.4`);
    expect(en).toContain('Discount rate for costs 3% → 3.5%');
    expect(en.find((s) => s.startsWith('Willingness-to-pay thresholds'))).toMatch(/→ 30,000, 50,000, 100,000$/);
    const fr = diffModelDocuments(before, after, formatsFor('fr-BE')).map((c) => c.summary.replace(/[\u00a0\u202f]/g, ' '));
    expect(fr).toContain(`${p.label} 5 294 → 5 823,4`);
    expect(fr).toContain('Discount rate for costs 3 % → 3,5 %');
    expect(fr.find((s) => s.startsWith('Willingness-to-pay thresholds'))).toMatch(/→ 30 000 ; 50 000 ; 100 000$/);
    const nl = diffModelDocuments(before, after, formatsFor('nl-BE')).map((c) => c.summary);
    expect(nl).toContain(`${p.label} 5.294 → 5.823,4`);
    // An expression is shown as typed, in every format.
    const expression = describeModelChange({ path: 'parameters[#sens_plasma].expression', before: 'c_base * 1000', after: 'c_base * 1500.5' }, before, after, formatsFor('fr-BE'));
    expect(expression.summary).toBe(`${p.label}: expression c_base * 1000 → c_base * 1500.5`);
  });

  it('rewrites the numbers of a stored history line in the reader\'s format, and leaves other lines as stored', () => {
    const entry = { path: 'parameters[#c_test].value', before: 5294, after: 5823.4, summary: 'Test cost 5294 → 5823.4' };
    expect(historySummary(entry, formatsFor('en'))).toBe('Test cost 5,294 → 5,823.4');
    expect(historySummary(entry, formatsFor('fr-BE')).replace(/[\u00a0\u202f]/g, ' ')).toBe('Test cost 5 294 → 5 823,4');
    expect(historySummary({ path: 'parameters[#c_test]', before: null, after: { id: 'c_test', value: 5 }, summary: 'Parameter Test cost added' }, formatsFor('fr-BE'))).toBe('Parameter Test cost added');
    expect(historySummary({ path: 'settings.discount.costs', before: 0.03, after: 0.035, summary: 'Discount rate for costs 3% → 3.5%' }, formatsFor('nl-BE'))).toBe('Discount rate for costs 3% → 3,5%');
  });
});

describe('model changes in the display language', () => {
  const fr = translator('fr-BE');
  const nl = translator('nl-BE');
  const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

  it('words settings, parameter fields and added or removed items in French and Dutch; English is the stored line', () => {
    const before = load();
    const after = load();
    after.settings.discount.costs = 0.035;
    const p = after.parameters.find((x) => x.id === 'sens_plasma')!;
    p.uncertainty = { ...p.uncertainty, low: 0.6 };
    const removed = after.parameters.splice(0, 1)[0]!;
    after.parameters.push({ id: 'new_cost', label: 'New cost', value: 10 });
    const english = diffModelDocuments(before, after).map((c) => c.summary);
    expect(diffModelDocuments(before, after, undefined, translator('en')).map((c) => c.summary)).toEqual(english);
    const inFrench = diffModelDocuments(before, after, formatsFor('fr-BE'), fr).map((c) => spaces(c.summary));
    expect(inFrench).toContain('Taux d’actualisation des coûts 3 % → 3,5 %');
    expect(inFrench.find((s) => s.startsWith(`${p.label} : valeur basse univariée`))).toBeDefined();
    expect(inFrench).toContain(`Paramètre ${removed.label ?? removed.id} : retrait`);
    expect(inFrench).toContain('Paramètre New cost : ajout');
    const inDutch = diffModelDocuments(before, after, formatsFor('nl-BE'), nl);
    expect(inDutch.map((c) => c.summary)).toContain('Parameter New cost toegevoegd');
    expect(inDutch.find((c) => c.path === 'settings.discount.costs')!.subject).toBe('Verdisconteringsvoet voor kosten');
  });

  it('words a stored history line again: the item name read from the English line, values in the reader’s formats', () => {
    const added = { path: 'parameters[#c_test]', before: null, after: { id: 'c_test', value: 5 }, summary: 'Parameter Test cost added' };
    expect(historySummary(added, formatsFor('fr-BE'), fr)).toBe('Paramètre Test cost : ajout');
    expect(historySummary(added, formatsFor('nl-BE'), nl)).toBe('Parameter Test cost toegevoegd');
    const field = { path: 'parameters[#c_test].uncertainty.high', before: 5294, after: 6000, summary: 'Test cost: one-way high value 5294 → 6000' };
    expect(spaces(historySummary(field, formatsFor('fr-BE'), fr))).toBe('Test cost : valeur haute univariée 5 294 → 6 000');
    const setting = { path: 'settings.discount.firstCycleDiscounted', before: false, after: true, summary: 'Discounting of the first cycle not discounted → discounted' };
    expect(historySummary(setting, formatsFor('nl-BE'), nl)).toBe('Verdiscontering van de eerste cyclus niet verdisconteerd → verdisconteerd');
    const order = { path: 'strategies[order]', before: ['a', 'b'], after: ['b', 'a'], summary: 'Strategies reordered' };
    expect(historySummary(order, formatsFor('fr-BE'), fr)).toBe('Strategies reordered');
    // A line in words an older version wrote stays readable as stored.
    const older = { path: 'settings.discount.costs', before: 0.03, after: 0.035, summary: 'Costs discount changed' };
    expect(historySummary(older, formatsFor('fr-BE'), fr)).toBe('Costs discount changed');
  });

  it('groups a distribution’s numbers like plain numbers; an expression stays as typed', () => {
    const before = load();
    const after = load();
    const p = after.parameters.find((x) => x.id === 'sens_plasma')!;
    (before.parameters.find((x) => x.id === 'sens_plasma')!.uncertainty ??= {}).distribution = { type: 'gamma', mean: 5294, se: 529.4 };
    p.uncertainty = { ...p.uncertainty, distribution: { type: 'gamma', mean: 5823.4, se: 1200 } };
    const [change] = diffModelDocuments(before, after, formatsFor('fr-BE'), fr);
    expect(spaces(change!.beforeText)).toBe('Gamma(moyenne 5 294 ; ET 529,4)');
    expect(spaces(change!.afterText)).toBe('Gamma(moyenne 5 823,4 ; ET 1 200)');
    expect(diffModelDocuments(before, after, formatsFor('en'))[0]!.afterText).toBe('Gamma(mean 5,823.4, SE 1,200)');
    // The stored (typed) line is unchanged, and the history shows it grouped.
    const stored = diffModelDocuments(before, after)[0]!;
    expect(stored.summary).toBe(`${p.label}: PSA distribution Gamma(mean 5294, SE 529.4) → Gamma(mean 5823.4, SE 1200)`);
    expect(spaces(historySummary(stored, formatsFor('fr-BE'), fr))).toBe(`${p.label} : distribution PSA Gamma(moyenne 5 294 ; ET 529,4) → Gamma(moyenne 5 823,4 ; ET 1 200)`);
  });
});

describe('budget-impact paths and other collections in the display language', () => {
  const fr = translator('fr-BE');
  const nl = translator('nl-BE');
  const stored = (path: string, before: unknown, after: unknown) => describeModelChange({ path, before: before as never, after: after as never }, {}, {}).summary;

  it('words them from the catalogue; English keeps the file\'s words as the stored lines have them', () => {
    const growth = { path: 'budgetImpact.population.annualGrowth.value', before: 0.005, after: 0.01 };
    const step = { path: 'budgetImpact.population.funnel[#incidence].value', before: 0.0005, after: 0.0006 };
    const share = { path: 'budgetImpact.newWorld.shares.liquid.to', before: 0.5, after: 0.6 };
    const joint = { path: 'jointDistributions[#sens_spec]', before: null, after: { id: 'sens_spec' } };
    expect([growth, step, share, joint].map((c) => stored(c.path, c.before, c.after))).toEqual([
      'Budget impact: Population › annualGrowth › value 0.005 → 0.01',
      'Budget impact: Population › funnel › incidence › value 0.0005 → 0.0006',
      'Budget impact: NewWorld › shares › liquid › to 0.5 → 0.6',
      'JointDistributions Sens spec added',
    ]);
    const fmt = formatsFor('fr-BE');
    const frenchLine = (c: typeof growth | typeof joint) => historySummary({ ...c, summary: stored(c.path, c.before, c.after) }, fmt, fr).replace(/[\u00a0\u202f]/g, ' ');
    expect(frenchLine(growth)).toBe('Impact budgétaire : Population › croissance annuelle › valeur 0,005 → 0,01');
    expect(frenchLine(step)).toBe('Impact budgétaire : Population › entonnoir › incidence › valeur 0,0005 → 0,0006');
    expect(frenchLine(share)).toBe('Impact budgétaire : Nouveau monde › parts › liquid › à 0,5 → 0,6');
    expect(frenchLine(joint)).toBe('Distributions conjointes Sens spec : ajout');
    expect(historySummary({ ...growth, summary: stored(growth.path, growth.before, growth.after) }, formatsFor('nl-BE'), nl)).toBe('Budgetimpact: Populatie › jaarlijkse groei › waarde 0,005 → 0,01');
  });
});
