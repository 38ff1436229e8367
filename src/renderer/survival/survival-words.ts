import type { FitDistribution } from '../../engine/survival-fit/distributions';
import { DISTRIBUTION_INFO } from '../../engine/survival-fit/distributions';
import type { SurvivalFit, SurvivalFitProblem } from '../../engine/survival-fit/fit';
import type { FitChange, FitIntoModelOptions, FitIntoModelProblem, FitWords } from '../../engine/survival-fit/fit-into-model';
import { fitChangeText } from '../../engine/survival-fit/fit-into-model';
import type { MinimiseStop } from '../../engine/numeric/newton';
import { en } from '../../report/i18n/messages-en';
import type { MessageKey, Translate } from '../../report/i18n/translate';
import { describeProblem, familyInText } from '../../report/engine-problems';
import { modelTypeName } from '../../report/build/methods';
import type { NumberFormats } from '../../report/format';
import type { FitModelIssue, FitRefusal } from '../workers/survival-api';

// Words of the Survival screen that depend on a value: a family's name (Weibull and Gompertz are the same in every
// language, so they have no catalogue key) and a time unit's forms.

export type TimeUnit = 'day' | 'week' | 'month' | 'year';

export function distributionLabel(t: Translate, d: FitDistribution): string {
  const key = `survival.dist.${d}`;
  return Object.hasOwn(en, key) ? t(key as MessageKey) : DISTRIBUTION_INFO[d].label;
}

/** The family's name inside a sentence: lower-case in French and Dutch ("Ajustement gamma généralisée"). */
const distributionInText = (t: Translate, d: FitDistribution): string => familyInText(d, t);

/**
 * A text with the family `{family}` (or another placeholder) in it, in its sentence form, except where it starts the
 * text ("Gegeneraliseerde gamma-aanpassing"): there it keeps its capital.
 */
function withFamily(t: Translate, d: FitDistribution, key: MessageKey, values: Record<string, string | number>, placeholder = 'family'): string {
  const inText = distributionInText(t, d);
  const text = t(key, { ...values, [placeholder]: inText });
  return text.startsWith(inText) ? distributionLabel(t, d) + text.slice(inText.length) : text;
}

/** "Use the gamma généralisée fit" and the like: screen texts with the family's name as `{label}`. */
export const textWithFamily = (t: Translate, d: FitDistribution, key: MessageKey, values: Record<string, string | number> = {}, placeholder = 'label'): string => withFamily(t, d, key, values, placeholder);

/** A parameter's name in the display language ("forme"); the model format's name when it has no catalogue word (mu). */
function parameterName(t: Translate, name: string): string {
  const key = `survival.parameterName.${name}`;
  return Object.hasOwn(en, key) ? t(key as MessageKey) : name;
}

/** "days", "months": the unit as axis titles and sentences use it. */
export const unitWord = (t: Translate, unit: TimeUnit): string => t(`survival.unit.${unit}`);

/** "per month", or "per 1,000 days" when hazards are scaled. */
export function perUnit(t: Translate, unit: TimeUnit, scale: number, intlLocale: string): string {
  return scale === 1 ? t('survival.per', { unit: t(`survival.unitOne.${unit}`) }) : t('survival.perScale', { scale: scale.toLocaleString(intlLocale), units: unitWord(t, unit) });
}

/** A statistic in the source text: `digits` significant digits, the display language's decimal mark, no grouping. */
function statistic(x: number, digits: number, mark: string): string {
  return String(Number(x.toPrecision(digits))).replace('.', mark);
}

/**
 * What "Use this fit" writes into the model (parameter labels and descriptions, the curve's label, the source, the
 * joint distribution's name) in the display language: stored as first shown. In English as the engine writes it.
 */
export function fitWords(t: Translate, fmt: NumberFormats, fit: SurvivalFit, options: Pick<FitIntoModelOptions, 'curveId' | 'timeUnit' | 'provenance'>): FitWords {
  const d = fit.distribution;
  const p = options.provenance;
  const mark = fmt.decimalMark;
  return {
    family: distributionLabel(t, d),
    // {name} is left for the engine to fill in, per parameter (so are {scaleName} and {estimate} below).
    parameterLabel: withFamily(t, d, 'survival.write.parameterLabel', { curve: options.curveId, name: '{name}' }),
    parameterNames: Object.fromEntries(DISTRIBUTION_INFO[d].parameters.map((name) => [name, parameterName(t, name)])),
    curveLabel: withFamily(t, d, 'survival.write.curveLabel', { dataset: p.dataset }),
    source: withFamily(t, d, 'survival.write.source', {
      dataset: p.dataset, n: p.n, events: p.events, units: unitWord(t, options.timeUnit),
      aic: statistic(fit.aic, 6, mark), rank: p.aicRank, candidates: p.candidates, bic: statistic(fit.bic, 6, mark), logLik: statistic(fit.logLik, 8, mark),
    }),
    parameterDescription: withFamily(t, d, 'survival.write.parameterDescription', { name: '{name}', scaleName: '{scaleName}', estimate: '{estimate}' }),
    decimalMark: mark,
    jointName: withFamily(t, d, 'survival.write.jointName', { curve: options.curveId }),
  };
}

/** One change "Use this fit" made to the model, in the display language (in English as the engine words it). */
export function fitChangeWords(t: Translate, fmt: NumberFormats, change: FitChange): string {
  if (fmt.locale === 'en') return fitChangeText(change);
  switch (change.kind) {
    case 'parameter':
      return change.replaced ? t('survival.change.parameterReplaced', { id: change.id }) : t('survival.change.parameterAdded', { id: change.id, value: String(change.value).replace('.', fmt.decimalMark) });
    case 'joint-replaced':
      return t('survival.change.jointReplaced', { ids: change.ids.join(', ') });
    case 'joint-added':
      return t('survival.change.jointAdded', { ids: change.ids.join(', ') });
    case 'curve':
      return withFamily(t, change.distribution, change.replaced ? 'survival.change.curveReplaced' : 'survival.change.curveAdded', { curve: change.curve });
    case 'role':
      return t(change.role === 'os' ? 'survival.change.roleOs' : 'survival.change.rolePfs', { curve: change.curve });
    case 'no-curves':
      return t('survival.change.noCurves', { type: modelTypeName(change.modelType, t), example: change.example });
  }
}

/** A problem of the model with the fit, for the problems dialog: where it is, and what (in the display language). */
export function fitProblemRow(t: Translate, fmt: NumberFormats, issue: FitModelIssue): { path: string; message: string } {
  return { path: issue.path, message: describeProblem(issue, t, fmt) };
}

/** "warning: <where>: <what>" for a warning of the model with the fit, in the display language. */
export function fitWarningLine(t: Translate, fmt: NumberFormats, issue: FitModelIssue): string {
  return t('survival.use.warningLine', { path: issue.path, warning: describeProblem(issue, t, fmt) });
}

/** Why the optimiser stopped, in the display language (numbers in its format). */
function stopWords(t: Translate, fmt: NumberFormats, stop: MinimiseStop): string {
  switch (stop.code) {
    case 'converged':
      return t('survival.problem.stop.converged', { iterations: stop.iterations });
    case 'start-not-finite':
      return t('survival.problem.stop.startNotFinite');
    case 'ridge':
      return t('survival.problem.stop.ridge', { estimates: stop.estimates.map((x) => fmt.parameter(x)).join(fmt.listSeparator) });
    case 'stalled':
      return t('survival.problem.stop.stalled', { decrease: fmt.parameter(stop.decrease) });
    case 'max-iterations':
      return t('survival.problem.stop.maxIterations', { iterations: stop.iterations, decrease: fmt.parameter(stop.decrease) });
  }
}

function fitProblemWords(t: Translate, fmt: NumberFormats, d: FitDistribution, problem: SurvivalFitProblem): string {
  const reason = stopWords(t, fmt, problem.stop);
  return problem.code === 'not-converged' ? withFamily(t, d, 'survival.problem.notConverged', { reason }) : t('survival.problem.noCovariance', { reason });
}

/** Why a fit is not usable (under its row of the table): in the display language; in English as the engine words it. */
export function unusableFitWords(t: Translate, fmt: NumberFormats, fit: Pick<SurvivalFit, 'distribution' | 'message' | 'problem'>): string {
  if (fmt.locale === 'en' || !fit.problem) return fit.message;
  return fitProblemWords(t, fmt, fit.distribution, fit.problem);
}

function refusalWords(t: Translate, fmt: NumberFormats, problem: FitIntoModelProblem): string | undefined {
  switch (problem.code) {
    case 'fit-not-usable':
      return problem.problem ? withFamily(t, problem.distribution, 'survival.problem.fitNotUsable', { reason: fitProblemWords(t, fmt, problem.distribution, problem.problem) }) : undefined;
    case 'curve-id-invalid':
      return t('survival.problem.curveId', { id: problem.id });
    case 'prefix-invalid':
      return t('survival.problem.prefix', { prefix: problem.prefix });
    case 'no-submodel':
      return t('survival.problem.noSubmodel', { submodel: problem.submodel, submodels: problem.submodels.join(', ') || t('survival.problem.noSubmodels') });
    case 'submodel-not-psm':
      return t('survival.problem.submodelNotPsm', { submodel: problem.submodel, type: modelTypeName(problem.type, t) });
  }
}

/** Why "Use this fit" refused the fit, in the display language; in English (or without a reason as data) the engine's words. */
export function fitRefusalWords(t: Translate, fmt: NumberFormats, refusal: FitRefusal): string {
  if (fmt.locale === 'en' || !refusal.problem) return refusal.message;
  return refusalWords(t, fmt, refusal.problem) ?? refusal.message;
}
