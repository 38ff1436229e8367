// Number formats of the results screens: money in the model's currency, effects with fixed decimals, ICERs with
// their unit. A value that is not a finite number is shown as a dash, never as NaN or Infinity. The locale is fixed
// (en-GB: comma thousands, point decimals) so that tables, exports and tests read the same everywhere.

export const LOCALE = 'en-GB';
const DASH = '—';

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string | undefined, digits: number): Intl.NumberFormat {
  const key = `${currency ?? ''}|${digits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = currency && /^[A-Z]{3}$/.test(currency)
      ? new Intl.NumberFormat(LOCALE, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits })
      : new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(key, format);
  }
  return format;
}

/** "€150,039" (whole units by default); a dash when not finite. */
export function formatMoney(value: number | null | undefined, currency?: string, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  // Avoid "-€0" for values that round to zero.
  const rounded = Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value;
  return moneyFormat(currency, digits).format(rounded);
}

/** Signed money for increments: "+€1,348", "−€250". */
export function formatMoneyChange(value: number | null | undefined, currency?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const text = formatMoney(Math.abs(value), currency);
  if (Math.abs(value) < 0.5) return text;
  return `${value < 0 ? '−' : '+'}${text}`;
}

/** A plain number with fixed decimals ("2.019"); a dash when not finite. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const rounded = Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value;
  return rounded.toLocaleString(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Signed number for increments: "+0.0337". */
export function formatNumberChange(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const text = formatNumber(Math.abs(value), digits);
  if (Math.abs(value) < 0.5 * 10 ** -digits) return text;
  return `${value < 0 ? '−' : '+'}${text}`;
}

/** A parameter value as typed by analysts: up to 6 significant digits, no grouping ("0.509", "11800000"). */
export function formatParameter(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  if (value !== 0 && (Math.abs(value) >= 1e9 || Math.abs(value) < 1e-4)) return value.toExponential(3);
  return String(Number(value.toPrecision(6)));
}

/** Axis ticks: "€240M", "€12.5K", "€950"; a dash when not finite. */
export function formatMoneyCompact(value: number, currency?: string): string {
  if (!Number.isFinite(value)) return DASH;
  if (Math.abs(value) < 10000) return formatMoney(value, currency);
  const options: Intl.NumberFormatOptions = { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 };
  if (currency && /^[A-Z]{3}$/.test(currency)) Object.assign(options, { style: 'currency', currency });
  return new Intl.NumberFormat(LOCALE, options).format(value);
}

/** "€40,032 per QALY" or "€6,276 per life-year". */
export function formatIcer(value: number | null | undefined, currency: string | undefined, effect: 'qalys' | 'life-years'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return `${formatMoney(value, currency)} per ${effectUnit(effect)}`;
}

export function effectUnit(effect: 'qalys' | 'life-years'): string {
  return effect === 'qalys' ? 'QALY' : 'life-year';
}

export function effectLabel(effect: 'qalys' | 'life-years'): string {
  return effect === 'qalys' ? 'QALYs' : 'Life-years';
}

/** The effect inside a sentence: "QALYs", "life-years". */
export function effectNoun(effect: 'qalys' | 'life-years'): string {
  return effect === 'qalys' ? 'QALYs' : 'life-years';
}

/** "12.5%" from 0.125. */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return `${(value * 100).toLocaleString(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
}

/** An id as words: "adverse_events" → "Adverse events". */
export function humanise(id: string): string {
  const words = id.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "1 May 2026, 10:03" in the app's locale; the text itself when it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "850 ms", "4.2 s", "3 min 12 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toLocaleString(LOCALE, { maximumFractionDigits: 1 })} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1000)} s`;
}

/** "512 bytes", "48 kB", "3.6 MB" (powers of 1,000). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return DASH;
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1e6) return `${(bytes / 1e3).toLocaleString(LOCALE, { maximumFractionDigits: 0 })} kB`;
  return `${(bytes / 1e6).toLocaleString(LOCALE, { maximumFractionDigits: 1 })} MB`;
}

/** A whole number with thousands separators: "10,000". */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString(LOCALE) : DASH;
}
