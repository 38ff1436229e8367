import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { formatsFor, isReportLocale, reportLocaleLabels, reportLocales } from '../../report/format';
import type { NumberFormats, ReportLocale } from '../../report/format';
import { translator } from '../../report/i18n/translate';
import type { Translate } from '../../report/i18n/translate';
import { readSettings, writeSettings } from '../settings/app-settings';
import type { SettingsStorage } from '../settings/app-settings';

// The display language: one setting for the catalogued screens' text and for how numbers, money and dates read
// (English, Nederlands (België), Français (Belgique)). Stored as `displayLanguage` in the app's settings record
// (settings/app-settings.ts), the one place the app's preferences live on this computer.

export interface Language {
  locale: ReportLocale;
  setLocale: (locale: ReportLocale) => void;
  t: Translate;
  fmt: NumberFormats;
}

function browserStorage(): SettingsStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const LanguageContext = createContext<Language | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<ReportLocale>(() => readSettings(browserStorage()).displayLanguage);
  const setLocale = useCallback((next: ReportLocale) => {
    setLocaleState(next);
    // Storage refused (private window, full): the choice then lasts for this session only.
    const storage = browserStorage();
    writeSettings(storage, { ...readSettings(storage), displayLanguage: next });
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale, t: translator(locale), fmt: formatsFor(locale) }), [locale, setLocale]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

const english: Language = { locale: 'en', setLocale: () => undefined, t: translator('en'), fmt: formatsFor('en') };

/** The display language (English outside a provider, e.g. in component tests). */
export function useLanguage(): Language {
  return useContext(LanguageContext) ?? english;
}

/** The display-language choice, for the navigation bar. */
export function LanguageSelect() {
  const { locale, setLocale, t } = useLanguage();
  return (
    <label className="language-select">
      <span>{t('app.language')}</span>
      <select value={locale} onChange={(e) => isReportLocale(e.target.value) && setLocale(e.target.value)} data-testid="display-language">
        {reportLocales.map((l) => (
          <option key={l} value={l}>
            {reportLocaleLabels[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
