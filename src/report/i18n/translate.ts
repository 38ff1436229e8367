// Message catalogues: every user-facing text of a catalogued screen or report part is a key here, looked up in the
// display language. A typed record per language (hand-written: the product needs only lookup and {name}
// placeholders, and TypeScript then refuses a catalogue with a missing key at build time; a test checks the same at
// run time and that placeholders match). The language follows the locale that also formats numbers and dates.
import type { ReportLocale } from '../format';
import { en } from './messages-en';
import type { MessageKey } from './messages-en';
import { fr } from './messages-fr';
import { nl } from './messages-nl';

export type { MessageKey } from './messages-en';
export type Language = 'en' | 'fr' | 'nl';
export type Catalogue = Record<MessageKey, string>;

export const catalogues: Record<Language, Catalogue> = { en, fr, nl };

/** The language of a locale: nl-BE → nl, fr-BE → fr, anything else English. */
export function languageOf(locale: ReportLocale): Language {
  return locale === 'nl-BE' ? 'nl' : locale === 'fr-BE' ? 'fr' : 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A lookup function for one locale; `{name}` placeholders are filled from params (a missing one stays visible). */
export function translator(locale: ReportLocale): Translate {
  const catalogue = catalogues[languageOf(locale)];
  return (key, params) => {
    const text = catalogue[key] ?? en[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
  };
}

/** The `{name}` placeholders a message uses, sorted (the catalogue test compares them across languages). */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}
