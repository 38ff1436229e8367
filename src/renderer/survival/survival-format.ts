// Number formats of the Survival screen: estimates with a precision that suits their size (fixed decimals:
// report/format.ts), in the display language.
import { displayFormats } from '../settings/display-format';
import { translator } from '../../report/i18n/translate';
import type { Translate } from '../../report/i18n/translate';

/** 4 significant digits, thousands separated; "—" for null or non-finite. */
export function formatEstimate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  const f = displayFormats();
  if (magnitude >= 1e5 || magnitude < 1e-3) return value.toExponential(3).replace('.', f.decimalMark).replace(/-/g, '\u2212');
  return Number(value.toPrecision(4)).toLocaleString(f.intlLocale, { maximumFractionDigits: 6 }).replace('-', '\u2212');
}

/** "880 (523–1,480)". */
export function formatWithInterval(e: { estimate: number; lower: number; upper: number } | null, t: Translate = translator('en')): string {
  if (!e) return t('survival.notReached');
  return `${formatEstimate(e.estimate)} (${formatEstimate(e.lower)}–${formatEstimate(e.upper)})`;
}
