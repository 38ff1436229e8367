// Engine problems (validation issues, analysis failures, warnings) in the reader's language: the engine words its
// messages in English for the CLI and attaches a stable code and the values they are built from; here a known code
// is worded from the catalogue, and anything else keeps the engine's English message (never a blank or a key).
import { placeholdersOf, translator } from './i18n/translate';
import type { MessageKey, Translate } from './i18n/translate';
import { en } from './i18n/messages-en';
import { evaluationParams } from '../engine/errors';
import type { CurveProblem, EvaluationErrorDetails, EvaluationSubject, WarningDetail } from '../engine/errors';
import type { ProblemDetail } from '../shared/problem-detail';
import { formatsFor, typedNumber } from './format';
import { DISTRIBUTION_INFO } from '../engine/survival-fit/distributions';
import type { FitDistribution } from '../engine/survival-fit/distributions';
import type { NumberFormats } from './format';
import { describeFileProblem } from './file-problems';

const english = translator('en');

/** What a screen or report has of a problem: the engine's message, and its code and values when it gave them. */
export interface DescribableProblem {
  code?: string;
  params?: Record<string, string | number>;
  message: string;
  /** A problem with the model file itself (its schema), worded by describeFileProblem. */
  detail?: ProblemDetail;
}

/** Catalogue text and the params it needs, per engine code. */
const byCode: Record<string, { key: MessageKey; needs: string[] }> = {
  'not-a-probability': { key: 'engineProblem.notAProbability', needs: ['parameter', 'value'] },
  'row-sum': { key: 'engineProblem.rowSum', needs: ['from', 'value', 'strategy', 'cycle'] },
  'initial-sum': { key: 'engineProblem.initialSum', needs: ['value', 'strategy'] },
  'not-a-number': { key: 'engineProblem.notANumber', needs: ['subject', 'value', 'strategy', 'cycle'] },
  'unknown-name': { key: 'engineProblem.unknownName', needs: ['name', 'expression'] },
  syntax: { key: 'engineProblem.syntax', needs: ['expression'] },
  'dependency-cycle': { key: 'engineProblem.dependencyCycle', needs: ['cycle'] },
  'utility-above-one': { key: 'engineProblem.utilityAboveOne', needs: ['parameter', 'value'] },
  'pfs-above-os': { key: 'engineProblem.pfsAboveOs', needs: ['strategy', 'pfs', 'os', 'cycles'] },
  'pfs-capped': { key: 'engineProblem.pfsCappedAt', needs: ['strategy', 'pfs', 'os', 'cycles'] },
  'submodel-pfs-capped': { key: 'engineProblem.submodelPfsCappedAt', needs: ['submodel', 'strategy', 'pfs', 'os', 'cycles'] },
  'bia-half-range': { key: 'engineProblem.biaHalfRange', needs: ['value'] },
  'bia-model-horizon': { key: 'engineProblem.biaModelHorizon', needs: ['covered', 'horizon'] },
  'unknown-function': { key: 'engineProblem.unknownFunction', needs: ['name', 'expression'] },
  'state-time-not-available': { key: 'engineProblem.stateTimeNotAvailable', needs: ['expression'] },
  'simpson-odd-cycles': { key: 'engineProblem.simpsonOddCycles', needs: ['cycles'] },
  negative: { key: 'engineProblem.negative', needs: ['parameter', 'value', 'kindName'] },
  'negative-cost': { key: 'engineProblem.negativeCost', needs: ['parameter', 'value'] },
  'time-varying-tree': { key: 'engineProblem.timeVaryingTree', needs: ['expression'] },
  'time-varying-initial': { key: 'engineProblem.timeVaryingInitial', needs: ['state'] },
  'probability-at-decision': { key: 'engineProblem.probabilityAtDecision', needs: ['branch'] },
};

/** A tree node without branches, by the node's kind. */
const noBranches: Record<string, { key: MessageKey; needs: string[] }> = {
  chance: { key: 'engineProblem.noBranchesChance', needs: ['node'] },
  decision: { key: 'engineProblem.noBranchesDecision', needs: ['node'] },
};

/** Codes the engine uses for more than one problem: the entry by the values it gives (the first that fits). */
const byCodeAndValues: Record<string, { key: MessageKey; needs: string[] }[]> = {
  'two-complements': [
    { key: 'engineProblem.twoComplementsInRow', needs: ['from'] },
    { key: 'engineProblem.twoComplementsAtNode', needs: ['node'] },
  ],
  'missing-value': [
    { key: 'engineProblem.noUtility', needs: ['state', 'missing'] },
    { key: 'engineProblem.branchNeedsProbability', needs: ['branch', 'missing'] },
    { key: 'engineProblem.noCycles', needs: ['missing'] },
  ],

};

/** Why the bivariate accuracy model was replaced by univariate ones, per cause the engine names. */
const bivariateCauses: Record<string, { key: MessageKey; needs: string[] }> = {
  'zero-variance:sensitivity': { key: 'engineProblem.bivariate.zeroVarianceSensitivity', needs: [] },
  'zero-variance:specificity': { key: 'engineProblem.bivariate.zeroVarianceSpecificity', needs: [] },
  'correlation-boundary': { key: 'engineProblem.bivariate.correlationBoundary', needs: ['rho'] },
  'not-converged': { key: 'engineProblem.bivariate.notConverged', needs: [] },
  'no-covariance': { key: 'engineProblem.bivariate.noCovariance', needs: [] },
};

function bivariateFailure(params: Record<string, string | number>, t: Translate, fmt: NumberFormats): string | undefined {
  const cause = bivariateCauses[params.cause === 'zero-variance' ? `zero-variance:${params.measure}` : String(params.cause)];
  if (!cause || cause.needs.some((name) => params[name] === undefined)) return undefined;
  return t('accuracy.warn.fallback', { reason: t(cause.key, wordedParams(params, t, fmt) ?? params) });
}

/** A failure's subject worded anew, by the kind the engine gives, from its names as in the model (EvaluationSubject). */
const subjectKeys: Record<EvaluationSubject['code'], MessageKey> = {
  parameter: 'engineProblem.subject.parameter',
  probability: 'engineProblem.subject.probability',
  expression: 'engineProblem.subject.expression',
  time: 'engineProblem.subject.time',
  'initial-share': 'engineProblem.subject.initialShare',
  'state-cost': 'engineProblem.subject.stateCost',
  'state-utility': 'engineProblem.subject.stateUtility',
  'transitions-from': 'engineProblem.subject.transitionsFrom',
  curve: 'engineProblem.subject.curve',
  'survival-at': 'engineProblem.subject.survivalAt',
  'one-off-cost': 'engineProblem.subject.oneOffCost',
  'one-off-qalys': 'engineProblem.subject.oneOffQalys',
  'chance-branches': 'engineProblem.subject.chanceBranches',
  'background-mortality': 'engineProblem.subject.backgroundMortality',
  'waiting-utility': 'engineProblem.subject.waitingUtility',
  'waiting-mortality': 'engineProblem.subject.waitingMortality',
  'distribution-draw': 'engineProblem.subject.distributionDraw',
  'strategy-total-cost': 'engineProblem.subject.strategyTotalCost',
  'strategy-total-effect': 'engineProblem.subject.strategyTotalEffect',
};

/** Why a curve's parameters are unusable (CurveSubject.problem). */
const curveProblems: Record<CurveProblem, MessageKey> = {
  'not-finite': 'engineProblem.curveProblem.notFinite',
  'rate-negative': 'engineProblem.curveProblem.rateNegative',
  'shape-scale': 'engineProblem.curveProblem.shapeScale',
  sdlog: 'engineProblem.curveProblem.sdlog',
  sigma: 'engineProblem.curveProblem.sigma',
  'hazard-ratio': 'engineProblem.curveProblem.hazardRatio',
  'cut-points': 'engineProblem.curveProblem.cutPoints',
};

/** Params the engine gives as a quoted expression (quoteExpression: JSON quotes), re-quoted as the language quotes. */
const quotedParams = new Set(['expression', 'subjectName']);

/** `"p_death * 100"` as « p_death * 100 » in French, ‘p_death * 100’ in Dutch; a value not in JSON quotes as it is. */
function inLanguageQuotes(value: string, t: Translate): string {
  if (!/^".*"$/su.test(value)) return value;
  try {
    const text: unknown = JSON.parse(value);
    return typeof text === 'string' ? t('engineProblem.quoted', { text }) : value;
  } catch {
    return value;
  }
}

/** The subject's names as the catalogue's placeholders: `subjectName` → `name`, `subjectCategory` → `category`… */
function subjectValues(params: Record<string, string | number>): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (/^subject[A-Z]/u.test(key) && key !== 'subjectCode') values[key[7]!.toLowerCase() + key.slice(8)] = value;
  }
  return values;
}

/**
 * A survival family's name inside a sentence: lower-case in French and Dutch ("gamma généralisée"); Weibull and
 * Gompertz, the same in every language, have no catalogue key. A family the engine does not know: as written.
 */
export function familyInText(family: string, t: Translate): string {
  const key = `survival.distInText.${family}`;
  if (Object.hasOwn(en, key)) return t(key as MessageKey);
  return Object.hasOwn(DISTRIBUTION_INFO, family) ? DISTRIBUTION_INFO[family as FitDistribution].label : family;
}

/**
 * The params with the subject in the language of `t` when the engine gave it as data, and every number with the
 * decimal mark of `fmt`; undefined when the subject's kind or names are not all known (the caller keeps the English).
 */
function wordedParams(params: Record<string, string | number>, t: Translate, fmt: NumberFormats): Record<string, string | number> | undefined {
  const numbers: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    numbers[key] = typeof value === 'number' ? typedNumber(value, fmt) : quotedParams.has(key) ? inLanguageQuotes(value, t) : value;
  }
  // A parameter's kind ("rate") as the parameter editor names it.
  const kindKey = `param.kind.${params.kind}`;
  if (params.kind !== undefined && Object.hasOwn(en, kindKey)) numbers.kindName = t(kindKey as MessageKey);
  if (params.subjectCode === undefined) return numbers;
  const key = Object.hasOwn(subjectKeys, params.subjectCode) ? subjectKeys[params.subjectCode as EvaluationSubject['code']] : undefined;
  if (!key) return undefined;
  const values = subjectValues(numbers);
  if (params.subjectCode === 'curve') {
    const problem = Object.hasOwn(curveProblems, String(values.problem)) ? curveProblems[values.problem as CurveProblem] : undefined;
    if (!problem || placeholdersOf(english(problem)).some((name) => values[name] === undefined)) return undefined;
    values.problem = t(problem, values.family === undefined ? {} : { family: familyInText(String(values.family), t) });
  }
  if (placeholdersOf(english(key)).some((name) => values[name] === undefined)) return undefined;
  return { ...numbers, subject: t(key, values), ...(params.subjectCode === 'curve' ? { problem: values.problem! } : {}) };
}

/** A name taken by the expression language or by a table, per what clashes and what was named (`clash:kind`). */
const reservedNames: Record<string, { key: MessageKey; needs: string[] }> = {
  'language:parameter': { key: 'engineProblem.reservedParameter', needs: ['id'] },
  'language:table': { key: 'engineProblem.reservedTable', needs: ['id'] },
  'table:parameter': { key: 'engineProblem.parameterNamedAsTable', needs: ['id'] },
};

/** An evaluated probability out of range names its subject rather than a parameter. */
const evaluatedProbability: { key: MessageKey; needs: string[] } = { key: 'engineProblem.evaluatedNotAProbability', needs: ['subject', 'value', 'strategy', 'cycle'] };

/** Failures the engine words in a sentence of their own, by subject: a curve's unusable parameters, a PSA draw. */
const notANumberBySubject: Record<string, { key: MessageKey; needs: string[] }> = {
  curve: { key: 'engineProblem.curveParameter', needs: ['subject', 'problem', 'value', 'strategy'] },
  'distribution-draw': { key: 'engineProblem.drawNotFinite', needs: ['subject', 'value'] },
  'strategy-total-cost': { key: 'engineProblem.totalNotFinite', needs: ['subject', 'value'] },
  'strategy-total-effect': { key: 'engineProblem.totalNotFinite', needs: ['subject', 'value'] },
};

/** The catalogue text and the values it needs for this problem, or undefined for a code or values not known. */
function entryOf(code: string, params: Record<string, string | number>): { key: MessageKey; needs: string[] } | undefined {
  if (code === 'not-a-probability' && params.parameter === undefined) return evaluatedProbability;
  if (code === 'not-a-number' && params.subjectCode !== undefined && Object.hasOwn(notANumberBySubject, params.subjectCode)) return notANumberBySubject[params.subjectCode];
  if (code === 'reserved-name') return reservedNames[`${params.clash}:${params.kind}`];
  if (code === 'no-branches') return Object.hasOwn(noBranches, String(params.kind)) ? noBranches[String(params.kind)] : undefined;
  if (Object.hasOwn(byCodeAndValues, code)) return byCodeAndValues[code]!.find((e) => e.needs.every((name) => params[name] !== undefined));
  return Object.hasOwn(byCode, code) ? byCode[code] : undefined;
}

/**
 * The problem in the language of `t`, numbers with the decimal mark of `fmt`; the engine's English message for a
 * code (or values) it does not know, and in English.
 */
export function describeProblem(problem: DescribableProblem, t: Translate, fmt: NumberFormats): string {
  if (problem.detail) return describeFileProblem(problem, t, fmt);
  const params = problem.params;
  if (!problem.code || !params) return problem.message;
  if (problem.code === 'bivariate-failed') {
    const text = bivariateFailure(params, t, fmt);
    return text === undefined || text === bivariateFailure(params, english, formatsFor('en')) ? problem.message : text;
  }
  const entry = entryOf(problem.code, params);
  if (!entry) return problem.message;
  const worded = wordedParams(params, t, fmt);
  if (!worded || entry.needs.some((name) => worded[name] === undefined)) return problem.message;
  const text = t(entry.key, worded);
  // In English the engine's own message is the text: it may say more (the parameters involved, the row's entries).
  return text === english(entry.key, wordedParams(params, english, formatsFor('en')) ?? params) ? problem.message : text;
}

/** What describeDrawFailure needs of a failed PSA draw (PsaDrawError.failure in src/engine/psa). */
interface DrawFailure {
  draw: number;
  parameters: Record<string, number>;
  details: EvaluationErrorDetails;
}

/**
 * A PSA draw that failed, in the language of `t` with the draw's sampled values in the numbers of `fmt`; undefined
 * in English or when the failure cannot be worded (the caller shows the engine's message).
 */
export function describeDrawFailure(failure: DrawFailure, t: Translate, fmt: NumberFormats): string | undefined {
  if (fmt.locale === 'en') return undefined;
  const problem = describeProblem({ code: failure.details.code, params: evaluationParams(failure.details), message: '' }, t, fmt);
  if (problem === '') return undefined;
  const values = Object.entries(failure.parameters).map(([name, value]) => `${name} = ${typedNumber(value, fmt)}`);
  return t('engineProblem.drawFailed', { draw: failure.draw, problem, values: values.join(fmt.listSeparator) });
}

/** Warnings given as English texts with their codes and values alongside (same order; absent in old results). */
export function describeWarnings(warnings: readonly string[], details: readonly WarningDetail[] | undefined, t: Translate, fmt: NumberFormats): string[] {
  return warnings.map((message, i) => describeProblem({ ...details?.[i], message }, t, fmt));
}

/** What describeAccuracyWarning needs of a meta-analysis (src/engine/accuracy). */
interface AccuracyWarnings {
  warnings: readonly string[];
  warningDetails: readonly (WarningDetail | undefined)[];
  studies: readonly unknown[];
}

/**
 * The meta-analysis's warning `i` in the language of `t`, worded once for the accuracy screen and the report (which
 * writes it as a sentence); the engine's English text for a warning without a code.
 */
export function describeAccuracyWarning(r: AccuracyWarnings, i: number, t: Translate, fmt: NumberFormats): string {
  const detail = r.warningDetails[i];
  if (detail?.code === 'few-studies') return t('accuracy.warn.fewStudies', { n: detail.params.n ?? r.studies.length, min: detail.params.min ?? '' });
  if (detail?.code === 'zero-tau2') return t(detail.params.measure === 'specificity' ? 'accuracy.warn.tau0.specificity' : 'accuracy.warn.tau0.sensitivity');
  return describeProblem({ ...detail, message: r.warnings[i]! }, t, fmt);
}
