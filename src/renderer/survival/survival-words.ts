import type { FitDistribution } from '../../engine/survival-fit/distributions';
import { DISTRIBUTION_INFO } from '../../engine/survival-fit/distributions';
import { en } from '../../report/i18n/messages-en';
import type { MessageKey, Translate } from '../../report/i18n/translate';

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
