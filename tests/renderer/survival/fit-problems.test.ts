// Why a fit is not usable, and why "Use this fit" refuses one: the engine says it in English (the CLI's words) and as
// data; the Survival screen words the data in the display language, and in English exactly as the engine does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitDistribution } from '../../../src/engine/survival-fit/fit';
import { survivalData } from '../../../src/engine/survival-fit/survival-data';
import { applySurvivalFit, fitSurvival, survivalFitFragment } from '../../../src/renderer/workers/survival-api';
import { fitChangeWords, fitRefusalWords, unusableFitWords } from '../../../src/renderer/survival/survival-words';
import { describeFileProblem } from '../../../src/report/file-problems';
import { translator } from '../../../src/report/i18n/translate';
import { formatsFor } from '../../../src/report/format';

const FIXTURES = resolve(__dirname, '../../fixtures/survival');
const aml = readFileSync(resolve(FIXTURES, 'aml_ipd.csv'), 'utf8');
const example = (name: string) => JSON.parse(readFileSync(resolve(__dirname, '../../../resources/examples', name), 'utf8')) as unknown;
const locales = ['fr-BE', 'nl-BE'] as const;
const english = /did not converge|do not use it|cannot be used|must start with|has no sub-model|is a markov model|no events|censored times/u;
// Eight patients: the generalised gamma has no interior maximum (the estimates drift along a ridge).
const ridge = fitDistribution('generalised-gamma', survivalData([1, 2, 3, 5, 7, 4, 6, 9], [1, 0, 1, 1, 0, 1, 1, 1]));

describe('a fit that is not usable', () => {
  it('carries why as data: the optimiser stopped on a ridge, with the estimates', () => {
    expect(ridge.converged).toBe(false);
    expect(ridge.problem).toMatchObject({ code: 'not-converged', stop: { code: 'ridge' } });
  });

  it('is worded in English as the engine words it, in French and Dutch from the catalogue with their numbers', () => {
    expect(unusableFitWords(translator('en'), formatsFor('en'), ridge)).toBe(ridge.message);
    const fr = unusableFitWords(translator('fr-BE'), formatsFor('fr-BE'), ridge);
    expect(fr).toMatch(/^l’ajustement gamma généralisée n’a pas convergé : pas d’optimum dans l’espace des paramètres : les estimations dérivent le long d’une crête \(actuellement −?\d+(,\d+)?(e[−-]?\d+)?\u202f; /u);
    expect(fr).toMatch(/ ; ne l’utilisez pas$/u);
    const nl = unusableFitWords(translator('nl-BE'), formatsFor('nl-BE'), ridge);
    expect(nl).toMatch(/^de gegeneraliseerde gamma-aanpassing convergeerde niet: geen optimum binnen de parameterruimte/u);
    for (const text of [fr, nl]) expect(text).not.toMatch(english);
  });
});

describe('"Use this fit" refused', () => {
  const r = fitSurvival({ csv: aml, timeColumn: 'time', eventColumn: 'event', distributions: ['weibull'] });
  if (!r.ok) throw new Error(r.message);
  const fit = r.analysis.fits[0]!;
  const options = { curveId: 'os', timeUnit: 'week' as const, role: 'os' as const, submodel: 'chemo_io', provenance: { dataset: 'aml.csv', n: 23, events: 18, aicRank: 1, candidates: 1 } };
  const tree = example('liquid-biopsy-nsclc.json') as { model: { submodels: Record<string, { type: string }> } };
  const markovSub = structuredClone(tree);
  markovSub.model.submodels.chemo_io!.type = 'markov';
  const refusals = [
    survivalFitFragment(ridge, { ...options, submodel: undefined }),
    survivalFitFragment(fit, { ...options, curveId: '1x' }),
    survivalFitFragment(fit, { ...options, parameterPrefix: 'os-fit' }),
    applySurvivalFit(tree, fit, { ...options, submodel: 'nope' }),
    applySurvivalFit(markovSub, fit, options),
  ];

  it('each with its reason as data', () => {
    expect(refusals.map((o) => (o.ok ? 'ok' : o.problem?.code))).toEqual(['fit-not-usable', 'curve-id-invalid', 'prefix-invalid', 'no-submodel', 'submodel-not-psm']);
  });

  it('in English as the engine words them; in French and Dutch without English', () => {
    for (const outcome of refusals) {
      if (outcome.ok) throw new Error('refused');
      expect(fitRefusalWords(translator('en'), formatsFor('en'), outcome)).toBe(outcome.message);
      for (const locale of locales) {
        const text = fitRefusalWords(translator(locale), formatsFor(locale), outcome);
        expect(text, locale).not.toMatch(english);
        expect(text).not.toBe(outcome.message);
      }
    }
    const [notUsable, curveId, , noSub, notPsm] = refusals.map((o) => (o.ok ? '' : fitRefusalWords(translator('fr-BE'), formatsFor('fr-BE'), o)));
    expect(notUsable).toMatch(/^l’ajustement gamma généralisée ne peut pas être utilisé : l’ajustement gamma généralisée n’a pas convergé/u);
    expect(curveId).toBe('l’identifiant de courbe « 1x » doit commencer par une lettre et ne contenir que des lettres, des chiffres et _');
    expect(noSub).toMatch(/^le modèle n’a pas de sous-modèle « nope » \(sous-modèles : .*chemo_io/u);
    // The sub-model's type worded as the report names model types, not by its code ("markov").
    expect(notPsm).toBe('le sous-modèle « chemo_io » n’est pas un modèle de survie partitionnée (Modèle de cohorte de Markov) ; seuls ces modèles ont des courbes de survie');
    const nlNotPsm = refusals[4]!.ok ? '' : fitRefusalWords(translator('nl-BE'), formatsFor('nl-BE'), refusals[4]!);
    expect(nlNotPsm).toBe('deelmodel “chemo_io” is geen gepartitioneerd overlevingsmodel (Markov-cohortmodel); alleen zulke modellen hebben overlevingscurven');
  });

  it('a model without curves names its type in the display language, not by its code', () => {
    const change = { kind: 'no-curves' as const, modelType: 'markov', example: 'S_weibull(t, a, b)' };
    expect(fitChangeWords(translator('fr-BE'), formatsFor('fr-BE'), change)).toBe('le modèle n’a pas de courbes de survie (Modèle de cohorte de Markov) : utilisez les paramètres dans des expressions, p. ex. S_weibull(t, a, b)');
    expect(fitChangeWords(translator('nl-BE'), formatsFor('nl-BE'), change)).toMatch(/^het model heeft geen overlevingscurven \(Markov-cohortmodel\):/u);
  });

  it('without a reason as data (a refusal of an older worker): the English message, never a blank', () => {
    expect(fitRefusalWords(translator('fr-BE'), formatsFor('fr-BE'), { ok: false, message: 'something else' })).toBe('something else');
  });
});

describe('data without events', () => {
  it('the fit fails with the reason as data, worded in the display language', () => {
    const outcome = fitSurvival({ csv: 'time,event\n1,0\n2,0\n3,0\n', timeColumn: 'time', eventColumn: 'event', distributions: ['weibull'] });
    if (outcome.ok) throw new Error('fitted without events');
    expect(describeFileProblem(outcome, translator('en'), formatsFor('en'))).toBe(outcome.message);
    expect(describeFileProblem(outcome, translator('fr-BE'), formatsFor('fr-BE'))).toBe('aucun événement dans les données : une courbe paramétrique ne peut pas être ajustée à des temps uniquement censurés');
    expect(describeFileProblem(outcome, translator('nl-BE'), formatsFor('nl-BE'))).not.toMatch(english);
  });
});
