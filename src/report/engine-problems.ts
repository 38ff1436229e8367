// Engine problems (validation issues, analysis failures, warnings) in the reader's language: the engine words its
// messages in English for the CLI and attaches a stable code and the values they are built from; here a known code
// is worded from the catalogue, and anything else keeps the engine's English message (never a blank or a key).
import { translator } from './i18n/translate';
import type { MessageKey, Translate } from './i18n/translate';
import type { WarningDetail } from '../engine/errors';
import type { ProblemDetail } from '../shared/problem-detail';
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
};

/** Why the bivariate accuracy model was replaced by univariate ones, per cause the engine names. */
const bivariateCauses: Record<string, { key: MessageKey; needs: string[] }> = {
  'zero-variance:sensitivity': { key: 'engineProblem.bivariate.zeroVarianceSensitivity', needs: [] },
  'zero-variance:specificity': { key: 'engineProblem.bivariate.zeroVarianceSpecificity', needs: [] },
  'correlation-boundary': { key: 'engineProblem.bivariate.correlationBoundary', needs: ['rho'] },
  'not-converged': { key: 'engineProblem.bivariate.notConverged', needs: [] },
  'no-covariance': { key: 'engineProblem.bivariate.noCovariance', needs: [] },
};

function bivariateFailure(params: Record<string, string | number>, t: Translate): string | undefined {
  const cause = bivariateCauses[params.cause === 'zero-variance' ? `zero-variance:${params.measure}` : String(params.cause)];
  if (!cause || cause.needs.some((name) => params[name] === undefined)) return undefined;
  return t('accuracy.warn.fallback', { reason: t(cause.key, params) });
}

/** A failure's subject worded anew, by the kind the engine gives (its name as in the model). */
const subjectKeys: Record<string, MessageKey> = {
  parameter: 'engineProblem.subject.parameter',
  probability: 'engineProblem.subject.probability',
  'initial-share': 'engineProblem.subject.initialShare',
};

/** The params with the subject in the language of `t`, when the engine gave it as data. */
function withSubject(params: Record<string, string | number>, t: Translate): Record<string, string | number> {
  const key = subjectKeys[String(params.subjectCode)];
  return key && params.subjectName !== undefined ? { ...params, subject: t(key, { name: params.subjectName }) } : params;
}

/** A name taken by the expression language or by a table, per what clashes and what was named (`clash:kind`). */
const reservedNames: Record<string, { key: MessageKey; needs: string[] }> = {
  'language:parameter': { key: 'engineProblem.reservedParameter', needs: ['id'] },
  'language:table': { key: 'engineProblem.reservedTable', needs: ['id'] },
  'table:parameter': { key: 'engineProblem.parameterNamedAsTable', needs: ['id'] },
};

/** An evaluated probability out of range names its subject rather than a parameter. */
const evaluatedProbability: { key: MessageKey; needs: string[] } = { key: 'engineProblem.evaluatedNotAProbability', needs: ['subject', 'value', 'strategy', 'cycle'] };

/**
 * The problem in the language of `t`; the engine's English message for a code (or values) it does not know. A
 * problem with the model file's schema needs the number formats `fmt` too (without them: English).
 */
export function describeProblem(problem: DescribableProblem, t: Translate, fmt?: NumberFormats): string {
  if (problem.detail) return fmt ? describeFileProblem(problem, t, fmt) : problem.message;
  const params = problem.params;
  if (!problem.code || !params) return problem.message;
  if (problem.code === 'bivariate-failed') {
    const text = bivariateFailure(params, t);
    return text === undefined || text === bivariateFailure(params, english) ? problem.message : text;
  }
  let entry = byCode[problem.code];
  if (problem.code === 'not-a-probability' && params.parameter === undefined) entry = evaluatedProbability;
  if (problem.code === 'reserved-name') entry = reservedNames[`${params.clash}:${params.kind}`];
  if (!entry || entry.needs.some((name) => params[name] === undefined)) return problem.message;
  const text = t(entry.key, withSubject(params, t));
  // In English the engine's own message is the text: it may say more (the parameters involved, the row's entries).
  return text === english(entry.key, withSubject(params, english)) ? problem.message : text;
}

/** Warnings given as English texts with their codes and values alongside (same order; absent in old results). */
export function describeWarnings(warnings: readonly string[], details: readonly WarningDetail[] | undefined, t: Translate): string[] {
  return warnings.map((message, i) => describeProblem({ ...details?.[i], message }, t));
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
export function describeAccuracyWarning(r: AccuracyWarnings, i: number, t: Translate): string {
  const detail = r.warningDetails[i];
  if (detail?.code === 'few-studies') return t('accuracy.warn.fewStudies', { n: detail.params.n ?? r.studies.length, min: detail.params.min ?? '' });
  if (detail?.code === 'zero-tau2') return t(detail.params.measure === 'specificity' ? 'accuracy.warn.tau0.specificity' : 'accuracy.warn.tau0.sensitivity');
  return describeProblem({ ...detail, message: r.warnings[i]! }, t);
}
