// Engine warnings in the reader's language: a utility above 1, PFS above OS (validation, a run's strategy details,
// inside a hybrid's sub-model), budget-impact warnings and the reason the bivariate accuracy model was replaced each
// carry a code and the values of their English text (the CLI's, unchanged); describeProblem / describeWarnings word
// them in French and Dutch and keep the engine's English for English, an unknown code or missing values.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import { validateModel } from '../../src/engine/model/validate';
import type { HtaModelInput } from '../../src/engine/model/schema';
import { strategyDetails } from '../../src/engine/tree/strategy-details';
import { runBudgetImpact } from '../../src/engine/budget/run-budget-impact';
import { metaAnalyseAccuracy } from '../../src/engine/accuracy/meta-analysis';
import type { AccuracyStudy } from '../../src/engine/accuracy/two-by-two';
import { describeAccuracyWarning, describeProblem, describeWarnings } from '../../src/report/engine-problems';
import { translator } from '../../src/report/i18n/translate';
import { formatsFor } from '../../src/report/format';

const fr = translator('fr-BE');
const nl = translator('nl-BE');
const en = translator('en');
const formats = { en: formatsFor('en'), fr: formatsFor('fr-BE'), nl: formatsFor('nl-BE') };

/** PFS exponential(0.1) above OS exponential(0.3): capped at every cycle 1–10. */
function crossingPsm(): HtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'PSM crossing' },
    settings: { cycleLength: 1, cycles: 10, counting: 'life-table', effect: 'qalys' },
    costCategories: [{ id: 'drug' }],
    parameters: [],
    model: {
      type: 'psm',
      curves: { pfs: { dist: 'exponential', rate: 0.1 }, os: { dist: 'exponential', rate: 0.3 } },
      pfs: 'pfs',
      os: 'os',
      stateValues: { PF: { costs: { drug: 1000 }, utility: 0.8 }, PD: { costs: { drug: 500 }, utility: 0.5 } },
    } as never,
    strategies: [{ id: 'S' }],
  };
}

function baseCaseDetails(json: HtaModelInput) {
  const compiled = compileModel(parseModel(json));
  return strategyDetails(compiled.evaluate(compiled.baseParameters()).strategies[0]!)!;
}

describe('utility above one', () => {
  it('carries the parameter and value; French and Dutch from the catalogue, English as the engine says it', () => {
    const model = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'resources', 'examples', 'heemod-intro-two-state.json'), 'utf8')) as { parameters: Record<string, unknown>[] };
    model.parameters.push({ id: 'u_well', value: 1.2, kind: 'utility' });
    const issue = validateModel(model).issues.find((i) => i.code === 'utility-above-one')!;
    expect(issue.message).toBe('parameter u_well = 1.2 is a utility above 1 (full health)');
    expect(issue.params).toEqual({ parameter: 'u_well', value: 1.2 });
    expect(describeProblem(issue, en, formats.en)).toBe(issue.message);
    expect(describeProblem(issue, fr, formats.fr)).toBe('le paramètre u_well = 1,2 est une utilité supérieure à 1 (parfaite santé)');
    expect(describeProblem(issue, nl, formats.nl)).toBe('parameter u_well = 1,2 is een utiliteit boven 1 (volledige gezondheid)');
  });
});

describe('PFS above OS', () => {
  it('the validation warning (base case) carries strategy, curves and cycles', () => {
    const issue = validateModel(crossingPsm()).issues.find((i) => i.code === 'pfs-above-os')!;
    expect(issue.message).toBe('strategy S: PFS (pfs) exceeded OS (os) at cycle(s) 1–10; PFS was capped at OS there (base case)');
    expect(issue.params).toEqual({ strategy: 'S', pfs: 'pfs', os: 'os', cycles: '1–10' });
    expect(describeProblem(issue, en, formats.en)).toBe(issue.message);
    expect(describeProblem(issue, fr, formats.fr)).toBe('stratégie S : la SSP (pfs) dépasse la SG (os) aux cycles 1–10 ; la SSP y a été plafonnée à la SG (cas de base)');
    expect(describeProblem(issue, nl, formats.nl)).toBe('strategie S: PFS (pfs) lag boven OS (os) in cycli 1–10; PFS werd daar afgetopt op OS (basisscenario)');
  });

  it('a run’s strategy details: one detail per warning, worded per language', () => {
    const details = baseCaseDetails(crossingPsm());
    expect(details.warnings).toEqual(['strategy S: PFS (pfs) exceeded OS (os) at cycle(s) 1–10; PFS was capped at OS there']);
    expect(details.warningDetails).toEqual([{ code: 'pfs-capped', params: { strategy: 'S', pfs: 'pfs', os: 'os', cycles: '1–10' } }]);
    expect(describeWarnings(details.warnings, details.warningDetails, en, formats.en)).toEqual(details.warnings);
    expect(describeWarnings(details.warnings, details.warningDetails, fr, formats.fr)).toEqual(['stratégie S : la SSP (pfs) dépasse la SG (os) aux cycles 1–10 ; la SSP y a été plafonnée à la SG']);
    expect(describeWarnings(details.warnings, details.warningDetails, nl, formats.nl)).toEqual(['strategie S: PFS (pfs) lag boven OS (os) in cycli 1–10; PFS werd daar afgetopt op OS']);
  });

  it('inside a hybrid: the sub-model is named', () => {
    const psm = crossingPsm();
    const hybrid = { ...psm, model: { type: 'tree', submodels: { arm: psm.model }, root: { kind: 'decision', branches: [{ id: 'S', kind: 'terminal', submodel: 'arm' }] } } } as unknown as HtaModelInput;
    const details = baseCaseDetails(hybrid);
    expect(details.warnings).toHaveLength(1);
    expect(details.warnings[0]).toMatch(/^sub-model arm: strategy S: PFS \(pfs\) exceeded OS \(os\) at cycle\(s\) 1–10/);
    expect(details.warningDetails).toEqual([{ code: 'submodel-pfs-capped', params: { submodel: 'arm', strategy: 'S', pfs: 'pfs', os: 'os', cycles: '1–10' } }]);
    expect(describeWarnings(details.warnings, details.warningDetails, en, formats.en)).toEqual(details.warnings);
    expect(describeWarnings(details.warnings, details.warningDetails, fr, formats.fr)[0]).toBe('sous-modèle arm, stratégie S : la SSP (pfs) dépasse la SG (os) aux cycles 1–10 ; la SSP y a été plafonnée à la SG');
    expect(describeWarnings(details.warnings, details.warningDetails, nl, formats.nl)[0]).toBe('deelmodel arm, strategie S: PFS (pfs) lag boven OS (os) in cycli 1–10; PFS werd daar afgetopt op OS');
  });

  it('results stored before the details were recorded keep their English', () => {
    expect(describeWarnings(['old warning'], undefined, fr, formats.fr)).toEqual(['old warning']);
  });
});

describe('budget-impact warnings', () => {
  /** A 1-year model linked from a 3-year budget, and a value with a low but no high. */
  const json = {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'Budget warnings' },
    settings: { cycles: 1 },
    parameters: [{ id: 'c_care', value: 100 }],
    model: { type: 'markov', states: [{ id: 'Alive' }], initial: { Alive: 1 }, transitions: [{ from: 'Alive', to: 'Alive', probability: 1 }], stateValues: { Alive: { costs: { care: 'c_care' }, utility: 1 } } },
    costCategories: [{ id: 'care' }],
    strategies: [{ id: 'A' }, { id: 'B' }],
    budgetImpact: {
      horizonYears: 3,
      population: { eligible: { id: 'patients', value: 100, low: 50 } },
      strategies: [{ id: 'A', modelStrategy: 'A' }, { id: 'B', modelStrategy: 'B' }],
      currentWorld: { shares: { A: 1 } },
      newWorld: { shares: { B: 1 } },
    },
  };

  it('a half-given range and a model shorter than the budget horizon', () => {
    const { report, issues } = runBudgetImpact(parseModel(json));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report!.warnings).toEqual([
      'patients: give both low and high to include it in the tornado',
      'the model covers 1 years since entry; linked costs after that are 0 in the budget (horizon 3 years since start)',
    ]);
    expect(report!.warningDetails).toEqual([
      { code: 'bia-half-range', params: { value: 'patients' } },
      { code: 'bia-model-horizon', params: { covered: 1, horizon: 3 } },
    ]);
    expect(describeWarnings(report!.warnings, report!.warningDetails, en, formats.en)).toEqual(report!.warnings);
    expect(describeWarnings(report!.warnings, report!.warningDetails, fr, formats.fr)).toEqual([
      'patients : donnez à la fois la borne basse et la borne haute pour l’inclure dans le diagramme en tornade',
      'le modèle couvre 1 ans depuis l’entrée ; au-delà, les coûts liés valent 0 dans le budget (horizon de 3 ans depuis le début)',
    ]);
    expect(describeWarnings(report!.warnings, report!.warningDetails, nl, formats.nl)).toEqual([
      'patients: geef zowel een onder- als een bovengrens om het in het tornadodiagram op te nemen',
      'het model dekt 1 jaar sinds de intrede; gekoppelde kosten daarna zijn 0 in het budget (horizon 3 jaar sinds de start)',
    ]);
  });
});

describe('the bivariate accuracy model replaced by univariate ones', () => {
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  /** Studies along a threshold curve: the between-study correlation goes to −1. */
  const thresholdStudies: AccuracyStudy[] = [-1.5, -0.8, -0.2, 0.4, 1.1, 1.7].map((t, i) => {
    const tp = Math.round(400 * expit(1 + t));
    const tn = Math.round(400 * expit(2 - t));
    return { study: `S${i + 1}`, tp, fn: 400 - tp, tn, fp: 400 - tn };
  });

  it('a correlation at the boundary: the cause and the correlation, worded in French and Dutch', () => {
    const result = metaAnalyseAccuracy(thresholdStudies, { method: 'reml' });
    const index = result.warningDetails.findIndex((d) => d.code === 'bivariate-failed');
    const detail = result.warningDetails[index]!;
    expect(detail.params.cause).toBe('correlation-boundary');
    const rho = detail.params.rho as string;
    expect(rho).toMatch(/^-0\.99\d|^-1\.000/);
    const problem = { ...detail, message: result.warnings[index]! };
    expect(problem.message).toBe(`the between-study correlation went to ${rho} (the boundary of ±1); fitted univariate random-effects models for sensitivity and specificity instead (correlation assumed 0)`);
    expect(describeProblem(problem, en, formats.en)).toBe(problem.message);
    expect(describeProblem(problem, fr, formats.fr)).toBe(`la corrélation inter-études a atteint ${rho} (la limite de ±1) ; des modèles univariés à effets aléatoires ont été ajustés pour la sensibilité et la spécificité (corrélation supposée nulle)`);
    expect(describeProblem(problem, nl, formats.nl)).toBe(`de correlatie tussen studies ging naar ${rho} (de grens van ±1); in de plaats daarvan werden univariate random-effectsmodellen voor sensitiviteit en specificiteit geschat (correlatie verondersteld 0)`);
  });

  it('each other cause has its wording; an unknown cause keeps the English', () => {
    const message = 'the reason; fitted univariate random-effects models for sensitivity and specificity instead (correlation assumed 0)';
    const said = (params: Record<string, string | number>, t = fr, f = formats.fr) => describeProblem({ code: 'bivariate-failed', params: { reason: 'the reason', ...params }, message }, t, f);
    expect(said({ cause: 'zero-variance', measure: 'specificity' })).toMatch(/^la variance inter-études du logit de la spécificité est nulle, aucune corrélation ne peut donc être estimée ; des modèles/);
    expect(said({ cause: 'zero-variance', measure: 'sensitivity' }, nl, formats.nl)).toMatch(/^de variantie tussen studies van de logit-sensitiviteit is 0, dus kan geen correlatie worden geschat; in de plaats/);
    expect(said({ cause: 'not-converged' })).toMatch(/^l’ajustement bivarié n’a pas convergé ; /);
    expect(said({ cause: 'no-covariance' }, nl, formats.nl)).toMatch(/^de covariantie van de gepoolde logits kon niet worden geschat; /);
    expect(said({ cause: 'something new' })).toBe(message);
    expect(said({ cause: 'correlation-boundary' })).toBe(message); // its value missing
    expect(said({ cause: 'not-converged' }, en, formats.en)).toBe(message);
  });
});

describe('accuracy warnings: one wording for the accuracy screen and the report', () => {
  it('too few studies and a zero between-study variance, in English (the engine\'s text), French and Dutch', () => {
    const studies: AccuracyStudy[] = [
      { study: 'A', tp: 40, fn: 10, tn: 80, fp: 20 },
      { study: 'B', tp: 45, fn: 5, tn: 70, fp: 30 },
      { study: 'C', tp: 30, fn: 20, tn: 90, fp: 10 },
    ];
    const result = metaAnalyseAccuracy(studies, { method: 'reml' });
    const few = result.warningDetails.findIndex((d) => d.code === 'few-studies');
    expect(few).toBeGreaterThanOrEqual(0);
    expect(describeAccuracyWarning(result, few, en, formats.en)).toBe(result.warnings[few]);
    expect(describeAccuracyWarning(result, few, nl, formats.nl)).toBe('slechts 3 studies: het bivariate model vereist er minstens 4; in de plaats daarvan werden univariate random-effectsmodellen voor sensitiviteit en specificiteit geschat (correlatie verondersteld 0)');
    expect(describeAccuracyWarning(result, few, fr, formats.fr)).toMatch(/^seulement 3 études : le modèle bivarié en demande au moins 4 ; des modèles univariés à effets aléatoires ont été ajustés/);
    const zero = { warnings: ['the between-study variance of logit specificity is estimated as 0 (no heterogeneity beyond chance)'], warningDetails: [{ code: 'zero-tau2', params: { measure: 'specificity' } }], studies };
    expect(describeAccuracyWarning(zero, 0, en, formats.en)).toBe(zero.warnings[0]);
    expect(describeAccuracyWarning(zero, 0, nl, formats.nl)).toBe('de variantie tussen studies van de logit-specificiteit wordt op 0 geschat (geen heterogeniteit buiten toeval)');
  });
});

describe('fallback', () => {
  it('an unknown code, a known code without its values, or no code: the engine’s English', () => {
    expect(describeProblem({ code: 'not-yet-known', params: { value: 2 }, message: 'something new happened' }, nl, formats.nl)).toBe('something new happened');
    expect(describeProblem({ code: 'bia-model-horizon', params: { covered: 1 }, message: 'the model covers 1 years' }, fr, formats.fr)).toBe('the model covers 1 years');
    expect(describeProblem({ code: 'pfs-capped', params: {}, message: 'capped' }, nl, formats.nl)).toBe('capped');
  });
});
