// What "Use this fit" writes into a model (the curve's label, the parameters' descriptions, the source, the joint
// distribution's name) is written in the display language; in English exactly as the engine writes it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIT_DISTRIBUTIONS } from '../../../src/engine/survival-fit/distributions';
import { fitDistribution } from '../../../src/engine/survival-fit/fit';
import { fitChangeText, fitModelFragment, writeFitIntoModel } from '../../../src/engine/survival-fit/fit-into-model';
import { MODEL_TEMPLATES } from '../../../src/engine/model/templates';
import type { HtaModelInput } from '../../../src/engine/model/schema';
import type { FitIntoModelOptions } from '../../../src/engine/survival-fit/fit-into-model';
import { readSurvivalCsv } from '../../../src/engine/survival-fit/read-survival-csv';
import { translator } from '../../../src/report/i18n/translate';
import { fitChangeWords, fitProblemRow, fitWarningLine, fitWords, textWithFamily } from '../../../src/renderer/survival/survival-words';
import { formatsFor } from '../../../src/report/format';

const ovarian = readSurvivalCsv(readFileSync(resolve(__dirname, '../../fixtures/survival/ovarian_ipd.csv'), 'utf8')).data;
const options: FitIntoModelOptions = { curveId: 'os_fit', timeUnit: 'day', role: 'os', provenance: { dataset: 'ovarian_ipd.csv', n: 26, events: 12, aicRank: 5, candidates: 6 } };
const englishPhrases = /fit to|fitted by|estimation scale|rank \d|times in|log-likelihood| fit$/u;

describe('the texts a fit writes into a model', () => {
  it.each(FIT_DISTRIBUTIONS.map((d) => [d] as const))('%s: in English as the engine writes them', (distribution) => {
    const fit = fitDistribution(distribution, ovarian);
    expect(fitModelFragment(fit, { ...options, words: fitWords(translator('en'), formatsFor('en'), fit, options) })).toEqual(fitModelFragment(fit, options));
  });

  it('in French and Dutch: the curve, the descriptions, the source with the language decimal mark, the joint distribution', () => {
    const fit = fitDistribution('generalised-gamma', ovarian);
    const fr = fitModelFragment(fit, { ...options, words: fitWords(translator('fr-BE'), formatsFor('fr-BE'), fit, options) });
    // The family is lower-case inside a French sentence, capitalised where it starts one (Dutch).
    expect(fr.curve.label).toBe('Ajustement gamma généralisée à ovarian_ipd.csv');
    expect(fr.curve.source).toMatch(/^Ajustement gamma généralisée par maximum de vraisemblance à ovarian_ipd\.csv \(n = 26, 12 événements ; temps en jours\) : AIC \d+,\d+, rang 5 sur 6 ; BIC \d+,\d+ ; log-vraisemblance −?-?\d+,\d+$/u);
    expect(fr.parameters[0]!.description).toMatch(/^Paramètre mu de l’ajustement gamma généralisée \(mu = \d+,\d+ sur l’échelle d’estimation\)$/u);
    expect(fr.parameters.map((p) => p.label)).toEqual(['os_fit : mu (gamma généralisée)', 'os_fit : sigma (gamma généralisée)', 'os_fit : Q (gamma généralisée)']);
    expect(fr.jointDistributions[0]!.name).toBe('Ajustement gamma généralisée de os_fit');
    const nl = fitModelFragment(fit, { ...options, words: fitWords(translator('nl-BE'), formatsFor('nl-BE'), fit, options) });
    expect(nl.curve.label).toBe('Gegeneraliseerde gamma-aanpassing aan ovarian_ipd.csv');
    expect(nl.parameters[0]!.description).toMatch(/^Parameter mu van de gegeneraliseerde gamma-aanpassing \(mu = \d+,\d+ op de schattingsschaal\)$/u);
    for (const texts of [fr, nl].map((f) => [String(f.curve.label), String(f.curve.source), ...f.parameters.map((p) => `${p.description} ${p.source}`), ...f.jointDistributions.map((j) => `${j.name} ${j.source}`)])) {
      expect(texts.filter((text) => englishPhrases.test(text))).toEqual([]);
    }
  });

  it('the changes listed after adding a fit: every kind, in English as the engine words them, in French and Dutch without English', () => {
    const fit = fitDistribution('weibull', ovarian);
    const template = (id: string) => MODEL_TEMPLATES.find((t) => t.id === id)!.create() as unknown as HtaModelInput;
    const once = writeFitIntoModel(template('psm'), fit, options);
    const again = writeFitIntoModel(once.model, fit, options);
    const markov = writeFitIntoModel(template('markov'), fit, options);
    const changes = [...once.changes, ...again.changes, ...markov.changes];
    expect(new Set(changes.map((c) => `${c.kind}${'replaced' in c ? String(c.replaced) : ''}`)).size).toBe(8);
    expect(changes.map((c) => fitChangeWords(translator('en'), formatsFor('en'), c))).toEqual(changes.map(fitChangeText));
    const french = changes.map((c) => fitChangeWords(translator('fr-BE'), formatsFor('fr-BE'), c));
    expect(french).toContain('la courbe os_fit est maintenant la courbe de SG');
    expect(french.find((line) => line.startsWith('paramètre os_fit_shape ='))).toMatch(/^paramètre os_fit_shape = \d+,\d+ ajouté$/u);
    const dutch = changes.map((c) => fitChangeWords(translator('nl-BE'), formatsFor('nl-BE'), c));
    for (const line of [...french, ...dutch]) expect(line).not.toMatch(/added|replaced|is now the|has no survival/u);
  });

  it('the parameters\' labels: in English as the engine names them ("os_fit: Weibull shape"), in French and Dutch in their words', () => {
    const fit = fitDistribution('weibull', ovarian);
    const labels = (locale: 'en' | 'fr-BE' | 'nl-BE') => fitModelFragment(fit, { ...options, words: fitWords(translator(locale), formatsFor(locale), fit, options) }).parameters.map((p) => p.label);
    expect(labels('en')).toEqual(['os_fit: Weibull shape', 'os_fit: Weibull scale']);
    expect(labels('en')).toEqual(fitModelFragment(fit, options).parameters.map((p) => p.label));
    expect(labels('fr-BE')).toEqual(['os_fit : forme (Weibull)', 'os_fit : échelle (Weibull)']);
    expect(labels('nl-BE')).toEqual(['os_fit: vorm (Weibull)', 'os_fit: schaal (Weibull)']);
    const exponential = fitDistribution('exponential', ovarian);
    const rate = fitModelFragment(exponential, { ...options, words: fitWords(translator('fr-BE'), formatsFor('fr-BE'), exponential, options) }).parameters[0]!;
    expect(rate.label).toBe('os_fit : taux (exponentielle)');
    expect(rate.description).toMatch(/^Paramètre taux de l’ajustement exponentielle /u);
  });

  it('the family\'s name keeps its capital where it starts a text, and is lower-case inside a French or Dutch sentence', () => {
    const fr = translator('fr-BE');
    const nl = translator('nl-BE');
    expect(textWithFamily(fr, 'log-normal', 'survival.table.useFit')).toBe('Retenir l’ajustement log-normale');
    expect(textWithFamily(nl, 'generalised-gamma', 'survival.table.draw')).toBe('De curve gegeneraliseerde gamma tonen');
    expect(textWithFamily(fr, 'generalised-gamma', 'survival.use.estimates')).toBe('Gamma généralisée : estimations et leur covariance');
    expect(textWithFamily(translator('en'), 'generalised-gamma', 'survival.table.useFit')).toBe('Use the Generalised gamma fit');
    const curve = { kind: 'curve' as const, curve: 'os', replaced: false, distribution: 'log-logistic' as const };
    expect(fitChangeWords(fr, formatsFor('fr-BE'), curve)).toBe('courbe os (log-logistique) ajoutée');
    expect(fitChangeWords(translator('en'), formatsFor('en'), curve)).toBe(fitChangeText(curve));
  });
});

describe('the problems of a model with the fit, as "Use this fit" shows them', () => {
  const warning = {
    path: 'model.submodels.chemo_io.pfs',
    severity: 'warning' as const,
    code: 'pfs-above-os',
    message: 'strategy tissue_only: PFS (pfs) exceeded OS (os) at cycle(s) 1–240; PFS was capped at OS there (base case)',
    params: { strategy: 'tissue_only', pfs: 'pfs', os: 'os', cycles: '1–240' },
  };
  const error = { path: 'parameters[0].value', severity: 'error' as const, code: 'not-a-probability', message: 'parameter p_egfr = 1.5 is not a proportion (must lie in [0, 1])', params: { parameter: 'p_egfr', value: 1.5 } };

  it('in English as the engine words them', () => {
    expect(fitWarningLine(translator('en'), formatsFor('en'), warning)).toBe(`warning: model.submodels.chemo_io.pfs: ${warning.message}`);
    expect(fitProblemRow(translator('en'), formatsFor('en'), error)).toEqual({ path: 'parameters[0].value', message: error.message });
  });

  it.each([['fr-BE', 'avertissement : model.submodels.chemo_io.pfs : ', 'SSP'], ['nl-BE', 'waarschuwing: model.submodels.chemo_io.pfs: ', 'afgetopt']] as const)('in %s from the catalogue', (locale, prefix, word) => {
    const line = fitWarningLine(translator(locale), formatsFor(locale), warning);
    expect(line.startsWith(prefix)).toBe(true);
    expect(line).toContain(word);
    expect(line).not.toContain('exceeded');
    const row = fitProblemRow(translator(locale), formatsFor(locale), error);
    expect(row.path).toBe('parameters[0].value');
    expect(row.message).toContain('p_egfr');
    expect(row.message).not.toContain('must lie');
  });
});
