import type { Translate } from '../../report/i18n/translate';
import { formatMoney } from '../settings/display-format';

// The words of a model's effect measure (QALYs or life-years) and its ICERs in the display language, for the analysis
// screens; report/format.ts keeps the English ones the reports and the command line use.

type Effect = 'qalys' | 'life-years';

/** "QALYs", "Life-years" as a heading. */
export function effectLabel(effect: Effect, t: Translate): string {
  return t(effect === 'qalys' ? 'analysis.effect.qalysLabel' : 'analysis.effect.lifeYearsLabel');
}

/** The effect inside a sentence: "QALYs", "life-years". */
export function effectNoun(effect: Effect, t: Translate): string {
  return t(effect === 'qalys' ? 'analysis.effect.qalysNoun' : 'analysis.effect.lifeYearsNoun');
}

/** One unit of effect: "QALY", "life-year". */
export function effectUnit(effect: Effect, t: Translate): string {
  return t(effect === 'qalys' ? 'analysis.effect.qalyUnit' : 'analysis.effect.lifeYearUnit');
}

/** "€40,032 per QALY"; a dash when not finite. */
export function formatIcer(value: number | null | undefined, currency: string | undefined, effect: Effect, t: Translate): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return formatMoney(value, currency);
  return t('analysis.icerValue', { amount: formatMoney(value, currency), unit: effectUnit(effect, t) });
}
