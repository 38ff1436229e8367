// Compare and history in the display language: metadata fields and structure paths from the catalogues, a
// transition named by its states' labels ("Transition CD4 200-500 → AIDS › probabilité"), states and cost
// categories by their labels. Stored English lines of older versions keep showing as stored.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatsFor } from '../../src/report/format';
import { translator } from '../../src/report/i18n/translate';
import { diffModelDocuments, historySummary } from '../../src/report/model-changes';

type Transition = { from: string; to: string; probability: string | number };
type Doc = {
  metadata: { title: string; notes?: string[] };
  costCategories: { id: string; label?: string }[];
  model: { states: { id: string; label?: string }[]; transitions: Transition[]; stateValues: Record<string, { costs?: Record<string, unknown>; utility?: unknown }> };
};

const load = (): Doc => JSON.parse(readFileSync('resources/examples/hiv-chancellor-1997.json', 'utf8')) as Doc;
const fr = translator('fr-BE');
const nl = translator('nl-BE');
const frFormats = formatsFor('fr-BE');

describe('structure changes in words', () => {
  it('names an edited transition by its states\' labels, one change for one transition, in the reader\'s language', () => {
    const before = load();
    const after = load();
    const t = after.model.transitions.find((x) => x.from === 'A' && x.to === 'C')!;
    t.probability = 'p_AC * 2';
    const [change, ...others] = diffModelDocuments(before, after);
    expect(others).toEqual([]);
    expect(change!.path).toBe('model.transitions[#A→C].probability');
    expect(change!.summary).toBe('Structure: Transition CD4 200-500 cells/mm3 → AIDS › probability p_AC * treatment_rr → p_AC * 2');
    const [french] = diffModelDocuments(before, after, frFormats, fr);
    expect(french!.summary).toBe('Structure : Transition CD4 200-500 cells/mm3 → AIDS › probabilité p_AC * treatment_rr → p_AC * 2');
    const [dutch] = diffModelDocuments(before, after, formatsFor('nl-BE'), nl);
    expect(dutch!.subject).toBe('Structuur: Overgang CD4 200-500 cells/mm3 → AIDS › kans');
  });

  it('says an added transition once, and a state value by the state and the cost category labels', () => {
    const before = load();
    const after = load();
    after.model.transitions.push({ from: 'B', to: 'A', probability: 0.01 });
    after.model.stateValues.A!.costs!.drug = 'cost_zido';
    const changes = diffModelDocuments(before, after, frFormats, fr).map((c) => c.summary);
    expect(changes).toContain('Structure : Transition CD4 < 200 cells/mm3 → CD4 200-500 cells/mm3 : ajout');
    const category = after.costCategories.find((c) => c.id === 'drug')?.label ?? 'Drug';
    expect(changes).toContain(`Structure : Valeurs dans CD4 200-500 cells/mm3 › coût ${category} cost_zido + lami_cost_in_cycle → cost_zido`);
  });

  it('says a transition a strategy adds to its overrides as one addition, named by its states', () => {
    const before = load() as Doc & { strategies: { id: string; label?: string; transitions?: Transition[] }[] };
    before.strategies[1]!.transitions = [{ from: 'A', to: 'B', probability: 0.1 }];
    const after = structuredClone(before);
    after.strategies[1]!.transitions!.push({ from: 'B', to: 'D', probability: 0.05 });
    const changes = diffModelDocuments(before, after, formatsFor('nl-BE'), nl).map((c) => c.summary);
    expect(changes).toEqual(['Strategie Zidovudine + lamivudine: Overgang CD4 < 200 cells/mm3 → Death toegevoegd']);
  });

  it('words a strategy\'s parameter override and a scenario\'s setting like the model\'s own', () => {
    type WithScenarios = Doc & { strategies: { id: string; parameters?: Record<string, string> }[]; scenarios: { id: string; label: string; settings?: { discount?: { costs?: number } } }[] };
    const before = load() as WithScenarios;
    before.scenarios = [{ id: 'low_rate', label: 'Lower discounting', settings: { discount: { costs: 0.03 } } }];
    const after = structuredClone(before);
    after.strategies[1]!.parameters!.treatment_rr = 'rr';
    after.scenarios[0]!.settings!.discount!.costs = 0.015;
    const changes = diffModelDocuments(before, after, frFormats, fr).map((c) => c.summary.replace(/[\u00a0\u202f]/gu, ' '));
    expect(changes).toEqual(['Stratégie Zidovudine + lamivudine : Paramètre Treatment rr cycle <= effect_years ? rr : 1 → rr', 'Scénario Lower discounting : Taux d’actualisation des coûts 3 % → 1,5 %']);
  });

  it('words metadata fields from the catalogue', () => {
    const before = load();
    before.metadata.title = 'HIV model';
    const after = load();
    after.metadata.title = 'HIV model, 2026 update';
    const [change] = diffModelDocuments(before, after, frFormats, fr);
    expect(change!.summary).toBe('Titre HIV model → HIV model, 2026 update');
    expect(diffModelDocuments(before, after)[0]!.summary).toBe('Title HIV model → HIV model, 2026 update');
  });

  it('words a stored line again in the reader\'s language, both state names read from the English line', () => {
    const before = load();
    const after = load();
    after.model.transitions.find((x) => x.from === 'A' && x.to === 'C')!.probability = 'p_AC * 2';
    const stored = diffModelDocuments(before, after)[0]!;
    // The states' labels as they were when the line was written (later renamed: the line keeps them).
    const entry = { path: stored.path, before: stored.before, after: stored.after, summary: stored.summary.replace('AIDS', 'AIDS (old label)') };
    expect(historySummary(entry, frFormats, fr)).toBe('Structure : Transition CD4 200-500 cells/mm3 → AIDS (old label) › probabilité p_AC * treatment_rr → p_AC * 2');
    // A line of an older version (the whole list, paths in English) is shown as stored.
    const old = { path: 'model.stateValues.A.costs.drug', before: 'x', after: 'y', summary: 'Structure: State values › A › costs › drug x → y' };
    expect(historySummary(old, frFormats, fr)).toBe(old.summary);
  });
});
