// The app's own preferences (not part of any dossier or model), kept in this computer's Web Storage so they apply
// before the workspace opens and also to a read-only workspace. One JSON record; unknown or bad values fall back to
// the defaults, and fields are only ever added.
import { isReportLocale, reportLocaleLabels, reportLocales } from '../../report/format';
import type { ReportLocale } from '../../report/format';

/**
 * The display language: how numbers and dates are shown and read in every field (and, once message catalogues
 * exist, the language of the app's words). The same locales as reports.
 */
export type DisplayLanguage = ReportLocale;
export const displayLanguages = reportLocales;
export const displayLanguageLabels: Record<DisplayLanguage, string> = reportLocaleLabels;

export interface AppSettings {
  displayLanguage: DisplayLanguage;
}

export const defaultSettings: AppSettings = { displayLanguage: 'en' };

/** Web Storage key of the settings record. */
export const SETTINGS_KEY = 'hta-workbench:settings';

export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The stored settings, the defaults for anything missing or unreadable. */
export function readSettings(storage: SettingsStorage | null): AppSettings {
  try {
    const raw = storage?.getItem(SETTINGS_KEY);
    const stored = raw ? (JSON.parse(raw) as unknown) : null;
    const language = stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>).displayLanguage : undefined;
    return { ...defaultSettings, ...(typeof language === 'string' && isReportLocale(language) ? { displayLanguage: language } : {}) };
  } catch {
    return { ...defaultSettings };
  }
}

/** Stores the settings; false when storage is disabled or full (the choice then lasts for this session). */
export function writeSettings(storage: SettingsStorage | null, settings: AppSettings): boolean {
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
    return storage !== null;
  } catch {
    return false;
  }
}
