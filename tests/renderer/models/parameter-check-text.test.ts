// The parameter table's findings in the display language: English is the engine's own sentence; French and Dutch
// are worded from the catalogue with the finding's values in their number format (decimal comma).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelParameterChecks } from '../../../src/engine/analysis/parameter-checks';
import { parseModel } from '../../../src/engine/compile-model';
import { setParameterUncertainty, setParameterValue } from '../../../src/engine/model/document-edits';
import type { ModelDocumentJson } from '../../../src/engine/model/document-edits';
import { formatsFor } from '../../../src/report/format';
import type { ReportLocale } from '../../../src/report/format';
import { translator } from '../../../src/report/i18n/translate';
import { parameterCheckText, parameterFixLabel } from '../../../src/renderer/models/parameter-check-text';

const lb = JSON.parse(readFileSync('resources/examples/liquid-biopsy-nsclc.json', 'utf8')) as ModelDocumentJson;
const wording = (locale: ReportLocale) => ({ locale, t: translator(locale), fmt: formatsFor(locale) });

describe('parameter findings in the display language', () => {
  const checks = (doc: ModelDocumentJson, id: string) => modelParameterChecks(parseModel(doc)).get(id)!;

  it('English is the engine’s text, with why it cannot be fixed here', () => {
    const [joint, range] = checks(setParameterValue(lb, 'sens_plasma', 0.85), 'sens_plasma');
    expect(parameterCheckText(joint!, wording('en'))).toBe(`${joint!.message} ${joint!.unavailable}`);
    expect(parameterCheckText(range!, wording('en'))).toBe(range!.message);
    expect(parameterFixLabel(range!.fixes[0]!, range!, wording('en'))).toBe('Widen the range to 0.63 to 0.85');
  });

  it('French and Dutch word every kind with decimal commas: joint centre (median), PSA mean, one-way range, and their fixes', () => {
    const [joint] = checks(setParameterValue(lb, 'sens_plasma', 0.85), 'sens_plasma');
    expect(parameterCheckText(joint!, wording('fr-BE'))).toBe(
      'La PSA l’échantillonne avec spec_plasma à partir de la distribution conjointe « Plasma ctDNA NGS accuracy, any driver (Chen 2023) », centrée sur 0,69 (sa médiane), et non sur la valeur de base 0,85. Elle ne peut pas être recentrée ici : modifiez la moyenne de cette distribution conjointe dans le fichier du modèle (jointDistributions).',
    );
    const [mean, range] = checks(setParameterValue(lb, 'p_rebiopsy', 0.9), 'p_rebiopsy');
    expect(parameterCheckText(mean!, wording('nl-BE'))).toBe('De PSA trekt rond 0,5 (het gemiddelde van de verdeling), niet rond de basiswaarde 0,9.');
    expect(parameterFixLabel(mean!.fixes[0]!, mean!, wording('nl-BE'))).toBe('De verdeling hercentreren op 0,9 (zelfde relatieve SE)');
    expect(parameterCheckText(range!, wording('fr-BE'))).toBe('La valeur de base 0,9 est hors de l’intervalle univarié 0,3 à 0,8 ; la tornade ne teste donc qu’un côté.');
    expect(parameterFixLabel(range!.fixes[0]!, range!, wording('fr-BE'))).toBe('Élargir l’intervalle à 0,3 à 0,9');
  });

  it('a base value the distribution can never draw: its support in words', () => {
    const doc = setParameterUncertainty(setParameterValue(lb, 'p_rebiopsy', 1.5), 'p_rebiopsy', { distribution: { type: 'beta', mean: 0.5, se: 0.1 } });
    const [support] = checks(doc, 'p_rebiopsy');
    expect(support!.kind).toBe('outside-support');
    expect(parameterCheckText(support!, wording('en'))).toMatch(/^The PSA distribution takes values 0 to 1 only, so it can never sample the base value 1\.5\./);
    expect(parameterCheckText(support!, wording('nl-BE'))).toMatch(/^De PSA-verdeling neemt alleen waarden van 0 tot 1 aan, en kan de basiswaarde 1,5 dus nooit trekken\./);
  });
});
