import type { FitDistribution } from '../../engine/survival-fit/distributions';
import { DISTRIBUTION_INFO } from '../../engine/survival-fit/distributions';
import type { SurvivalFit } from '../../engine/survival-fit/fit';
import type { FitChange, FitIntoModelOptions, FitWords } from '../../engine/survival-fit/fit-into-model';
import { en } from '../../report/i18n/messages-en';
import type { MessageKey, Translate } from '../../report/i18n/translate';
import { describeProblem } from '../../report/engine-problems';
import type { NumberFormats } from '../../report/format';
import type { FitModelIssue } from '../workers/survival-api';

// Words of the Survival screen that depend on a value: a family's name (Weibull and Gompertz are the same in every
// language, so they have no catalogue key) and a time unit's forms.

export type TimeUnit = 'day' | 'week' | 'month' | 'year';

export function distributionLabel(t: Translate, d: FitDistribution): string {
  const key = `survival.dist.${d}`;
  return Object.hasOwn(en, key) ? t(key as MessageKey) : DISTRIBUTION_INFO[d].label;
}

/** "days", "months": the unit as axis titles and sentences use it. */
export const unitWord = (t: Translate, unit: TimeUnit): string => t(`survival.unit.${unit}`);

/** "per month", or "per 1,000 days" when hazards are scaled. */
export function perUnit(t: Translate, unit: TimeUnit, scale: number, intlLocale: string): string {
  return scale === 1 ? t('survival.per', { unit: t(`survival.unitOne.${unit}`) }) : t('survival.perScale', { scale: scale.toLocaleString(intlLocale), units: unitWord(t, unit) });
}

const decimalMark = (intlLocale: string) => new Intl.NumberFormat(intlLocale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';

/** A statistic in the source text: `digits` significant digits, the display language's decimal mark, no grouping. */
function statistic(x: number, digits: number, mark: string): string {
  return String(Number(x.toPrecision(digits))).replace('.', mark);
}

/**
 * What "Use this fit" writes into the model (parameter labels and descriptions, the curve's label, the source, the
 * joint distribution's name) in the display language: stored as first shown. In English as the engine writes it.
 */
export function fitWords(t: Translate, intlLocale: string, fit: SurvivalFit, options: Pick<FitIntoModelOptions, 'curveId' | 'timeUnit' | 'provenance'>): FitWords {
  const family = distributionLabel(t, fit.distribution);
  const p = options.provenance;
  const mark = decimalMark(intlLocale);
  return {
    family,
    curveLabel: t('survival.write.curveLabel', { family, dataset: p.dataset }),
    source: t('survival.write.source', {
      family, dataset: p.dataset, n: p.n, events: p.events, units: unitWord(t, options.timeUnit),
      aic: statistic(fit.aic, 6, mark), rank: p.aicRank, candidates: p.candidates, bic: statistic(fit.bic, 6, mark), logLik: statistic(fit.logLik, 8, mark),
    }),
    // {name}, {scaleName} and {estimate} are left for the engine to fill in, per parameter.
    parameterDescription: t('survival.write.parameterDescription', { family }),
    decimalMark: mark,
    jointName: t('survival.write.jointName', { curve: options.curveId, family }),
  };
}

/** One change "Use this fit" made to the model, in the display language (in English as the engine words it). */
export function fitChangeWords(t: Translate, intlLocale: string, change: FitChange): string {
  switch (change.kind) {
    case 'parameter':
      return change.replaced ? t('survival.change.parameterReplaced', { id: change.id }) : t('survival.change.parameterAdded', { id: change.id, value: String(change.value).replace('.', decimalMark(intlLocale)) });
    case 'joint-replaced':
      return t('survival.change.jointReplaced', { ids: change.ids.join(', ') });
    case 'joint-added':
      return t('survival.change.jointAdded', { ids: change.ids.join(', ') });
    case 'curve':
      return t(change.replaced ? 'survival.change.curveReplaced' : 'survival.change.curveAdded', { curve: change.curve, family: distributionLabel(t, change.distribution) });
    case 'role':
      return t(change.role === 'os' ? 'survival.change.roleOs' : 'survival.change.rolePfs', { curve: change.curve });
    case 'no-curves':
      return t('survival.change.noCurves', { type: change.modelType, example: change.example });
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
