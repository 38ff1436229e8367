// A new model's names and texts (title, description, strategies, states, cost categories, parameter descriptions and
// units, curves, tree and budget-impact labels) are created in the display language and stored as shown; the
// engine's templates stay English by default, and the model is the same apart from those texts.
import { describe, expect, it } from 'vitest';
import { MODEL_TEMPLATES, TEMPLATE_NAMES } from '../../../src/engine/model/templates';
import { validateModel } from '../../../src/engine/model/validate';
import { translator } from '../../../src/report/i18n/translate';
import { templateDocument } from '../../../src/renderer/models/new-model-dialog';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const quotedEnglishNames = new RegExp(`"(?:label|title|description|unit|source)":"(?:${TEMPLATE_NAMES.map(escaped).join('|')})"`, 'u');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document read field by field
type Json = Record<string, any>;
const byId = (list: unknown, id: string) => (list as { id: string }[]).find((x) => x.id === id) as Record<string, unknown>;

describe('names a template gives, in the display language', () => {
  it('a new Markov model in French and Dutch: its title, strategy and states as shown', () => {
    const markov = MODEL_TEMPLATES.find((template) => template.id === 'markov')!;
    const fr = templateDocument(markov, translator('fr-BE')) as { metadata: { title: string }; strategies: { label: string }[]; model: { states: { label: string }[] } };
    expect(fr.metadata.title).toBe('Nouveau modèle de Markov');
    expect(fr.strategies.map((s) => s.label)).toEqual(['Soins standard']);
    expect(fr.model.states.map((s) => s.label)).toEqual(['En vie', 'Décès']);
    const nl = templateDocument(markov, translator('nl-BE')) as typeof fr;
    expect([nl.metadata.title, nl.strategies[0]!.label, nl.model.states[0]!.label]).toEqual(['Nieuw Markov-model', 'Standaardzorg', 'In leven']);
  });

  it('descriptions, cost categories, parameter descriptions and units, curves, the tree and budget impact in French and Dutch; ids as in English', () => {
    const doc = (id: string, locale: 'fr-BE' | 'nl-BE') => templateDocument(MODEL_TEMPLATES.find((template) => template.id === id)!, translator(locale)) as Json;
    const psm = doc('psm', 'fr-BE');
    expect(psm.metadata.description).toMatch(/^États sans progression/u);
    expect(psm.costCategories).toEqual([{ id: 'drug', label: 'Médicaments' }, { id: 'care', label: 'Soins' }]);
    expect([byId(psm.parameters, 'pfs_scale').description, byId(psm.parameters, 'pfs_scale').unit, byId(psm.parameters, 'c_care').unit]).toEqual(['Paramètre d’échelle de Weibull de la SSP sous soins standard', 'années', 'EUR par mois']);
    expect(psm.model.curves.os_new.label).toBe('SG, nouveau traitement');
    const tree = doc('tree-hybrid', 'nl-BE');
    expect([tree.model.root.label, tree.model.root.branches[1].steps[1].label, tree.model.tests[0].label, byId(tree.parameters, 'tat').unit]).toEqual(['Teststrategie', 'hertest', 'Moleculaire test', 'dagen']);
    expect(tree.model.root.branches.map((b: { id: string }) => b.id)).toEqual(['no_test', 'test_treat']);
    // The sub-models' states: labelled in the language, ids as in English (their transitions refer to them).
    for (const sub of Object.values(tree.model.submodels) as Json[]) expect(sub.states).toEqual([{ id: 'Alive', label: 'In leven' }, { id: 'Dead', label: 'Overleden', dead: true }]);
    const frTree = doc('tree-hybrid', 'fr-BE');
    expect(frTree.model.submodels.standard.states.map((s: { label: string }) => s.label)).toEqual(['En vie', 'Décès']);
    const bia = doc('budget-impact', 'nl-BE');
    expect([bia.budgetImpact.label, bia.budgetImpact.population.eligible.label, bia.budgetImpact.population.eligible.source]).toEqual(['Budgetimpact van de nieuwe behandeling', 'Patiënten die elk jaar met de behandeling starten', 'Aanname: vervang door lokale gegevens']);
    expect(bia.model.states.map((s: { id: string }) => s.id)).toEqual(['Alive', 'Dead']);
  });

  it('every text in the list is one a template gives (so each is looked up when a model is created)', () => {
    const english = MODEL_TEMPLATES.map((template) => JSON.stringify(template.create())).join('\n');
    expect(TEMPLATE_NAMES.filter((name) => !english.includes(JSON.stringify(name)))).toEqual([]);
  });

  it.each(MODEL_TEMPLATES.map((template) => [template.id, template] as const))('%s: no English text left in French or Dutch, still valid; English as the engine makes it', (_id, template) => {
    expect(JSON.stringify(template.create())).toMatch(quotedEnglishNames);
    for (const locale of ['fr-BE', 'nl-BE'] as const) {
      const shown = templateDocument(template, translator(locale));
      expect(JSON.stringify(shown)).not.toMatch(quotedEnglishNames);
      expect(validateModel(shown).valid).toBe(true);
    }
    expect(templateDocument(template, translator('en'))).toEqual(template.create());
  });
});
