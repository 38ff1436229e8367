// Number formats of the Survival screen: estimates with a precision that suits their size (fixed decimals:
// results/format.ts).
import { LOCALE } from '../../report/format';

/** 4 significant digits, thousands separated; "—" for null or non-finite. */
export function formatEstimate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) return value.toExponential(3);
  return Number(value.toPrecision(4)).toLocaleString(LOCALE, { maximumFractionDigits: 6 });
}

/** "880 (523–1,480)". */
export function formatWithInterval(e: { estimate: number; lower: number; upper: number } | null): string {
  if (!e) return 'not reached';
  return `${formatEstimate(e.estimate)} (${formatEstimate(e.lower)}–${formatEstimate(e.upper)})`;
}
