import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { readSettings, writeSettings } from './app-settings';
import type { AppSettings, DisplayLanguage, SettingsStorage } from './app-settings';
import { setDisplayLanguageFormats } from './display-format';

// The app's settings for every screen. Changing the display language draws the screens again (their key changes),
// so every number on screen and in every field follows it at once.

interface SettingsValue {
  settings: AppSettings;
  setDisplayLanguage: (language: DisplayLanguage) => void;
}

const SettingsContext = createContext<SettingsValue | null>(null);

function browserStorage(): SettingsStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function SettingsProvider({ children, storage = browserStorage() }: { children: (language: DisplayLanguage) => ReactNode; storage?: SettingsStorage | null }) {
  const [settings, setSettings] = useState(() => readSettings(storage));
  setDisplayLanguageFormats(settings.displayLanguage);
  const setDisplayLanguage = useCallback(
    (language: DisplayLanguage) => {
      setSettings((s) => {
        const next = { ...s, displayLanguage: language };
        writeSettings(storage, next);
        return next;
      });
    },
    [storage],
  );
  // Screen readers and the browser's hyphenation read the page in its language.
  useEffect(() => {
    document.documentElement.lang = settings.displayLanguage;
  }, [settings.displayLanguage]);
  const value = useMemo(() => ({ settings, setDisplayLanguage }), [settings, setDisplayLanguage]);
  return <SettingsContext.Provider value={value}>{children(settings.displayLanguage)}</SettingsContext.Provider>;
}

/** The settings and their setters; outside a provider (unit tests of single screens), the defaults. */
export function useSettings(): SettingsValue {
  return useContext(SettingsContext) ?? { settings: readSettings(null), setDisplayLanguage: () => undefined };
}
