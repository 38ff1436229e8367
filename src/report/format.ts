// Number, money and date formats, one module for the results screens, the command line and reports. Each locale
// gets one set of formatters (formatsFor); the plain exports below are English (en-GB: comma thousands, point
// decimals), which the command line uses; the screens format through the display-language setting
// (src/renderer/settings/display-format.ts). A value that is not a finite number is shown as a dash, never as NaN
// or Infinity, and negative numbers carry the minus sign "−" (U+2212), not a hyphen.

/** The locales reports (and later the app) can use: English and two comma-decimal Belgian locales. */
import { translator } from './i18n/translate';
import type { Translate } from './i18n/translate';
export const reportLocales = ['en', 'nl-BE', 'fr-BE'] as const;
export type ReportLocale = (typeof reportLocales)[number];
export const reportLocaleLabels: Record<ReportLocale, string> = {
  en: 'English (1,234.5)',
  'nl-BE': 'Nederlands, België (1.234,5)',
  'fr-BE': 'Français, Belgique (1 234,5)',
};
const intlLocales: Record<ReportLocale, string> = { en: 'en-GB', 'nl-BE': 'nl-BE', 'fr-BE': 'fr-BE' };

export function isReportLocale(value: string): value is ReportLocale {
  return (reportLocales as readonly string[]).includes(value);
}

/** The Intl locale of the English formats (kept for callers that format with Intl themselves). */
export const LOCALE = intlLocales.en;
const DASH = '—';

type Num = number | null | undefined;
type Effect = 'qalys' | 'life-years';

export interface NumberFormats {
  readonly locale: ReportLocale;
  /** The BCP 47 tag Intl uses (en-GB, nl-BE, fr-BE). */
  readonly intlLocale: string;
  /** The decimal mark of numbers written without grouping (parameters, statistics in texts): "." or ",". */
  readonly decimalMark: string;
  /** "€150,039" (whole units by default); a dash when not finite. */
  money(value: Num, currency?: string | null, digits?: number): string;
  /** Signed money for increments: "+€1,348", "−€250". */
  moneyChange(value: Num, currency?: string | null, digits?: number): string;
  /** A plain number with fixed decimals ("2.019"). */
  number(value: Num, digits?: number): string;
  /** Signed number for increments: "+0.0337". */
  numberChange(value: Num, digits?: number): string;
  /**
   * Between the numbers of a list or a distribution's arguments: ", " where the decimal mark is a point; where it is a
   * comma, the language's semicolon ("Uniform(0,5 ; 1,5)" in French, "Uniform(0,5; 1,5)" in Dutch).
   */
  readonly listSeparator: string;
  /** A parameter value as typed by analysts: up to 6 significant digits, no grouping ("0.509", "11800000"). */
  parameter(value: Num): string;
  /** The same value for readers: up to 6 significant digits, grouped ("5,294", fr "5 823,4", "0.509"). */
  grouped(value: Num): string;
  /** Axis ticks: "€240m", "€12.5k", "€950". */
  moneyCompact(value: number, currency?: string | null): string;
  /**
   * One style for every tick of a money axis whose largest absolute value is `maxAbs`: all in thousands ("€5k",
   * "€10k"), all in millions or all in full ("€950"), never "€5,000" next to "€10k".
   */
  moneyAxis(maxAbs: number, currency?: string | null): (value: number) => string;
  /** "€40,032 per QALY". */
  icer(value: Num, currency: string | null | undefined, effect: Effect): string;
  /** "12.5%" from 0.125. */
  percent(value: Num, digits?: number): string;
  /** "28 November 2026" from an ISO date-time (UTC; reports). */
  date(iso: string): string;
  /** "28 November 2026, 14:05 UTC" from an ISO date-time (reports, which are read anywhere). */
  dateTime(iso: string): string;
  /**
   * Screens' one date-time: "28 Nov 2026, 15:05" in the reader's own time zone, short enough for a 190 px column
   * (fr "28 nov. 2026, 15:05"); the text itself when it is not a date.
   */
  when(value: string | Date): string;
  /** The exact instant behind `when`, for a title attribute: "Saturday 28 November 2026 at 15:05:32 CET". */
  whenExact(value: string | Date): string;
  /** Screens' day alone: "28 Nov 2026" (reader's time zone). */
  day(value: string | Date): string;
  /** Screens' time of day alone, for what happened minutes ago: "15:05:32" (reader's time zone). */
  time(value: string | Date): string;
}

// The decimal mark Intl writes for each language (tests/report/format: checked against it).
const decimalMarks: Record<ReportLocale, string> = { en: '.', 'nl-BE': ',', 'fr-BE': ',' };

// French sets a (narrow, unbreakable) space before a semicolon, so it never starts a line.
const listSeparators: Record<ReportLocale, string> = { en: ', ', 'nl-BE': '; ', 'fr-BE': '\u202f; ' };

const isCurrencyCode = (c: string | null | undefined): c is string => typeof c === 'string' && /^[A-Z]{3}$/.test(c);
const finite = (v: Num): v is number => v !== null && v !== undefined && Number.isFinite(v);

function createFormats(locale: ReportLocale): NumberFormats {
  const tag = intlLocales[locale];
  const words = translator(locale);
  const cache = new Map<string, Intl.NumberFormat>();
  const intl = (key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    let f = cache.get(key);
    if (!f) {
      f = new Intl.NumberFormat(tag, options);
      cache.set(key, f);
    }
    return f;
  };
  const moneyFormat = (currency: string | null | undefined, digits: number) =>
    isCurrencyCode(currency)
      ? intl(`m|${currency}|${digits}`, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits })
      : intl(`m||${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  // Avoid "-€0" and "-0.000" for values that round to zero.
  const roundedZero = (value: number, digits: number) => (Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value);
  // Screens' date formats, in the reader's time zone (no timeZone option), created once.
  const dateFormats = new Map<string, Intl.DateTimeFormat>();
  const local = (key: string, options: Intl.DateTimeFormatOptions) => (value: string | Date): string => {
    const date = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : DASH;
    let f = dateFormats.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(tag, options);
      dateFormats.set(key, f);
    }
    return f.format(date);
  };
  const compactSuffix = (unit: number) => {
    const parts = intl('suffix', { notation: 'compact' }).formatToParts(unit);
    const at = parts.findIndex((p) => p.type === 'compact');
    return at < 0 ? '' : `${parts[at - 1]?.type === 'literal' ? parts[at - 1]!.value : ''}${parts[at]!.value}`;
  };

  const formats: NumberFormats = {
    locale,
    intlLocale: tag,
    decimalMark: decimalMarks[locale],
    listSeparator: listSeparators[locale],
    money(value, currency, digits = 0) {
      if (!finite(value)) return DASH;
      return minusSign(moneyFormat(currency, digits).format(roundedZero(value, digits)));
    },
    moneyChange(value, currency, digits = 0) {
      if (!finite(value)) return DASH;
      const text = formats.money(Math.abs(value), currency, digits);
      if (Math.abs(value) < 0.5 * 10 ** -digits) return text;
      return `${value < 0 ? '−' : '+'}${text}`;
    },
    number(value, digits = 3) {
      if (!finite(value)) return DASH;
      return minusSign(intl(`n|${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(roundedZero(value, digits)));
    },
    numberChange(value, digits = 4) {
      if (!finite(value)) return DASH;
      const text = formats.number(Math.abs(value), digits);
      if (Math.abs(value) < 0.5 * 10 ** -digits) return text;
      return `${value < 0 ? '−' : '+'}${text}`;
    },
    parameter(value) {
      if (!finite(value)) return DASH;
      const decimalPoint = (text: string) => minusSign(text.replace('.', formats.decimalMark));
      if (value !== 0 && (Math.abs(value) >= 1e9 || Math.abs(value) < 1e-4)) return decimalPoint(value.toExponential(3));
      return decimalPoint(String(Number(value.toPrecision(6))));
    },
    grouped(value) {
      if (!finite(value)) return DASH;
      if (value !== 0 && (Math.abs(value) >= 1e9 || Math.abs(value) < 1e-4)) return formats.parameter(value);
      return minusSign(intl('g', { maximumSignificantDigits: 6 }).format(value));
    },
    moneyCompact(value, currency) {
      if (!Number.isFinite(value)) return DASH;
      if (Math.abs(value) < 10000) return formats.money(value, currency);
      const options: Intl.NumberFormatOptions = { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 };
      if (isCurrencyCode(currency)) Object.assign(options, { style: 'currency', currency });
      return minusSign(intl(`c|${currency ?? ''}`, options).format(value));
    },
    moneyAxis(maxAbs, currency) {
      const unit = !Number.isFinite(maxAbs) ? 1 : Math.abs(maxAbs) >= 1e9 ? 1e9 : Math.abs(maxAbs) >= 1e6 ? 1e6 : Math.abs(maxAbs) >= 1e4 ? 1e3 : 1;
      if (unit === 1) {
        // Small amounts (an EVPPI of cents) need decimals, or ticks at 0.25 steps all read "€0" and "€1".
        const max = Math.abs(maxAbs);
        const digits = max >= 100 ? 0 : max >= 10 ? 1 : max >= 1 ? 2 : max > 0 ? Math.min(6, Math.ceil(-Math.log10(max)) + 2) : 2;
        if (digits === 0) return (value) => formats.money(value, currency);
        const format = isCurrencyCode(currency)
          ? intl(`a|${currency}|${digits}|small`, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: digits })
          : intl(`a||${digits}|small`, { minimumFractionDigits: 0, maximumFractionDigits: digits });
        return (value) => (Number.isFinite(value) ? minusSign(format.format(roundedZero(value, digits))) : DASH);
      }
      const suffix = compactSuffix(unit);
      // Enough decimals for ticks at quarter and half steps of the unit (€0.25m, €2.5m; €12.5m on a €15m axis).
      const digits = Math.abs(maxAbs) / unit < 10 ? 2 : Math.abs(maxAbs) / unit < 100 ? 1 : 0;
      const format = isCurrencyCode(currency)
        ? intl(`a|${currency}|${digits}`, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: digits })
        : intl(`a||${digits}`, { minimumFractionDigits: 0, maximumFractionDigits: digits });
      return (value) => {
        if (!Number.isFinite(value)) return DASH;
        const parts = format.formatToParts(roundedZero(value / unit, digits));
        let last = -1;
        parts.forEach((p, i) => {
          if (p.type === 'integer' || p.type === 'fraction') last = i;
        });
        return minusSign(parts.map((p, i) => (i === last ? p.value + suffix : p.value)).join(''));
      };
    },
    icer(value, currency, effect) {
      if (!finite(value)) return DASH;
      return words('reportText.perUnit', { amount: formats.money(value, currency), unit: words(effect === 'qalys' ? 'reportText.qaly' : 'reportText.lifeYear') });
    },
    percent(value, digits = 1) {
      if (!finite(value)) return DASH;
      return minusSign(intl(`p|${digits}`, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(roundedZero(value, digits + 2)));
    },
    date(iso) {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return DASH;
      return new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
    },
    dateTime(iso) {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return DASH;
      return new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(d) + ' UTC';
    },
    when: local('when', { dateStyle: 'medium', timeStyle: 'short' }),
    whenExact: local('exact', { dateStyle: 'full', timeStyle: 'long' }),
    day: local('day', { dateStyle: 'medium' }),
    time: local('time', { timeStyle: 'medium' }),
  };
  return formats;
}

/**
 * A number with every digit, as the model file or the engine's English gives it ("0.5", "0.6000000000000001"), with
 * the decimal comma of `fmt`'s language; English without `fmt`.
 */
export function typedNumber(x: number, fmt?: NumberFormats): string {
  return fmt ? String(x).replace('.', fmt.decimalMark) : String(x);
}

/** Intl writes a hyphen-minus for negative numbers; typeset numbers use the minus sign. */
function minusSign(text: string): string {
  return text.replace(/-/g, '\u2212');
}

const formatsByLocale = new Map<ReportLocale, NumberFormats>();

/** The formatters of a locale (created once). */
export function formatsFor(locale: ReportLocale): NumberFormats {
  let formats = formatsByLocale.get(locale);
  if (!formats) {
    formats = createFormats(locale);
    formatsByLocale.set(locale, formats);
  }
  return formats;
}

const en = formatsFor('en');

/** "€150,039" (whole units by default); a dash when not finite. */
export function formatMoney(value: Num, currency?: string, digits = 0): string {
  return en.money(value, currency, digits);
}

/** Signed money for increments: "+€1,348", "−€250". */
export function formatMoneyChange(value: Num, currency?: string): string {
  return en.moneyChange(value, currency);
}

/** A plain number with fixed decimals ("2.019"); a dash when not finite. */
export function formatNumber(value: Num, digits = 3): string {
  return en.number(value, digits);
}

/** Signed number for increments: "+0.0337". */
export function formatNumberChange(value: Num, digits = 4): string {
  return en.numberChange(value, digits);
}

/** A parameter value as typed by analysts: up to 6 significant digits, no grouping ("0.509", "11800000"). */
export function formatParameter(value: Num): string {
  return en.parameter(value);
}

/** Axis ticks: "€240m", "€12.5k", "€950"; a dash when not finite. */
export function formatMoneyCompact(value: number, currency?: string): string {
  return en.moneyCompact(value, currency);
}

/** "€40,032 per QALY" or "€6,276 per life-year". */
export function formatIcer(value: Num, currency: string | undefined, effect: Effect): string {
  return en.icer(value, currency, effect);
}

const englishWords = translator('en');

/** One unit of effect: "QALY", "life-year" (English unless a display or report language's `t` is given). */
export function effectUnit(effect: Effect, t: Translate = englishWords): string {
  return t(effect === 'qalys' ? 'reportText.qaly' : 'reportText.lifeYear');
}

/** The effect as a heading: "QALYs", "Life-years". */
export function effectLabel(effect: Effect, t: Translate = englishWords): string {
  return t(effect === 'qalys' ? 'reportText.qalysLabel' : 'reportText.lifeYearsLabel');
}

/** The effect inside a sentence: "QALYs", "life-years". */
export function effectNoun(effect: Effect, t: Translate = englishWords): string {
  return t(effect === 'qalys' ? 'reportText.qalys' : 'reportText.lifeYears');
}

/** "12.5%" from 0.125. */
export function formatPercent(value: Num, digits = 1): string {
  return en.percent(value, digits);
}

/** An id as words: "adverse_events" → "Adverse events". */
export function humanise(id: string): string {
  return capitalFirst(id.replace(/_/g, ' '));
}

/**
 * A composed label as a heading: its first letter in capitals ("Mean {effect}" with "life-years" → "Mean
 * life-years"; French "{effect} (moyenne)" → "Années de vie (moyenne)"). Phrases take the effect's sentence form
 * (effectNoun), so it is lower case mid-phrase in every language and capitalised only where a label starts with it.
 */
export function capitalFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
  return Number.isFinite(n) ? en.number(Math.round(n), 0) : DASH;
}
