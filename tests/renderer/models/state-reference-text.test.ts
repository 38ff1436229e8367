// What goes with a removed state is listed in the display language (the engine gives kinds and names, not words).
import { describe, expect, it } from 'vitest';
import type { ModelDocumentJson } from '../../../src/engine/model/document-edits';
import { setStrategyOverride, stateReferences } from '../../../src/engine/model/structure-edits';
import { modelTemplate } from '../../../src/engine/model/templates';
import { translator } from '../../../src/report/i18n/translate';
import { stateReferenceText } from '../../../src/renderer/models/state-reference-text';

type Doc = ModelDocumentJson & { model: Record<string, unknown>; strategies: Record<string, unknown>[] };

function withEverything(): Doc {
  const d = setStrategyOverride(modelTemplate('markov')!.create() as Doc, 'standard', 'p_death', 0.2) as Doc;
  return {
    ...d,
    model: { ...d.model, transitionValues: [{ to: 'Dead', costs: { drug: 100 } }, { from: 'Alive', to: 'Dead', costs: { drug: 5 } }] },
    strategies: [{ ...d.strategies[0]!, stateValues: { Alive: { utility: 0.7 } }, initial: { Alive: 1 }, transitions: [{ from: 'Alive', to: 'Dead', probability: 0.3 }] }],
  };
}

const listed = (locale: 'en' | 'fr-BE' | 'nl-BE') => stateReferences(withEverything(), 'Alive').map((r) => stateReferenceText(r, translator(locale)));

describe('the references of a state being removed', () => {
  it('English reads as before', () => {
    expect(listed('en')).toEqual([
      'transition Alive → Alive',
      'transition Alive → Dead',
      'its share of the cohort at the start',
      'its costs and utility',
      'the one-off values of moving Alive → Dead',
      'transitions of strategy Standard care',
      'values of strategy Standard care',
      'start share of strategy Standard care',
    ]);
  });

  it('French and Dutch word every kind, names as typed', () => {
    expect(listed('fr-BE')).toEqual([
      'transition Alive → Alive',
      'transition Alive → Dead',
      'sa part de la cohorte au départ',
      'ses coûts et son utilité',
      'les valeurs ponctuelles du passage Alive → Dead',
      'transitions de la stratégie Standard care',
      'valeurs de la stratégie Standard care',
      'part initiale de la stratégie Standard care',
    ]);
    expect(listed('nl-BE')).toEqual([
      'overgang Alive → Alive',
      'overgang Alive → Dead',
      'zijn aandeel van het cohort bij de start',
      'zijn kosten en utiliteit',
      'de eenmalige waarden van overgang Alive → Dead',
      'overgangen van strategie Standard care',
      'waarden van strategie Standard care',
      'startaandeel van strategie Standard care',
    ]);
    const dead = stateReferences(withEverything(), 'Dead').map((r) => stateReferenceText(r, translator('fr-BE')));
    expect(dead).toContain('les valeurs ponctuelles de l’entrée dans Dead');
  });
});
