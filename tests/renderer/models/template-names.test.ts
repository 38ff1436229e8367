// A new model's names (its title, strategies, states) are created in the display language and stored as shown;
// the engine's templates stay English by default, and the model is the same apart from those names.
import { describe, expect, it } from 'vitest';
import { MODEL_TEMPLATES } from '../../../src/engine/model/templates';
import type { TemplateName } from '../../../src/engine/model/templates';
import { validateModel } from '../../../src/engine/model/validate';
import { translator } from '../../../src/report/i18n/translate';
import { templateDocument } from '../../../src/renderer/models/new-model-dialog';

const englishNames: TemplateName[] = ['New Markov model', 'New partitioned survival model', 'New test-and-treat model', 'New budget impact analysis', 'Standard care', 'New treatment', 'No testing', 'Test and treat', 'Alive', 'Dead'];
const quotedEnglishNames = new RegExp(`"(?:label|title)":"(?:${englishNames.join('|')})"`, 'u');

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

  it.each(MODEL_TEMPLATES.map((template) => [template.id, template] as const))('%s: no English name left in French, still valid; English as the engine makes it', (_id, template) => {
    const fr = templateDocument(template, translator('fr-BE'));
    expect(JSON.stringify(template.create())).toMatch(quotedEnglishNames);
    expect(JSON.stringify(fr)).not.toMatch(quotedEnglishNames);
    expect(validateModel(fr).valid).toBe(true);
    expect(templateDocument(template, translator('en'))).toEqual(template.create());
  });
});
