// What an evaluation failure is about (a cost or utility in a state, a curve, survival at a time, one-off costs, a
// bare expression, a PSA draw) comes from the engine as data, so French and Dutch screens name it in their own words
// and write its numbers with a decimal comma; the English message (the command line's) stays as it was.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateModel } from '../../src/engine/model/validate';
import type { HtaModelInput } from '../../src/engine/model/schema';
import { evaluationParams, subjectText } from '../../src/engine/errors';
import type { EvaluationSubject, ModelIssue } from '../../src/engine/errors';
import { describeDrawFailure, describeProblem } from '../../src/report/engine-problems';
import { parseModel } from '../../src/engine/compile-model';
import { createPsaSetup } from '../../src/engine/psa/psa-setup';
import { PsaDrawError, runPsa } from '../../src/engine/psa/psa-run';
import { formatsFor } from '../../src/report/format';
import { translator } from '../../src/report/i18n/translate';

const TWO_STATE = resolve(__dirname, '..', '..', 'resources', 'examples', 'heemod-intro-two-state.json');
const say = {
  en: (p: ModelIssue) => describeProblem(p, translator('en'), formatsFor('en')),
  fr: (p: ModelIssue) => describeProblem(p, translator('fr-BE'), formatsFor('fr-BE')),
  nl: (p: ModelIssue) => describeProblem(p, translator('nl-BE'), formatsFor('nl-BE')),
};

function firstError(json: unknown): ModelIssue {
  const issue = validateModel(json).issues.find((i) => i.severity === 'error');
  if (!issue) throw new Error('no error');
  return issue;
}

function twoState(edit: (m: { model: { stateValues: Record<string, { costs: Record<string, unknown>; utility: unknown }> } }) => void): unknown {
  const model = JSON.parse(readFileSync(TWO_STATE, 'utf8')) as Parameters<typeof edit>[0];
  edit(model);
  return model;
}

function psm(os: Record<string, unknown>, strategyParameters: Record<string, number> = {}): HtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'PSM' },
    settings: { cycleLength: 1, cycles: 10, counting: 'life-table', effect: 'qalys' },
    costCategories: [{ id: 'drug' }],
    parameters: [{ id: 'shape', value: 1.5, kind: 'other' }],
    model: { type: 'psm', curves: { pfs: { dist: 'exponential', rate: 1 }, os }, pfs: 'pfs', os: 'os', stateValues: { PF: { costs: { drug: 1000 }, utility: 0.8 }, PD: { costs: { drug: 500 }, utility: 0.5 } } } as never,
    strategies: [{ id: 'S', parameters: strategyParameters }],
  };
}

describe('evaluation failures name their subject in the display language', () => {
  it('a cost in a state that is not a number (Markov)', () => {
    const issue = firstError(twoState((m) => (m.model.stateValues.B!.costs.cost = '(p_AB - 0.1) / (p_AB - 0.1)')));
    expect(issue.message).toMatch(/^cost cost in state B is not a number \(NaN\) \(transition|^cost cost in state B is not a number \(NaN\) \(strategy/u);
    expect(issue.params).toMatchObject({ subjectCode: 'state-cost', subjectName: 'B', subjectCategory: 'cost' });
    expect(say.en(issue)).toBe(issue.message);
    expect(say.fr(issue)).toBe('coût cost dans l’état B n’est pas un nombre (NaN) (stratégie base, cycle 1)');
    expect(say.nl(issue)).toBe('kosten cost in toestand B is geen getal (NaN) (strategie base, cyclus 1)');
  });

  it('a utility in a state that is not a number (Markov)', () => {
    const issue = firstError(twoState((m) => (m.model.stateValues.A!.utility = '(p_AB - 0.1) / (p_AB - 0.1)')));
    expect(issue.params).toMatchObject({ subjectCode: 'state-utility', subjectName: 'A' });
    expect(say.en(issue)).toBe(issue.message);
    expect(say.fr(issue)).toMatch(/^utilité dans l’état A n’est pas un nombre \(NaN\) \(stratégie base, cycle 1\)$/u);
    expect(say.nl(issue)).toMatch(/^utiliteit in toestand A is geen getal \(NaN\) /u);
  });

  it('a curve whose parameters are unusable: the curve, why (with its family) and the value with a decimal comma', () => {
    const issue = firstError(psm({ dist: 'weibull', shape: 'shape', scale: 3 }, { shape: -1.5 }));
    expect(issue.message).toMatch(/^curve os: weibull shape and scale must be > 0 \(got -1\.5; strategy S\)/u);
    expect(issue.params).toMatchObject({ subjectCode: 'curve', subjectName: 'os', subjectProblem: 'shape-scale', subjectFamily: 'weibull', value: -1.5 });
    expect(say.en(issue)).toBe(issue.message);
    expect(say.fr(issue)).toBe('courbe os : la forme et l’échelle (Weibull) doivent être > 0 (valeur -1,5 ; stratégie S)');
    expect(say.nl(issue)).toBe('curve os: vorm en schaal (Weibull) moeten > 0 zijn (waarde -1,5; strategie S)');
    const hr = firstError(psm({ dist: 'hazard-ratio', curve: 'pfs', hr: 'shape' }, { shape: -2 }));
    expect(say.fr(hr)).toBe('courbe os : le rapport de risque doit être un nombre fini ≥ 0 (valeur -2 ; stratégie S)');
  });

  it('survival at a time that is not a number: the time with a decimal comma', () => {
    // Gompertz with rate 0 is 0 · Infinity = NaN from 3.5 years on the half-cycle grid.
    const issue = firstError(psm({ dist: 'gompertz', shape: 210, rate: 0 }));
    expect(issue.params).toMatchObject({ subjectCode: 'survival-at', subjectYears: 3.5 });
    expect(say.en(issue)).toBe(issue.message);
    expect(say.fr(issue)).toBe('survie à 3,5 ans n’est pas un nombre (NaN) (stratégie S, cycle 3,5)');
    expect(say.nl(issue)).toBe('overleving na 3,5 jaar is geen getal (NaN) (strategie S, cyclus 3,5)');
  });

  it('a bare expression that is not a number (a tree\'s cost)', () => {
    const tree: HtaModelInput = {
      format: 'hta-workbench-model',
      version: 1,
      metadata: { title: 'Tree' },
      settings: { cycleLength: 1, effect: 'qalys' },
      costCategories: [{ id: 'care' }],
      parameters: [{ id: 'p_a', value: 0.3, kind: 'probability' }],
      model: {
        type: 'tree',
        root: { kind: 'decision', branches: [{ id: 'A', kind: 'chance', branches: [
          { id: 'a_yes', kind: 'terminal', probability: 'p_a', costs: { care: '(p_a - 0.3) / (p_a - 0.3)' }, qalys: 1 },
          { id: 'a_no', kind: 'terminal', probability: 'C', qalys: 2 },
        ] }] },
      } as never,
      strategies: [{ id: 'A' }],
    };
    const issue = firstError(tree);
    expect(issue.message).toMatch(/^"\(p_a - 0\.3\) \/ \(p_a - 0\.3\)" is not a number \(NaN\)/u);
    expect(issue.params).toMatchObject({ subjectCode: 'expression', subjectName: '"(p_a - 0.3) / (p_a - 0.3)"' });
    expect(say.en(issue)).toBe(issue.message);
    expect(say.fr(issue)).toBe('l’expression « (p_a - 0.3) / (p_a - 0.3) » n’est pas un nombre (NaN) (stratégie A, cycle 0)');
    expect(say.nl(issue)).toBe('uitdrukking ‘(p_a - 0.3) / (p_a - 0.3)’ is geen getal (NaN) (strategie A, cyclus 0)');
  });
});

describe('every subject the engine names has catalogue words, in English as the engine says it', () => {
  const subjects: EvaluationSubject[] = [
    { code: 'parameter', name: 'p' },
    { code: 'probability', name: 'p * 2' },
    { code: 'expression', name: 'x / y' },
    { code: 'time', name: 't_wait' },
    { code: 'initial-share', name: 'A' },
    { code: 'state-cost', name: 'A', category: 'drug' },
    { code: 'state-utility', name: 'A' },
    { code: 'transitions-from', name: 'A' },
    { code: 'curve', name: 'os', problem: 'sdlog', family: 'log-normal' },
    { code: 'survival-at', years: 2.5 },
    { code: 'one-off-cost', name: 'surgery' },
    { code: 'one-off-qalys' },
    { code: 'chance-branches', name: 'Test' },
    { code: 'background-mortality' },
    { code: 'waiting-utility' },
    { code: 'waiting-mortality' },
    { code: 'distribution-draw', name: 'c_drug', distribution: 'gamma' },
    { code: 'strategy-total-cost', name: 'S' },
    { code: 'strategy-total-effect', name: 'S' },
  ];
  const issueOf = (subjectOf: EvaluationSubject): ModelIssue => {
    const details = { code: 'not-a-number' as const, strategy: 'S', cycle: 2, subject: subjectText(subjectOf), subjectOf, value: 0.5, parameters: {}, path: [] };
    return { code: 'not-a-number', severity: 'error', path: [], message: 'the engine’s message', params: evaluationParams(details) };
  };

  it('the French and Dutch words differ from the English, carry every name, and the value has a decimal comma', () => {
    for (const s of subjects) {
      const issue = issueOf(s);
      const names = Object.entries(s).filter(([k]) => k === 'name' || k === 'category').map(([, v]) => String(v));
      for (const text of [say.fr(issue), say.nl(issue)]) {
        expect(text, s.code).not.toBe(issue.message);
        for (const name of names) expect(text, s.code).toContain(name);
        expect(text, s.code).toContain('0,5');
        expect(text, s.code).not.toMatch(/\{\w+\}/u);
      }
    }
  });

  it('the PSA draw subjects read as the run says them', () => {
    const draw = issueOf({ code: 'distribution-draw', name: 'c_drug', distribution: 'gamma' });
    expect(say.fr(draw)).toBe('la loi gamma du paramètre c_drug a donné 0,5, qui n’est pas un nombre fini (vérifiez les paramètres de la loi)');
    expect(say.nl(issueOf({ code: 'strategy-total-cost', name: 'S' }))).toBe('de totale kosten van strategie S is geen eindig getal (0,5): de getrokken waarden zijn te groot om op te tellen');
  });

  it('an unknown subject kind keeps the engine\'s English', () => {
    const issue = { ...issueOf({ code: 'one-off-qalys' }), params: { ...issueOf({ code: 'one-off-qalys' }).params, subjectCode: 'something-new' } };
    expect(say.fr(issue)).toBe(issue.message);
  });
});

describe('a PSA draw that fails, as the uncertainty screen shows it', () => {
  it('the draw, the problem with its subject and the sampled values in French and Dutch; English keeps the message', () => {
    const json = JSON.parse(readFileSync(TWO_STATE, 'utf8')) as { parameters: Record<string, unknown>[] };
    json.parameters[0]!.uncertainty = { distribution: { type: 'normal', mean: 0.1, sd: 0.3 } };
    let error: unknown = null;
    try {
      runPsa(createPsaSetup(parseModel(json), 7), { iterations: 200 });
    } catch (e) {
      error = e;
    }
    if (!(error instanceof PsaDrawError)) throw new Error('the run did not fail');
    const { draw, parameters } = error.failure;
    expect(describeDrawFailure(error.failure, translator('en'), formatsFor('en'))).toBeUndefined();
    const fr = describeDrawFailure(error.failure, translator('fr-BE'), formatsFor('fr-BE'))!;
    const value = String(parameters.p_AB).replace('.', ',');
    expect(fr.startsWith(`tirage ${draw} : paramètre p_AB = ${value} n’est pas une probabilité (stratégie base, cycle 1) ; valeurs tirées : `)).toBe(true);
    expect(fr).toContain(`p_AB = ${value}`);
    expect(fr).not.toMatch(/is not a probability|sampled values/u);
    const nl = describeDrawFailure(error.failure, translator('nl-BE'), formatsFor('nl-BE'))!;
    expect(nl).toMatch(new RegExp(`^trekking ${draw}: parameter p_AB = .+ is geen kans .*; getrokken waarden: `, 'u'));
  });

  it('a distribution that drew no number: the subject from the run, worded', () => {
    const subjectOf: EvaluationSubject = { code: 'distribution-draw', name: 'c_drug', distribution: 'gamma' };
    const details = { code: 'not-a-number' as const, strategy: '', cycle: 0, subject: subjectText(subjectOf), subjectOf, value: NaN, parameters: {}, path: [] };
    expect(describeDrawFailure({ draw: 4, parameters: { c_drug: NaN, p: 0.25 }, details }, translator('fr-BE'), formatsFor('fr-BE'))).toBe(
      `tirage 4 : la loi gamma du paramètre c_drug a donné NaN, qui n’est pas un nombre fini (vérifiez les paramètres de la loi) ; valeurs tirées : c_drug = NaN${formatsFor('fr-BE').listSeparator}p = 0,25`,
    );
  });
});
