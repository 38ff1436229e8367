// Reading numbers people type, one rule for every numeric field of the app (parameters, distributions, ranges,
// thresholds, iterations, counts), tied to the display language like the formats in format.ts:
// - English: point decimals, comma thousands ("10,000" is ten thousand, "0.85" a decimal);
// - Dutch and French (Belgium): comma decimals, point or space thousands ("0,85" a decimal, "10.000" and
//   "10 000" ten thousand).
// A thousands separator must sit between groups of exactly three digits, so "1,5" in English and "0.85" in a comma
// locale are refused with a message saying which decimal sign to use, never read as 15 or 85. A leading "+", "-" or
// the minus sign "−", an exponent ("1e-5", "2,5E3") and surrounding spaces are allowed.
import { formatsFor } from './format';
import type { ReportLocale } from './format';
import { translator } from './i18n/translate';
import type { Translate } from './i18n/translate';

const english = translator('en');

export type ParsedNumber = { ok: true; value: number } | { ok: false; error: string };

export interface NumberRules {
  /** Only whole numbers. */
  whole?: boolean;
  min?: number;
  max?: number;
  /** The field's name for messages ("Iterations must be between 10 and 100,000."), in the language of the messages; default "The number". */
  what?: string;
}

interface Separators {
  decimal: string;
  /** Characters accepted between thousands groups. */
  groups: readonly string[];
  example: string;
}

// U+00A0 (no-break space) and U+202F (narrow no-break space) are what Intl writes in French; accept them when pasted.
const separators: Record<ReportLocale, Separators> = {
  en: { decimal: '.', groups: [','], example: '1,250.5' },
  'nl-BE': { decimal: ',', groups: ['.', ' ', '\u00a0', '\u202f'], example: '1.250,5' },
  'fr-BE': { decimal: ',', groups: [' ', '\u00a0', '\u202f', '.'], example: '1 250,5' },
};

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The number in `text` by the rules of `locale`, or a message saying what is wrong (in the language of `t`). */
export function parseNumber(text: string, locale: ReportLocale, rules: NumberRules = {}, t: Translate = english): ParsedNumber {
  const what = rules.what ?? t('numberInput.theNumber');
  const { decimal, groups, example } = separators[locale];
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: rules.whole ? t('numberInput.enter') : t('numberInput.enterExample', { example }) };
  const group = `[${groups.map(escape).join('')}]`;
  const integer = `(?:\\d{1,3}(?:${group}\\d{3})+|\\d+)`;
  const pattern = new RegExp(`^([+\\-\u2212]?)(${integer})?(?:${escape(decimal)}(\\d*))?(?:[eE]([+\\-\u2212]?\\d+))?$`);
  const match = pattern.exec(trimmed);
  if (!match || (match[2] === undefined && !match[3])) {
    const otherDecimal = decimal === '.' ? ',' : '.';
    if (trimmed.includes(otherDecimal) && /^[+\-\u2212]?[\d.,\s\u00a0\u202f]+$/.test(trimmed)) {
      return { ok: false, error: t(decimal === '.' ? 'numberInput.usePoint' : 'numberInput.useComma', { example }) };
    }
    return { ok: false, error: t('numberInput.notANumber', { text: trimmed }) };
  }
  const [, sign, intPart = '0', fraction = '', exponent] = match;
  const plain = `${sign === '' || sign === '+' ? '' : '-'}${intPart.replace(new RegExp(group, 'g'), '')}.${fraction || '0'}${exponent ? `e${exponent.replace('\u2212', '-')}` : ''}`;
  const value = Number(plain);
  if (!Number.isFinite(value)) return { ok: false, error: t('numberInput.tooLarge', { what }) };
  if (rules.whole && !Number.isInteger(value)) return { ok: false, error: t('numberInput.whole', { what }) };
  const f = formatsFor(locale);
  const show = (v: number) => (rules.whole ? f.number(v, 0) : f.parameter(v));
  if (rules.min !== undefined && rules.max !== undefined && (value < rules.min || value > rules.max)) {
    return { ok: false, error: t('numberInput.between', { what, min: show(rules.min), max: show(rules.max) }) };
  }
  if (rules.min !== undefined && value < rules.min) return { ok: false, error: t('numberInput.atLeast', { what, min: show(rules.min) }) };
  if (rules.max !== undefined && value > rules.max) return { ok: false, error: t('numberInput.atMost', { what, max: show(rules.max) }) };
  return { ok: true, value: value === 0 ? 0 : value };
}
