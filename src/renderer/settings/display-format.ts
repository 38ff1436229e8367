// The number formats and the number reader of the display language, for the screens. The formats themselves live
// in report/format.ts and the reading rule in report/number-input.ts (shared with reports and the command line);
// this module only binds them to the language chosen in the settings, which SettingsProvider sets before the
// screens render (they are drawn again when it changes). Word helpers are re-exported so a screen has one import.
import { formatsFor } from '../../report/format';
import type { NumberFormats } from '../../report/format';
import { parseNumber } from '../../report/number-input';
import type { NumberRules, ParsedNumber } from '../../report/number-input';
import type { DisplayLanguage } from './app-settings';
import type { Translate } from '../../report/i18n/translate';

export { capitalFirst, effectLabel, effectNoun, effectUnit, formatBytes, formatDuration, humanise } from '../../report/format';

let active: NumberFormats = formatsFor('en');

/** Called by SettingsProvider only. */
export function setDisplayLanguageFormats(language: DisplayLanguage): void {
  active = formatsFor(language);
}

/** The formats of the display language. */
export function displayFormats(): NumberFormats {
  return active;
}

type Num = number | null | undefined;

export const formatMoney = (value: Num, currency?: string, digits = 0) => active.money(value, currency, digits);
export const formatMoneyChange = (value: Num, currency?: string) => active.moneyChange(value, currency);
export const formatNumber = (value: Num, digits = 3) => active.number(value, digits);
export const formatNumberChange = (value: Num, digits = 4) => active.numberChange(value, digits);
export const formatParameter = (value: Num) => active.parameter(value);
export const formatMoneyCompact = (value: number, currency?: string) => active.moneyCompact(value, currency);
export const formatMoneyAxis = (maxAbs: number, currency?: string) => active.moneyAxis(maxAbs, currency);
export const formatIcer = (value: Num, currency: string | undefined, effect: 'qalys' | 'life-years') => active.icer(value, currency, effect);
export const formatPercent = (value: Num, digits = 1) => active.percent(value, digits);
export const formatCount = (n: number) => (Number.isFinite(n) ? active.number(Math.round(n), 0) : '—');

/**
 * A number as the text a field starts with, in full precision by the display language's rule ("0.85" in English,
 * "0,85" in Dutch or French), so the field reads back the same number unchanged.
 */
export function editableNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const text = String(value);
  return text.replace('.', active.decimalMark);
}

/** A number typed in any field, by the display language's rule (report/number-input.ts); messages in `t`'s language. */
export function parseDisplayNumber(text: string, rules?: NumberRules, t?: Translate): ParsedNumber {
  return parseNumber(text, active.locale, rules, t);
}

/** For forms checked by a schema afterwards: the number typed, or NaN (which the schema reports) when it is not one. */
export function numberOrNaN(text: string): number {
  const parsed = parseNumber(text, active.locale);
  return parsed.ok ? parsed.value : Number.NaN;
}
